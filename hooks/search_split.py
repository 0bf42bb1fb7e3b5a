"""Hook: after all languages are built, split the search index per language."""

from pathlib import Path

from mkdocs.plugins import event_priority

from portfolio.search_index import split_search_index
from portfolio.site import is_offline, state

# Hooks ------------------------------------------------------------------------


@event_priority(-200)  # after static-i18n (-100) rebuilt the combined index
def on_post_build(config):
    if config.plugins["i18n"].building:  # a nested per-language build: not finished yet
        return
    split_search_index(Path(config.site_dir), state(config).languages, offline=is_offline(config))
