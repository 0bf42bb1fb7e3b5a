"""Hook: mark a translated page whose default-language source changed since it was
translated (see portfolio.translations); overrides/main.html shows the notice."""

from portfolio.build_state import current_language, state
from portfolio.translations import OUTDATED, page_state

# Hooks ------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    build = state(config)
    state_now = page_state(build.translations, page.file.src_uri, current_language(config))
    page.meta["translation_outdated"] = state_now == OUTDATED
    return markdown
