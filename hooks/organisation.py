"""Hook: build only the languages the organisation chose (curriculum/organisation.yml),
and give templates the organisation (`org`) for the footer."""

from mkdocs.plugins import event_priority

from portfolio.site import current_language, state
from portfolio.views import organisation_view

# Hooks ------------------------------------------------------------------------


@event_priority(50)  # before static-i18n (-100) reads which languages to build
def on_config(config):
    built = state(config).languages.built
    for language in config.plugins["i18n"].config.languages:
        if language.locale not in built:
            language.build = False
    return config


def on_env(env, config, files):
    env.globals["org"] = organisation_view(state(config).curriculum, current_language(config))
    return env
