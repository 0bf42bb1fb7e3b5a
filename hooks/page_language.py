"""Hook: give templates the language being built: its interface strings (`ui`) and
its root folder (`language_root`, where its own search index lives); and write the
heading links' title ("Permanent link") in that language."""

from mkdocs.plugins import event_priority

from portfolio.build_state import current_language, state
from portfolio.interface import strings_for

# Hooks ------------------------------------------------------------------------


@event_priority(-200)  # after static-i18n (-100) has chosen the language
def on_config(config):
    build = state(config)
    ui = strings_for(build.interface, current_language(config), build.languages.default)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui["permalink-title"]
    return config


def on_env(env, config, files):
    build = state(config)
    lang = current_language(config)
    env.globals["ui"] = strings_for(build.interface, lang, build.languages.default)
    env.globals["language_root"] = build.languages.folder(lang) or "."
    return env
