"""Hook: in the preview (`make serve`), a page whose inputs did not change since the last
rebuild is not converted again (see portfolio.preview_cache)."""

from mkdocs.plugins import event_priority

from portfolio import preview_cache
from portfolio.build_state import current_language, state

_around: dict[str, str] = {}  # this language build's surroundings hash


# Hooks ------------------------------------------------------------------------


def on_pre_build(config):
    if preview_cache.active():
        loaded = state(config)
        _around["hash"] = preview_cache.surroundings(loaded.root, loaded.languages.default)


@event_priority(100)  # the first: before the layouts, the macros and the other hooks
def on_page_markdown(markdown, page, config, files):
    if not preview_cache.active():
        return markdown
    return preview_cache.before(page, markdown, _around["hash"], current_language(config))


@event_priority(-1000)  # the last: the page's HTML as every plugin left it
def on_page_content(html, page, config, files):
    return preview_cache.after(page, html) if preview_cache.active() else html
