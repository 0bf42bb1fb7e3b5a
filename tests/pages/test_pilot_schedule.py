"""The pilot kit and the trainers' pages as a trainer reads them: the live video calls to
book, computed from the activities' modes; the timetable's room time, without the work a
session asks before or after it; the hours said, each rounded from its own minutes."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from conftest import LANGUAGES, project_state
from portfolio.interface import strings_for
from portfolio.locale_facts import count_text, hours, hours_in_tenths
from rendering import render_page

STATE = project_state()
TRACK = next(t for t in STATE.curriculum.course.tracks if t.id == "professionals")
CAPSULES = [STATE.curriculum.capsules[c] for c in TRACK.capsules]


def _tree(lang: str, source: str):
    return lxml_html.fromstring(f"<div>{render_page(lang, source)}</div>")


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _ui(lang: str) -> dict[str, str]:
    return strings_for(STATE.interface, lang, STATE.languages.default)


def _outside(capsule) -> tuple[list, list]:
    """What a face-to-face capsule asks before and after its session, read from the YAML
    here (not through the code under test): the activities not face to face at its edges."""
    modes = [a.mode for a in capsule.activities]
    if capsule.mode != "face-to-face":
        return [], []
    first = modes.index("face-to-face")
    last = len(modes) - 1 - modes[::-1].index("face-to-face")
    return capsule.activities[:first], capsule.activities[last + 1 :]


def _homework(capsule) -> list:
    before, after = _outside(capsule)
    return before + after


def _room_minutes(capsule) -> int:
    before, after = _outside(capsule)
    return capsule.duration - sum(a.minutes for a in before + after)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pilot_kit_lists_every_live_video_call_to_book(lang):
    """The checklist sends the trainer to the video calls to book; the list gives, for
    each capsule with live activities, when it comes, those activities and their minutes,
    which add up to the minutes of every activity at a distance in the track."""
    ui = _ui(lang)
    tree = _tree(lang, "trainers/pilot-course.md")
    before = tree.xpath("//h3[@id='before']/following-sibling::ul[1]")[0]
    assert before.xpath(".//a[@href='#video-calls']"), (lang, "no checklist step books the video calls")
    rows = tree.xpath("//h3[@id='video-calls']/following::div[contains(@class, 'pilot-calls')][1]//tbody/tr")
    live = {c.title[lang]: c for c in CAPSULES if any(a.mode == "distance" for a in c.activities)}
    assert [_text(row.xpath("./td[2]")[0]) for row in rows] == list(live), lang
    for row in rows:
        when, title, _, minutes = (_text(cell) for cell in row.xpath("./td"))
        capsule = live[title]
        calls = [a for a in capsule.activities if a.mode == "distance"]
        assert int(minutes) == sum(a.minutes for a in calls), (lang, title)
        # Each activity a block of its own ("What would you say?, Debrief" read as one title).
        lines = [" ".join(text.split()) for text in row.xpath("./td[3]")[0].itertext()]
        assert lines == [" ".join(a.title[lang].split()) for a in calls], (lang, title)
        assert when in (ui["pilot-before"], ui["pilot-between"], ui["pilot-after"]), (lang, when)
    total = sum(a.minutes for c in CAPSULES for a in c.activities if a.mode == "distance")
    assert total == 375  # 65 + 45 + 75 + 20 + 75 + 20 + 75: 6 h 15 of live calls
    said = _text(tree.xpath("//div[contains(@class, 'pilot-calls')]/p[last()]")[0])
    expected = (
        ui["pilot-calls-total"]
        .replace("{minutes}", count_text(ui["minutes-count"], total, lang))
        .replace("{hours}", count_text(ui["hours-count"], hours_in_tenths(total), lang))
    )
    assert said == " ".join(expected.split()), (lang, said)


def test_the_pilot_kit_places_each_call_where_its_capsule_comes():
    """Inform the stakeholders comes before day 1, pre-matching between the days, the
    success factors after day 2: each call is booked at its capsule's place."""
    ui = _ui("en")
    rows = _tree("en", "trainers/pilot-course.md").xpath("//div[contains(@class, 'pilot-calls')]//tbody/tr")
    when = {_text(row.xpath("./td[2]")[0]): _text(row.xpath("./td[1]")[0]) for row in rows}
    assert when["Inform the stakeholders"] == ui["pilot-before"]
    assert when["Pre-matching"] == when["Training and development"] == ui["pilot-between"]
    assert when["Progress follow-up and feedback"] == ui["pilot-after"]


def _days(lang: str):
    """The pilot timetable's days (the professionals track's, the page's first schedule):
    rows of (time, what, minutes) and the text around each table (the lists of work done
    before or after the day)."""
    tree = _tree(lang, "trainers/pilot-course.md")
    days = []
    for table in tree.xpath("(//div[contains(@class, 'pilot-schedule')])[1]//table"):
        rows = [[_text(cell) for cell in row.xpath("./td")] for row in table.xpath("./tbody/tr")]
        before = table.xpath("preceding-sibling::*[1]")[0]
        after = table.xpath("following-sibling::*[position() <= 2]")
        days.append((rows, _text(before), " ".join(_text(e) for e in after)))
    return days


def _clock(time: str) -> int:
    hour, minute = time.split(":")
    return int(hour) * 60 + int(minute)


def test_no_timetable_row_includes_work_done_before_or_after_a_session():
    """A session's rows give its time in the room only: the homework it asks before or
    after it is listed apart, under its day, and each day ends when its last room
    activity ends (9:00 to 16:30 and 9:00 to 16:45 for the professionals track)."""
    ui = _ui("en")
    by_title = {c.title["en"]: c for c in CAPSULES if c.mode == "face-to-face"}
    shown: dict[str, int] = {}
    ends = []
    for rows, before, after in _days("en"):
        for _, what, minutes in rows[:-1]:
            if what.startswith(ui["pilot-lunch"]):
                continue
            title = what.removesuffix(ui["pilot-continued"].replace("{title}", ""))
            shown[title] = shown.get(title, 0) + int(minutes)
        last_time, _, last_minutes = rows[-2]
        assert _clock(rows[-1][0]) == _clock(last_time) + int(last_minutes)
        ends.append(rows[-1][0])
        listed = before + " " + after
        for title in {r[1].removesuffix(" (continued)") for r in rows[:-1]} & set(by_title):
            capsule = by_title[title]
            for activity in _homework(capsule):
                assert activity.title["en"] in listed, (title, activity.title["en"])
    for title, minutes in shown.items():
        capsule = by_title[title]
        breaks = sum(a.minutes for a in capsule.activities if a.kind == "break")
        assert minutes in (_room_minutes(capsule), _room_minutes(capsule) - breaks), (title, minutes)
    assert shown["Recruit or register peers"] == 135  # not 150: 15 minutes after the session
    assert ends == ["16:30", "16:45"]


def test_the_session_plans_mark_work_done_before_or_after_the_session():
    """A session plan keeps the homework in its place, marked "Before the session" or
    "After the session" where a start time would be, and its end is the room's."""
    ui = _ui("en")
    tree = _tree("en", "trainers/session-plans.md")
    for capsule in CAPSULES:
        if capsule.mode != "face-to-face":
            continue
        rows = tree.xpath(f"//h2[@id='plan-{capsule.id}']/following::table[1]/tbody/tr")
        starts = [_text(row.xpath("./td[1]")[0]) for row in rows]
        before, after = _outside(capsule)
        assert starts[: len(before)] == [ui["timing-before"]] * len(before), (capsule.id, starts)
        assert starts[len(starts) - len(after) :] == [ui["timing-after"]] * len(after) or not after, capsule.id
        end = starts[len(starts) - len(after) - 1]
        assert _clock(end) == _room_minutes(capsule), (capsule.id, end)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_face_to_face_hours_leave_out_homework_and_each_figure_is_its_own_minutes(lang):
    """The course plans' hours: face to face, the room's learning minutes (not what is
    done before or after a session); at a distance or in self-study, the rest; each
    rounded from its own minutes (460 minutes read 7.7 hours, never 7.6)."""
    ui = _ui(lang)
    pattern = re.escape(ui["trainer-hours"])
    for name in ("total", "present", "distance"):  # each a number of hours ("16.3 hours")
        pattern = pattern.replace(re.escape("{" + name + "}"), "(.+?)")
    found = re.findall(pattern, _tree(lang, "trainers/course-plans.md").text_content())
    assert len(found) == len(STATE.curriculum.course.tracks)
    for track, said in zip(STATE.curriculum.course.tracks, found, strict=True):
        capsules = [STATE.curriculum.capsules[c] for c in track.capsules]
        room = sum(
            a.minutes
            for c in capsules
            if c.mode == "face-to-face"
            for a in c.activities
            if a.kind != "break" and all(a is not h for h in _homework(c))
        )
        total = STATE.curriculum.track_minutes(track)
        written = tuple(count_text(ui["hours-count"], hours_in_tenths(m), lang) for m in (total, room, total - room))
        assert said == written, (lang, track.id, said)


def test_hours_round_each_figure_from_its_own_minutes_a_half_up():
    """460 minutes are 7.67 hours: 7.7. A half tenth goes up (75 minutes: 1.3), as a
    trainer rounds, not to the even tenth as floats do."""
    assert [hours(m, "en") for m in (460, 520, 980, 75, 15, 45, 375)] == [
        "7.7",
        "8.7",
        "16.3",
        "1.3",
        "0.3",
        "0.8",
        "6.3",
    ]
    assert hours(460, "fr") == "7,7"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_group_of_volunteers_gets_the_calls_and_days_of_its_own_track(lang):
    """A trainer with a group of volunteers finds their pilot on the same page: the video
    calls of the volunteers track's capsules and two days holding its face-to-face
    capsules, none of the professionals' own (supervising volunteers)."""
    track = next(t for t in STATE.curriculum.course.tracks if t.id == "volunteers")
    capsules = [STATE.curriculum.capsules[c] for c in track.capsules]
    tree = _tree(lang, "trainers/pilot-course.md")
    [heading] = tree.xpath("//h2[@id='schedule-volunteers']")
    calls = heading.xpath("following::div[contains(@class, 'pilot-calls')][1]//tbody/tr")
    live = [c.title[lang] for c in capsules if any(a.mode == "distance" for a in c.activities)]
    assert [_text(row.xpath("./td[2]")[0]) for row in calls] == live, lang
    [schedule] = heading.xpath("following::div[contains(@class, 'pilot-schedule')][1]")
    in_room = {_text(a) for a in schedule.xpath(".//tbody//a")}
    assert in_room == {c.title[lang] for c in capsules if c.mode == "face-to-face"}, lang
    assert STATE.curriculum.capsules["supervising-volunteers"].title[lang] not in in_room
