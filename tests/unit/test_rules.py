"""Each validation rule, on its own fixture, with the exact line an author sees."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, LANGUAGES, scenario_project
from portfolio.problems import RULES, report
from portfolio.sources import validate

SCENARIOS = sorted(p.name for p in (FIXTURES / "rules").iterdir())


def run(name: str, tmp_path, monkeypatch) -> list[str]:
    root = scenario_project(name, tmp_path / "project")
    monkeypatch.chdir(root)
    return [p.format() for p in sorted(validate(root, "en", LANGUAGES))]


def test_minimal_fixture_is_clean(tmp_path, monkeypatch):
    root = scenario_project(None, tmp_path / "p")
    monkeypatch.chdir(root)
    assert validate(root, "en", LANGUAGES) == []


@pytest.mark.parametrize("name", SCENARIOS)
def test_rule_message(name, tmp_path, monkeypatch):
    expected = (FIXTURES / "rules" / name / "expected.txt").read_text().splitlines()
    assert run(name, tmp_path, monkeypatch) == expected


def test_every_rule_has_a_scenario():
    assert set(RULES) <= set(SCENARIOS)


def test_all_problems_are_reported_together(tmp_path, monkeypatch):
    """Three broken files: one run reports the three problems, sorted by file and line."""
    root = scenario_project("unknown-quiz", tmp_path / "p")
    for name in ("no-correct-answer", "unknown-capsule"):
        for source in (FIXTURES / "rules" / name).rglob("*.yml"):
            target = root / source.relative_to(FIXTURES / "rules" / name)
            target.write_text(source.read_text())
    monkeypatch.chdir(root)
    rules = [p.rule for p in sorted(validate(root, "en", LANGUAGES))]
    assert rules == ["unknown-quiz", "unknown-capsule", "no-correct-answer"]


def test_ci_format_is_a_github_annotation(tmp_path, monkeypatch):
    root = scenario_project("bad-duration", tmp_path / "p")
    monkeypatch.chdir(root)
    [found] = validate(root, "en", LANGUAGES)
    assert found.format(ci=True) == (
        "::error file=curriculum/capsules/alpha.yml,line=6::[bad-duration] the duration is 0 minutes"
        " — give a number of minutes greater than zero"
    )


def test_the_report_ends_with_each_rule_counted_and_its_fix_said_once(tmp_path, monkeypatch):
    root = scenario_project("unknown-material", tmp_path / "p")
    monkeypatch.chdir(root)
    lines = report(validate(root, "en", LANGUAGES), ci=False).splitlines()
    assert lines[0] == "2 error(s), 0 warning(s)"
    assert lines[3:] == [
        "",
        "By rule:",
        "  [unknown-material] 1 in 1 file — " + RULES["unknown-material"][1],
        "  [wrong-type] 1 in 1 file — " + RULES["wrong-type"][1],
    ]


def test_a_mistyped_language_code_is_said_once_not_for_each_text_it_lacks(tmp_path, monkeypatch):
    """`ua` built (organisation.yml unreadable, every declared language is): no text is
    asked for in it, so the error is not lost among thousands of missing translations."""
    root = scenario_project("unknown-language-config", tmp_path / "p")
    monkeypatch.chdir(root)
    found = [p.format() for p in sorted(validate(root, "en", [*LANGUAGES, "ua"]))]
    assert found == (FIXTURES / "rules/unknown-language-config/expected.txt").read_text().splitlines()


def test_the_report_lists_the_errors_before_the_warnings(monkeypatch):
    from portfolio.problems import problem

    monkeypatch.delenv("CI", raising=False)
    found = [
        problem("a.yml", 1, "missing-translation", "the key `x` has no 'fr' text"),
        problem("b.yml", 2, "bad-duration", "the duration is 0 minutes"),
        problem("a.yml", 3, "missing-translation", "the key `y` has no 'fr' text"),
        problem("c.yml", 4, "unknown-quiz", "`quiz` names `q`, which does not exist"),
    ]
    lines = report(found).splitlines()
    assert lines[0] == "2 error(s), 2 warning(s)"
    assert [line.split()[0] for line in lines[1:5]] == ["b.yml:2", "c.yml:4", "a.yml:1", "a.yml:3"]
