"""Every Markdown page under docs/, read once and checked: its encoding, its markup
(portfolio.safety), its template code (portfolio.page_templates), the layout its front matter
chooses (portfolio.layouts) and its adaptation points (portfolio.adaptations).

A page is read as MkDocs reads it (`read_page`): what MkDocs renders as the page, and
mkdocs-macros as a template, is what the template checks read; the settings MkDocs takes
from the front matter are the ones the layout check sees.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils import meta as mkdocs_meta

from portfolio import yamlfile
from portfolio.layouts import LAYOUT_KEYS, LAYOUT_MACROS, check_layout
from portfolio.links import check_links
from portfolio.markdown_text import PageBody
from portfolio.nav_checks import check_nav
from portfolio.page_templates import BUILD_VARIABLES, MACROS, VARIABLES, check_template, uses_templates
from portfolio.problems import Problem, problem
from portfolio.project import DOCS_DIR, OVERRIDES_DIR, declared_languages
from portfolio.safety import check_page_line, check_yaml_texts
from portfolio.translations import FINGERPRINT, FINGERPRINT_DIGITS, RECORD_KEY


@dataclass
class PageText:
    """A page as MkDocs reads it."""

    template: str  # what MkDocs renders as the page (mkdocs-macros: as a template)
    first_line: int  # the line of the file where it starts
    settings: yamlfile.YamlMap | None  # the front matter MkDocs reads, with its lines
    problems: list[Problem] = field(default_factory=list)


def check_pages(
    root: Path,
    known: dict[str, set[str]],
    variables: Mapping[str, set[str]],
    default: str,
    languages: Sequence[str] = (),
    config: dict | None = None,
) -> list[Problem]:
    """The problems of every page; `known` lists the ids macros may name, per kind;
    `variables`, per language folder, the variables its pages may read (empty: not
    checked); a page outside the language folders is of the `default` language; a page in
    the folder of one of the other `languages` translates the default language's page.
    Links between pages are checked against mkdocs.yml (`config`, if readable)."""
    found: list[Problem] = _linked_files(root)
    bodies: dict[Path, PageBody] = {}
    paths = sorted((root / DOCS_DIR).rglob("*.md"))
    for path in paths:
        folder = path.relative_to(root / DOCS_DIR).parts[0]
        found.extend(_without_original(root, path, folder, default, languages))
        readable = variables.get(folder, variables.get(default))
        names = {"variable": readable} if readable is not None else {}
        text, problems = yamlfile.read_text(path)
        found.extend(problems)
        if text is None:
            continue
        page = read_page(path, text)
        record = page.settings.line_of(RECORD_KEY) if page.settings and RECORD_KEY in page.settings else 0
        controls = set()  # lines with a control character
        for number, line in enumerate(text.split("\n"), 1):  # lines as the template checks count them
            problems = check_page_line(path, number, line)
            if number == record:  # a fingerprint is no phone number, however many digits it has
                problems = [p for p in problems if p.rule != "contact-in-markdown"]
            found.extend(problems)
            if control := _CONTROL.search(line):
                said = f"the line holds the invisible control character #x{ord(control.group()):04x}"
                found.append(problem(path, number, "control-character", said))
                controls.add(number)
        # Settings YAML cannot read (or reads across lines: it takes U+0085 and U+2028 as
        # line ends) because of such a character: said once, as the character.
        body_line = yamlfile.split_front_matter(text)[2]
        in_settings = any(line < body_line for line in controls)
        covered = set(range(1, body_line)) if in_settings else controls
        found.extend(p for p in page.problems if not (p.rule == "page-settings" and p.line in covered))
        found.extend(_untitled(path, page))
        found.extend(_unrecorded(root, path, folder, default, languages, page))
        found.extend(_other_layout_id(root, path, folder, default, languages, page))
        layout, problems = check_layout(path, page.settings, known)
        found.extend(problems)
        complete = not (layout or uses_templates(page.template))  # else macros may add ids
        bodies[path] = PageBody(page.template, page.first_line, complete)
        shown = LAYOUT_MACROS.get(layout or "", frozenset())
        settings = frozenset(str(key) for key in page.settings or {})
        found.extend(check_template(path, page.template, page.first_line, known | names, shown, settings))
    # A declared language not built yet (not in organisation.yml's `languages:`): its pages
    # fall back to the default language's as they will once it is built.
    translated = {*languages, *(declared_languages(config) if config else ())}
    found.extend(check_links(root, bodies, default, translated, config))
    found.extend(check_nav(root, config, paths, default))
    return found


def read_page(path: Path, text: str) -> PageText:
    """The page's text and settings as MkDocs reads them, and what is wrong with its
    settings: `Key: value` lines MkDocs hides (MultiMarkdown), front matter MkDocs cannot
    read (it then shows it as text), and settings that would break the page's rendering."""
    meta, body, first_line = yamlfile.split_front_matter(text)
    if meta is None:
        return PageText(text, 1, None, _hidden(path, text))
    data, loaded = yamlfile.load_text(meta, path, first_line=2)
    rendered, _ = mkdocs_meta.get_data(text)  # MkDocs' own reading decides
    if rendered == text:  # it could not read settings: the front matter shows as text
        why = loaded[0].message if loaded else _refused_by_mkdocs(meta)
        line = loaded[0].line if loaded else 2
        said = f"MkDocs cannot read the front matter as settings ({why}), so the page shows it as text"
        return PageText(text, 1, None, [problem(path, line, "page-settings", said, _FIX_FRONT_MATTER)])
    if loaded or not isinstance(data, yamlfile.YamlMap):  # MkDocs reads it, this reader cannot
        return PageText(body, first_line, None, loaded)
    return PageText(body, first_line, data, _settings_problems(path, data))


# Helpers ----------------------------------------------------------------------


def _refused_by_mkdocs(meta: str) -> str:
    """Why MkDocs' YAML reader gives no settings for a front matter this project reads."""
    try:
        yaml.load(meta, mkdocs_meta.SafeLoader)  # MkDocs' own safe loader
    except Exception as error:  # get_data catches every error alike (a wrong date: ValueError)
        return f"its reader says: {str(error).splitlines()[0]}"
    return "it is not `key: value` settings"


def _linked_files(root: Path) -> list[Problem]:
    """Symbolic links under docs/ and overrides/: the site would publish the files they
    point to, which may be anywhere on the machine that builds it. And files under docs/
    that the site would publish as they are and a browser would run on the site's
    address: HTML pages, scripts outside docs/assets/javascripts, SVG images that hold
    scripts or fetch from elsewhere."""
    found = []
    for folder in (root / DOCS_DIR, root / OVERRIDES_DIR):
        for parent, folders, files in os.walk(folder):  # a linked folder is not entered
            for name in sorted(folders + files):
                path = Path(parent) / name
                if path.is_symlink():
                    said = f"`{name}` is a symbolic link: the site would publish what it points to, outside the project"
                    found.append(problem(path, 1, "unsafe-markup", said, "put the file itself there, not a link"))
                elif folder.name == DOCS_DIR and name in files:
                    found.extend(_published_as_is(root, path))
    return found


def _published_as_is(root: Path, path: Path) -> list[Problem]:
    """A file under docs/ that the site would publish unchanged and a browser would run."""
    suffix = path.suffix.lower()
    if suffix in _HTML_FILES:
        said = f"`{path.name}` is an HTML file: the site would publish it as it is, scripts and all"
        return [problem(path, 1, "unsafe-markup", said, "write the page in Markdown (.md), or remove the file")]
    if suffix in _SCRIPT_FILES and path.parent != root / DOCS_DIR / SCRIPTS_DIR:
        said = f"`{path.name}` is a script outside {DOCS_DIR}/{SCRIPTS_DIR}: the site would run it on its address"
        return [problem(path, 1, "unsafe-markup", said, f"the project's scripts live in {DOCS_DIR}/{SCRIPTS_DIR}/")]
    if suffix in _XML_FILES:
        said = f"`{path.name}` is an XML file: a browser shows it as a page, and runs the scripts it may hold"
        return [problem(path, 1, "unsafe-markup", said, "remove the file: the site needs none")]
    if suffix != ".svg":
        return []
    fix = "remove it from the image (draw it again, or export it as plain SVG or PNG)"
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return [problem(path, 1, "unreadable-file", f"the file cannot be read: {error.strerror}")]
    except UnicodeDecodeError:  # UTF-16 or another encoding: what it holds cannot be read here
        said = f"the SVG image `{path.name}` is not written in UTF-8, so what it holds cannot be checked"
        return [problem(path, 1, "unsafe-markup", said, "export it again as an SVG in UTF-8, or as a PNG")]
    hits = [(match.start(), what) for pattern, what in _SVG_RULES if (match := pattern.search(text))]
    if not hits:
        return []
    start, what = min(hits)
    said = f"the SVG image `{path.name}` holds {what}: the site would publish it as it is, for a browser to run"
    return [problem(path, text.count("\n", 0, start) + 1, "unsafe-markup", said, fix)]


def _hidden(path: Path, text: str) -> list[Problem]:
    """`Key: value` lines at the top of a page without front matter: MkDocs takes them as
    settings (MultiMarkdown), and the page never shows them. Or a first line `---` that
    nothing closes: the settings show as text."""
    hidden = yamlfile.settings_lines(text)
    if text.split("\n", 1)[0].rstrip() == "---":  # settings begun, never closed
        said = "the page starts with `---` but no line `---` closes its settings: MkDocs shows them as text"
        return [problem(path, 1, "page-settings", said, _FIX_FRONT_MATTER)]
    if not hidden:
        return []
    first = f"`{text.split(chr(10), 1)[0].strip()[:60]}`"
    if hidden == 1:
        said = f"{first} is read by MkDocs as a page setting: the page never shows it"
    else:
        after = "the line" if hidden == 2 else f"the {hidden - 1} lines"
        said = f"{first} and {after} after it are read by MkDocs as page settings: the page never shows them"
    return [problem(path, 1, "page-settings", said)]


def _translated(root: Path, path: Path, folder: str, default: str, languages: Sequence[str]) -> str | None:
    """The path of a translation's page in its language folder (that of its original in
    the default language's); None for a page of the default language, or of no language."""
    if folder == default or folder not in languages:
        return None
    return path.relative_to(root / DOCS_DIR / folder).as_posix()


def _without_original(root: Path, path: Path, folder: str, default: str, languages: Sequence[str]) -> list[Problem]:
    """A page of a translation whose default-language page does not exist: the site's
    navigation is that of the default language, so no menu would lead to it (the build
    stops with MkDocs' own warning about the navigation)."""
    relative = _translated(root, path, folder, default, languages)
    if relative is None or (root / DOCS_DIR / default / relative).is_file():
        return []
    said = f"the page has no original: docs/{default}/{relative} does not exist"
    fix = f"give it the path of the page it translates under docs/{default}/, or write that page first"
    return [problem(path, 1, "no-original", said, fix)]


def _unrecorded(
    root: Path, path: Path, folder: str, default: str, languages: Sequence[str], page: PageText
) -> list[Problem]:
    """A translated page that does not record what it was made from: a later change of
    its original cannot be noticed, and readers would never be told of it."""
    relative = _translated(root, path, folder, default, languages)
    if relative is None or (page.settings is not None and RECORD_KEY in page.settings):
        return []
    if not (root / DOCS_DIR / default / relative).is_file():
        return []  # [no-original]
    said = (
        f"the translation does not record which version of docs/{default}/{relative} it translates:"
        " when that page changes, nothing will say this one is older"
    )
    fix = f"once it is checked against the original, run `portfolio translations --mark {folder} {relative}`"
    return [problem(path, 1, "unrecorded-translation", said, fix)]


def _other_layout_id(
    root: Path, path: Path, folder: str, default: str, languages: Sequence[str], page: PageText
) -> list[Problem]:
    """A translation whose front matter names another capsule than its original's: it
    would show that capsule's activities and quiz under the translated title."""
    relative = _translated(root, path, folder, default, languages)
    original = root / DOCS_DIR / default / relative if relative else None
    if original is None or not original.is_file() or not isinstance(page.settings, yamlfile.YamlMap):
        return []
    theirs = yamlfile.front_matter(yamlfile.read_text(original)[0] or "")
    found = []
    for key in LAYOUT_KEYS:
        mine, named = page.settings.get(key), theirs.get(key)
        if mine is not None and mine != named:
            said = f"the translation names the {key} `{mine}`, its original docs/{default}/{relative} `{named}`"
            fix = f"write `{key}:` as the original does" if key in theirs else f"remove `{key}:`: the original has none"
            found.append(problem(path, page.settings.line_of(key), "id-mismatch", said, fix))
    return found


def _untitled(path: Path, page: PageText) -> list[Problem]:
    """A page with neither a `# title` line nor a `title` setting: it would be published
    untitled, or empty (a contributor emptied it); or one whose `# title` is too long."""
    if page.settings is not None and "title" in page.settings:
        return []
    if found := _TITLE_LINE.search(page.template):
        title = page.template[found.start() + 2 :].partition("\n")[0].strip()
        if len(title) <= TITLE_LIMIT:
            return []
        line = page.first_line + page.template.count("\n", 0, found.start())
        said = f"the page's `# title` is {len(title)} characters long, more than a name ({TITLE_LIMIT} at most)"
        return [problem(path, line, "long-title", said)]
    said = "the page has no title: no `# …` line" + (" and no text at all" if not page.template.strip() else "")
    return [problem(path, page.first_line, "page-settings", said, "start the page with its `# title`")]


def long_titles(path: Path, record: yamlfile.YamlMap) -> list[Problem]:
    """The texts of a record's `title:` (one text, or one per language) that are too long."""
    title = record.get("title")
    texts = title.items() if isinstance(title, yamlfile.YamlMap) else [(None, title)]
    found = []
    for lang, text in texts:
        if isinstance(text, str) and len(text) > TITLE_LIMIT:
            line = title.line_of(lang) if lang is not None else record.line_of("title")
            said = f"the title{f' ({lang})' if lang else ''} is {len(text)} characters long"
            found.append(problem(path, line, "long-title", f"{said}, more than a name ({TITLE_LIMIT} at most)"))
    return found


def _settings_problems(path: Path, data: yamlfile.YamlMap) -> list[Problem]:
    """Settings become the page's template variables: their texts are checked as YAML
    texts are (no markup), none may hide a macro or a variable of the project, and the
    title must be plain text (the theme writes it as HTML; mkdocs-macros would render
    template code in it)."""
    found = check_yaml_texts(path, data)
    if RECORD_KEY in data:  # a fingerprint is no phone number, however many digits it has
        line = data.line_of(RECORD_KEY)
        found = [p for p in found if not (p.rule == "contact-in-text" and p.line == line)]
        if not (isinstance(data[RECORD_KEY], str) and FINGERPRINT.fullmatch(data[RECORD_KEY])):
            said = (
                f"the setting `{RECORD_KEY}` is not the fingerprint of the page it translates"
                f" ({FINGERPRINT_DIGITS} hexadecimal digits)"
            )
            found.append(problem(path, line, "page-settings", said, _FIX_RECORD))
    for key in data:
        if str(key) in _RESERVED:
            said = f"the setting `{key}` would hide the project's macro or variable of that name on this page"
            found.append(problem(path, data.line_of(key), "page-settings", said, "rename or remove the setting"))
    title = data.get("title")
    if "title" in data and not isinstance(title, str):
        said = "the setting `title` is not text"
        found.append(problem(path, data.line_of("title"), "page-settings", said, _FIX_TITLE))
    elif isinstance(title, str) and uses_templates(title):  # mkdocs-macros would render it
        said = "the setting `title` holds template code: the theme writes what it makes as HTML"
        found.append(problem(path, data.line_of("title"), "page-settings", said, _FIX_TITLE))
    return found + long_titles(path, data)


# Data -------------------------------------------------------------------------
# Characters no page needs and a reader cannot see (NUL…, the C1 controls, the line and
# paragraph separators YAML takes as line ends); tab and line ends are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_FIX_RECORD = (
    "let `portfolio translations --mark LANG PATH` write it once the translation is checked, or remove the line"
)
_FIX_TITLE = 'write the title as plain text, in quotes: title: "…"'
_TITLE_LINE = re.compile(r"^# \S", re.M)  # a page's `# title` (Markdown's level-1 heading)
# The longest title, in characters: a name (menus, PDF covers and LMS course lists show it;
# SCORM 1.2 keeps 200 at most), not a paragraph.
TITLE_LIMIT = 150
_FIX_FRONT_MATTER = "write each setting as `key: value` between the two `---` lines, or remove those lines"
# Names a page's settings must not take: the project's macros and variables
# (portfolio.pages), mkdocs-macros' own, and a setting mkdocs-macros refuses.
_RESERVED = frozenset(MACROS) | VARIABLES | BUILD_VARIABLES | {"macros", "ignore_macros"}
# Files under docs/ a browser runs: no HTML page at all (pages are Markdown), scripts
# only the project's own, in docs/assets/javascripts; an SVG image neither runs a
# script nor fetches anything (a link within the image, #id, or a data: image is kept).
SCRIPTS_DIR = "assets/javascripts"
_HTML_FILES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml"})
_SCRIPT_FILES = frozenset({".js", ".mjs", ".cjs"})
# Files a browser shows as a document of their own (and XSLT that makes one).
_XML_FILES = frozenset({".xml", ".xsl", ".xslt"})
# What an SVG may not hold; an element may carry a namespace prefix (`<h:script>`).
_SVG_RULES = [
    (re.compile(r"<\s*(?:[\w-]+:)?script\b", re.I), "a <script> element"),
    (re.compile(r"<\?\s*xml-stylesheet\b", re.I), "a style sheet to fetch (<?xml-stylesheet?>)"),
    (
        re.compile(r"\battributeName\s*=\s*[\"']?\s*(?:on[a-z]|(?:[\w-]+:)?href\b)", re.I),
        "an animation that sets a link or an event handler (attributeName=)",
    ),
    (re.compile(r"<\s*(?:[\w-]+:)?foreignObject\b", re.I), "a <foreignObject> (HTML inside the image)"),
    (re.compile(r"[\s\"'/]on[a-z]+\s*=", re.I), "an event handler (on…=)"),
    (
        re.compile(r"\b(?:xlink:)?href\s*=\s*[\"']?\s*(?![\"'\s]|#|data:)", re.I),
        "a reference outside the image (href= that is not #id or data:)",
    ),
    (
        re.compile(r"url\(\s*[\"']?\s*(?![\"'\s]|#|data:)", re.I),
        "a reference outside the image (url() that is not #id or data:)",
    ),
    (re.compile(r"@import\b", re.I), "a style sheet fetched from elsewhere (@import)"),
]
