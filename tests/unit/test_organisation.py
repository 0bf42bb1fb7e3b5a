"""The organisation as each language's readers meet it: its country named in their
language, not as a code; its short name only where their language has one readers know,
the full name elsewhere, never another language's acronym."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, scenario_project
from portfolio.locale_facts import country_name
from portfolio.project import Languages
from portfolio.sources import read_sources
from portfolio.translations import MISSING, curriculum_statuses
from portfolio.views import organisation_view


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("LU", ["Luxembourg", "Luxembourg", "لوكسمبورغ"]),
        ("GB", ["United Kingdom", "Royaume-Uni", "المملكة المتحدة"]),
        ("CZ", ["Czechia", "Tchéquie", "التشيك"]),
    ],
)
def test_a_country_is_named_in_the_reader_s_language(code, names):
    assert [country_name(code, lang) for lang in LANGUAGES] == names


@pytest.mark.parametrize("code", ["lu", "UK", "EU", "ZZ", "001", "LUX", ""])
def test_a_code_that_names_no_country_has_no_name(code):
    assert country_name(code, "fr") == ""


def test_a_language_without_a_short_name_gets_the_full_name_in_its_own_language(tmp_path):
    """The minimal project has a short name in English (TO) and French (OT), none in Arabic."""
    root = scenario_project(None, tmp_path / "p")
    curriculum = read_sources(root, "en", LANGUAGES).curriculum
    views = [organisation_view(curriculum, lang) for lang in LANGUAGES]
    assert [view["short_name"] for view in views] == ["TO", "OT", "منظمة اختبار"]
    assert [view["country_name"] for view in views] == ["Luxembourg", "Luxembourg", "لوكسمبورغ"]


def test_a_field_the_organisation_leaves_out_reads_as_nothing(tmp_path):
    """The minimal project gives no website, region or logo: a page that shows
    `{{ org.website }}` shows nothing, not "None"."""
    root = scenario_project(None, tmp_path / "p")
    view = organisation_view(read_sources(root, "en", LANGUAGES).curriculum, "en")
    assert view["website"] == view["region"] == view["logo"] == ""


def test_a_short_name_some_languages_lack_is_no_translation_missing(tmp_path):
    """`portfolio translations` counts organisation.yml as translated into Arabic although
    its short name has no Arabic text, as `portfolio check` asks for none."""
    root = scenario_project(None, tmp_path / "p")
    languages = Languages("en", LANGUAGES, {"en": "English", "fr": "Français", "ar": "العربية"})
    states = {s.lang: s.state for s in curriculum_statuses(root, languages) if s.path == "organisation.yml"}
    assert states["ar"] != MISSING
    assert states["fr"] == states["ar"]
