"""What a page or a YAML text may contain.

Pages and curriculum files come from contributors and are untrusted. Behaviour lives
in `docs/assets/javascripts`, never in content: no `<script>`, no inline event
handler, no `javascript:` or `file:` URL, no file attachment, nothing fetched from
another site. Texts in YAML accept the Markdown that authors need (emphasis, lists,
links to pages and https sites) and nothing that becomes HTML, attributes or images.
Nobody's e-mail address or phone number is typed into either.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from portfolio.markdown_text import CODE_SPAN
from portfolio.problems import Problem, article, problem
from portfolio.yamlfile import YamlList, YamlMap


def check_page_line(path: Path, number: int, line: str) -> list[Problem]:
    """Unsafe markup and contact details on one line of a Markdown page."""
    return [problem(path, number, rule, what, fix) for rule, what, fix in _faults(line, page=True)]


def check_text(path: Path, number: int, value: str) -> list[Problem]:
    """Markup beyond the allowed subset, contact details, and apostrophes left doubled,
    in one text of a YAML file."""
    found = [problem(path, number, rule, what, fix) for rule, what, fix in _faults(value, page=False)]
    return found + [problem(path, number, "doubled-apostrophe", *said) for said in _doubled_apostrophes(value)]


def check_yaml_texts(path: Path, data: object) -> list[Problem]:
    """`check_text` on every string of a parsed YAML file (with its line), except the
    fields that hold contact details on purpose (organisation channels, consenting people)."""
    found: list[Problem] = []
    stack: list[tuple[object, int, tuple[str, ...]]] = [(data, 1, ())]
    while stack:
        value, line, keys = stack.pop()
        if isinstance(value, str):
            problems = check_text(path, line, value)
            if keys and keys[-1] in CONTACT_FIELDS:
                problems = [p for p in problems if p.rule != "contact-in-text"]
            found.extend(problems)
        elif isinstance(value, YamlMap):
            stack.extend((item, value.line_of(key), (*keys, str(key))) for key, item in value.items())
        elif isinstance(value, YamlList):
            stack.extend((item, value.line_of(index), keys) for index, item in enumerate(value))
    return found


# Helpers ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def _faults(value: str, page: bool) -> tuple[tuple[str, str, str], ...]:
    """The rules a line of a page (or a text of a YAML file) breaks, what each says and
    its own fix ('': the rule's). Kept per text: the preview checks the same unchanged
    lines after every save."""
    text = _decoded(value)
    unsafe = [*_broken(_PAGE_RULES, text), *_elements(text)]
    if page:
        found = [("unsafe-markup", what, fix) for what, fix in unsafe]
    else:
        found = [("markup-in-text", what, "") for what, _ in _broken(_TEXT_RULES, text)]
        if not found:  # what is unsafe in a page is unsafe here too
            found = [("markup-in-text", what, fix) for what, fix in unsafe]
    rule = "contact-in-markdown" if page else "contact-in-text"
    return (*found, *((rule, what, "") for what in _contacts(text)))


def _broken(rules: list[tuple[str, re.Pattern, str]], text: str) -> list[tuple[str, str]]:
    """What each rule that `text` breaks says (its fix: the rule's own)."""
    return [(what, "") for needs, pattern, what in rules if needs in text and pattern.search(text)]


def _elements(text: str) -> list[tuple[str, str]]:
    """Each element a page never holds that `text` writes: what it is, and what to do instead."""
    if "<" not in text:
        return []
    return [element_said(tag.lower()) for tag in dict.fromkeys(_ELEMENT.findall(text))]


def element_said(tag: str) -> tuple[str, str]:
    """What is said of an element a page may not hold (`an <iframe> element (…)`), and its fix."""
    what, fix = _WRITTEN[tag]
    return f"{article(tag)} <{tag}> element ({what})", fix


def _decoded(text: str) -> str:
    """The text with HTML character references decoded (`&#58;` is a colon)."""
    return html.unescape(text) if "&" in text else text


def _doubled_apostrophes(text: str) -> list[tuple[str, str]]:
    """Words holding `''` outside code spans. YAML makes `''` one apostrophe only inside a
    text between single quotes; once read, a text that still holds `''` was written with it
    elsewhere (unquoted, in double quotes, in a block): readers would see both apostrophes."""
    if "''" not in text:
        return []
    prose = CODE_SPAN.sub(lambda match: " " * len(match.group()), text) if "`" in text else text
    words = [word for word in prose.split() if "''" in word]
    return [
        (
            f"`{word}` has a doubled apostrophe, which readers see as two",
            f"write one apostrophe ({word.replace(DOUBLED, SINGLE)}); YAML wants it doubled only in a text between"
            " single quotes ('…''…')",
        )
        for word in dict.fromkeys(words)
    ]


def _contacts(text: str) -> list[str]:
    # A contact has an @, a written-out "at"/"dot", or eight digits: without any of them
    # the text has none, and the patterns need not run (most lines of a page).
    if "@" not in text and len(_DIGIT.findall(text)) < 8 and not _WRITTEN_OUT.search(text):
        return []
    spans = []
    for pattern in _CONTACTS:
        for match in pattern.finditer(text):
            found = match.group(0)
            digits = sum(c.isdigit() for c in found)
            written_out = "@" in found or _WRITTEN_OUT.search(found)
            if (written_out or digits >= 8) and not _DATE.fullmatch(found.strip()):
                spans.append((match.start(), match.end()))
    # A number found inside a longer one (the national part of +33 6 12 34 56 78) is the same.
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return [f"`{text[start:end].strip()}` looks like a contact detail" for start, end in sorted(set(kept))]


# Data -------------------------------------------------------------------------
# Elements a page's content never holds: what each one is, and what to do instead. The
# build refuses them in a page's HTML (content_guard); `make check` where a line writes one.
ELEMENTS = {
    "script": ("code run in the reader's browser", "remove it: scripts belong in docs/assets/javascripts"),
    "noscript": (
        "what a browser without scripts shows",
        "remove it: scripts, and what stands in for them, belong in docs/assets/javascripts",
    ),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "portal"),
        ("another document inside the page", "remove it, and link to the document instead: [its title](https://…)"),
    ),
    "base": ("it changes where every link leads", "remove it: write each link relative to this page's file"),
    "meta": ("it can send the reader elsewhere", "remove it: a page's settings go between two `---` lines at its top"),
    "link": (
        "a file fetched by the page",
        "remove it: styles belong in docs/assets/stylesheets; link to a page with [text](page.md)",
    ),
    "style": (
        "styles written into the page",
        "remove it: styles belong in docs/assets/stylesheets; to make a text stand out, use an admonition"
        " (!!! note) or *emphasis*",
    ),
}
# What a page's Markdown may not write either, though the project's macros do (a quiz is a form).
_WRITTEN = {
    **ELEMENTS,
    "form": (
        "answers sent somewhere",
        'remove it: the project\'s macros show quizzes and forms, e.g. {{ quiz("peer-sessions") }}',
    ),
}
_ELEMENT = re.compile(r"<\s*(" + "|".join(_WRITTEN) + r")\b", re.IGNORECASE)
# Fields meant for contact details: an organisation channel's value, a person's
# (people.yml holds only people who agreed to be named).
CONTACT_FIELDS = frozenset({"value", "email", "phone", "website"})
_I = re.IGNORECASE
_WRITTEN_OUT = re.compile(r"\bdot\b|[\[(]\s*at", _I)  # jo [at] example [dot] org
_DIGIT = re.compile(r"\d")
# A URL scheme that runs code or reads the build machine, as a link or a source.
_BAD_SCHEME = r"(?:java\s*script|vb\s*script|file|data\s*:\s*text)\s*:"
_URL_ATTRIBUTE = r"(?:href|src|action|data|poster|srcset)\s*=\s*"
# Every pattern reads a line in linear time (tests/unit/test_adversarial_lines.py): no two
# neighbouring quantifiers match the same characters, and a run stops at the next start.
# Each rule: what every text it matches holds (a quick test before the pattern: nearly
# every line holds none of it), the pattern, and what breaking it means.
_PAGE_RULES = [
    # Each pattern starts at a `<` or `{` and stops at the next one: a line is read once.
    ("<", re.compile(r"<[a-z][^<>]*[\s/\"']on[a-z]+\s*=", _I), "an inline event handler (on…=) in an HTML tag"),
    (
        "{",
        re.compile(r"(?<!\{)\{(?![{%])[^{}\n]*\bon[a-z]+\s*=", _I),  # not in {{ … }} or {% … %}
        "an inline event handler (on…=) in an attribute list",
    ),
    (
        "=",
        re.compile(_URL_ATTRIBUTE + r"(?:[\"']\s*)?" + _BAD_SCHEME, _I),
        "a javascript: or file: URL",
    ),
    ("](", re.compile(r"\]\(\s*(?:<\s*)?" + _BAD_SCHEME, _I), "a javascript: or file: link"),
    ("]:", re.compile(r"^[ \t]*\[[^\[\]\n]+\]:\s*(?:<\s*)?" + _BAD_SCHEME, _I | re.M), "a javascript: or file: link"),
    ("=", re.compile(r"\brel\s*=(?:\s*[\"'])?[^\"'>=]*\battachment\b", _I), "a file attachment (rel=attachment)"),
    (
        "=",
        re.compile(r"(?:src|srcset|poster|data)\s*=\s*(?:[\"']\s*)?(?:https?:)?//", _I),
        "a resource from another site",
    ),
    ("![", re.compile(r"!\[[^\[\]]*\]\(\s*(?:<\s*)?(?:https?:)?//", _I), "an image from another site"),
    ("(", re.compile(r"url\(\s*(?:[\"']\s*)?(?:https?:)?//", _I), "a resource from another site"),
]
_TEXT_RULES = [
    (
        "<",
        re.compile(r"<(?!https://[^\s<>]+>)\s*(?:/\s*)?[a-z!?]", _I),
        "HTML in a text (use Markdown: *emphasis*, [link](https://…))",
    ),
    ("{", re.compile(r"\{\s*[:#.]|\{[^{}\n=]*[^\s{}=]=", _I), "an attribute list ({: …}) in a text"),
    ("![", re.compile(r"!\["), "an image in a text (images go in pages, stored under docs/)"),
    (
        "](",
        re.compile(r"\]\(\s*(?:<\s*)?(?!https://)", _I),
        "a link that is not an https address: a YAML text is shown on pages in several folders, in the PDFs"
        " and in the LMS packages, and a link to a page cannot lead to it from all of them",
    ),
]
# E-mail addresses (also written "name [at] host [dot] org"), phone numbers in
# international form (+352 or (+352) or 00352 …), and national ones written in three
# or more groups of digits (621 12 34 56, 06-12-34-56-78, 621-123-456).
_CONTACTS = [
    # Each starts where a run of name characters starts (so a long run is read once).
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?<![\w.+-])[\w.+-]+\s*[\[(]\s*at\s*[\])]\s*[\w-]+(?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[\w-]+)+", _I),
    re.compile(r"(?<![\w.+-])[\w.+-]+\s+at\s+[\w-]+\s+dot\s+[a-z]{2,}\b", _I),
    re.compile(r"(?<![\w/])\(?\+\s?\d{1,3}\)?(?:[\s./-]*\d){7,}"),
    re.compile(r"(?<![\w/+])00\d{2,3}(?:[\s./-]?\d){7,}"),
    re.compile(r"(?<![\w/.,-])\d{2,4}(?:[ .-]\d{2,4}){2,}(?![\w/.,-]?\d)"),
    re.compile(r"(?<![\w/.,-])0\d{9}(?!\d)"),
]
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
DOUBLED, SINGLE = "''", "'"  # a left-over of YAML's single-quote escaping, and what was meant
