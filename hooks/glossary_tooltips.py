"""Hook: every abbreviation on a page gets its explanation as a tooltip, in the
language the page is written in (curriculum/abbreviations.yml)."""

from portfolio.build_state import current_language, state
from portfolio.interface import abbreviation_lines

# Hooks ------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    build = state(config)
    lang = getattr(page.file, "locale", None) or current_language(config)  # a fallback page is in English
    return f"{markdown}\n\n{abbreviation_lines(build.abbreviations, lang, build.languages.default)}\n"
