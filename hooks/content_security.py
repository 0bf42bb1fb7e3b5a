"""Hook: a Content-Security-Policy on every page, online and in the offline copy
(overrides/main.html writes it; this fills in the hashes of Material's inline scripts).
Scripts written in a page's content are never trusted (see portfolio.csp)."""

from mkdocs.plugins import event_priority

from portfolio.csp import policy, with_script_hashes

# Hooks ------------------------------------------------------------------------


def on_env(env, config, files):
    env.globals["content_security_policy"] = policy()
    return env


@event_priority(-200)  # last: after every other change to the page
def on_post_page(output, page, config):
    return with_script_hashes(output)


def on_post_template(output_content, template_name, config):  # 404.html
    return with_script_hashes(output_content)
