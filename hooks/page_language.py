"""Hook: give templates the language being built: its interface strings (`ui`), its
root folder (`language_root`, where its own search index lives) and the theme's labels
in it, with those the interface writes itself (`theme_language`, `theme_labels`, read
by overrides/partials/languages/custom.html); mark each title of the menus, the header
and the footer not yet translated with its language (WCAG 3.1.2); and write the heading
links' title ("Permanent link") in that language."""

from mkdocs.plugins import event_priority

from portfolio.build_state import current_language, state
from portfolio.interface import strings_for, theme_labels
from portfolio.language_checks import LABELS
from portfolio.language_pages import given_titles, menu_titles, page_titles
from portfolio.markup import titles_marked

# For each language being built: what tells the language of a title (its own language,
# the default one, the titles it translates and those mkdocs.yml's nav gives), and the
# titles of its menus not in it; for each page being laid out, the titles its HTML marks
# once the theme has written it.
_labels: dict[str, tuple] = {}
_menus: dict[str, dict[str, str]] = {}
_titles: dict[int, dict[str, str]] = {}

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
    return env


def on_nav(nav, config, files):
    lang = current_language(config)
    _labels[lang] = (lang, state(config).languages.default, _translated(config), given_titles(config.nav))
    _menus.pop(lang, None)  # the titles are known once the pages are read
    return nav


@event_priority(300)  # before the preview (200) empties a page it writes as it was
def on_page_context(context, page, config, nav):
    lang = current_language(config)
    if lang not in _menus:  # the first page laid out: every page of the language is read
        _menus[lang] = menu_titles(nav.items, *_labels[lang])
    _titles[id(page)] = {**_menus[lang], **page_titles(page, *_labels[lang])}
    return context


def on_post_page(output, page, config):
    return titles_marked(output, _titles.pop(id(page), {}))


def _translated(config) -> frozenset[str]:
    """The section and page titles the language being built translates (nav_translations)."""
    return frozenset((config.plugins["i18n"].current_language_config.nav_translations or {}).values())
