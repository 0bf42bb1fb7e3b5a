"""Hook: stop a build whose sources have errors (loaded and validated once per build,
see portfolio/site.py), with every problem at once."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from portfolio.build_state import is_first_language_build, state
from portfolio.problems import ProblemsFound, errors

log = get_plugin_logger("portfolio")


# Hooks ------------------------------------------------------------------------


@event_priority(-150)  # after static-i18n (-100) has chosen the language
def on_config(config):
    if not is_first_language_build(config):
        return config
    loaded = state(config)
    if errors(loaded.problems):
        # MkDocs logs the report as one message; the problems behind it let `portfolio
        # build` count them one by one (cli._failed).
        found = ProblemsFound(loaded.problems)
        raise PluginError(f"The sources have problems; nothing was written.\n{found}") from found
    for problem in loaded.problems:
        log.info(problem.format())
    return config
