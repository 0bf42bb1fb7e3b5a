"""Hook: correct the few invalid or inaccessible bits of markup the theme and
extensions write (see portfolio.markup)."""

from portfolio.markup import corrected

# Hooks ------------------------------------------------------------------------


def on_post_page(output, page, config):
    return corrected(output)


def on_post_template(output_content, template_name, config):  # 404.html
    return corrected(output_content)
