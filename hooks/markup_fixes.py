"""Hook: correct the few invalid attributes Material writes (see portfolio.markup)."""

from portfolio.markup import without_empty_tabindex

# Hooks ------------------------------------------------------------------------


def on_post_page(output, page, config):
    return without_empty_tabindex(output)


def on_post_template(output_content, template_name, config):  # 404.html
    return without_empty_tabindex(output_content)
