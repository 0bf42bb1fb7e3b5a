# Good Tutoring Portfolio: every target bootstraps what it needs.
#   make site     build every language into site/ (and the offline zip), print a summary
#   make test     lint + the whole test suite, browser tests included
#   make serve    preview with live reload on http://127.0.0.1:8000 (LANG=fr: one language)
#   make offline  only the offline zip
#   make check    validate the curriculum and handbook, print every problem
#   make bench    measure the build (bench/results.md)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: site test serve offline check schema lint clean browser bench

# Environments --------------------------------------------------------------
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

# What the tests use from Debian: Chromium (never Playwright's own download), a Java
# runtime for the Nu HTML checker, poppler-utils to read PDFs back, and HarfBuzz's
# subsetter, with which WeasyPrint embeds fonts faster, and LibreOffice (without its
# desktop) to open the editable forms as an office suite would.
DEBIAN_PACKAGES := chromium default-jre-headless poppler-utils libharfbuzz-subset0 libreoffice-writer-nogui
browser:
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || { \
	  apt-get update -qq && apt-get install -y -qq $(DEBIAN_PACKAGES); }

# Outputs -------------------------------------------------------------------
site: $(STAMP) $(NODE_STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m portfolio build

offline: $(STAMP) $(NODE_STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m portfolio offline

# `make serve LANG=fr` previews one language, with the default one for the pages it
# lacks (LANG given on the command line, not the locale from the environment); of the
# default language's site only the home page is built.
PREVIEW := $(if $(filter command line,$(origin LANG)),$(LANG),)
serve: $(STAMP) $(NODE_STAMP)
	@$(PY) -m portfolio check --config > /dev/null || $(PY) -m portfolio check --config
	LANG=C.UTF-8 PORTFOLIO_PREVIEW=1 PORTFOLIO_PREVIEW_LANGUAGE=$(PREVIEW) NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(PY) -m portfolio check

schema: $(STAMP)
	$(PY) -m portfolio schema

# Quality -------------------------------------------------------------------
lint: $(STAMP)
	$(VENV)/bin/ruff check src hooks tests
	$(VENV)/bin/ruff format --check src hooks tests

# One test process per core (pytest-xdist), at most four; a test file's tests stay in one
# process, which sets up the file's shared fixtures once. The site is built once for all;
# files are handed out in the order tests/conftest.py gives (the files that need no build
# run while it is made), not largest first.
test: $(STAMP) $(NODE_STAMP) browser lint
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -n auto --maxprocesses=4 --dist loadfile --no-loadscope-reorder

# Figures, not assertions: stage times, plain-MkDocs ratio, scaling, page weight.
bench: $(STAMP) $(NODE_STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m portfolio bench

clean:
	rm -rf site dist .pytest_cache .cache
