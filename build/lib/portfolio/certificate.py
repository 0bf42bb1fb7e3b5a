"""The certificate of completion on "My progress": what the page needs at build time.

The browser chooses what to print (the track the learner picks, the capsules passed in
this browser, the name typed at print time); everything else is written here, in the
page's language, so that the script never reads it back from visible text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portfolio.locale_facts import hours
from portfolio.views import LanguageView


def certificate_view(view: LanguageView, file_link: Callable[[str], str | None]) -> dict[str, Any]:
    """Tracks and their capsules, each capsule's title, minutes and hours, the course
    title, and the organisation's name and logo (`file_link`: a link from the page to a
    file of the site, None outside a page)."""
    state, lang = view.state, view.lang
    curriculum = state.curriculum
    course = curriculum.course
    tracks = [
        {
            "id": track.id,
            "title": view.localise(track.title),
            "capsules": [c for c in track.capsules if c in curriculum.capsules],
        }
        for track in (course.tracks if course else [])
    ]
    ids = list(dict.fromkeys(c for track in tracks for c in track["capsules"]))
    capsules = [
        {
            "id": capsule.id,
            "title": view.localise(capsule.title),
            "minutes": capsule.learning_minutes(),  # breaks are not learning time
            "hours": hours(capsule.learning_minutes(), lang),
        }
        for capsule in (curriculum.capsules[c] for c in ids)
    ]
    org = view.organisation()
    return {
        "tracks": tracks,
        "capsules": capsules,
        "course": view.localise(course.title) if course else "",
        "organisation": org.get("name", ""),
        "logo": _logo_link(view, file_link, org.get("logo")),
    }


def _logo_link(view: LanguageView, file_link: Callable[[str], str | None], logo: str | None) -> str | None:
    """The logo (a path under docs/) from the current page, if the file is there."""
    if not logo or not (view.state.root / "docs" / logo).is_file():
        return None
    return file_link(logo)
