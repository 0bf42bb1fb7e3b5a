"""Hook: the offline copy runs search from file:// with a local Web Worker shim.

Material's offline plugin would add the shim from a CDN, which fails with no
network. We list a local copy first (so the plugin adds none) and copy the shim
from the npm package `iframe-worker` into the site.
"""

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portfolio.site import is_offline

SHIM = "node_modules/iframe-worker/shim/index.js"
TARGET = "assets/javascripts/vendor/iframe-worker.js"


# Hooks ------------------------------------------------------------------------


@event_priority(10)  # before the offline plugin's on_config (priority 0)
def on_config(config):
    if is_offline(config):
        polyfills = config.extra.get("polyfills") or []
        if TARGET not in polyfills:
            config.extra["polyfills"] = [TARGET, *polyfills]
    return config


def on_post_build(config):
    if not is_offline(config):
        return
    source = Path(config.config_file_path).parent / SHIM
    if not source.is_file():
        raise PluginError(f"{SHIM} is missing — run `npm ci --ignore-scripts` (make offline does it)")
    target = Path(config.site_dir) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
