"""Hook: one 404 page per language, in its folder, in its language and direction
(see portfolio.not_found). Every language build writes the root 404.html; each is
moved into its language's folder as soon as it is written, and the default
language's is put back at the root once the others are built."""

from pathlib import Path

from mkdocs.plugins import event_priority

from portfolio.build_state import current_language, state
from portfolio.not_found import PAGE, place
from portfolio.project import site_path

_default_page: dict[str, str] = {}  # site folder -> the default language's 404 page


# Hooks ------------------------------------------------------------------------


@event_priority(50)  # before static-i18n (-100) builds the other languages
def on_post_build(config):
    build = state(config)
    lang = current_language(config)
    site = Path(config.site_dir)
    base_path = site_path(config.site_url)
    target = place(site, build.languages, lang, base_path)
    if lang == build.languages.default:
        _default_page[str(site)] = target.read_text(encoding="utf-8")
    else:  # the next language would overwrite it: keep the default one at the root
        (site / PAGE).write_text(_default_page.get(str(site), ""), encoding="utf-8")
