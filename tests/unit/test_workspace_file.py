"""curriculum/workspace.yml is checked like the other curriculum files: each problem is
one line, `path:line [rule] what is wrong — how to fix`."""

from __future__ import annotations

import re

from conftest import LANGUAGES, ROOT, scenario_project
from portfolio.sources import load_curriculum, validate

PROBLEM_LINE = re.compile(r"^\S+:\d+ \[[a-z0-9-]+\] .+ — .+$")

# A workspace that names what the minimal fixture has: one chapter, no forms.
VALID = """\
roles:
  - id: peer
    label: {en: Peer, fr: Pair, ar: النظير}
  - id: newcomer
    label: {en: Newcomer, fr: Nouvel arrivant, ar: القادم الجديد}
plans:
  - id: pairing
    label: {en: A pairing, fr: Un binôme, ar: ثنائي}
    roles: [peer, newcomer]
agreement:
  fields:
    - id: goals
      label: {en: Goals, fr: Objectifs, ar: الأهداف}
concern:
  page: handbook/buddy-system/01-inform.md
stages:
  - id: start
    title: {en: Start, fr: Début, ar: البداية}
    titles:
      pairing: {en: First meeting, fr: Première rencontre, ar: اللقاء الأول}
    chapters: [handbook/buddy-system/01-inform.md]
    tasks:
      - id: meet
        role: peer
        text: {en: Meet, fr: Rencontrer, ar: اللقاء}
competences:
  - id: digital
    label: {en: Digital competence, fr: Compétence numérique, ar: الكفاءة الرقمية}
    prompt: {en: Which tools?, fr: Quels outils ?, ar: ما الأدوات؟}
reviews:
  - id: end
    title: {en: Final review, fr: Bilan final, ar: المراجعة النهائية}
    questions:
      - id: reached
        label: {en: What was reached?, fr: Qu'est-ce qui a été atteint ?, ar: ما الذي تحقق؟}
"""

BROKEN = (
    VALID.replace("roles: [peer, newcomer]", "roles: [peer, mentor]")
    .replace("        role: peer\n", "        role: buddy\n")
    .replace("      pairing: {en: First", "      placement: {en: First")
    .replace("01-inform.md]", "06-matching.md]")
    .replace(
        "      - id: meet\n", "      - id: meet\n        role: peer\n        text: {en: Again}\n      - id: meet\n"
    )
    .replace("  page: handbook/buddy-system/01-inform.md\n", "  page: handbook/buddy-system/01-inform.md\n  form: x\n")
    .replace("    prompt: {en: Which tools?", "    hint: {en: Which tools?")
)

FILE = "curriculum/workspace.yml"
TRANSLATION = "add the translation; until then readers see the default language"
EXPECTED = [
    f"{FILE}:9 [unknown-value] `roles` names `mentor`, which is not a role of this file — use one of: peer, newcomer",
    f"{FILE}:16 [unknown-form] `form` names the form `x`, which does not exist"
    " — use one of: none yet (add a form to curriculum/forms/)",
    f"{FILE}:21 [unknown-value] `placement` is not a kind of plan of this file — use one of: pairing",
    f"{FILE}:22 [unknown-chapter] `stages[1].chapters[1]` names `handbook/buddy-system/06-matching.md`,"
    " which does not exist — use a path of a page under docs/<default language>/",
    f"{FILE}:26 [missing-translation] `stages[1].tasks[1].text` has no `ar` text — {TRANSLATION}",
    f"{FILE}:26 [missing-translation] `stages[1].tasks[1].text` has no `fr` text — {TRANSLATION}",
    f"{FILE}:27 [duplicate-id] two items of `tasks` have the id `meet` (the first on line 24)"
    " — give each item its own id",
    f"{FILE}:28 [unknown-value] `role` names `buddy`, which is not a role of this file — use one of: peer, newcomer",
    f"{FILE}:31 [missing-field] `competences[1].prompt` is missing — add it",
    f"{FILE}:33 [unknown-key] `competences[1].hint` is not a key of a workspace competence"
    " — remove it or use one of: id, label, prompt",
]


def _project(tmp_path, monkeypatch, text: str):
    root = scenario_project(None, tmp_path / "project")
    (root / "curriculum" / "workspace.yml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_a_valid_workspace_is_loaded_and_clean(tmp_path, monkeypatch):
    root = _project(tmp_path, monkeypatch, VALID)
    assert validate(root, "en", LANGUAGES) == []
    curriculum, _ = load_curriculum(root, "en", LANGUAGES)
    assert [task.role for stage in curriculum.workspace.stages for task in stage.tasks] == ["peer"]


def test_workspace_problems_name_their_line_and_fix(tmp_path, monkeypatch):
    root = _project(tmp_path, monkeypatch, BROKEN)
    found = [p.format() for p in sorted(validate(root, "en", LANGUAGES))]
    assert found == EXPECTED
    assert all(PROBLEM_LINE.match(line) for line in found)


def test_the_project_workspace_is_complete():
    """Every role has tasks in each stage of its plans, and each kind of plan's parties exist."""
    curriculum, problems = load_curriculum(ROOT, "en", LANGUAGES)
    assert [p for p in problems if "workspace.yml" in p.path] == []
    workspace = curriculum.workspace
    assert {r.id for r in workspace.roles} == {
        "volunteer",
        "sending-tutor",
        "host-tutor",
        "peer",
        "newcomer",
        "coordinator",
    }
    assert len(workspace.competences) == 8  # the eight key competences
    for kind in workspace.plans:
        for stage in workspace.stages:
            assert {t.role for t in stage.tasks} & set(kind.roles), (kind.id, stage.id)
