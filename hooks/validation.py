"""Hook: validate curriculum/ once per build; fail with every problem at once."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from portfolio.problems import errors, report
from portfolio.site import is_first_language_build, load_state

log = get_plugin_logger("portfolio")


# Hooks ------------------------------------------------------------------------


@event_priority(-150)  # after static-i18n (-100) has chosen the language
def on_config(config):
    if not is_first_language_build(config):
        return config
    state = load_state(config)
    if errors(state.problems):
        raise PluginError("The sources have problems; nothing was written.\n" + report(state.problems))
    for problem in state.problems:
        log.info(problem.format())
    return config
