"""`python -m portfolio`."""

from portfolio.cli import main

raise SystemExit(main())
