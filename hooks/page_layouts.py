"""Hook: a page whose front matter chooses a layout (a capsule page) is placed in it
before the macros render it, with the settings its layout adds (see portfolio.layouts)."""

from pathlib import Path

from mkdocs.plugins import event_priority

from portfolio.layouts import lay_out, layout_of, layout_settings, read_layout

# Hooks ------------------------------------------------------------------------


@event_priority(60)  # before template_pages (50) and mkdocs-macros (0)
def on_page_markdown(markdown, page, config, files):
    layout = layout_of(page.meta)
    if layout is None:
        return markdown
    page.meta.update(layout_settings(page.meta, layout))
    return lay_out(markdown, read_layout(Path(config.config_file_path).parent, layout))
