"""Hook: mkdocs-macros renders only the pages that hold template code; the others are
plain Markdown and skip Jinja (each page would otherwise be compiled as a template)."""

from mkdocs.plugins import event_priority

from portfolio.page_templates import uses_templates

# Hooks ------------------------------------------------------------------------


@event_priority(50)  # before mkdocs-macros (0) renders the page
def on_page_markdown(markdown, page, config, files):
    if not uses_templates(markdown):
        page.meta["render_macros"] = False
    return markdown
