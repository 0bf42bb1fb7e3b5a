"""The fast layer: pages and macros rendered for one language at a time, without a build
or a PDF (tests/rendering.py), in a few seconds. What needs the built site, the browser
or the printed documents is tested in the other folders."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from lxml import html as lxml_html

from conftest import LANGUAGES, LIST_SEPARATOR, ROOT, project_state
from portfolio.adaptations import find_marks
from portfolio.interface import strings_for
from portfolio.layouts import LAYOUT_MACROS
from portfolio.project import DOCS_DIR
from portfolio.templating import partials_environment
from portfolio.views import LanguageView
from rendering import render_page

STATE = project_state()
CAPSULES = sorted(STATE.curriculum.capsules)


def _tree(lang: str, source: str):
    return lxml_html.fromstring(f"<div>{render_page(lang, source)}</div>")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_capsule_page_shows_its_capsule_in_the_layouts_order(lang):
    """Each capsule page names its capsule once (front matter) and shows, in order: its
    title, the card, why it matters, the activities, the quiz and the reflection field,
    under the interface's headings in the page's language."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    for capsule_id in CAPSULES:
        source = f"training/capsules/{capsule_id}.md"
        text = (ROOT / DOCS_DIR / lang / source).read_text(encoding="utf-8")
        assert f'"{capsule_id}"' not in text and f"'{capsule_id}'" not in text, (
            f"{lang}/{source} names its capsule twice"
        )
        tree = _tree(lang, source)
        order = [
            e.get("id") or e.get("class", "").split()[0]
            for e in tree.xpath("./h1 | ./h2 | ./div[contains(@class, 'capsule-card')] | .//form[@data-quiz]")
        ]
        order = [o for o in order if o in ("why", "activities", "quiz", "reflection", "capsule-card")]
        assert order == ["capsule-card", "why", "activities", "quiz", "quiz", "reflection"], (lang, capsule_id, order)
        headings = {h.get("id"): h.text_content().strip("¶ ") for h in tree.xpath("./h2")}
        for part in ("why", "activities", "quiz", "reflection"):
            assert headings[part] == ui[f"capsule-{part}"]
        assert tree.xpath(f".//*[@id='reflection-{capsule_id}']"), f"{capsule_id}: no reflection field"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_learner_page_never_shows_trainer_notes_or_answer_keys(lang):
    for capsule_id in CAPSULES:
        capsule = STATE.curriculum.capsules[capsule_id]
        text = " ".join(_tree(lang, f"training/capsules/{capsule_id}.md").text_content().split())
        for activity in capsule.activities:
            for note in [activity.trainer_notes] if activity.trainer_notes else []:
                note_text = " ".join(STATE.curriculum.text(note, lang).split())
                assert note_text[:60] not in text, f"{capsule_id}: a trainer note shows to learners"
        sheets = [m for m in STATE.curriculum.materials.values() if m.kind == "trainer-sheet"]
        for sheet in sheets:
            assert STATE.curriculum.text(sheet.title, lang) not in text, f"{capsule_id}: {sheet.id} is listed"


def test_numbers_and_percentages_are_written_as_each_language_writes_them():
    """Hours on the course page and chance scores on the answer keys: a decimal comma and
    a space before % in French, a point in English."""
    assert re.search(r"\b\d+\.\d hours\b", render_page("en", "training/index.md"))
    assert re.search(r"\b\d+,\d heures\b", render_page("fr", "training/index.md"))
    assert re.search(r"\d+%", render_page("en", "trainers/answer-keys.md"))
    assert re.search(r"\d+\u00a0%", render_page("fr", "trainers/answer-keys.md"))


def test_only_the_sites_quiz_can_say_the_score_was_not_kept():
    """On the site the browser keeps the best score, and the quiz says when it refused
    to; in an LMS package the LMS keeps the score, the quiz has no such text, and a pass
    says the result is sent to the platform."""
    ui = strings_for(STATE.interface, "fr", STATE.languages.default)
    view = LanguageView(STATE, "fr", partials_environment(ROOT / "overrides"))
    quiz = next(c.quiz for c in STATE.curriculum.capsules.values() if c.quiz)
    site = lxml_html.fromstring(view.quiz_form(quiz))
    lms = lxml_html.fromstring(view.quiz_form(quiz, in_lms=True))
    for verdict in ("passed", "failed"):
        assert site.get(f"data-text-{verdict}-not-kept") == ui[f"quiz-{verdict}-not-kept"]
        assert lms.get(f"data-text-{verdict}-not-kept") is None
    assert site.get("data-text-passed") == ui["quiz-passed"]
    assert lms.get("data-text-passed") == ui["quiz-passed-lms"]


def test_the_layout_shows_what_its_pages_must_not_call():
    layout = (ROOT / "templates/layouts/capsule.md").read_text(encoding="utf-8")
    assert {name for name in LAYOUT_MACROS["capsule"] if f"{name}()" in layout} == LAYOUT_MACROS["capsule"]


@pytest.mark.parametrize("lang", ["fr"])
def test_every_page_of_a_language_renders(lang):
    """Every page of one language through its layout, the macros and Markdown: the
    fastest way to know that a change to a macro or a partial breaks no page."""
    sources = sorted(p.relative_to(ROOT / DOCS_DIR / lang).as_posix() for p in (ROOT / DOCS_DIR / lang).rglob("*.md"))
    assert len(sources) >= 50
    for source in sources:
        tree = _tree(lang, source)
        assert tree.xpath("./h1"), f"{lang}/{source}: no title"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lists_of_names_read_with_a_space_after_each_comma(lang):
    """Who fills in a form, and the parties of each kind of plan in the workspace (listed
    by workspace.js with the separator the page gives it): "a, b" (the Arabic comma in
    Arabic), never "a,b" nor "a,  b"."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    for form in STATE.curriculum.forms.values():
        roles = LIST_SEPARATOR[lang].join(ui[f"role-{role}"] for role in form.filled_by)
        text = _tree(lang, f"handbook/forms/{form.id}.md").text_content()
        assert f"{ui['form-filled-by']}{ui['colon']} {roles}" in text, form.id
    workspace = _tree(lang, "training/mentoring-workspace.md").xpath("//div[@class='workspace']")[0]
    config = json.loads(workspace.get("data-config"))
    assert config["strings"]["separator"] == LIST_SEPARATOR[lang]
    assert all(len(kind["roles"]) >= 2 for kind in config["kinds"].values())
    # The kind of plan alone in its options (whole on a phone); its parties are said under it.
    options = workspace.xpath(".//select[@id='ws-kind']/option/text()")
    assert sorted(options) == sorted(kind["label"] for kind in config["kinds"].values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_handouts_preparation_note_stands_apart_from_its_title(lang):
    """ "Request cards — One set for each group", never "cards— One set": the space before
    the dash of each sheet's preparation note is kept."""
    items = _tree(lang, "trainers/handouts.md").xpath("//li[a][contains(., '—')]")
    assert items
    for item in items:
        assert " — " in item.text_content(), item.text_content()


# Course figures and the pilot timetable -----------------------------------------------


# A time of day in the pilot timetable as each language writes it, read back: "13:00" in
# English; "13 h", "12 h 30" in French (no-break spaces); in Arabic the hour from 1 to 12,
# then ص (morning) or م (afternoon), "1:00 م".
_TIMES = {
    "en": re.compile(r"(\d{1,2}):(\d\d)()"),
    "fr": re.compile(r"(\d{1,2})\u00a0h(?:\u00a0(\d\d))?()"),
    "ar": re.compile(r"(\d{1,2}):(\d\d)\u00a0([صم])"),
}


def _minutes(time: str, lang: str = "en") -> int:
    found = _TIMES[lang].fullmatch(time)
    assert found, f"{lang}: {time!r} is not a time of day as {lang} writes it"
    hour, minute = int(found[1]), int(found[2] or 0)
    if found[3]:
        assert 1 <= hour <= 12, time
        hour = hour % 12 + (12 if found[3] == "م" else 0)
    return hour * 60 + minute


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_track_s_minutes_add_up_to_the_hours_its_pages_state(lang):
    """The course plans' minutes column gives each capsule's learning minutes (breaks not
    counted), and the course guide's list each capsule's minutes less the break it says
    they include: both add up to the hours written above them, and the sentence says that
    breaks are not counted."""
    from portfolio.locale_facts import hours

    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    plans, guide = _tree(lang, "trainers/course-plans.md"), _tree(lang, "training/index.md")
    for track in STATE.curriculum.course.tracks:
        column = plans.xpath(
            f"//h2[@id='course-{track.id}']/following::table[1]/tbody/tr/td[last()]"
            f"[@data-label='{ui['trainer-learning-minutes']}']"
        )
        assert len(column) == len(track.capsules), (lang, track.id)
        total = sum(int(cell.text_content()) for cell in column)
        assert total == STATE.curriculum.track_minutes(track), (lang, track.id)
        said = plans.xpath(f"//h2[@id='course-{track.id}']/following::p[1]")[0].text_content()
        assert ui["trainer-hours"].split("{total}")[0] + hours(total, lang) in said, (lang, track.id, said)
        section = guide.xpath(f"//*[@id='track-{track.id}']/ancestor::section[1]")[0]
        # "(face to face, 165 minutes, including a break of 15 minutes)": 150 minutes of learning
        listed = [
            re.findall(r"\d+", re.findall(r"\(([^()]*)\)", li.text_content())[-1]) for li in section.xpath(".//ol/li")
        ]
        assert sum(int(said[0]) - sum(map(int, said[1:])) for said in listed) == total, (lang, track.id, listed)
        assert hours(total, lang) in section.text_content(), (lang, track.id)


def _pilot_days(lang: str) -> list[list[tuple[int, str, int | None]]]:
    """The pilot kit's face-to-face days: (start, what, minutes) for each row."""
    tree = _tree(lang, "trainers/pilot-course.md")
    days = []
    # The professionals' schedule: the page's first (a group of volunteers has its own after it).
    for table in tree.xpath("(//div[contains(@class, 'pilot-schedule')])[1]//table"):
        rows = []
        for row in table.xpath("./tbody/tr"):
            time, what, minutes = (cell.text_content().strip() for cell in row.xpath("./td"))
            rows.append((_minutes(time, lang), what, int(minutes) if minutes else None))
        days.append(rows)
    return days


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pilot_lunch_starts_between_noon_and_half_past_one_every_day(lang):
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    lunch_labels = {ui["pilot-lunch"], ui["pilot-lunch-in-session"]}
    days = _pilot_days(lang)
    assert len(days) == 2
    for number, rows in enumerate(days, start=1):
        lunches = [start for start, what, _ in rows if what in lunch_labels]
        assert len(lunches) == 1, (lang, number, rows)
        assert 12 * 60 <= lunches[0] <= 13 * 60 + 30, (lang, number, lunches[0])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pilot_timetable_writes_times_as_its_text_does(lang):
    """The timetable writes a time of day as the language does ("9 h" and "13 h" in
    French, "9:00 ص" and "1:00 م" in Arabic), and each day's first time is the one the
    text above it says the day starts at."""
    tree = _tree(lang, "trainers/pilot-course.md")
    text = tree.xpath("//h2[@id='schedule']/following-sibling::p[1]")[0].text_content()
    days = _pilot_days(lang)  # every time read back in the language's own way
    assert [rows[0][0] for rows in days] == [9 * 60, 9 * 60]
    first = tree.xpath("(//div[contains(@class, 'pilot-schedule')])[1]//table[1]/tbody/tr[1]/td[1]")[0]
    assert first.text_content().strip() in text, (lang, first.text_content(), text)
    if lang != "en":
        assert not re.search(r"\b\d{1,2}:\d\d\b(?!\u00a0[صم])", tree.text_content()), lang


def test_the_pilot_timetable_keeps_each_session_s_minutes():
    """Each row starts when the one before it ends; a session that lunch splits keeps its
    minutes in the room, the lunch taking the place of its own break (no capsule is
    shortened; what it asks before or after the session is not room time)."""
    ui = strings_for(STATE.interface, "en", STATE.languages.default)
    track = next(t for t in STATE.curriculum.course.tracks if t.id == "professionals")
    capsules = [STATE.curriculum.capsules[c] for c in track.capsules]
    by_title = {c.title["en"]: c for c in capsules if c.mode == "face-to-face"}
    shown: dict[str, int] = {}
    for rows in _pilot_days("en"):
        for (start, _, minutes), (following, _, _) in itertools.pairwise(rows):
            assert start + minutes == following
        for _, what, minutes in rows[:-1]:
            if what in (ui["pilot-lunch"], ui["pilot-lunch-in-session"]):
                assert minutes == 60
                continue
            title = what.removesuffix(ui["pilot-continued"].replace("{title}", ""))
            shown[title] = shown.get(title, 0) + minutes
    assert set(shown) == set(by_title)
    for title, minutes in shown.items():
        capsule = by_title[title]
        room = [a.minutes for a in capsule.room_activities()]
        breaks = sum(a.minutes for a in capsule.room_activities() if a.kind == "break")
        assert minutes in (sum(room), sum(room) - breaks), title


def test_a_pilot_day_has_its_lunch_at_the_pause_closest_to_the_time_asked():
    """Lunch moves with `lunch=`: at a pause between sessions or at a session's own
    break, whichever is closest; a day that ends before that time has no lunch."""
    from portfolio.pages import PageMacros

    macros = PageMacros(STATE, "en", partials_environment(ROOT / "overrides"), lambda: None)

    def lunches(**times) -> list[str]:
        html = macros.pilot_schedule("professionals", **times)
        return re.findall(r"^\| (\d+:\d\d) \| Lunch break", html, re.M)

    assert lunches() == ["12:45", "12:30"]
    assert lunches(lunch="11:30") == ["11:15", "11:25"]
    assert lunches(start="8:00", lunch="12:00") == ["11:45", "11:30"]
    assert lunches(start="6:00", lunch="8:00") == ["8:15", "8:25"]
    assert lunches(lunch="23:00") == []


# What heads the organisation's own text on emergency numbers: its short name where the
# language has one readers know, else its full name in that language (the example has no
# Arabic short name: "ر.إ.ج" told Arabic readers nothing).
ADAPTATION_HEADINGS = {
    "en": "At GTN: emergency numbers",
    "fr": "Chez RBT\u00a0: numéros d'urgence",
    "ar": "لدى رابطة الإرشاد الجيد (منظمة مثال): أرقام الطوارئ",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_organisation_s_own_text_is_headed_by_a_name_its_readers_know(lang):
    tree = _tree(lang, "handbook/safeguarding/screening-and-intake.md")
    boxes = tree.xpath("//div[contains(@class, 'adaptation')]")
    titles = [p.text_content() for box in boxes for p in box.find_class("admonition-title")]
    assert ADAPTATION_HEADINGS[lang] in titles
    others = {STATE.curriculum.organisation.short_name.get(other) for other in LANGUAGES if other != lang}
    assert not [title for title in titles for name in others - {None} if name in title]


def test_an_observation_checklist_asks_for_a_role_play_only_where_its_capsule_has_one():
    """A trainer's checklist that says "watch the role-play" for a capsule whose activities
    have none leaves the trainer with nothing to observe: each capsule's section of the
    checklists page names a role-play only if that capsule's activities do."""
    role_play = re.compile(r"role[- ]?play", re.IGNORECASE)
    tree = _tree("en", "trainers/observation-checklists.md")
    sections = tree.xpath(".//h2[starts-with(@id, 'observe-')]")
    assert sections, "no checklist on the page"
    for heading in sections:
        capsule = STATE.curriculum.capsules[heading.get("id").removeprefix("observe-")]
        shown = []
        for element in heading.itersiblings():
            if element.tag == "h2":
                break
            shown.append(element.text_content())
        activities = " ".join(
            STATE.curriculum.text(part, "en")
            for activity in capsule.activities
            for part in (activity.title, activity.description, activity.trainer_notes)
            if part
        )
        if not role_play.search(activities):
            assert not role_play.search(" ".join(shown)), f"{capsule.id}: the checklist asks for a role-play it has not"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_example_organisation_shows_its_readers_no_instruction_meant_for_a_fork(lang):
    """Every page that marks an adaptation point shows the example organisation's own text,
    written in the page's language, never the notice that tells a fork to write it in
    curriculum/organisation.yml (a fork that leaves a point empty still sees the notice)."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    notice = ui["adapt-todo"].split("{point}")[0].strip()
    marks = [m for m in find_marks(ROOT, STATE.curriculum.organisation, STATE.languages) if m.lang == lang]
    pages = sorted({m.path.relative_to(ROOT / DOCS_DIR / lang).as_posix() for m in marks})
    assert len(pages) >= 5, pages  # the safeguarding chapters, supervising volunteers, steps 1 and 3
    assert not [(m.path.name, m.line, m.point) for m in marks if not m.filled]  # no English box on a French page
    for source in pages:
        tree = _tree(lang, source)
        assert tree.xpath("//div[contains(@class, 'adaptation')]"), (lang, source)
        assert not tree.xpath("//div[contains(@class, 'adaptation--todo')]"), (lang, source)
        assert notice not in tree.text_content(), (lang, source)
