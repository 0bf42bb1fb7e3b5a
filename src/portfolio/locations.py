"""Where each output and each generated page lives, said once.

Paths are inside a language's folder of the site (`languages.folder(lang)`: "" for the
default language, "fr/" for French), so that a page links to a file with the same
words the build uses to write it. Nothing here knows about MkDocs.
"""

from __future__ import annotations

# Folders of a language's outputs, written after its pages.
PDF_FOLDER = "pdf"  # the documents and each capsule's handouts
LMS_FOLDER = "lms"  # SCORM packages and question banks
FORMS_FOLDER = "forms"  # each form as PDF and Word
KIT_FOLDER = "kit"  # the pilot course kit's letters and sheets, in Word, made from its page
OFFLINE_ZIP = "good-tutoring-portfolio-offline.zip"  # beside the site, and in it for download
MLANG = "multilingual"  # the question bank that holds every language
# During a build: the folder of the outputs made before the pages (pages show their sizes).
PREBUILT = "PORTFOLIO_PREBUILT_DIR"

# Pages the build and the macros link to (paths under docs/<lang>/).
CAPSULE_PAGES = "training/capsules"
ASSESSMENT_PAGES = "training/self-assessments"
FORM_PAGES = "handbook/forms"
HANDOUTS_PAGE = "trainers/handouts.md"
TRACKS_PAGE = "training/index.md"  # the course guide: each track, at `#track-<id>`
PROGRESS_PAGE = "training/my-progress.md"
PILOT_COURSE_PAGE = "trainers/pilot-course.md"  # the pilot course kit
# The kit's parts that have a Word version, by the id of their heading on the page, in
# the page's order; what `kit_file("…")` names, as messages call it.
KIT_PARTS = ("invitation", "attendance", "evaluation", "report")
KIT_PART = "part of the pilot course kit"
# Pages whose text other pages read through a macro (Downloads lists the kit's parts that
# the pilot course page holds): saving one converts every page again (preview.py).
READ_BY_OTHER_PAGES = (PILOT_COURSE_PAGE,)


def page_source(src_uri: str) -> str:
    """A page's path under its language folder, the same in every language:
    `fr/handbook/glossary.md` (MkDocs' `src_uri`) is `handbook/glossary.md`."""
    return src_uri.split("/", 1)[-1]


def page_url(source: str) -> str:
    """The directory URL of a page, e.g. handbook/glossary.md -> handbook/glossary/."""
    stem = source.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") + "/")


def pdf_file(document_id: str, lang: str) -> str:
    """A document's PDF: `pdf/<id>-<lang>.pdf`."""
    return f"{PDF_FOLDER}/{document_id}-{lang}.pdf"


def handouts_pdf(capsule_id: str, lang: str) -> str:
    """A capsule's handouts, cut from the trainer's pack: `pdf/handouts-<capsule>-<lang>.pdf`."""
    return pdf_file(f"handouts-{capsule_id}", lang)


def handout_pdf(material_id: str, lang: str) -> str:
    """One handout that a learner opens alone, cut from the trainer's pack without the
    trainer's print list: `pdf/handout-<material>-<lang>.pdf`."""
    return pdf_file(f"handout-{material_id}", lang)


def scorm_file(track_id: str, lang: str) -> str:
    """A track's SCORM 1.2 package: `lms/scorm-<track>-<lang>.zip`."""
    return f"{LMS_FOLDER}/scorm-{track_id}-{lang}.zip"


def bank_file(lang: str, fmt: str) -> str:
    """A question bank (`gift` or `xml`): `lms/questions-<lang>.<fmt>`; with `MLANG` as
    the language, the bank of every language (at the site's top, not in a language folder)."""
    return f"{LMS_FOLDER}/questions-{lang}.{fmt}"


def form_file(form_id: str, lang: str, fmt: str) -> str:
    """A form's file (`pdf` or `docx`): `forms/<id>-<lang>.<fmt>`."""
    return f"{FORMS_FOLDER}/{form_id}-{lang}.{fmt}"


def kit_file(part: str, lang: str) -> str:
    """A part of the pilot course kit (its heading's id on the page) in Word:
    `kit/pilot-<part>-<lang>.docx`."""
    return f"{KIT_FOLDER}/pilot-{part}-{lang}.docx"
