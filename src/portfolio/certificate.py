"""The certificate of completion on "My progress": what the page needs at build time.

The browser chooses what to print (the track the learner picks, the capsules passed in
this browser, the name typed at print time); everything else is written here, in the
page's language, so that the script never reads it back from visible text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from portfolio.locale_facts import hours
from portfolio.views import organisation_view

if TYPE_CHECKING:
    from portfolio.pages import PageMacros


def certificate_view(macros: PageMacros) -> dict[str, Any]:
    """Tracks and their capsules, each capsule's title, minutes and hours, the course
    title, and the organisation's name and logo."""
    state, lang = macros.state, macros.lang
    curriculum = state.curriculum
    course = curriculum.course
    tracks = [
        {
            "id": track.id,
            "title": macros.localise(track.title),
            "capsules": [c for c in track.capsules if c in curriculum.capsules],
        }
        for track in (course.tracks if course else [])
    ]
    ids = list(dict.fromkeys(c for track in tracks for c in track["capsules"]))
    capsules = [
        {
            "id": capsule.id,
            "title": macros.localise(capsule.title),
            "minutes": capsule.learning_minutes(),  # breaks are not learning time
            "hours": hours(capsule.learning_minutes(), lang),
        }
        for capsule in (curriculum.capsules[c] for c in ids)
    ]
    org = organisation_view(curriculum, lang)
    return {
        "tracks": tracks,
        "capsules": capsules,
        "course": macros.localise(course.title) if course else "",
        "organisation": org.get("name", ""),
        "logo": _logo_link(macros, org.get("logo")),
    }


def _logo_link(macros: PageMacros, logo: str | None) -> str | None:
    """The logo (a path under docs/) from the current page, if the file is there."""
    page = macros.current_page()
    if not logo or page is None or not (macros.state.root / "docs" / logo).is_file():
        return None
    return get_relative_url(logo, page.url)
