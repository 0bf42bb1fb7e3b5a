"""Hook: a Content-Security-Policy on every page of the online site (overrides/main.html
writes it; this fills in the hashes of Material's inline scripts). The offline copy,
opened from file://, has no origin to restrict to and carries none."""

from mkdocs.plugins import event_priority

from portfolio.csp import policy, with_script_hashes
from portfolio.site import is_offline

# Hooks ------------------------------------------------------------------------


def on_env(env, config, files):
    env.globals["content_security_policy"] = None if is_offline(config) else policy()
    return env


@event_priority(-200)  # last: after every other change to the page
def on_post_page(output, page, config):
    return output if is_offline(config) else with_script_hashes(output)


def on_post_template(output_content, template_name, config):  # 404.html
    return output_content if is_offline(config) else with_script_hashes(output_content)
