"""Untrusted pages, YAML files and command lines: none runs code, crashes, or loses work."""

from __future__ import annotations

import pickle
import random
import re

import pytest
from jinja2 import Environment
from lxml import etree

from conftest import FIXTURES, ROOT, copy_project, scenario_project
from portfolio.build_state import load_sources
from portfolio.cli import main
from portfolio.exports import comment_text, export_all
from portfolio.page_templates import BUILD_VARIABLES, MACROS, sandboxed
from portfolio.pages import PageMacros
from portfolio.problems import PageProblem, unknown_id
from portfolio.safety import check_page_line, check_text

PROBLEM_LINE = re.compile(r"^\S+:\d+ \[[a-z0-9-]+\] .+ — .+$")
RULE_LINE = re.compile(r"^  \[[a-z0-9-]+\] \d+ in \d+ files? — .+$")  # the summary by rule


# Templates ------------------------------------------------------------------------


def _refused(env, code: str, caplog, **variables) -> list[str]:
    """The problem lines logged when `code` renders in `env` (it then renders nothing)."""
    caplog.clear()
    with caplog.at_level("ERROR", logger="mkdocs"):
        assert env.from_string(code).render(**variables) == ""
    return [record.getMessage() for record in caplog.records]


def test_the_sandbox_refuses_python_internals(caplog):
    env = sandboxed(Environment(comment_start_string="{##", comment_end_string="##}"))
    [said] = _refused(env, "{{ cycler.__init__.__globals__.os.popen('id').read() }}", caplog)
    assert "[unsafe-template]" in said and PROBLEM_LINE.match(said)
    assert env.from_string("{## note ##}{{ 1 + 1 }} {#purpose}").render() == "2 {#purpose}"


def test_the_sandbox_refuses_to_make_a_huge_text_or_number(caplog):
    """What make check refuses on a page (`*`, `**`, `%`) cannot hang the build either:
    each renders as one problem line, at once."""
    env = sandboxed(Environment())
    for code in ('{{ "x" * 999999999 }}', "{{ [1] * 10 ** 8 }}", "{{ 2 ** 999999999 }}", '{{ "%999999999d" % 1 }}'):
        [said] = _refused(env, code, caplog)
        assert "[unsafe-template]" in said and PROBLEM_LINE.match(said), code
    assert env.from_string('{{ "ab" * 3 }} {{ 2 ** 10 }} {{ 7 % 3 }}').render() == "ababab 1024 1"


def test_a_template_failing_while_rendering_is_one_problem_line_not_a_traceback(tmp_path, caplog):
    """What `make check` did not foresee stops the strict build with a line to fix (logged
    to MkDocs, which counts it), never mkdocs-macros' exit with a traceback."""
    from jinja2 import StrictUndefined
    from mkdocs.structure.files import File

    page = File("a.md", str(tmp_path), str(tmp_path / "site"), True)
    env = sandboxed(Environment(undefined=StrictUndefined))

    def quiz(quiz_id):  # as portfolio.pages refuses an unknown id
        raise unknown_id("quiz", quiz_id, ["x"])

    env.globals["quiz"] = quiz
    (tmp_path / "a.md").write_text("---\nroles: [newcomer]\n---\n\nHello\n{{ volunteer_name }}\n")
    rendered = "Hello\n{{ volunteer_name }}\n"  # as MkDocs gives it to mkdocs-macros
    [undefined] = _refused(env, rendered, caplog, page=type("P", (), {"file": page, "meta": {}})())
    assert re.match(r".*a\.md:6 \[unknown-variable\] 'volunteer_name' is undefined — ", undefined)
    the_page = type("P", (), {"file": page, "meta": {}})()
    [unknown] = _refused(env, "Hello\n{{ quiz('nope') }}", caplog, page=the_page)
    assert re.match(r".*a\.md:6 \[unknown-quiz\] the page names the quiz `nope`, which does not .* one of: x$", unknown)
    [failed] = _refused(env, "{{ 'a' + 1 }}", caplog)
    assert "[template-syntax]" in failed and PROBLEM_LINE.match(failed)
    [uncompiled] = _refused(env, "{% block a %}{% endblock %}{% block a %}{% endblock %}", caplog)
    assert "[template-syntax]" in uncompiled and "defined twice" in uncompiled


def _page_in_project(root, source: str, text: str, meta: dict):
    """A page of a project at `root` (its file written), as MkDocs gives it to the macros:
    its Markdown without the front matter, and the Page."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from portfolio import yamlfile

    (root / "mkdocs.yml").write_text("site_name: x\n")
    (root / "docs" / source).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / source).write_text(text)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(root / "docs")})
    page = Page("A page", File(source, str(root / "docs"), str(root / "site"), True), config)
    page.meta = meta
    return yamlfile.split_front_matter(text)[1].lstrip("\n"), page


def test_what_the_build_refuses_while_rendering_is_said_as_make_check_says_it(tmp_path, caplog, monkeypatch):
    """What `make check` cannot see (the page reads `org` or `page` by another name) stops
    the build with the check's words, at the line of the page's file as its author counts
    it: front matter included, and on a page a layout places (a capsule page) the page's
    own line, not that of the laid-out text."""
    from jinja2 import StrictUndefined

    from portfolio.layouts import lay_out

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.chdir(tmp_path)
    env = sandboxed(Environment(undefined=StrictUndefined, comment_start_string="{##", comment_end_string="##}"))
    org = {"name": "Accueil Lyon", "country": "FR"}
    glossary = "---\nroles: [coordinator]\n---\n\n# Glossary\n\n{% set o = org %}{{ o.nmae }}\n"
    markdown, page = _page_in_project(tmp_path, "en/glossary.md", glossary, {})
    assert _refused(env, markdown, caplog, page=page, org=org) == [
        "docs/en/glossary.md:7 [unknown-variable] `org.nmae` is not known — did you mean `org.name`?"
        " (the organisation's fields are: country, name)"
    ]
    layout = "{## page title ##}\n\nThe capsule's card.\n\n{## page text ##}\n\n{{ capsule_end }}\n"
    (tmp_path / "templates/layouts").mkdir(parents=True)
    (tmp_path / "templates/layouts/capsule.md").write_text(layout)
    text = "---\ncapsule: alpha\n---\n\n# Welcome in Lyon\n\nWhy it matters.\n\n"
    text += "Source: {% set p = page %}{{ p.file }}\n"  # line 9
    markdown, page = _page_in_project(tmp_path, "en/welcome-in-lyon.md", text, {"capsule": "alpha"})
    assert _refused(env, lay_out(markdown, layout), caplog, page=page) == [
        "docs/en/welcome-in-lyon.md:9 [unsafe-template] pages cannot read `page.file` — a page may read only its own"
        " `page.title` and `page.meta` (the settings at its top); write other facts as text, and link to another"
        " page with [text](page.md)"
    ]
    fixed = text.removesuffix("Source: {% set p = page %}{{ p.file }}\n")  # then the layout's own line fails
    markdown, page = _page_in_project(tmp_path, "en/welcome-in-lyon.md", fixed, {"capsule": "alpha"})
    assert _refused(env, lay_out(markdown, layout), caplog, page=page) == [
        "docs/en/welcome-in-lyon.md:2 [unknown-variable] 'capsule_end' is undefined (line 7 of"
        " templates/layouts/capsule.md, the layout that the setting `capsule` chooses)"
        " — use the project's variables or its macros (README: Writing pages)"
    ]


def test_a_block_left_open_is_said_at_the_line_that_opens_it_in_the_build_too(tmp_path, caplog, monkeypatch):
    """A page `make check` was not run on: the build says the block left open as the check
    does, at the line of the page's file that opens it, instead of Jinja's "The innermost
    block that needs to be closed is 'if'" at the end of the page."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.chdir(tmp_path)
    text = '---\nroles: [coordinator]\n---\n\n# Chapter\n\n{% if lang == "en" %}\nEnglish only.\n\nText.\n'
    markdown, page = _page_in_project(tmp_path, "en/chapter.md", text, {"roles": ["coordinator"]})
    env = sandboxed(Environment(comment_start_string="{##", comment_end_string="##}"), lambda: page)
    assert _refused(env, markdown, caplog) == [
        "docs/en/chapter.md:7 [template-syntax] `{% if %}` opened on line 7 is never closed"
        " — add `{% endif %}` where its part of the page ends"
    ]


def test_the_build_renders_pages_in_the_sandbox(monkeypatch):
    """After the hooks' on_config, mkdocs-macros renders with a sandboxed environment."""
    from jinja2.sandbox import SandboxedEnvironment
    from mkdocs.config import load_config

    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    macros = config.plugins["macros"]
    assert isinstance(macros.env, SandboxedEnvironment)
    assert set(MACROS) <= set(macros.env.globals)
    assert not BUILD_VARIABLES & set(macros.variables)  # no navigation, config, git...


def test_a_page_reads_nothing_of_another_page_or_of_the_build(tmp_path, caplog):
    """However a page reaches MkDocs' objects (through a variable of its own, a filter),
    it reads only its own title and front matter: not another page's title, nor a path of
    the build machine."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path)})
    first, second = (File(f"{n}.md", str(tmp_path), str(tmp_path / "site"), True) for n in "ab")
    page, other = Page("This page", first, config), Page("Another page", second, config)
    page.next_page, page.meta = other, {"capsule": "peer-sessions"}
    env = sandboxed(Environment())
    assert env.from_string("{{ page.title }}, {{ page.meta.capsule }}").render(page=page) == "This page, peer-sessions"
    for code in (
        "{% set p = page %}{{ p.next_page.title }}",
        "{{ [page] | map(attribute='next_page.title') | join }}",
        "{{ page.file.abs_src_path }}",
        "{% with p = page %}{{ p.file.page.next_page }}{% endwith %}",
    ):
        [said] = _refused(env, code, caplog, page=page)
        assert "[unsafe-template]" in said


def test_the_checked_macros_are_the_registered_ones():
    state = load_sources(ROOT)
    assert set(PageMacros(state, "en", None, lambda: None).macros()) == set(MACROS)


def test_the_macros_refuse_what_does_not_exist_with_its_rule():
    """What the build turns into a problem line at the page's call (see above)."""
    macros = PageMacros(load_sources(ROOT), "en", None, lambda: None)
    for call, rule in [
        (lambda: macros.quiz("nope"), "unknown-quiz"),
        (lambda: macros.pilot_schedule("nope"), "unknown-track"),
        (lambda: macros.adapt("nope"), "unknown-adaptation"),
        (lambda: macros.form("nope"), "unknown-form"),
    ]:
        with pytest.raises(PageProblem) as refused:
            call()
        assert refused.value.rule == rule and "`nope`" in refused.value.message and refused.value.fix
        again = pickle.loads(pickle.dumps(refused.value))  # whole across processes
        assert (again.rule, again.message, again.fix) == (rule, refused.value.message, refused.value.fix)


def test_a_pilot_schedule_refuses_a_start_or_lunch_that_is_not_a_time():
    macros = PageMacros(load_sources(ROOT), "en", None, lambda: None)
    track = load_sources(ROOT).curriculum.course.tracks[0].id
    for start in ("9:00:00", "25:00", "nine", ""):
        with pytest.raises(PageProblem) as refused:
            macros.pilot_schedule(track, start=start)
        assert refused.value.rule == "template-syntax" and "time of day" in refused.value.message
    for lunch in ("12:60", "noon", "12"):
        with pytest.raises(PageProblem) as refused:
            macros.pilot_schedule(track, lunch=lunch)
        assert refused.value.rule == "template-syntax" and "time of day" in refused.value.message
        assert 'lunch="12:30"' in refused.value.fix
    for length in (0, -30, 240, "60", 1.5, True):
        with pytest.raises(PageProblem) as refused:
            macros.pilot_schedule(track, lunch_minutes=length)
        assert refused.value.rule == "template-syntax" and "length of lunch" in refused.value.message


# Markup and contacts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "<script>alert(1)</script>",
        '<a href="#" onclick="steal()">x</a>',
        "A paragraph { onclick=steal() }",
        "[notes](javascript:alert(1))",
        "[notes](java&#115;cript:alert(1))",
        '<a rel="attachment" href="notes.txt">notes</a>',
        '<a href="file:///etc/hostname">host</a>',
        '<img src="https://tracker.example/x.png" alt="">',
        "![logo](https://tracker.example/logo.png)",
        '<iframe src="https://video.example/"></iframe>',
    ],
)
def test_unsafe_markup_in_a_page_is_a_problem(line):
    assert [p.rule for p in check_page_line(ROOT / "x.md", 3, line)] != []
    assert all(p.rule == "unsafe-markup" for p in check_page_line(ROOT / "x.md", 3, line))


@pytest.mark.parametrize(
    "text",
    [
        "Call (+352) 621-123-456.",
        "Call +33 6 12 34 56 78.",
        "Call 621 12 34 56.",
        "Call 0612345678.",
        "Call 00352 621 123 456.",
        "Write to jo@example.org.",
        "Write to jo [at] example [dot] org.",
        "Write to jo(at)example.org.",
    ],
)
def test_contact_details_are_found_in_yaml_texts(text):
    assert [p.rule for p in check_text(ROOT / "x.yml", 1, text)] == ["contact-in-text"]


@pytest.mark.parametrize(
    "text",
    [
        "From 2015 to 2017 (2015-2017), on 2026-11-29, 1,450 words.",
        "Read [the guide](https://example.org/) or [step 6](https://example.org/handbook/buddy-system/).",
        "*Emphasis*, **strong** and a list:\n\n- one\n- two",
    ],
)
def test_what_authors_need_is_accepted_in_yaml_texts(text):
    assert check_text(ROOT / "x.yml", 1, text) == []


# Exports ------------------------------------------------------------------------------


def test_comment_text_cannot_end_a_comment_or_a_line():
    assert comment_text("Name\n::Q::Injected{=yes}\n-- x --> y") == "Name ::Q::Injected{=yes} - - x - -> y"


def test_an_organisation_name_cannot_inject_questions(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    org = project / "curriculum/organisation.yml"
    org.write_text(
        org.read_text().replace(
            "en: Good Tutoring Network (example organisation)", 'en: "GTN\\n::x::Q {=a ~b}\\n--> <!--"'
        )
    )
    monkeypatch.chdir(project)
    state = load_sources(project)
    site = tmp_path / "site"
    written = export_all(state, site, report=lambda message: None)
    gift = (site / "lms/questions-multilingual.gift").read_text()
    header = [line for line in (site / "lms/questions-en.gift").read_text().splitlines() if line.startswith("//")]
    assert "::x::" in header[0] and not any("::x::" in line for line in header[1:])
    # GIFT holds every question but the ordering ones (they are in the XML bank).
    questions = sum(q.type != "ordering" for quiz in state.curriculum.quizzes.values() for q in quiz.questions)
    assert len(re.findall(r"^::", (site / "lms/questions-en.gift").read_text(), re.M)) == questions
    assert gift.count("\n::") == questions
    etree.parse(str(site / "lms/questions-en.xml"))  # well formed, `--` or not
    # A comment is read as it is written: an apostrophe, not `&#39;`.
    assert "<!-- Réseau du bon tutorat (organisation d'exemple)," in (site / "fr/lms/questions-fr.xml").read_text()
    assert all(e.path.is_file() for e in written)


# Commands ------------------------------------------------------------------------------


def test_a_command_outside_a_project_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a Good Tutoring Portfolio project" in err[0]


def test_init_keeps_an_existing_organisation_file(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    org = project / "curriculum/organisation.yml"
    before = org.read_text()
    monkeypatch.chdir(project)
    options = ["init", "--name", "X", "--short-name", "X", "--country", "PT", "--languages", "en"]
    assert main(options) == 2
    assert "--force" in capsys.readouterr().err
    assert org.read_text() == before
    assert main([*options, "--force"]) == 0
    assert (project / "curriculum/organisation.yml.bak").read_text() == before
    assert "name:" in org.read_text() and org.read_text() != before


def test_init_refuses_a_country_that_is_not_a_code(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    org = project / "curriculum/organisation.yml"
    before = org.read_text()
    monkeypatch.chdir(project)
    options = ["init", "--name", "X", "--short-name", "X", "--country", "Portugal", "--languages", "en", "--force"]
    assert main(options) == 2
    assert "--country: `Portugal` is not a country's two-letter code" in capsys.readouterr().err
    assert org.read_text() == before


@pytest.mark.parametrize(
    "lang, path",
    [("de", "docs/de/index.md"), ("FR", "docs/fr/index.md"), ("fr", "../../x.md"), ("fr", "docs/fr/../../../x.md")],
)
def test_mark_accepts_only_translations_of_this_project(lang, path, tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    outside = tmp_path / "x.md"
    outside.write_text("keep me")
    monkeypatch.chdir(project)
    assert main(["translations", "--mark", lang, path]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert outside.read_text() == "keep me"


def test_check_reports_a_broken_mkdocs_yml(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("nav:\n  - Home: index.md", "nav:\n  - Home: [index.md"))
    monkeypatch.chdir(project)
    monkeypatch.delenv("CI", raising=False)
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1 error(s), 0 warning(s)"
    assert lines[1].startswith("mkdocs.yml:") and "[config-syntax]" in lines[1]


def test_export_validates_before_writing(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    (site / "lms").mkdir(parents=True)
    (site / "index.html").write_text("built")
    (site / "lms/questions-multilingual.gift").write_text("previous")
    quiz = project / "curriculum/quizzes/initial-self-assessment.yml"
    quiz.write_text(quiz.read_text().replace("pass_mark: 70", "pass_mark: 150"))
    monkeypatch.chdir(project)
    assert main(["export", "--site-dir", str(site)]) == 1
    assert "[bad-pass-mark]" in capsys.readouterr().err
    assert (site / "lms/questions-multilingual.gift").read_text() == "previous"


# Fuzzing -----------------------------------------------------------------------------
# Real curriculum files and pages, laid over the minimal project and damaged at random:
# every run ends with problem lines in the documented form, never a traceback.

SOURCES = {
    "curriculum/capsules/alpha.yml": ROOT / "curriculum/capsules/pre-matching.yml",
    "curriculum/quizzes/alpha.yml": ROOT / "curriculum/quizzes/pre-matching.yml",
    "curriculum/self-assessments/ready.yml": ROOT / "curriculum/self-assessments/initial-self-assessment.yml",
    "curriculum/course.yml": ROOT / "curriculum/course.yml",
    "curriculum/organisation.yml": ROOT / "curriculum/organisation.yml",
    "curriculum/documents.yml": ROOT / "curriculum/documents.yml",
    "curriculum/steps.yml": ROOT / "curriculum/steps.yml",
    "curriculum/interface.yml": FIXTURES / "minimal/curriculum/interface.yml",
    "docs/en/chapter.md": ROOT / "docs/en/handbook/buddy-system/04-pre-matching.md",
    "docs/fr/handbook/buddy-system/01-inform.md": ROOT / "docs/fr/handbook/buddy-system/04-pre-matching.md",
}
SWAPS = [": [1, 2]", ": {a: b}", ": 12", ": null", ": ''", ": true", ": 2025-02-30", ": &a [*a]", ": ..", ": '\\u0000'"]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    kind = rng.randrange(9)
    if kind == 0:  # truncated
        return data[: rng.randrange(len(data) + 1)]
    if kind == 1:  # a line deleted
        del lines[rng.randrange(len(lines))]
    elif kind == 2:  # a line repeated
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])
    elif kind == 3:  # a value of another type
        index = rng.randrange(len(lines))
        swap = rng.choice(SWAPS).encode()
        lines[index] = re.sub(rb":\s.*$", lambda _: swap, lines[index], count=1)
    elif kind == 4:  # another encoding
        return data.decode("utf-8").encode(rng.choice(["latin-1", "utf-16", "utf-8-sig", "cp1256"]), "replace")
    elif kind == 5:  # indentation broken
        index = rng.randrange(len(lines))
        lines[index] = b"   " + lines[index]
    elif kind == 6:  # template code
        index = rng.randrange(len(lines))
        lines[index] += rng.choice([b" {{ ", b" {% if %}", b" {{ x.__class__ }}", b" {{ quiz('nope') }}"])
    elif kind == 7:  # random bytes
        index = rng.randrange(len(data) + 1)
        return data[:index] + bytes(rng.randrange(256) for _ in range(8)) + data[index:]
    else:  # two lines swapped
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def test_damaged_sources_give_problem_lines_never_a_traceback(tmp_path, monkeypatch, capsys):
    root = scenario_project(None, tmp_path / "p")
    (root / "mkdocs.yml").write_text((FIXTURES / "rules/unknown-language/mkdocs.yml").read_text())
    for target, source in SOURCES.items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        (root / target).write_bytes(source.read_bytes())
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    rng = random.Random(20261129)
    targets = sorted(SOURCES)
    for run in range(120):
        target = root / rng.choice(targets)
        original = target.read_bytes()
        target.write_bytes(_mutate(original, rng))
        code = main(["check"])
        out = capsys.readouterr().out.splitlines()
        target.write_bytes(original)
        assert code in (0, 1), f"run {run}: exit {code}"
        assert re.fullmatch(r"\d+ error\(s\), \d+ warning\(s\)", out[0]), f"run {run}: {out[:2]}"
        lines, _, summary = "\n".join(out[1:]).partition("\n\nBy rule:\n")
        for line in lines.splitlines():
            assert PROBLEM_LINE.match(line), f"run {run}: {line}"
        for line in summary.splitlines():
            assert RULE_LINE.match(line), f"run {run}: {line}"


# Inputs found by an adversarial reading: each gave a traceback or ran for minutes.
CRASHES = {  # the file, the text replaced (None: added at the end), the new text, an error expected
    "an id that is a list (people)": ("curriculum/people.yml", None, "people:\n  - id: [a, b]\n    name: X\n", True),
    "an id that is a list (quiz)": ("curriculum/quizzes/alpha.yml", "- id: q1", "- id: [q1]", True),
    "an id that is a mapping (track)": ("curriculum/course.yml", "- id: volunteers", "- id: {volunteers: 1}", True),
    "template code nested deep": ("docs/en/chapter.md", None, "{{ " + "(" * 200 + "1" + ")" * 200 + " }}\n", True),
    "blocks nested deep": ("docs/en/chapter.md", None, "{% if 1 %}" * 500 + "x" + "{% endif %}" * 500 + "\n", True),
    "a very long line before an @": ("docs/en/chapter.md", None, "a" * 100_000 + "@\n", False),
    "braces, 50,000 of them": ("docs/en/chapter.md", None, "{" * 50_000 + "\n", True),
    "a comparison": ("docs/en/chapter.md", None, '{% if lang == "fr" %}Bonjour{% endif %}\n', False),
    "a filter no page has": ("docs/en/chapter.md", None, "{{ lang | pretty }}\n", True),
    "blocks 99 deep": ("docs/en/chapter.md", None, "{% if 1 %}" * 99 + "x" + "{% endif %}" * 99 + "\n", True),
}


@pytest.mark.parametrize(("target", "old", "new", "error"), CRASHES.values(), ids=CRASHES.keys())
def test_inputs_that_crashed_the_checks_give_problem_lines(target, old, new, error, tmp_path, monkeypatch, capsys):
    root = scenario_project(None, tmp_path / "p")
    (root / "mkdocs.yml").write_text((FIXTURES / "rules/unknown-language/mkdocs.yml").read_text())
    path = root / target
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    code = main(["check"])
    out = capsys.readouterr().out.splitlines()
    lines, _, _ = "\n".join(out[1:]).partition("\n\nBy rule:\n")
    assert all(PROBLEM_LINE.match(line) for line in lines.splitlines()), lines
    found = [line for line in lines.splitlines() if target in line]
    assert code == (1 if error else code) and bool(found) == error, lines


def test_a_symbolic_link_under_docs_is_refused(tmp_path, monkeypatch, capsys):
    """The site would publish what it points to: here, a file of the machine."""
    root = scenario_project(None, tmp_path / "p")
    (root / "mkdocs.yml").write_text((FIXTURES / "rules/unknown-language/mkdocs.yml").read_text())
    (root / "docs/assets").mkdir(parents=True)
    (root / "docs/assets/notes.txt").symlink_to("/etc/hostname")
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)  # the lines as a person reads them
    assert main(["check"]) == 1
    assert (
        "docs/assets/notes.txt:1 [unsafe-markup] `notes.txt` is a symbolic link: the site would publish what it"
        " points to, outside the project — put the file itself there, not a link" in capsys.readouterr().out
    )


def test_the_policy_never_trusts_a_script_after_a_closing_article_in_the_content():
    from portfolio.csp import SCRIPT_HASHES, with_script_hashes

    page = (
        f'<meta content="script-src {SCRIPT_HASHES}"><article><p></article><script>alert(1)</script></p>'
        "</article><script>theme()</script>"
    )
    written = with_script_hashes(page)
    assert written.count("sha256-") == 1 and "'sha256-" in written  # the theme's script only


def test_a_logo_word_cannot_read_is_left_out_of_the_word_form(tmp_path, monkeypatch):
    """`check` refuses such a logo; the Word form writer still never crashes on one."""
    from portfolio.forms import _write_docx, form_view, organisation_view, strings_for

    project = copy_project(tmp_path / "project")
    (project / "docs/assets/images/fake-logo.png").write_text("not an image, just text")
    org = project / "curriculum/organisation.yml"
    org.write_text(org.read_text().replace("logo: assets/images/favicon.svg", "logo: assets/images/fake-logo.png"))
    monkeypatch.chdir(project)
    state = load_sources(project)
    form = next(iter(state.curriculum.forms.values()))
    ui = strings_for(state.interface, "en", "en")
    view = form_view(form, "en", "en", ui, organisation_view(state.curriculum, "en"))
    target = tmp_path / "form.docx"
    _write_docx(view, state, "en", ui, target)
    import docx

    assert not docx.Document(str(target)).inline_shapes  # no picture, and no empty run for it


def test_init_keeps_the_logo_of_the_file_it_replaces(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    org = project / "curriculum/organisation.yml"
    monkeypatch.chdir(project)
    options = ["init", "--name", "X", "--short-name", "X", "--country", "PT", "--languages", "en", "--force"]
    assert main(options) == 0
    assert 'logo: "assets/images/favicon.svg"' in org.read_text().splitlines()


@pytest.mark.parametrize(
    "option, value",
    [("--website", "javascript:alert(1)"), ("--website", "data:text/html,x"), ("--email", "contact at example.org")],
)
def test_init_refuses_a_website_or_an_e_mail_that_is_not_one(option, value, tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    org = project / "curriculum/organisation.yml"
    before = org.read_text()
    monkeypatch.chdir(project)
    options = ["init", "--name", "X", "--short-name", "X", "--country", "PT", "--languages", "en", "--force"]
    assert main([*options, option, value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and option in err[0] and value in err[0]
    assert org.read_text() == before


@pytest.mark.parametrize(
    ("path", "source", "content", "rule"),
    [
        ("handbook/glossary.md", "docs/en/handbook/glossary.md", b"# Glossary \xe9\xff\n", "not-utf8"),
        ("capsules/peer-sessions.yml", "curriculum/capsules/peer-sessions.yml", b"id: x\n\xe9\xff\n", "not-utf8"),
        ("capsules/peer-sessions.yml", "curriculum/capsules/peer-sessions.yml", b"id: x\n  a: [b\n", "yaml-syntax"),
        ("capsules/peer-sessions.yml", "curriculum/translations.yml", b"fr: {a\n", "yaml-syntax"),
    ],
)
def test_mark_refuses_a_file_it_cannot_read_and_writes_nothing(
    path, source, content, rule, tmp_path, monkeypatch, capsys
):
    """The one line `portfolio check` gives for the file, exit 1, and no record written
    (never a traceback, nor the fingerprint of an empty text)."""
    project = copy_project(tmp_path / "project")
    (project / source).write_bytes(content)
    written = {
        p: p.read_bytes() for p in (project / "docs/fr/handbook/glossary.md", project / "curriculum/translations.yml")
    }
    monkeypatch.chdir(project)
    assert main(["translations", "--mark", "fr", path]) == 1
    out, err = capsys.readouterr()
    [line] = err.strip().splitlines()
    assert PROBLEM_LINE.match(line) and line.startswith(f"{source}:") and f"[{rule}]" in line
    assert "recorded" not in out
    assert {p: p.read_bytes() for p in written} == written


def test_mark_records_any_file_with_texts_but_not_one_left_untranslated(tmp_path, monkeypatch, capsys):
    """Interface strings and forms are translated like capsules, and recorded alike; a file
    whose texts lack the language is refused with what to do, and nothing is written."""
    project = copy_project(tmp_path / "project")
    records = project / "curriculum/translations.yml"
    monkeypatch.chdir(project)
    assert main(["translations", "--mark", "fr", "curriculum/interface.yml"]) == 0
    assert "interface.yml" in records.read_text()
    capsule = project / "curriculum/capsules/peer-sessions.yml"
    capsule.write_text(re.sub(r"^(\s+)fr: .*\n", "", capsule.read_text(), count=2, flags=re.M))
    before = records.read_bytes()
    capsys.readouterr()
    assert main(["translations", "--mark", "fr", "capsules/peer-sessions.yml"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "has 2 text(s) with no `fr` translation yet" in line
    assert records.read_bytes() == before


@pytest.mark.parametrize(
    "lang, path, said",
    [
        ("ar", "handbook/glossary.md", "docs/ar/handbook/glossary.md does not exist yet — translate"),
        ("fr", "handbook/idnex.md", "handbook/idnex.md does not exist — did you mean `handbook/index.md`?"),
        ("fr", "capsules/peer-sesions.yml", "did you mean `capsules/peer-sessions.yml`?"),
    ],
)
def test_mark_says_what_a_translator_got_wrong(lang, path, said, tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    (project / "docs/ar/handbook/glossary.md").unlink()  # not translated yet
    monkeypatch.chdir(project)
    assert main(["translations", "--mark", lang, path]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert said in line


@pytest.mark.parametrize("key", ["lms-question-name", "handouts-title", "time-of-day"])
def test_an_interface_text_the_code_reads_is_required_like_a_templates(key, tmp_path, monkeypatch, capsys):
    """A fork that deletes a text only the Python code reads (a question's name in the LMS
    files, a handouts PDF's title, the timetable's times) is told by `make check`, at the
    code that reads it, instead of meeting a KeyError traceback in the build."""
    project = copy_project(tmp_path / "project")
    interface = project / "curriculum/interface.yml"
    interface.write_text(re.sub(rf"^{key}:\n(?:  .*\n)+", "", interface.read_text(), flags=re.M))
    monkeypatch.chdir(project)
    monkeypatch.delenv("CI", raising=False)  # the line as an author reads it, not as an annotation
    assert main(["check"]) == 1
    [line] = [line for line in capsys.readouterr().out.splitlines() if "[missing-interface-string]" in line]
    assert re.fullmatch(
        rf"curriculum/interface.yml:1 \[missing-interface-string\] the key `{key}` is missing"
        r" \(src/portfolio/\w+\.py:\d+ uses it\) — .+",
        line,
    ), line
