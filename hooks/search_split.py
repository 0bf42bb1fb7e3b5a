"""Hook: the search plugin reads each page without what is excluded from search; each
language's entries are kept as its build made them, and after all languages are built
each language's index is written from its own (see portfolio.search_index), read with the
default language's word rules too where it shows pages in that language."""

from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from portfolio.build_state import current_language, state
from portfolio.search_index import lunr_supported, plugin_index, searchable, split_search_index
from portfolio.translations import MISSING

_SHOWN = "_portfolio_shown_content"
_built: dict[str, list[dict]] = {}  # this build's search entries, by language

# Hooks ------------------------------------------------------------------------


def on_config(config):
    # static-i18n's search reconfiguration is off (mkdocs.yml): in the index joining every
    # language, it compared each default-language entry with each entry of the others to
    # drop duplicates, a cost growing with the square of the pages (46 s of a build with
    # 16 times the content), for an index the split below replaces. What else it did is
    # done here: lunr reads each language with that language's word rules.
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = lunr_supported(state(config).languages.built)
    return config


@event_priority(-50)  # after the search plugin (0) indexed this language, before static-i18n (-100) joins them
def _keep_entries(config):
    if not config.plugins["i18n"].building:  # the default language: a new build starts
        _built.clear()
    index = plugin_index(config)
    _built[current_language(config)] = list(index.entries) if index else []  # a copy: static-i18n refills the list


@event_priority(-200)  # after static-i18n (-100) built the other languages and rebuilt the combined index
def _split(config):
    if config.plugins["i18n"].building:  # a nested per-language build: not finished yet
        return
    build = state(config)
    # The languages that show some pages in the default language (not translated yet).
    partial = {lang for (_, lang), status in build.translations.items() if status == MISSING}
    split_search_index(Path(config.site_dir), build.languages, _built, partial)
    _built.clear()


on_post_build = CombinedEvent(_keep_entries, _split)


@event_priority(100)  # before the search plugin (0) reads the page
def _for_search(context, page, config, nav):
    setattr(page, _SHOWN, page.content)
    page.content = searchable(page.content)


@event_priority(-100)  # after it: the page itself shows everything
def _for_readers(context, page, config, nav):
    page.content = getattr(page, _SHOWN, page.content)


on_page_context = CombinedEvent(_for_search, _for_readers)
