"""Hook: the theme's templates are compiled once, not once per language build and preview
rebuild (MkDocs makes a new theme environment for each), and kept for the next build."""

from pathlib import Path

from portfolio.templating import compile_once

# Hooks ------------------------------------------------------------------------


def on_env(env, config, files):
    return compile_once(env, Path(config.config_file_path).parent)
