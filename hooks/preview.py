"""Hook: the preview (`make serve`) builds one language if asked; the preview and
`make site` do not convert or lay out again a page whose inputs did not change since
the last build (see portfolio.preview and portfolio.page_store)."""

import logging

from mkdocs.plugins import CombinedEvent, event_priority

from portfolio import preview
from portfolio.build_state import current_language, state
from portfolio.layouts import layout_of, read_layout
from portfolio.search_index import plugin_index

_around: dict[str, str] = {}  # this rebuild's surroundings hash


# Hooks ------------------------------------------------------------------------


def on_pre_build(config):
    # Once per rebuild: static-i18n's builds of the other languages share it.
    if preview.active() and not config.plugins["i18n"].building:
        _around["hash"] = preview.surroundings(state(config).root)


@event_priority(100)  # the first: before the layouts, the macros and the other hooks
def on_page_markdown(markdown, page, config, files):
    if not preview.active():
        return markdown
    loaded = state(config)
    layout = layout_of(page.meta)
    layout_text = read_layout(loaded.root, layout) if layout else ""
    return preview.before(page, markdown, _around["hash"], current_language(config), loaded.translations, layout_text)


@event_priority(-1000)  # the last: the page's HTML as every plugin left it
def on_page_content(html, page, config, files):
    return preview.after(page, html, files) if preview.active() else html


def on_env(env, config, files):
    if preview.active():
        preview.lay_out([file.page for file in files.documentation_pages() if file.page], env)
    return env


@event_priority(200)  # the first: before search_split (100) and the search plugin (0)
def _before_search(context, page, config, nav):
    if preview.active():
        preview.before_search(page, plugin_index(config))
    return context


@event_priority(-200)  # after the search plugin and search_split (-100)
def _after_search(context, page, config, nav):
    if preview.active():
        preview.after_search(page, plugin_index(config))
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


@event_priority(-1000)  # the last: after the markup fixes and the script hashes
def on_post_page(output, page, config):
    return preview.written(page, output) if preview.active() else output


def on_serve(server, config, builder):
    # Once, after the first build: MkDocs then says where it serves (site_url is its address).
    message = preview.announced(config.site_url, state(config).languages) if preview.previewing() else None
    if message:
        logging.getLogger("mkdocs.hooks.preview").info(message)
    return server


@event_priority(-110)  # after static-i18n (-100) has chosen each language's files
def on_files(files, config):
    loaded = state(config)
    preview.left_out(files, current_language(config), loaded.languages.default)
    return files
