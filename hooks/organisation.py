"""Hook: load the sources once per top-level build, build only the languages the
organisation chose (curriculum/organisation.yml), and give templates the organisation
(`org`) for the footer."""

from mkdocs.plugins import event_priority

from portfolio.build_state import current_language, load_state, state
from portfolio.views import organisation_view

# Hooks ------------------------------------------------------------------------


@event_priority(50)  # the first: before static-i18n (-100) reads which languages to build
def on_config(config):
    # A top-level build (each `mkdocs serve` rebuild too) reads the sources; the builds
    # static-i18n runs for the other languages reuse them.
    loaded = state(config) if config.plugins["i18n"].building else load_state(config)
    built = loaded.languages.built
    for language in config.plugins["i18n"].config.languages:
        if language.locale not in built:
            language.build = False
    return config


def on_env(env, config, files):
    env.globals["org"] = organisation_view(state(config).curriculum, current_language(config))
    return env
