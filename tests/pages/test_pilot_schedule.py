"""The pilot kit and the trainers' pages as a trainer reads them: the live video calls to
book, as long as the session plans run them; the timetable's room time, without the work a
session asks before or after it; the hours said, whose parts add up to the whole."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from conftest import LANGUAGES, project_state
from portfolio.interface import strings_for
from portfolio.locale_facts import count_text, hours, hours_adding_up, hours_in_tenths
from rendering import render_page

STATE = project_state()
TRACK = next(t for t in STATE.curriculum.course.tracks if t.id == "professionals")
CAPSULES = [STATE.curriculum.capsules[c] for c in TRACK.capsules]


def _tree(lang: str, source: str):
    return lxml_html.fromstring(f"<div>{render_page(lang, source)}</div>")


def _text(element) -> str:
    return _text_of(element.text_content())


def _text_of(text: str) -> str:
    return " ".join(text.split())


def _ui(lang: str) -> dict[str, str]:
    return strings_for(STATE.interface, lang, STATE.languages.default)


def _outside(capsule, gathered: str = "face-to-face") -> tuple[list, list]:
    """What a capsule asks before and after its session, read from the YAML here (not
    through the code under test): the activities at its edges that do not gather the
    group (`gathered`: in the room, or "distance", in a video call)."""
    modes = [a.mode for a in capsule.activities]
    if capsule.mode != gathered or gathered not in modes:
        return [], []
    first = modes.index(gathered)
    last = len(modes) - 1 - modes[::-1].index(gathered)
    return capsule.activities[:first], capsule.activities[last + 1 :]


def _call(capsule) -> list:
    """The activities of a distance capsule's video call: from its first live activity to
    its last, the work alone between them included."""
    if capsule.mode == "face-to-face" or all(a.mode != "distance" for a in capsule.activities):
        return []
    before, after = _outside(capsule, "distance")
    return capsule.activities[len(before) : len(capsule.activities) - len(after)]


def _homework(capsule) -> list:
    before, after = _outside(capsule)
    return before + after


def _room_minutes(capsule) -> int:
    before, after = _outside(capsule)
    return capsule.duration - sum(a.minutes for a in before + after)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pilot_kit_lists_every_live_video_call_to_book(lang):
    """The checklist sends the trainer to the video calls to book; the list gives, for
    each capsule with live activities, when it comes, the activities of its call and the
    call's length: from the first live activity to the end of the last, with the work
    alone between them (the group comes back after it), marked so."""
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
        call = _call(capsule)
        assert int(minutes) == sum(a.minutes for a in call), (lang, title)
        # Each activity a block of its own ("What would you say?, Debrief" read as one title).
        lines = [_text(span) for span in row.xpath("./td[3]/span")]
        alone = ui["pilot-calls-alone"]
        titles = [(a.title[lang], a.mode == "distance") for a in call]
        expected = [_text_of(t if live else alone.replace("{activity}", t)) for t, live in titles]
        assert lines == expected, (lang, title)
        assert when in (ui["pilot-before"], ui["pilot-between"], ui["pilot-after"]), (lang, when)
    total = sum(a.minutes for c in CAPSULES for a in _call(c))
    # 85 + 45 + 95 + 20 + 75 + 20 + 75: the calls of Inform the stakeholders and Training
    # and development hold 20 minutes of work alone each.
    assert total == 415
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_session_plans_mark_work_done_before_or_after_the_session(lang):
    """A session plan keeps the homework in its place, marked "Before the session" or
    "After the session" where a start time would be; its clock and its end are the
    session's: in the room, or in the video call (pre-matching's call starts at 0:00, after
    65 minutes of work alone). Under its title, the plan says the session's minutes apart
    from the work alone."""
    ui = _ui(lang)
    tree = _tree(lang, "trainers/session-plans.md")
    checked = set()
    for capsule in CAPSULES:
        before, after = _outside(capsule, "face-to-face" if capsule.mode == "face-to-face" else "distance")
        rows = tree.xpath(f"//h2[@id='plan-{capsule.id}']/following::table[1]/tbody/tr")
        starts = [_text(row.xpath("./td[1]")[0]) for row in rows]
        assert starts[: len(before)] == [ui["timing-before"]] * len(before), (capsule.id, starts)
        assert starts[len(starts) - len(after) :] == [ui["timing-after"]] * len(after) or not after, capsule.id
        if before:
            assert starts[len(before)] == "0:00", (capsule.id, starts)
        end = starts[len(starts) - len(after) - 1]
        alone = sum(a.minutes for a in before + after)
        assert _clock(end) == capsule.duration - alone, (capsule.id, end)
        said = [_text(p) for p in tree.xpath(f"//h2[@id='plan-{capsule.id}']/following-sibling::p[position() <= 2]")]
        minutes = ui["minutes-count"]
        parts = (
            ui["trainer-session-parts"]
            .replace("{session}", count_text(minutes, capsule.duration - alone, lang))
            .replace("{alone}", count_text(minutes, alone, lang))
        )
        assert (_text_of(parts) in said) == bool(alone), (capsule.id, said)
        checked.add(capsule.id)
    assert {"pre-matching", "recruit-peers", "supervision-and-self-assessment"} <= checked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_face_to_face_hours_leave_out_homework_and_each_figure_is_its_own_minutes(lang):
    """The course plans' hours: face to face, the room's learning minutes (not what is
    done before or after a session); at a distance or in self-study, the rest; the two
    add up to the track's hours, each within a tenth of its own minutes."""
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
        whole, parts = hours_in_tenths(total), hours_adding_up([room, total - room])
        assert round(sum(parts), 1) == whole
        assert all(abs(part - m / 60) <= 0.1 for part, m in zip(parts, (room, total - room), strict=True))
        written = tuple(count_text(ui["hours-count"], h, lang) for h in (whole, *parts))
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


def test_the_parts_of_a_whole_add_up_to_its_hours():
    """Rounded alone, 735, 375 and 310 minutes read 12.3, 6.3 and 5.2 hours: 23.8, where
    the whole (1,420 minutes) is 23.7. The parts lose the tenth the rounding gave the one
    that lost least; a given whole is shared out the same way."""
    assert hours_adding_up([735, 375, 310]) == [12.3, 6.2, 5.2]
    assert hours_adding_up([460, 520]) == [7.7, 8.6]
    assert hours_adding_up([375, 310], 11.4) == [6.2, 5.2]
    assert hours_adding_up([60, 120]) == [1.0, 2.0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pilot_hours_add_up_to_the_course_plans(lang):
    """The kit's learning time (in the room, in video calls, alone) adds up to the hours
    the course plans give the track, and its calls' hours are the list's total."""
    ui = _ui(lang)
    pattern = re.escape(_text_of(ui["pilot-hours"]))
    for name in ("present", "live", "alone"):
        pattern = pattern.replace(re.escape("{" + name + "}"), "(.+?)")
    said = re.findall(pattern, " ".join(_tree(lang, "trainers/pilot-course.md").text_content().split()))
    number = re.compile(r"\d+(?:[.,]\d)?")
    volunteers = next(t for t in STATE.curriculum.course.tracks if t.id == "volunteers")
    assert len(said) == 2, (lang, said)
    for track, figures in zip((TRACK, volunteers), said, strict=True):
        present, live, alone = (float(number.search(f).group().replace(",", ".")) for f in figures)
        whole = hours_in_tenths(STATE.curriculum.track_minutes(track))
        assert round(present + live + alone, 1) == whole, (lang, figures)


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
