"""`portfolio init`: the organisation file holds each text only in the languages it is
known in, and a language code that is not declared (or is no language) is refused with
what was meant."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, scenario_project
from portfolio import yamlfile
from portfolio.cli import main
from portfolio.sources import validate

OPTIONS = ["init", "--name", "Asociace Příklad", "--short-name", "AP", "--country", "CZ", "--force"]


def _project(tmp_path, monkeypatch, *locales: str):
    """The minimal fixture with mkdocs.yml declaring `locales` (the first the default) and
    the project's template of the organisation file, as the working directory."""
    root = scenario_project(None, tmp_path / "p")
    entries = "".join(
        f"        - locale: {lang}\n" + ("          default: true\n" if not i else "") for i, lang in enumerate(locales)
    )
    config = f"site_name: Test\nplugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n{entries}"
    (root / "mkdocs.yml").write_text(
        config
        + "nav:\n  - index.md\n  - chapter.md\n  - handbook/buddy-system/01-inform.md\n  - training/capsules/alpha.md\n"
    )
    (root / "templates").mkdir()
    shutil.copy(ROOT / "templates/organisation.yml", root / "templates")
    monkeypatch.chdir(root)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    return root


def test_each_text_is_written_only_in_the_languages_it_is_known_in(tmp_path, monkeypatch):
    root = _project(tmp_path, monkeypatch, "en", "fr", "ar")
    interface = root / "curriculum/interface.yml"
    interface.write_text(interface.read_text().replace("  ar: الموقع الإلكتروني\n", ""))  # no Arabic label
    options = [*OPTIONS, "--languages", "en,fr,ar", "--email", "info@example.cz", "--website", "https://example.cz/"]
    assert main([*options, "--region", "Central Bohemia"]) == 0
    data, _ = yamlfile.load(root / "curriculum/organisation.yml")
    assert data["name"] == {"en": "Asociace Příklad"}  # as typed: not copied under fr and ar
    assert data["short_name"] == {"en": "AP"}  # only where readers know it: no language lacks it
    assert data["region"] == {"en": "Central Bohemia"}
    email, website = data["channels"]
    assert email["label"] == {"en": "E-mail", "fr": "Courriel", "ar": "البريد الإلكتروني"}
    assert website["label"] == {"en": "Website", "fr": "Site web"}
    found = validate(root, "en", ("en", "fr", "ar"))
    assert sorted(p.format() for p in found if p.path == "curriculum/organisation.yml") == [
        f"curriculum/organisation.yml:{line} [missing-translation] `{key}` has no `{lang}` text — add the"
        " translation; until then readers see the default language"
        for line, key, lang in [
            (16, "region", "ar"),
            (16, "region", "fr"),
            (29, "channels[2].label", "ar"),
            (8, "name", "ar"),
            (8, "name", "fr"),
        ]
    ]
    assert not [p for p in found if p.is_error]


def test_a_label_the_interface_texts_lack_is_left_for_check_to_report(tmp_path, monkeypatch):
    root = _project(tmp_path, monkeypatch, "en", "fr")
    interface = root / "curriculum/interface.yml"
    text = interface.read_text()
    interface.write_text(text[: text.index("channel-email:")] + text[text.index("channel-phone:") :])
    assert main([*OPTIONS, "--languages", "en,fr", "--email", "info@example.cz"]) == 0
    data, _ = yamlfile.load(root / "curriculum/organisation.yml")
    assert data["channels"][0]["label"] == {}
    said = [p.format() for p in validate(root, "en", ("en", "fr")) if p.rule == "missing-default-language"]
    assert said == [
        "curriculum/organisation.yml:20 [missing-default-language] `channels[1].label` has no `en` text"
        " — add the text in the default language"
    ]


def test_a_country_code_is_refused_with_the_declared_language_it_stands_for(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path, monkeypatch, "en", "uk")
    before = (root / "curriculum/organisation.yml").read_text()
    assert main([*OPTIONS, "--languages", "en,uk,ua"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "portfolio init: --languages: `ua` is not a language code the theme knows (`ua` is Ukraine's country code)"
        " — did you mean `uk` (Ukrainian)? (mkdocs.yml declares en, uk)"
    ]
    assert (root / "curriculum/organisation.yml").read_text() == before


@pytest.mark.parametrize(
    ("languages", "said"),
    [
        (
            "en,de",
            [
                "`de` (German) is not declared in mkdocs.yml — declare it under the i18n plugin first (README: Adding a"
                " language), or use one of: en, uk"
            ],
        ),
        (
            "en,Uk,xx",
            [
                "`Uk` is not written as the theme writes the code — write `uk` (mkdocs.yml declares en, uk)",
                "`xx` is not a language code the theme knows — use one of: en, uk",
            ],
        ),
    ],
)
def test_every_refused_language_is_said_with_the_declared_ones(languages, said, tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch, "en", "uk")
    assert main([*OPTIONS, "--languages", languages]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.removeprefix("portfolio init: ").removeprefix("--languages: ") for line in err] == said


def test_every_refused_option_is_said_in_one_run(tmp_path, monkeypatch, capsys):
    """A volunteer who mistypes several options learns of each at once, not one per run."""
    root = _project(tmp_path, monkeypatch, "en", "fr")
    before = (root / "curriculum/organisation.yml").read_text()
    wrong = ["--country", "France", "--email", "not-an-email", "--website", "www.x.fr", "--languages", "en,xx"]
    assert main([*OPTIONS[:5], *wrong, "--force"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "portfolio init: --country: `France` is not a country's two-letter code — write the country's two-letter"
        " code (ISO 3166) in capitals, e.g. LU, FR, PT",
        "portfolio init: --email: `not-an-email` is not an e-mail address — write one address, e.g."
        " contact@example.org",
        "portfolio init: --website: `www.x.fr` is not an https:// or http:// address — write the site's full"
        " address, e.g. https://example.org/",
        "portfolio init: --languages: `xx` is not a language code the theme knows — use one of: en, fr",
    ]
    assert (root / "curriculum/organisation.yml").read_text() == before


def test_missing_options_and_an_existing_file_are_said_together(tmp_path, monkeypatch, capsys):
    root = _project(tmp_path, monkeypatch, "en", "fr")
    before = (root / "curriculum/organisation.yml").read_text()
    assert main(["init", "--country", "pt"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "portfolio init: curriculum/organisation.yml exists and holds your partners, legal notes and adaptations"
        " — edit it, or run `portfolio init --force` to replace it (a backup is kept)",
        "portfolio init: --name is needed (or run `portfolio init` in a terminal)",
        "portfolio init: --country: `pt` is written in small letters — write the country's two-letter code"
        " (ISO 3166) in capitals, e.g. LU, FR, PT",
    ]
    assert (root / "curriculum/organisation.yml").read_text() == before
