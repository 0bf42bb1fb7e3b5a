"""Pages are Jinja templates: what they may call, and the sandbox they render in.

A page comes from a contributor and is untrusted: it may call the project's macros
and read its variables, nothing else. `check_template` reads a page's template
without running it and reports what would fail or reach into Python's internals;
`sandboxed` turns mkdocs-macros' environment into a sandboxed one, so that even an
unchecked page cannot run code during the build.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, Undefined, nodes
from jinja2 import meta as jinja_meta
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.config.base import Config
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from portfolio.layouts import LAYOUT_MACROS
from portfolio.locations import PILOT_COURSE_PAGE
from portfolio.problems import (
    PageProblem,
    Problem,
    did_you_mean,
    kit_fault,
    no_page_capsule,
    problem,
    unknown_id,
)
from portfolio.template_messages import (
    ORGANISATION_FIELDS,
    failure,
    internals,
    not_own,
    syntax_fault,
    unknown_field,
    unknown_interface_text,
)
from portfolio.templating import compile_once

# mkdocs.yml sets these for mkdocs-macros: `{## ... ##}` is a Jinja comment, so that
# heading ids like `{#purpose}` stay Markdown.
COMMENT_START, COMMENT_END = "{##", "##}"


def uses_templates(markdown: str) -> bool:
    """Whether a page holds template code (a macro call, a variable, a block, a comment).
    A page without any is plain Markdown, and compiling it as a template changes nothing."""
    return any(mark in markdown for mark in ("{{", "{%", COMMENT_START))


class PageTemplate(Template):
    """A page's template. If it fails while rendering (which `check_template` should have
    foreseen), the failure is logged as one problem line and the page renders empty: the
    strict build then stops with every such line, where mkdocs-macros would end the
    process at the first one, printing a traceback."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        self.environment.rendering = kwargs  # type: ignore[attr-defined]  # (PageSandbox.variable_of)
        try:
            return super().render(*args, **kwargs)
        except Exception as error:
            _LOG.error(failure(kwargs.get("page"), error, _PARSER.lex).format())
            return ""
        finally:
            self.environment.rendering = {}  # type: ignore[attr-defined]


class PageSandbox(SandboxedEnvironment):
    """Jinja's sandbox, which also keeps a page inside itself: of MkDocs' objects (pages,
    files, the navigation, the configuration) a page may read only its own `page.title`
    and `page.meta`. So `{% set p = page %}{{ p.next_page.title }}` renders nothing of
    another page, as `check_template` refuses the plain forms with a line to fix."""

    template_class = PageTemplate

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rendering: dict[str, Any] = {}  # the variables of the page being rendered (PageTemplate)

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Template:
        """The page's template; one that cannot even be compiled is logged as one problem
        line and renders empty (mkdocs-macros would exit with a traceback)."""
        try:
            return self._compiled(source, *args, **kwargs)
        except Exception as error:
            text = source if isinstance(source, str) else None
            _LOG.error(failure(self.current_page(), error, _PARSER.lex, text).format())
            return super().from_string("")

    def current_page(self) -> Any:
        """The page being rendered (set by `sandboxed`)."""
        return None

    def _compiled(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        """What Jinja's `from_string` makes, its code kept by `bytecode_cache` (templating.
        compile_once) under the page's name: a page that has not changed since the last
        build is not compiled again."""
        if self.bytecode_cache is None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        page = self.current_page()
        bucket = self.bytecode_cache.get_bucket(
            self, f"page {getattr(getattr(page, 'file', None), 'src_uri', '')}", None, source
        )
        if bucket.code is None:
            bucket.code = self.compile(source)
            self.bytecode_cache.set_bucket(bucket)
        return (template_class or self.template_class).from_code(self, bucket.code, self.make_globals(globals), None)

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """A product, power or %-format, refused when it would make a huge text, list or
        number (make check refuses them on pages; this guards the build all the same)."""
        if operator == "**" and (not isinstance(right, int) or abs(right) > _MAX_EXPONENT):
            raise SecurityError(f"a page cannot raise to the power {right!r}")
        if operator == "%" and isinstance(left, str):
            raise SecurityError("a page cannot format a text with %")
        if operator == "*":
            sizes = [len(x) for x in (left, right) if isinstance(x, str | list | tuple)]
            counts = [x for x in (left, right) if isinstance(x, int)]
            if sizes and counts and sizes[0] * max(counts) > _MAX_MADE:
                raise SecurityError("a page cannot repeat a text or a list that many times")
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, _MKDOCS_OBJECTS):
            return isinstance(obj, Page) and attr in _OWN
        return super().is_safe_attribute(obj, attr, value)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        """What a page may not read, said as `make check` says it (Jinja would say
        "access to attribute 'file' of 'Page' object is unsafe")."""
        if attribute.startswith("_"):
            refused = internals(attribute)
        elif isinstance(obj, _MKDOCS_OBJECTS):
            refused = not_own(attribute)
        else:
            return super().unsafe_undefined(obj, attribute)
        return self.undefined(obj=obj, name=attribute, exc=lambda _: refused)

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._known(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._known(obj, argument, super().getitem(obj, argument))

    def _known(self, obj: Any, name: Any, value: Any) -> Any:
        """`value`, unless it is a field a mapping lacks (`org.nmae`): then what the
        page reads is undefined with `make check`'s words, the fields the mapping has
        (Jinja would say "'SuperDict object' has no attribute 'nmae'")."""
        if not (isinstance(value, Undefined) and isinstance(obj, Mapping) and isinstance(name, str)):
            return value
        if name in obj or hasattr(obj, name):  # a refusal (unsafe_undefined), not a missing field
            return value
        unknown = unknown_field(self.variable_of(obj), name, obj.keys())
        return self.undefined(obj=obj, name=name, exc=lambda _: unknown)

    def variable_of(self, obj: Any) -> str | None:
        """The name a page reads `obj` by (`org`, `page.meta`), if it is one of the
        page's variables or the page's settings."""
        for name, value in [*self.rendering.items(), *self.globals.items()]:
            if value is obj:
                return name
            if name == "page" and getattr(value, "meta", None) is obj:
                return "page.meta"
        return None


def sandboxed(
    env: Environment, current_page: Callable[[], Any] | None = None, project: Path | None = None
) -> SandboxedEnvironment:
    """A sandboxed copy of `env`: same delimiters, loader, undefined, globals, filters;
    `current_page` says which page is being rendered (for the problem lines); the pages'
    compiled code kept for the `project`'s next builds (templating.compile_once)."""
    safe = PageSandbox(
        block_start_string=env.block_start_string,
        block_end_string=env.block_end_string,
        variable_start_string=env.variable_start_string,
        variable_end_string=env.variable_end_string,
        comment_start_string=env.comment_start_string,
        comment_end_string=env.comment_end_string,
        loader=env.loader,
        undefined=env.undefined,
        extensions=list(env.extensions),
    )
    if current_page is not None:
        safe.current_page = current_page  # type: ignore[method-assign]
    safe.globals.update(env.globals)
    safe.filters.update(env.filters)
    safe.tests.update(env.tests)
    return compile_once(safe, project)


def check_template(
    path: Path,
    body: str,
    first_line: int,
    known: dict[str, set[str]],
    shown: frozenset[str] = frozenset(),
    settings: frozenset[str] = frozenset(),
) -> list[Problem]:
    """The problems of one page's template (its body, starting at `first_line` of the file).

    `known` gives, per kind of id a macro takes (capsule, quiz, self-assessment), the ids
    that exist; a kind that is absent is not checked. `known["ui"]`, if given, holds the
    keys of the interface texts a page may show (`ui["key"]`). `known["variable"]`, if given, holds
    the variables every page may read besides the macros (see `VARIABLES`); `settings`,
    the page's own settings (mkdocs-macros makes them variables of the page, and `page.meta`
    holds them). The fields read of `org`, `page.meta` and `extra` are checked against
    theirs (`org.nmae` stops the build as surely as an unknown variable); of `page`, only
    its title and settings may be read. `shown`: the macros the page's layout already
    calls (portfolio.layouts), which the page must not call again."""
    tree = _parsed(body)
    if isinstance(tree, TemplateSyntaxError):
        line, fault = syntax_fault(tree, body, _PARSER.lex, lambda n: first_line + n - 1)
        return [fault.at(path, line)]
    found = []
    for node, node_line, depth in _walk_lines(tree):
        line = first_line + node_line - 1
        if depth > _MAX_DEPTH:  # Python cannot compile the template (100 nested blocks)
            return [problem(path, line, "template-syntax", "the page's {% … %} blocks are nested too deeply")]
        unsafe = _unsafe_name(node)
        if unsafe:
            found.append(internals(unsafe).at(path, line))
        if isinstance(node, _OTHER_FILES):  # its text would come from outside the page
            found.append(problem(path, line, "unsafe-template", "a page cannot include, import or extend another file"))
        beyond = _beyond_the_page(node)
        if beyond:
            found.append(
                problem(path, line, "unsafe-template", f"`{beyond}` describes other pages or the build, not this page")
            )
        elif (attribute := _not_own(node)) is not None:
            found.append(not_own(attribute).at(path, line))
        costly = _costly(node)
        if costly:
            found.append(problem(path, line, "unsafe-template", f"{costly}: it could keep the build running for ever"))
        if isinstance(node, nodes.Filter | nodes.Test) and node.name not in _FILTERS_AND_TESTS:
            kind = "filter" if isinstance(node, nodes.Filter) else "test"
            found.append(problem(path, line, "template-syntax", f"`{node.name}` is not a {kind} a page can use"))
        key = _interface_key(node)
        if key is not None and "ui" in known and key not in known["ui"]:
            found.append(unknown_interface_text(key, known["ui"]).at(path, line))
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
            found.extend(_check_call(path, line, node, known, shown))
            if node.node.name in _PAGE_CAPSULE_MACROS and not node.args and "capsule" not in settings:
                found.append(no_page_capsule().at(path, line))
        elif isinstance(node, nodes.Call):
            found.append(problem(path, line, "unsafe-template", "only the project's macros may be called"))
    if "variable" in known:
        found.extend(_unknown_variables(path, body, first_line, known["variable"] | settings))
    fields = {"org": ORGANISATION_FIELDS, "page.meta": settings}
    if "variable" in known:  # `extra` holds the values of mkdocs.yml's `extra:`, which are variables too
        fields["extra"] = known["variable"] - VARIABLES
    found.extend(fault.at(path, first_line + line - 1) for fault, line in _unknown_fields(tree, fields))
    return sorted(set(found))  # a line that calls twice is said once


# Helpers ----------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _parsed(body: str) -> nodes.Template | TemplateSyntaxError:
    """A page's template read (or why it cannot be). Kept per text: the preview checks
    the same unchanged pages after every save. The tree is only read, never changed."""
    try:
        return _PARSER.parse(body)
    except TemplateSyntaxError as error:
        return error
    except RecursionError:  # (((…))) or {% if %} hundreds deep
        return TemplateSyntaxError("the code is nested too deeply", 1)


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    for current, _, _ in _walk_lines(node):
        yield current


def _walk_lines(node: nodes.Node) -> Iterator[tuple[nodes.Node, int, int]]:
    """Every node, with its line (a node without one, such as a comparison's operand, has
    its parent's) and how many blocks ({% if %}, {% for %}…) it sits in."""
    stack = [(node, 1, 0)]
    while stack:
        current, line, depth = stack.pop()
        line = getattr(current, "lineno", None) or line
        yield current, line, depth
        inner = depth + isinstance(current, _BLOCKS)
        stack.extend((child, line, inner) for child in current.iter_child_nodes())


def _unknown_variables(path: Path, body: str, first_line: int, variables: set[str]) -> list[Problem]:
    """A name the page reads that nothing defines: it would stop the build while rendering
    (mkdocs-macros fails on an undefined variable). The build's own variables are
    `[unsafe-template]` already."""
    allowed = variables | set(MACROS) | set(_PARSER.globals) | BUILD_VARIABLES
    unknown = _undeclared(body) - allowed
    lines: dict[str, int] = {}
    for node in _walk(_parsed(body)) if unknown else ():
        if isinstance(node, nodes.Name) and node.name in unknown:
            lines[node.name] = min(lines.get(node.name, node.lineno), node.lineno)
    return [
        problem(
            path,
            first_line + line - 1,
            "unknown-variable",
            f"`{name}` is not a variable a page can read",
            f"use {', '.join(sorted(VARIABLES))}, a value under `extra:` in mkdocs.yml that the page's language has"
            " (on a page of the default language, one every language has: it shows where a translation is"
            " missing), a setting of the page or a macro (README: Writing pages)",
        )
        for name, line in sorted(lines.items())
    ]


@functools.lru_cache(maxsize=4096)
def _undeclared(body: str) -> frozenset[str]:
    """The names a page's template (read without error) reads without setting them
    itself: Jinja's own analysis."""
    tree = _parsed(body)
    try:
        undeclared = jinja_meta.find_undeclared_variables(tree)
    except (RecursionError, TemplateError):  # what the other rules report
        return frozenset()
    # A name set anywhere in the page counts as set (Jinja's analysis doubts a {% set %}
    # inside an {% if %}, which renders well).
    return frozenset(undeclared - {n.name for n in _walk(tree) if isinstance(n, nodes.Name) and n.ctx != "load"})


def _interface_key(node: nodes.Node) -> str | None:
    """The key of an interface text the node reads (`ui["key"]` or `ui.key`; a number,
    `ui[3]`, as its text: no key is one)."""
    if not isinstance(node, nodes.Getitem | nodes.Getattr) or not isinstance(node.node, nodes.Name):
        return None
    if node.node.name != "ui" or node.ctx != "load":
        return None
    if isinstance(node, nodes.Getattr):
        return node.attr
    return str(node.arg.value) if isinstance(node.arg, nodes.Const) else None


def _costly(node: nodes.Node) -> str | None:
    """What in the node could make rendering the page endless or huge: a loop (a page
    lists things through the project's macros), a power, a product or a %-format (a text
    repeated or padded a billion times), a filter that pads or cuts into many parts."""
    if isinstance(node, nodes.For):
        return "a page cannot loop ({% for %})"
    if isinstance(node, nodes.Pow | nodes.Mul | nodes.Mod):
        return f"a page cannot compute with `{node.operator}`"
    if isinstance(node, nodes.Filter) and node.name in _COSTLY_FILTERS:
        return f"a page cannot use the `{node.name}` filter"
    return None


def _unsafe_name(node: nodes.Node) -> str | None:
    """The attribute or key a node reads if it is private (`__globals__`, `_x`)."""
    if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_"):
        return str(node.arg.value)
    if isinstance(node, nodes.Filter) and node.name == "attr":
        return "attr"
    return None


def _beyond_the_page(node: nodes.Node) -> str | None:
    """The mkdocs-macros variable a node reads if it describes the build rather than the
    page (the navigation, every file, the machine's paths in `config`, git); of the page,
    see `_not_own`. A page's text comes from the page and the project's macros and
    variables only: that keeps the build's outputs free of the machine's facts, and lets
    the preview and `make site` know what a page is made from (preview.py)."""
    if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in BUILD_VARIABLES:
        return node.name
    return None


def _not_own(node: nodes.Node) -> str | None:
    """What a node reads of `page` beyond the page's title and settings (`page.file`,
    `page.markdown`, `page.next_page`…): the sandbox refuses it while rendering."""
    field = _field(node)
    if field is None or field[0] != "page" or field[1] in _OWN or field[1].startswith("_"):
        return None
    return field[1]


def _unknown_fields(
    tree: nodes.Template, fields: dict[str, frozenset[str] | set[str]]
) -> Iterator[tuple[PageProblem, int]]:
    """The fields a page reads that its variables lack (`org.nmae`, `page.meta.x`), with
    their lines, for the variables whose fields are known (`fields`: `org`, `page.meta`…).
    A field tested with `is defined` or given a `default` is not required; a variable
    the page sets itself is its own."""
    own = {n.name for n in _walk(tree) if isinstance(n, nodes.Name) and n.ctx != "load"}
    optional = {id(n.node) for n in _walk(tree) if isinstance(n, nodes.Test | nodes.Filter) and n.name in _OPTIONAL}
    for node, line, _ in _walk_lines(tree):
        field = _field(node)
        if field is None or id(node) in optional or field[0].split(".")[0] in own:
            continue
        variable, name = field
        if variable in fields and name not in fields[variable] and not name.startswith("_"):
            yield unknown_field(variable, name, fields[variable]), line


def _field(node: nodes.Node) -> tuple[str, str] | None:
    """The variable a node reads a field of, and the field: `org.name` and `org["name"]`
    give ("org", "name"), `page.meta.capsule` ("page.meta", "capsule")."""
    if not isinstance(node, nodes.Getattr | nodes.Getitem) or node.ctx != "load":
        return None
    name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
    if not isinstance(name, str):
        return None
    if isinstance(node.node, nodes.Name):
        return node.node.name, name
    inner = _field(node.node)
    return (f"{inner[0]}.{inner[1]}", name) if inner == ("page", "meta") else None


def _check_call(
    path: Path, line: int, call: nodes.Call, known: dict[str, set[str]], shown: frozenset[str]
) -> list[Problem]:
    name = call.node.name
    if name in shown:
        return [
            problem(
                path,
                line,
                "layout-part",
                f"`{name}(…)` would show twice: the layout the page's front matter chose shows it already",
            )
        ]
    if name not in MACROS:
        guess = did_you_mean(name, MACROS)
        listed = f"use one of: {', '.join(sorted(MACROS))}"
        said = f"`{name}(…)` is not one of the project's macros"
        return [problem(path, line, "unknown-macro", said, f"{guess} Or {listed}" if guess else listed)]
    if name == "kit_file":
        return _check_kit_file(path, line, call)
    kind = MACROS[name]
    if kind is None or kind not in known or not call.args:
        return []
    if not isinstance(call.args[0], nodes.Const) or not isinstance(call.args[0].value, str):
        # a variable (or none, a number): it could only be checked while rendering
        said = f"`{name}(…)` is given its {kind} by a variable or an expression"
        example = min(known[kind], default="id")
        fix = f'write the id itself, in quotes, e.g. {name}("{example}"): then it is checked before the build'
        return [problem(path, line, "id-not-text", said, fix)]
    value = call.args[0].value
    if value in known[kind]:
        return []
    return [unknown_id(kind, value, known[kind]).at(path, line)]


def _check_kit_file(path: Path, line: int, call: nodes.Call) -> list[Problem]:
    """`kit_file("part")` names a part of the kit that has a Word version, on the kit's
    own page (the build also checks that the page holds the part's heading)."""
    named = bool(call.args) and isinstance(call.args[0], nodes.Const)
    part = call.args[0].value if named else None
    fault = kit_fault(part, path.as_posix().endswith("/" + PILOT_COURSE_PAGE), named)
    return [fault.at(path, line)] if fault else []


# Data -------------------------------------------------------------------------
# The macros pages may call (portfolio.pages registers them), and the kind of id each
# takes as its first argument (None: no id, or one checked elsewhere).
MACROS: dict[str, str | None] = {
    "capsule_card": "capsule",
    "capsule_activities": "capsule",
    "capsule_tracks": "capsule",
    "capsule_reading": "capsule",
    "quiz": "quiz",
    "self_assessment": "self-assessment",
    "related_capsules": None,
    "step_cycle": None,
    "course_tracks": None,
    "progress_tables": None,
    "mentoring_workspace": None,
    "observation_checklists": None,
    "pilot_schedule": "track",
    "pilot_calls": "track",
    "kit_file": None,  # its part and page: _check_kit_file; that the page holds the part: pages.py
    "session_plans": None,
    "handouts": None,
    "answer_keys": None,
    "course_plans": None,
    "downloads": None,
    "reflection": None,
    "lms_downloads": None,
    "adapt": "adaptation",
    "contacts": None,
    "translation_status": None,
    "glossary_terms": None,
    "form": "form",
    "forms_list": None,
}

# The macros that, given no id, show the page's capsule (its front matter `capsule:`):
# those the capsule layout calls.
_PAGE_CAPSULE_MACROS = LAYOUT_MACROS["capsule"]
_BLOCKS = (nodes.If, nodes.For, nodes.With, nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.Scope)
_MAX_DEPTH = 40  # blocks inside blocks: far more than a page needs, far below Python's limit
_LOG = logging.getLogger("mkdocs.plugins.portfolio.pages")  # MkDocs counts it: a strict build stops
_OTHER_FILES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
# The variables every page may read besides the macros: portfolio.pages sets the first
# four, mkdocs-macros sets `page`; the values of `extra` in mkdocs.yml are variables too
# (sources.py adds their names).
VARIABLES = frozenset({"org", "ui", "lang", "extra", "page"})
# mkdocs-macros' variables that describe the build (hooks/macros_context.py removes them).
BUILD_VARIABLES = frozenset({"navigation", "files", "config", "environment", "plugin", "git"})
# A test or filter that makes a missing field no failure (`x is defined`, `x | default("")`).
_OPTIONAL = frozenset({"defined", "undefined", "default", "d"})
_MKDOCS_OBJECTS = (StructureItem, File, Files, Navigation, Config)
_OWN = frozenset({"title", "meta"})  # what a page may read of its own `page`
_PARSER = SandboxedEnvironment(comment_start_string=COMMENT_START, comment_end_string=COMMENT_END)
_FILTERS_AND_TESTS = frozenset(_PARSER.filters) | frozenset(_PARSER.tests)  # Jinja's own
# Jinja's filters whose output can be far larger than what they are given (`replace`:
# each one chained multiplies the text by what it puts in).
_COSTLY_FILTERS = frozenset({"center", "indent", "wordwrap", "format", "batch", "slice", "replace"})
# The largest text or list an operator may make while a page renders, and the largest
# power (a page that `make check` passed never computes at all: see `_costly`).
_MAX_MADE = 100_000
_MAX_EXPONENT = 64
