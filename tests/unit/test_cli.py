"""`portfolio check` and `portfolio schema` as an author runs them; every command's options
and its closed output pipe."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import jsonschema
import pytest

from conftest import ROOT, scenario_project
from portfolio import yamlfile
from portfolio.cli import PIPE_CLOSED, _parser, main
from portfolio.schema import SCHEMAS, write_all


def _with_config(root):
    """The project's mkdocs.yml, its page tree that of the fixture's pages."""
    config = (ROOT / "mkdocs.yml").read_text()
    nav = "nav:\n  - index.md\n  - chapter.md\n  - handbook/buddy-system/01-inform.md\n  - training/capsules/alpha.md\n"
    (root / "mkdocs.yml").write_text(config[: config.index("\nnav:\n") + 1] + nav)
    return root


def test_check_passes_on_the_project(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("0 error(s)")


def test_check_fails_with_every_problem(tmp_path, monkeypatch, capsys):
    root = _with_config(scenario_project("minutes-mismatch", tmp_path / "p"))
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 error(s), 0 warning(s)"
    assert out[1].startswith("curriculum/capsules/alpha.yml:12 [minutes-mismatch] the activities add up to 25")


def test_problems_name_files_from_the_project_wherever_the_command_runs(tmp_path, monkeypatch, capsys):
    """`portfolio --root <project> check` from another folder (a CI step, an editor's task)
    names files as they are in the project, so that the line can be found and clicked."""
    root = _with_config(scenario_project("minutes-mismatch", tmp_path / "p"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("CI", raising=False)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().out.splitlines()[1].startswith("curriculum/capsules/alpha.yml:12 [minutes-mismatch]")


def test_adapt_says_when_the_organisation_file_cannot_be_read(tmp_path, monkeypatch, capsys):
    """Not every point "NOT FILLED" and a success: the file's own problem, and a failure."""
    root = _with_config(scenario_project(None, tmp_path / "p"))
    (root / "curriculum/organisation.yml").write_text("name: [broken\n")
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    assert main(["adapt"]) == 1
    out = capsys.readouterr()
    assert "NOT FILLED" not in out.out
    assert "curriculum/organisation.yml:2 [yaml-syntax]" in out.err


def test_adapt_leaves_out_the_pages_of_a_language_the_organisation_does_not_build(tmp_path, monkeypatch, capsys):
    """`languages: [en, fr]`: the Arabic pages are not published, their points not listed."""
    root = _with_config(scenario_project(None, tmp_path / "p"))
    for lang in ("en", "ar"):
        (root / f"docs/{lang}/insurance.md").write_text('# Insurance\n\n{{ adapt("insurance") }}\n')
    organisation = root / "curriculum/organisation.yml"
    organisation.write_text(organisation.read_text() + "languages: [en, fr]\n")
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    main(["adapt"])
    out = capsys.readouterr().out
    assert "docs/en/insurance.md:3 [insurance] NOT FILLED" in out
    assert "docs/ar/" not in out


def test_adapt_says_while_site_url_is_an_example_address(tmp_path, monkeypatch, capsys):
    """The PDFs and LMS files link to site_url: while it is the project's example address
    (example.org, which nobody can reach), `portfolio adapt` says so; once a fork sets its
    own, it does not."""
    root = _with_config(scenario_project(None, tmp_path / "p"))
    monkeypatch.chdir(root)
    main(["adapt"])
    assert "mkdocs.yml [site_url] NOT SET to where you publish: https://good-tutoring-portfolio.example.org/" in (
        capsys.readouterr().out
    )
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("good-tutoring-portfolio.example.org", "entraide-bxl.github.io"))
    main(["adapt"])
    assert "[site_url]" not in capsys.readouterr().out


def test_a_language_declared_but_not_built_yet_has_its_links_checked_as_it_will_be_built(tmp_path, monkeypatch, capsys):
    """Adding a language, its home page first, before organisation.yml lists it: its links to
    pages not translated yet reach the default language's, as they will on its site."""
    root = _with_config(scenario_project(None, tmp_path / "p"))
    home = root / "docs/ar/index.md"
    home.write_text(home.read_text() + "\n[الفصل](chapter.md)\n")
    organisation = root / "curriculum/organisation.yml"
    organisation.write_text(organisation.read_text() + "languages: [en, fr]\n")
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    assert main(["check"]) == 0, capsys.readouterr().out
    home.write_text(home.read_text() + "\n[?](chaptre.md)\n")  # a link that leads nowhere still does
    assert main(["check"]) == 1
    assert "docs/ar/index.md:11 [broken-link] the link `chaptre.md`" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["check"], ["check", "--config"], ["translations"], ["adapt"]])
def test_a_config_that_would_run_code_stops_every_command_before_it_runs(tmp_path, monkeypatch, capsys, command):
    """A `!!python/` tag in mkdocs.yml is refused at its line by whatever command reads the
    file first, and what it asks never runs."""
    root = _with_config(scenario_project(None, tmp_path / "p"))
    ran = tmp_path / "ran"
    config = (root / "mkdocs.yml").read_text()
    tag = f'!!python/object/apply:os.system ["touch {ran}"]'
    (root / "mkdocs.yml").write_text(config.replace("site_name: ", f"site_name: {tag} #", 1))
    monkeypatch.chdir(root)
    assert main(command) == 1
    said = capsys.readouterr()
    assert (
        "[unsafe-config] mkdocs.yml: `!!python/object/apply:os.system` asks YAML to run Python" in said.out + said.err
    )
    assert not ran.exists()


def test_check_prints_annotations_under_ci(tmp_path, monkeypatch, capsys):
    root = _with_config(scenario_project("unknown-quiz", tmp_path / "p"))
    monkeypatch.chdir(root)
    monkeypatch.setenv("CI", "true")
    assert main(["check"]) == 1
    assert "::error file=curriculum/capsules/alpha.yml,line=21::[unknown-quiz]" in capsys.readouterr().out


def test_committed_schemas_are_current():
    assert write_all(ROOT / "schemas", "en", check_only=True) == []


def test_curriculum_files_match_their_schemas():
    """The JSON Schemas given to editors accept every shipped curriculum file."""
    for name, (_, files) in SCHEMAS.items():
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
        paths = list((ROOT / "curriculum").glob(files))
        assert paths, f"no curriculum file matches {files}"
        for path in paths:
            data, problems = yamlfile.load(path)
            assert problems == []
            jsonschema.validate(json.loads(json.dumps(data)), schema)


def test_schema_rejects_an_unknown_key():
    schema = json.loads((ROOT / "schemas" / "capsule.schema.json").read_text())
    data, _ = yamlfile.load(ROOT / "curriculum/capsules/initial-self-assessment.yml")
    data = {**json.loads(json.dumps(data)), "colour": "blue"}
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as error:
        assert "colour" in error.message
    else:
        raise AssertionError("an unknown key was accepted")


def test_the_build_summary_counts_many_warnings_by_rule_instead_of_listing_them(tmp_path):
    """A fork adding a language has thousands of texts still to translate: the summary
    stays readable (its outputs' places visible), and says where to see each warning."""
    import argparse

    from portfolio.cli import _summary
    from portfolio.problems import problem

    many = [problem(f"curriculum/forms/f{n}.yml", 3, "missing-translation", "no `uk` text") for n in range(40)]
    args = argparse.Namespace(site_dir=tmp_path / "site", dist_dir=tmp_path / "dist", no_offline=True)
    lines = _summary(ROOT, args, many).splitlines()
    assert "  warnings: 40 in the sources" in lines
    assert not any("f7.yml" in line for line in lines)
    assert any(line.strip().startswith("[missing-translation] 40 in 40 files") for line in lines)
    assert any("make check" in line for line in lines)
    assert any(line.startswith("  site:") for line in lines)
    # A fork that kept the example address sees where its PDFs' links lead, and that nobody can reach it.
    links = (
        "  links:    the PDFs, the LMS files and the language menu lead to https://good-tutoring-portfolio.example.org/"
    )
    assert links in "\n".join(lines)
    assert "an example address nobody can reach: set site_url to where you publish the site" in "\n".join(lines)
    few = _summary(ROOT, args, many[:2]).splitlines()
    assert "    curriculum/forms/f1.yml:3 [missing-translation] no `uk` text" in "\n".join(few)


def test_a_failed_build_ends_with_the_number_of_errors_it_said():
    """MkDocs ends with "Aborted with 1 errors in strict mode!", its count for the last
    language it built, after errors in every language: the build's last line counts what
    it said; the sources' report (one message) counts each of its problems."""
    from mkdocs.exceptions import Abort, PluginError

    from portfolio.cli import _failed, _Shown
    from portfolio.problems import ProblemsFound, problem

    unchanged = "Build failed; the previous site and offline copy are unchanged"
    shown = _Shown()
    shown.errors = 4
    said = _failed(Abort("Aborted with 1 errors in strict mode!"), shown, unchanged)
    assert said == f"{unchanged}: 4 error(s), 0 warning(s), listed above."
    found = [
        problem("docs/en/a.md", 3, "template-syntax", "x"),
        problem("docs/en/b.md", 5, "unknown-variable", "y"),
        problem("docs/en/b.md", 1, "unrecorded-translation", "z"),
    ]
    try:
        try:  # the validation hook's refusal, as MkDocs turns it into an Abort
            raise PluginError("The sources have problems") from ProblemsFound(found)
        except PluginError:
            raise Abort("Aborted with a BuildError!")  # noqa: B904 (as MkDocs raises it)
    except Abort as error:
        stopped = error
    assert _failed(stopped, _Shown(), unchanged) == f"{unchanged}: 2 error(s), 1 warning(s), listed above."
    assert _failed(OSError("No space left on device"), _Shown(), unchanged) == f"No space left on device\n{unchanged}."


@pytest.mark.parametrize("command", [["translations"], ["check"], ["adapt"]])
def test_a_command_whose_reader_stops_ends_quietly(command):
    """`portfolio translations | head`: the pipe closes before the command has written
    everything; it stops without a traceback, with the status a shell gives for that."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio", *command],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # no reader: the command's first write meets a closed pipe
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == PIPE_CLOSED
    assert errors == ""


def test_every_option_of_every_command_says_what_it_does():
    parser = _parser()
    (commands,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    for name, command in [("portfolio", parser), *commands.choices.items()]:
        for action in command._actions:
            if action.option_strings:
                assert action.help, f"{name} {action.option_strings[0]}"
