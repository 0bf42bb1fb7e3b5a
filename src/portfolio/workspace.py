"""The mentoring workspace: the checks of curriculum/workspace.yml, and the view its
page renders (overrides/partials/workspace.html, filled in by workspace.js).

The file holds vocabularies (roles, kinds of plan, competences) and the structure of
a plan (agreement points, stages with each party's tasks, reviews). The structure
makes references the generic conversion cannot check: a task names a role, a kind
of plan lists roles, a stage titles itself per kind of plan, forms are named by id.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from portfolio import yamlfile
from portfolio.locations import FORM_PAGES, page_source
from portfolio.models import Form, Workspace
from portfolio.problems import Problem, problem

WORKSPACE_FILE = "workspace.yml"
# The file the parties exchange (workspace.js writes it; schemas/workspace-file.schema.json).
FILE_FORMAT = "good-tutoring-workspace"
FILE_VERSION = 2
SIGN_OFFS = ("agreement", "final")


def check_workspace(path: Path, data: Any, forms: set[str]) -> list[Problem]:
    """The problems of workspace.yml beyond its structure: duplicate ids, and roles,
    kinds of plan and forms that the file names but that do not exist."""
    if not isinstance(data, yamlfile.YamlMap):
        return []
    found: list[Problem] = []
    for key in ("roles", "plans", "stages", "competences", "reviews"):
        found += _duplicates(path, _items(data.get(key)), key)
    agreement = data.get("agreement")
    agreement = agreement if isinstance(agreement, yamlfile.YamlMap) else yamlfile.YamlMap()
    found += _duplicates(path, _items(agreement.get("fields")), "agreement.fields")
    stages = list(_items(data.get("stages")))
    found += _duplicates(path, [t for s in stages for t in _items(s.get("tasks"))], "tasks")
    for review in _items(data.get("reviews")):
        found += _duplicates(path, _items(review.get("questions")), f"reviews.{review.get('id')}.questions")

    roles = [r.get("id") for r in _items(data.get("roles"))]
    kinds = [k.get("id") for k in _items(data.get("plans"))]
    for kind in _items(data.get("plans")):
        found += _unknown(path, kind, "roles", kind.get("roles"), roles, "role")
    for stage in stages:
        for task in _items(stage.get("tasks")):
            found += _unknown(path, task, "role", task.get("role"), roles, "role")
        titles = stage.get("titles")
        if isinstance(titles, yamlfile.YamlMap):
            found += _unknown(path, titles, None, list(titles), kinds, "kind of plan")
        found += _unknown_forms(path, stage, "forms", forms)
    found += _unknown_forms(path, agreement, "forms", forms)
    concern = data.get("concern")
    if isinstance(concern, yamlfile.YamlMap):
        found += _unknown_forms(path, concern, "form", forms)
    return found


def workspace_view(
    workspace: Workspace,
    localise: Callable[[Any], Any],
    link: Callable[[str], str | None],
    steps: dict[str, dict[str, Any]],
    forms: dict[str, Form],
) -> dict[str, Any]:
    """The workspace in one language, for the partial: every label, and links from the
    page to the chapters and forms (`link` takes a path in the language folder; `steps`
    gives a chapter's step number and label)."""

    def form(form_id: str) -> dict[str, Any]:
        title = localise(forms[form_id].title) if form_id in forms else form_id
        return {"id": form_id, "title": title, "link": link(f"{FORM_PAGES}/{form_id}.md")}

    roles = {r.id: localise(r.label) for r in workspace.roles}
    kinds = [
        {"id": k.id, "label": localise(k.label), "roles": [{"id": r, "label": roles.get(r, r)} for r in k.roles]}
        for k in workspace.plans
    ]
    stages = []
    for stage in workspace.stages:
        view = localise(stage)
        view["titles"] = {k.id: localise(stage.titles.get(k.id, stage.title)) for k in workspace.plans}
        view["chapters"] = [{**steps.get(c, {"number": "", "title": c}), "link": link(c)} for c in stage.chapters]
        view["forms"] = [form(f) for f in stage.forms]
        view["groups"] = [
            {"role": role, "label": label, "tasks": [t for t in view["tasks"] if t["role"] == role]}
            for role, label in roles.items()
            if any(t.role == role for t in stage.tasks)
        ]
        stages.append(view)
    concern_form = form(workspace.concern.form) if workspace.concern.form else None
    view = {
        "roles": roles,
        "kinds": kinds,
        "role_kinds": {r: [k.id for k in workspace.plans if r in k.roles] for r in roles},
        "agreement": localise(workspace.agreement.fields),
        "agreement_forms": [form(f) for f in workspace.agreement.forms],
        "concern_link": link(workspace.concern.page),
        "concern_form": concern_form,
        "stages": stages,
        "competences": localise(workspace.competences),
        "reviews": localise(workspace.reviews),
        "sign_offs": SIGN_OFFS,
    }
    view["client"] = _client(view)
    view["labels"] = _labels(view)
    return view


def _client(view: dict[str, Any]) -> dict[str, Any]:
    """What workspace.js needs (its data-config): ids and labels in the page's language."""
    return {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "roles": view["roles"],
        "kinds": {k["id"]: {"label": k["label"], "roles": [r["id"] for r in k["roles"]]} for k in view["kinds"]},
        "stages": [
            {
                "id": s["id"],
                "titles": s["titles"],
                "tasks": [{k: t[k] for k in ("id", "role", "text")} for t in s["tasks"]],
            }
            for s in view["stages"]
        ],
        "agreement": [{"id": f["id"], "label": f["label"]} for f in view["agreement"]],
        "competences": {c["id"]: {"label": c["label"], "prompt": c["prompt"]} for c in view["competences"]},
        "reviews": view["reviews"],
        "signOffs": list(SIGN_OFFS),
    }


def _labels(view: dict[str, Any]) -> dict[str, Any]:
    """Every label of the client's data that workspace.js writes, by the name it asks the
    page for its language under (common.said: the partial writes `data-<name>-lang` where a
    label is in another language than the page's), made of ids as the page's element ids
    are: role-<role>, kind-<kind>, stage-<stage>-<kind>, task-<stage>-<task>,
    agreement-<field>, competence-<id>, prompt-<id>, review-<review>, question-<review>-<question>."""
    labels = {f"role-{role}": label for role, label in view["roles"].items()}
    labels |= {f"kind-{kind['id']}": kind["label"] for kind in view["kinds"]}
    for stage in view["stages"]:
        labels |= {f"stage-{stage['id']}-{kind}": title for kind, title in stage["titles"].items()}
        labels |= {f"task-{stage['id']}-{task['id']}": task["text"] for task in stage["tasks"]}
    labels |= {f"agreement-{field['id']}": field["label"] for field in view["agreement"]}
    for competence in view["competences"]:
        labels |= {
            f"competence-{competence['id']}": competence["label"],
            f"prompt-{competence['id']}": competence["prompt"],
        }
    for review in view["reviews"]:
        labels[f"review-{review['id']}"] = review["title"]
        labels |= {f"question-{review['id']}-{question['id']}": question["label"] for question in review["questions"]}
    return labels


def page_href(page: Any, target: str) -> str:
    """The URL from `page` to the page `target` (a Markdown path in the same language
    folder), as the built HTML needs it: raw HTML links are not rewritten by MkDocs."""
    here = page_source(page.file.src_uri)
    directory_urls = page.file.use_directory_urls
    return get_relative_url(_url(target, directory_urls), _url(here, directory_urls))


# Helpers ----------------------------------------------------------------------


def _url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page at `path` (`a/b.md`: `a/b/` or `a/b.html`)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    return stem.removesuffix("index") if posixpath.basename(stem) == "index" else f"{stem}/"


def _items(value: Any) -> Iterator[yamlfile.YamlMap]:
    """The mappings of a YAML list (anything else is the structure check's business)."""
    if isinstance(value, yamlfile.YamlList):
        yield from (item for item in value if isinstance(item, yamlfile.YamlMap))


def _duplicates(path: Path, items: Any, where: str) -> list[Problem]:
    seen: dict[str, int] = {}
    found = []
    for item in items:
        id_ = item.get("id")
        if not isinstance(id_, str):
            continue
        if id_ in seen:
            found.append(
                problem(
                    path,
                    item.line_of("id"),
                    "duplicate-id",
                    f"two items of `{where}` have the id `{id_}` (the first on line {seen[id_]})",
                )
            )
        seen.setdefault(id_, item.line_of("id"))
    return found


def _unknown(path: Path, owner: yamlfile.YamlMap, key: str | None, value: Any, known: list, what: str) -> list[Problem]:
    """A problem for each name in `value` (a name or a list of names) that `known` lacks."""
    names = value if isinstance(value, list) else [value]
    found = []
    for index, name in enumerate(names):
        if not isinstance(name, str) or name in known:
            continue
        if key is None:  # the names are the keys of `owner`
            line, label = owner.line_of(name), f"`{name}`"
        else:
            line = value.line_of(index) if isinstance(value, yamlfile.YamlList) else owner.line_of(key)
            label = f"`{key}` names `{name}`, which"
        found.append(
            problem(
                path,
                line,
                "unknown-value",
                f"{label} is not a {what} of this file",
                f"use one of: {', '.join(str(k) for k in known if isinstance(k, str))}",
            )
        )
    return found


def _unknown_forms(path: Path, owner: yamlfile.YamlMap, key: str, forms: set[str]) -> list[Problem]:
    value = owner.get(key)
    names = value if isinstance(value, list) else [value] if value is not None else []
    found = []
    for index, name in enumerate(names):
        if isinstance(name, str) and name not in forms:
            line = value.line_of(index) if isinstance(value, yamlfile.YamlList) else owner.line_of(key)
            found.append(
                problem(
                    path,
                    line,
                    "unknown-form",
                    f"`{key}` names the form `{name}`, which does not exist",
                    f"use one of: {', '.join(sorted(forms)) or 'none yet (add a form to curriculum/forms/)'}",
                )
            )
    return found
