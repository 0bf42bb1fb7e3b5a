"""Hook: the offline copy runs search from file:// with a local Web Worker stand-in.

Material's offline plugin would add a shim from a CDN, which fails with no network
(and writes an inline script that the Content-Security-Policy refuses). We list our
own, docs/assets/javascripts/iframe-worker.js, first, so the plugin adds none.
"""

from mkdocs.plugins import event_priority

from portfolio.build_state import is_offline

SHIM = "assets/javascripts/iframe-worker.js"


# Hooks ------------------------------------------------------------------------


@event_priority(10)  # before the offline plugin's on_config (priority 0)
def on_config(config):
    if is_offline(config):
        polyfills = config.extra.get("polyfills") or []
        if SHIM not in polyfills:
            config.extra["polyfills"] = [SHIM, *polyfills]
    return config
