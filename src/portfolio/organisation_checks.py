"""What curriculum/organisation.yml may hold beyond its types.

The file is written by a forking organisation and is untrusted: its logo is shown in
every certificate, PDF and Word form, its websites and e-mail become links in the footer
of every page. Each problem is reported at the line of its key, never raised.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Collection
from pathlib import Path

from portfolio.locale_facts import country_name
from portfolio.models import Form
from portfolio.problems import Problem, problem
from portfolio.yamlfile import YamlList, YamlMap

LOGO_MAX_BYTES = 1_000_000
LOGO_MAX_PIXELS = 2000  # width and height
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# A site's address: http(s), a host, then no space, quote or angle bracket.
_WEBSITE = re.compile(r"https?://[^\s/?#\"'<>`\\]+[^\s\"'<>`\\]*", re.IGNORECASE)
# An e-mail address: one @, no space, a dot in the domain.
_EMAIL = re.compile(r"[^@\s\"'<>`\\:/]+@[^@\s\"'<>`\\:/]+\.[^@\s\"'<>`\\:/]+")
_LOGO_FIX = f"use an SVG or a PNG file under docs/, at most {LOGO_MAX_PIXELS}×{LOGO_MAX_PIXELS} px and 1 MB"


def website_fault(value: str) -> str | None:
    """Why `value` cannot be a website (None: it can)."""
    if _WEBSITE.fullmatch(value.strip()):
        return None
    return f"`{value}` is not an https:// or http:// address"


def email_fault(value: str) -> str | None:
    """Why `value` cannot be an e-mail address (None: it can)."""
    if _EMAIL.fullmatch(value.strip()):
        return None
    return f"`{value}` is not an e-mail address"


def country_fault(value: str) -> str | None:
    """Why `value` cannot be a country code, ISO 3166's two capital letters (None: it can)."""
    code = value.strip()
    if country_name(code):
        return None
    if country_name(code.upper()):
        return f"`{value}` is written in small letters"
    return f"`{value}` is not a country's two-letter code" + (" (the United Kingdom's is GB)" if code == "UK" else "")


WEBSITE_FIX = "write the site's full address, e.g. https://example.org/"
COUNTRY_FIX = "write the country's two-letter code (ISO 3166) in capitals, e.g. LU, FR, PT"
EMAIL_FIX = "write one address, e.g. contact@example.org"


def check_organisation(path: Path, data: object, docs: Path) -> list[Problem]:
    """The languages, country, websites, e-mail channels and logo of organisation.yml (`data`, as
    parsed); `docs`: the docs/ folder the logo must be in."""
    if not isinstance(data, YamlMap):
        return []
    found: list[Problem] = []
    languages = data.get("languages")
    if isinstance(languages, YamlList):
        counts = Counter(lang for lang in languages if isinstance(lang, str))
        for lang, count in counts.items():
            if count > 1:
                found.append(
                    problem(
                        path,
                        data.line_of("languages"),
                        "duplicate-id",
                        f"`languages` lists `{lang}` {count} times",
                        "list each language once",
                    )
                )
    if isinstance(data.get("country"), str) and (fault := country_fault(data["country"])):
        found.append(problem(path, data.line_of("country"), "wrong-type", f"`country:` {fault}", COUNTRY_FIX))
    if isinstance(data.get("website"), str):
        found.extend(_website(path, data.line_of("website"), data["website"], "the organisation's `website:`"))
    channels = data.get("channels")
    for index, channel in enumerate(channels if isinstance(channels, YamlList) else []):
        if not (isinstance(channel, YamlMap) and isinstance(channel.get("value"), str)):
            continue
        line = channel.line_of("value")
        if channel.get("kind") == "website":
            found.extend(_website(path, line, channel["value"], f"the website channel {index + 1}"))
        elif channel.get("kind") == "email":
            fault = email_fault(channel["value"])
            if fault:
                found.append(problem(path, line, "wrong-type", f"the e-mail channel {index + 1}: {fault}", EMAIL_FIX))
    partners = data.get("partners")
    for partner in partners if isinstance(partners, YamlList) else []:
        if isinstance(partner, YamlMap) and isinstance(partner.get("website"), str):
            name = partner.get("name") if isinstance(partner.get("name"), str) else "a partner"
            found.extend(_website(path, partner.line_of("website"), partner["website"], f"the website of {name}"))
    if isinstance(data.get("logo"), str):
        found.extend(
            problem(path, data.line_of("logo"), rule, what, fix) for rule, what, fix in logo_faults(data["logo"], docs)
        )
    return found


def check_legal_notes(path: Path, data: object, forms: Collection[Form]) -> list[Problem]:
    """The forms that print the organisation's legal notes (`legal_notes: true`), when
    organisation.yml (`data`, as parsed) has none: they would print no data-protection
    notice, and nothing else would say so (`portfolio init` writes a file without them)."""
    printing = sorted(form.id for form in forms if form.legal_notes)
    if not isinstance(data, YamlMap) or data.get("legal_notes") or not printing:
        return []
    named = ", ".join(f"`{form}`" for form in printing)
    which = f"the form {named} prints" if len(printing) == 1 else f"the forms {named} print"
    said = f"{which} the organisation's legal notes, and this file has none: no data-protection notice is printed"
    return [problem(path, 1, "no-legal-notes", said)]


def logo_faults(logo: str, docs: Path) -> list[tuple[str, str, str]]:
    """Why the logo `logo` (a path under `docs`) cannot be shown: (rule, what, fix)."""
    shown = f"the logo `{logo}`"
    if not logo or logo.startswith(("/", "\\")) or any(c in logo for c in ":\\\0"):
        return [("bad-logo", f"{shown} is not a path under docs/", _LOGO_FIX)]
    file = docs / logo
    if not file.resolve().is_relative_to(docs.resolve()):
        return [("bad-logo", f"{shown} is outside docs/", _LOGO_FIX)]
    suffix = file.suffix.lower()
    if suffix not in (".svg", ".png"):
        return [("bad-logo", f"{shown} is neither an SVG nor a PNG file", _LOGO_FIX)]
    if not file.is_file():
        return [("missing-file", f"{shown} does not exist under docs/", "put the file under docs/ or correct the path")]
    try:
        size = file.stat().st_size
        if size > LOGO_MAX_BYTES:
            return [("bad-logo", f"{shown} is {size / 1_000_000:.1f} MB", _LOGO_FIX)]
        content = file.read_bytes()
    except OSError as error:
        return [("unreadable-file", f"{shown} cannot be read ({error.strerror})", "")]
    return _png_faults(shown, content) if suffix == ".png" else _svg_faults(shown, content)


def _website(path: Path, line: int, value: str, what: str) -> list[Problem]:
    fault = website_fault(value)
    return [problem(path, line, "wrong-type", f"{what}: {fault}", WEBSITE_FIX)] if fault else []


def _png_faults(shown: str, content: bytes) -> list[tuple[str, str, str]]:
    if not content.startswith(_PNG_SIGNATURE) or content[12:16] != b"IHDR" or len(content) < 24:
        return [("bad-logo", f"{shown} is not really a PNG image", "save the image as PNG (or SVG) again")]
    width, height = struct.unpack(">II", content[16:24])
    if not (0 < width <= LOGO_MAX_PIXELS and 0 < height <= LOGO_MAX_PIXELS):
        return [("bad-logo", f"{shown} is {width}×{height} px", _LOGO_FIX)]
    return []


def _svg_faults(shown: str, content: bytes) -> list[tuple[str, str, str]]:
    """An SVG logo that is not an SVG image. What it must not hold (scripts, references
    elsewhere) is checked where the file is, as for every SVG under docs/ (page_checks)."""
    bad = ("bad-logo", f"{shown} is not a well-formed SVG image", "save the image as SVG (or PNG) again")
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        return [("bad-logo", f"{shown} declares a DOCTYPE or entities", "remove the <!DOCTYPE …> declaration")]
    try:
        root = ET.fromstring(content)
    except (ET.ParseError, ValueError):
        return [bad]
    return [] if _local(root.tag) == "svg" else [bad]


def _local(name: str) -> str:
    """An XML name without its namespace."""
    return name.rsplit("}", 1)[-1]
