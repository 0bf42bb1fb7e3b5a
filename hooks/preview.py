"""Hook: the preview (`make serve`) builds one language if asked, and does not convert
again a page whose inputs did not change since the last rebuild (see portfolio.preview)."""

from mkdocs.plugins import event_priority

from portfolio import preview
from portfolio.build_state import current_language, state

_around: dict[str, str] = {}  # this rebuild's surroundings hash


# Hooks ------------------------------------------------------------------------


def on_pre_build(config):
    # Once per rebuild: static-i18n's builds of the other languages share it.
    if preview.active() and not config.plugins["i18n"].building:
        loaded = state(config)
        _around["hash"] = preview.surroundings(loaded.root, loaded.languages.default)


@event_priority(100)  # the first: before the layouts, the macros and the other hooks
def on_page_markdown(markdown, page, config, files):
    if not preview.active():
        return markdown
    return preview.before(page, markdown, _around["hash"], current_language(config))


@event_priority(-1000)  # the last: the page's HTML as every plugin left it
def on_page_content(html, page, config, files):
    return preview.after(page, html) if preview.active() else html


@event_priority(-110)  # after static-i18n (-100) has chosen each language's files
def on_files(files, config):
    loaded = state(config)
    preview.left_out(files, current_language(config), loaded.languages.default)
    return files
