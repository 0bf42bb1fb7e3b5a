"""Hook: mark a translated page whose default-language source changed since it was
translated (see portfolio.translations); overrides/main.html shows the notice."""

from portfolio.build_state import current_language, state
from portfolio.translations import OUTDATED

# Hooks ------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    build = state(config)
    relative = page.file.src_uri.split("/", 1)[1]  # inside the language folder
    page.meta["translation_outdated"] = build.translations.get((relative, current_language(config))) == OUTDATED
    return markdown
