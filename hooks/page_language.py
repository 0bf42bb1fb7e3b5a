"""Hook: give templates the language being built: its interface strings (`ui`) and
its root folder (`language_root`, where its own search index lives)."""

from portfolio.interface import strings_for
from portfolio.site import current_language, state

# Hooks ------------------------------------------------------------------------


def on_env(env, config, files):
    build = state(config)
    lang = current_language(config)
    env.globals["ui"] = strings_for(build.interface, lang, build.languages.default)
    env.globals["language_root"] = build.languages.folder(lang) or "."
    return env
