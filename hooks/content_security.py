"""Hook: a Content-Security-Policy on every page, online and in the offline copy
(overrides/main.html writes it; this fills in the hashes of Material's inline scripts).
Scripts written in a page's content are never trusted (see portfolio.csp), and a page
whose content holds one, or anything else unsafe, stops the build (portfolio.content_guard)."""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from portfolio.content_guard import content_problems
from portfolio.csp import policy, with_script_hashes

_LOG = logging.getLogger("mkdocs.plugins.portfolio.content")  # MkDocs counts it: a strict build stops

# Hooks ------------------------------------------------------------------------


def on_env(env, config, files):
    env.globals["content_security_policy"] = policy()
    return env


@event_priority(-900)  # after every change to the content, before the preview keeps it (-1000)
def on_page_content(html, page, config, files):
    for found in content_problems(Path(page.file.abs_src_path), html, page.title):
        _LOG.error(found.format())
    return html


@event_priority(-200)  # last: after every other change to the page
def on_post_page(output, page, config):
    return with_script_hashes(output)


def on_post_template(output_content, template_name, config):  # 404.html
    return with_script_hashes(output_content)
