"""What activities use (curriculum/materials/): how a material is shown in a session
plan or a learner's list of activities, and each capsule's handouts for the handouts
page, whose capsule sections the trainer's pack also prints one PDF each.

A learner who works alone (a self-study activity) opens each handout in a PDF of its
own, cut from the same pack: the capsule's handouts PDF starts with the trainer's print
list ("For the trainer only") and ends with the trainer sheets. In a face-to-face or distance activity the trainer hands
the sheets out, some of them privately (role cards that the others must not read), so a
learner's page names them without a link. Trainer sheets are never on a learner's page.

MkDocs-free: links come from a function that turns a page path of the language folder
(`handbook/forms/consent.md`) into a link from the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portfolio.locations import FORM_PAGES, HANDOUTS_PAGE
from portfolio.models import Activity, Capsule, Material

# The ids of a capsule's section on the handouts page and of its trainer sheets, which
# come after the participants' handouts (its handouts PDF holds both).
SET_PREFIX = "handouts-"
TRAINER_PREFIX = "trainer-sheets-"
PRINTED = ("handout", "trainer-sheet")  # kinds written in their file and printed


def set_anchor(capsule_id: str) -> str:
    return f"{SET_PREFIX}{capsule_id}"


def handout_anchor(capsule_id: str, material_id: str) -> str:
    """A handout's place on the handouts page: under its capsule, as a material used by
    two capsules is printed with each."""
    return f"{capsule_id}--{material_id}"


# A page path -> a link from the page being rendered: "" on that page itself, None where
# nothing can be linked (a SCORM package holds no site).
Link = Callable[[str], "str | None"]
Localise = Callable[[Any], Any]


def material_view(
    material: Material, capsule_id: str, localise: Localise, link: Link, sheet: Link | None = None
) -> dict[str, Any]:
    """A material as a session plan or an activity names it: its title, its kind and
    where it is (a handout on the handouts page, a handbook page, a form's page). For a
    learner, `sheet` gives the link to a handout by its id instead (its own PDF, or None
    where the trainer hands it out)."""
    href: str | None = None
    own_pdf = material.kind in PRINTED and sheet is not None
    if own_pdf:
        href = sheet(material.id) if material.kind == "handout" else None
    elif material.kind in PRINTED:
        page = link(HANDOUTS_PAGE)
        href = None if page is None else f"{page}#{handout_anchor(capsule_id, material.id)}"
    elif material.kind == "page" and material.page:
        href = link(material.page)
    elif material.kind == "form" and material.form:
        href = link(f"{FORM_PAGES}/{material.form}.md")
    pdf = own_pdf and href is not None  # a file, not a page: the link says so
    return {"id": material.id, "kind": material.kind, "title": localise(material.title), "href": href, "pdf": pdf}


def alone(activity: Activity) -> bool:
    """Whether the learner does the activity alone, and so opens its handouts themself."""
    return activity.mode == "self-study"


def learner_sheets(capsules: list[Capsule], materials: dict[str, Material]) -> list[Material]:
    """The handouts a learner opens alone (used in a self-study activity), each once."""
    ids = dict.fromkeys(m for c in capsules for a in c.activities if alone(a) for m in a.materials)
    return [materials[i] for i in ids if i in materials and materials[i].kind == "handout"]


def capsule_materials(capsule: Capsule, materials: dict[str, Material]) -> list[Material]:
    """The materials a capsule's activities use, each once, in the order first used."""
    ids = dict.fromkeys(m for activity in capsule.activities for m in activity.materials)
    return [materials[i] for i in ids if i in materials]


def handout_set(
    capsule: Capsule, materials: dict[str, Material], localise: Localise, link: Link
) -> dict[str, Any] | None:
    """One capsule's section of the handouts page: the handouts to print for participants,
    then what else to print (handbook pages, forms) and what to bring."""
    used = capsule_materials(capsule, materials)
    if not used:
        return None

    def views(kind: str) -> list[dict[str, Any]]:
        return [material_view(m, capsule.id, localise, link) for m in used if m.kind == kind]

    def sheets(kind: str) -> list[dict[str, Any]]:
        return [
            {
                **material_view(m, capsule.id, localise, link),
                "anchor": handout_anchor(capsule.id, m.id),
                "prepare": localise(m.prepare) if m.prepare else "",
                "body": localise(m.body) if m.body else "",
                "cards": [localise(card) for card in m.cards],
            }
            for m in used
            if m.kind == kind
        ]

    return {
        "id": capsule.id,
        "anchor": set_anchor(capsule.id),
        "trainer_anchor": f"{TRAINER_PREFIX}{capsule.id}",
        "title": localise(capsule.title),
        "handouts": sheets("handout"),
        "trainer_sheets": sheets("trainer-sheet"),
        "pages": views("page"),
        "forms": views("form"),
        "supplies": views("supply"),
    }
