"""Hook: the search plugin reads each page without what is excluded from search, and
after all languages are built the search index is split per language."""

from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from portfolio.build_state import state
from portfolio.search_index import searchable, split_search_index

_SHOWN = "_portfolio_shown_content"

# Hooks ------------------------------------------------------------------------


@event_priority(-200)  # after static-i18n (-100) rebuilt the combined index
def on_post_build(config):
    if config.plugins["i18n"].building:  # a nested per-language build: not finished yet
        return
    split_search_index(Path(config.site_dir), state(config).languages)


@event_priority(100)  # before the search plugin (0) reads the page
def _for_search(context, page, config, nav):
    setattr(page, _SHOWN, page.content)
    page.content = searchable(page.content)


@event_priority(-100)  # after it: the page itself shows everything
def _for_readers(context, page, config, nav):
    page.content = getattr(page, _SHOWN, page.content)


on_page_context = CombinedEvent(_for_search, _for_readers)
