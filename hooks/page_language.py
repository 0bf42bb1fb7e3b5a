"""Hook: give templates the language being built: its interface strings (`ui`), its
root folder (`language_root`, where its own search index lives) and the theme's labels
in it, with those the interface writes itself (`theme_language`, `theme_labels`, read
by overrides/partials/languages/custom.html); the language each title of the menus is
in (filters `nav_title` and `toc_title`, for the theme's partials that mark a title not
yet translated); and write the heading links' title ("Permanent link") in that language."""

import functools

from mkdocs.plugins import event_priority

from portfolio.build_state import current_language, state
from portfolio.interface import strings_for, theme_labels
from portfolio.language_checks import LABELS
from portfolio.language_pages import nav_title, toc_title

# Hooks ------------------------------------------------------------------------


@event_priority(-200)  # after static-i18n (-100) has chosen the language
def on_config(config):
    build = state(config)
    ui = strings_for(build.interface, current_language(config), build.languages.default)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui["permalink-title"]
    # static-i18n has named the language as the theme's; the theme reads its labels
    # through the project's file instead, which imports that language's (on_env).
    config.theme["language"] = LABELS
    return config


def on_env(env, config, files):
    build = state(config)
    lang = current_language(config)
    env.globals["ui"] = strings_for(build.interface, lang, build.languages.default)
    env.globals["language_root"] = build.languages.folder(lang) or "."
    env.globals["theme_language"] = lang
    env.globals["theme_labels"] = theme_labels(build.interface, lang)
    translated = frozenset((config.plugins["i18n"].current_language_config.nav_translations or {}).values())
    env.filters["nav_title"] = functools.partial(
        nav_title, lang=lang, default=build.languages.default, translated=translated
    )
    env.filters["toc_title"] = functools.partial(toc_title, lang=lang)
    return env
