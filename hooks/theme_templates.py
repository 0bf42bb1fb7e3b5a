"""Hook: the theme's templates are compiled once per process, not once per language
build and preview rebuild (MkDocs makes a new theme environment for each)."""

from portfolio.templating import compile_once

# Hooks ------------------------------------------------------------------------


def on_env(env, config, files):
    return compile_once(env)
