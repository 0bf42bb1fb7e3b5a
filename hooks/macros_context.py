"""Hook: register the portfolio macros and refresh per-language variables.

mkdocs-macros copies `config.extra` in its own on_config, before static-i18n
applies the language's overrides, so its values come out one language behind.
Running after both (priority -200) and setting the variables again fixes that; a
text of `extra` the language does not translate yet is marked as English there.
It also swaps in a sandboxed Jinja environment (a page cannot reach Python's internals,
nor MkDocs' objects beyond its own title and front matter) and removes mkdocs-macros'
variables about the build (the navigation, every file, the configuration, git).
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from portfolio.build_state import current_language, state
from portfolio.page_templates import BUILD_VARIABLES, sandboxed
from portfolio.pages import PageMacros
from portfolio.templating import partials_environment

# Hooks ------------------------------------------------------------------------


@event_priority(-200)
def on_config(config):
    macros = config.plugins["macros"]
    project = Path(config.config_file_path).parent
    env = partials_environment(Path(config.theme.custom_dir), project)
    page_macros = PageMacros(state(config), current_language(config), env, lambda: macros.page)
    macros.register_macros(page_macros.macros())
    macros.variables.update(page_macros.variables(config.extra, _untranslated_extra(config)))
    # Pages are untrusted: render them in a sandbox (mkdocs-macros has no option for it,
    # so its environment is replaced by a sandboxed copy with the same settings).
    macros._env = sandboxed(macros.env, lambda: macros.page, project)
    _without_build_variables(macros)
    return config


@event_priority(-200)  # after mkdocs-macros, which sets `navigation` and `files` here
def on_nav(nav, config, files):
    _without_build_variables(config.plugins["macros"])
    return nav


def _untranslated_extra(config) -> set[str]:
    """The texts of `extra` that some language translates (its `extra` in the i18n
    plugin) and the language being built does not: the default language's stand in."""
    i18n = config.plugins["i18n"]
    if current_language(config) == i18n.default_language:
        return set()
    translated = {key for language in i18n.config.languages for key in (language.extra or {})}
    return translated - set(i18n.current_language_config.extra or {})


def _without_build_variables(macros) -> None:
    for name in BUILD_VARIABLES:
        macros.variables.pop(name, None)
