"""Shared fixtures: project copies, one real build per run (its pages alone when only
pages are tested), a local server, Chromium. `make test` runs the tests in several
processes (pytest-xdist); the build is made once for all of them."""

from __future__ import annotations

import contextlib
import fcntl
import filecmp
import functools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from portfolio.project import copy_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LANGUAGES = ("en", "fr", "ar")
MM = 72 / 25.4  # a millimetre, in a PDF's points
# How each language separates the items of a list, as a reader sees it ("a, b").
LIST_SEPARATOR = {"en": ", ", "fr": ", ", "ar": "، "}


@functools.cache
def project_state():
    """This project's sources, read once for the whole session by the one loader."""
    from portfolio.build_state import load_sources

    return load_sources(ROOT)


def copy_project(target: Path) -> Path:
    """A copy of this project's sources (node_modules linked, not copied)."""
    return copy_sources(ROOT, target)


def differences(left: Path, right: Path) -> list[str]:
    """Files that are in one folder only, or differ, by path (empty: the same tree)."""
    compared = filecmp.dircmp(left, right)
    found = [*compared.left_only, *compared.right_only, *compared.diff_files, *compared.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    found += mismatch + errors
    for folder in compared.common_dirs:
        found += [f"{folder}/{name}" for name in differences(left / folder, right / folder)]
    return sorted(set(found))


def scenario_project(name: str | None, target: Path) -> Path:
    """The minimal fixture project, with one rule scenario laid over it if named."""
    shutil.copytree(FIXTURES / "minimal", target)
    if name is None:
        return target
    overlay = FIXTURES / "rules" / name
    for path in overlay.rglob("*"):
        relative = path.relative_to(overlay)
        if path.is_file() and path.name not in ("expected.txt", "remove.txt"):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target / relative)
    removals = overlay / "remove.txt"
    if removals.is_file():
        for line in removals.read_text().split():
            (target / line).unlink()
    return target


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder that `make(folder)` fills once for the whole run. With several test
    processes, the first one to ask makes it, under a lock, and the others wait and read
    it; a failed attempt leaves no folder marked as made, so the next one tries again."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the folder all the processes of this run share
    folder, made = base / f"shared-{name}", base / f"shared-{name}.made"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


# Fixtures that wait for the run's one build (built_pages and built_forms read it too in
# a run that builds it).
SHARED_BUILD = {"built_site", "built_pages", "built_forms", "site_url", "offline_site"}


def pytest_collection_modifyitems(session, config, items):
    """The order test files are handed to the test processes in: first the largest file
    of browser tests (its process makes the build), then every file that needs no shared
    build (the other processes run those meanwhile, instead of waiting for the build),
    then the rest, in the order they were collected."""
    files: dict[Path, list] = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    waiting = [path for path, tests in files.items() if any(SHARED_BUILD & set(t.fixturenames) for t in tests)]
    if not waiting:
        return
    first = max(waiting, key=lambda path: (any(t.get_closest_marker("browser") for t in files[path]), len(files[path])))
    free = [path for path in files if path not in waiting]
    order = [first, *free, *(path for path in waiting if path != first)]
    items[:] = [test for path in order for test in files[path]]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once per session, strictly, into a temporary folder, as
    `make site` builds it: every language, PDFs, LMS files, forms and the offline zip."""
    from portfolio.locations import OFFLINE_ZIP
    from portfolio.sitebuild import build_site

    folder = made_once(
        tmp_path_factory,
        "build",
        lambda folder: build_site(ROOT, folder / "site", offline_zip=folder / "dist" / OFFLINE_ZIP),
    )
    return folder / "site"


@pytest.fixture(scope="session")
def built_pages(request, tmp_path_factory) -> Path:
    """The site's pages in every language, as `make site` builds them, for tests that read
    pages only: built without PDFs, LMS files, forms or the offline copy, in seconds when
    such tests run alone. A session that also runs tests of the whole build reads that one
    build instead of making two."""
    if any("built_site" in item.fixturenames for item in request.session.items):
        return request.getfixturevalue("built_site")
    from portfolio.sitebuild import build_site

    folder = made_once(
        tmp_path_factory, "pages", lambda folder: build_site(ROOT, folder / "site", pdfs=False, exports=False)
    )
    return folder / "site"


@pytest.fixture(scope="session")
def built_forms(request, tmp_path_factory) -> Path:
    """The coordinator's forms, PDF and Word, in every language, in the built site's
    folders: made alone, in seconds, when only tests of the forms run. A session that also
    runs tests of the whole build reads that one build instead of making the forms twice."""
    if any("built_site" in item.fixturenames for item in request.session.items):
        return request.getfixturevalue("built_site")
    from portfolio.forms import build_forms

    folder = tmp_path_factory.mktemp("forms")
    build_forms(project_state(), folder, report=lambda message: None)
    return folder


def opened_in_libreoffice(sources: list[Path], folder: Path) -> Path:
    """Word files as a real office suite opens them: LibreOffice converts each to PDF and
    to text (`<name>.pdf`, `<name>.txt`) into `folder`, returned."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is installed by `make test`")
    env = {"HOME": str(folder / "home"), "PATH": "/usr/bin:/bin"}
    for target in ("pdf", "txt:Text (encoded):UTF8"):
        command = ["soffice", "--headless", "--norestore", "--convert-to", target, "--outdir", str(folder)]
        subprocess.run([*command, *map(str, sources)], check=True, capture_output=True, timeout=600, env=env)
    return folder


# Browser ----------------------------------------------------------------------
SEARCH = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"
QUERIES = {"en": "volunteer", "fr": "bénévole", "ar": "التقييم"}
# One page of each type, as a path inside a language folder.
PAGE_TYPES = {
    "home": "",
    "handbook home": "handbook/",
    "step chapter": "handbook/buddy-system/03-initial-self-assessment/",
    "chapter": "handbook/supervising-volunteers/",
    "course guide and tracks": "training/",
    "capsule": "training/capsules/initial-self-assessment/",
    "self-assessment": "training/self-assessments/initial-self-assessment/",
    "my progress": "training/my-progress/",
    "mentoring workspace": "training/mentoring-workspace/",
    "downloads": "downloads/",
    "session plans": "trainers/session-plans/",
    "handouts": "trainers/handouts/",
    "answer keys": "trainers/answer-keys/",
    "course plans": "trainers/course-plans/",
    "lms guide": "trainers/use-it-in-your-lms/",
    "fork guide": "organisations/fork-this-handbook/",
    "translation status": "organisations/translation-status/",
}


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links."""
    page.click(SEARCH)
    page.fill(SEARCH, query)  # no key event, as when a phone's keyboard or dictation puts a word in
    page.wait_for_selector(RESULT_LINKS, timeout=15000)
    # The result count is written once the list is complete. A locator's wait, not
    # wait_for_function: the site's Content-Security-Policy refuses the latter's polling.
    from playwright.sync_api import expect

    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d"))
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Any request leaving the machine fails at once (loopback is exempt).
    "--proxy-server=http://127.0.0.1:9",
]


@contextlib.contextmanager
def served(folder: Path):
    """A built site served on a free loopback port while the block runs: its address."""
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on a free loopback port, for the whole session."""
    with served(built_site) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# The two screens every browser test is run at: a phone and a desktop.
SCREENS = {
    360: {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
    1280: {"viewport": {"width": 1280, "height": 900}},
}


@pytest.fixture(params=list(SCREENS), ids=lambda width: f"{width}px")
def width(request) -> int:
    """Each screen in turn, for a test to run at both."""
    return request.param


def url(site_url: str, lang: str, path: str) -> str:
    """The address of a page of the site in a language."""
    return site_url + ("" if lang == "en" else f"{lang}/") + path


@pytest.fixture(scope="session")
def kept_contexts(browser):
    """Browser contexts kept for the whole run, one per screen, policy and person, each
    with a blank page left open: Chromium opens a new page in a context that still has one in
    half the processor time it takes in a new context."""
    kept: dict[tuple[int, bool, int], tuple] = {}
    yield kept
    for context, _, _ in kept.values():
        context.close()


@pytest.fixture
def fresh_context(kept_contexts, browser, site_url):
    """`fresh_context(width, bypass_csp, person)` gives a browser context at phone (360)
    or desktop (1280) width, as a new one would be: when the test ends, the pages it
    opened are closed and everything the site kept in the browser (local storage,
    IndexedDB, cookies) is cleared. Each `person` has a browser of their own. A test
    that sets the clock, which a context's pages share, takes `own_page` instead.
    `bypass_csp` lets the test's own evaluated code and axe run despite the site's
    Content-Security-Policy."""
    used = set()

    def context_for(width: int = 1280, bypass_csp: bool = False, person: int = 0):
        key = (width, bypass_csp, person)
        if key not in kept_contexts:
            context = browser.new_context(**SCREENS[width], bypass_csp=bypass_csp)
            blank = context.new_page()
            kept_contexts[key] = (context, blank, context.new_cdp_session(blank))
        used.add(key)
        return kept_contexts[key][0]

    yield context_for
    for key in used:
        context, blank, session = kept_contexts[key]
        for other in context.pages:
            if other is not blank:
                other.close()
        session.send("Storage.clearDataForOrigin", {"origin": site_url.rstrip("/"), "storageTypes": "all"})


@pytest.fixture
def open_page(fresh_context):
    """`open_page(width, bypass_csp)`: a new page of a fresh context (above)."""
    return lambda width=1280, bypass_csp=False: fresh_context(width, bypass_csp).new_page()


@pytest.fixture
def own_page(browser):
    """`own_page(bypass_csp)`: a page at desktop width in a browser context of its own,
    for a test that sets the clock (a context's pages share one clock, which cannot be
    given back to the next test)."""
    contexts = []

    def open_one(bypass_csp: bool = False):
        contexts.append(browser.new_context(**SCREENS[1280], bypass_csp=bypass_csp))
        return contexts[-1].new_page()

    yield open_one
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A page at desktop width, with empty storage."""
    return open_page(1280)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, built_site) -> Path:
    """The offline zip of the session's build, as the site publishes it, unpacked: the
    folder a reader opens."""
    import zipfile

    from portfolio.locations import OFFLINE_ZIP

    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder / "unpacked")
    return folder / "unpacked" / OFFLINE_ZIP.removesuffix(".zip")


@pytest.fixture
def audit_page(open_page):
    """A page at desktop width that lets the tests inject axe-core despite the site's CSP."""
    return open_page(1280, bypass_csp=True)


def squash(text: str) -> str:
    """Text as it can be compared with a PDF's text: without spaces, hyphens, list
    bullets, Markdown emphasis, direction marks and Arabic vowel signs, none of which
    line breaks, hyphenation and shaping keep in place."""
    return re.sub(r"[\s\-\u2010\u00ad*_•◦▪‣\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u0652]+", "", text)


@dataclass(frozen=True)
class Word:
    """A word of a PDF page where poppler finds it, in points from the top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]


def pdf_pages(path: Path, first: int = 1, last: int = 0) -> list[Page]:
    """The pages of a PDF, each with its words where they are printed (pdftotext -bbox)."""
    from lxml import etree

    command = ["pdftotext", "-bbox", "-f", str(first), *(["-l", str(last)] if last else []), str(path), "-"]
    tree = etree.fromstring(subprocess.run(command, capture_output=True, check=True).stdout)
    pages = []
    for page in tree.iter("{*}page"):
        words = [
            Word(word.text or "", *(float(word.get(side)) for side in ("xMin", "yMin", "xMax", "yMax")))
            for word in page.iter("{*}word")
        ]
        pages.append(Page(float(page.get("width")), float(page.get("height")), words))
    return pages


@dataclass(frozen=True)
class Spoken:
    """A piece of a tagged PDF's text (one marked-content sequence: a run of text of one
    style on one line) as a screen reader reaches it through the structure tree, and the
    language it reads it in: the `/Lang` of its nearest structure element that has one,
    else the document's."""

    text: str
    lang: str


def read_aloud(path: Path) -> list[Spoken]:
    """The text of a tagged PDF in the order of its structure tree, each piece with the
    language it is read in."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        texts = {(page.objgen, mcid): text for page in pdf.pages for mcid, text in _marked_texts(page).items()}
        spoken: list[Spoken] = []

        def walk(node, lang: str, page) -> None:
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid, lang, page)
            elif isinstance(node, pikepdf.Dictionary):
                page = node.get("/Pg", page)
                if node.get("/Type") == "/MCR":
                    walk(int(node.MCID), lang, page)
                elif node.get("/Type") != "/OBJR":  # a structure element (an annotation has no text)
                    walk(node.get("/K"), str(node.Lang) if "/Lang" in node else lang, page)
            elif isinstance(node, int):
                spoken.append(Spoken(texts.get((page.objgen, node), ""), lang))

        walk(pdf.Root.StructTreeRoot.K, str(pdf.Root.get("/Lang", "")), None)
    return spoken


def language_changes(path: Path) -> list[tuple[str, str]]:
    """Each /Lang of a tagged PDF's structure tree, with the language around it (its
    parent's, or the document's): (around, said), in the order of the tree."""
    import pikepdf

    def changes(node, around: str) -> list[tuple[str, str]]:
        if isinstance(node, pikepdf.Array):
            return [change for kid in node for change in changes(kid, around)]
        if not isinstance(node, pikepdf.Dictionary) or node.get("/Type") in ("/OBJR", "/MCR"):
            return []
        said = str(node.Lang) if "/Lang" in node else None
        return ([(around, said)] if said else []) + changes(node.get("/K"), said or around)

    with pikepdf.open(path) as pdf:
        return changes(pdf.Root.StructTreeRoot.K, str(pdf.Root.get("/Lang", "")))


def _marked_texts(page) -> dict[int, str]:
    """The text of each marked-content sequence of a page, by its MCID, read through its
    fonts' ToUnicode maps (two bytes a glyph, as WeasyPrint writes them)."""
    import pikepdf

    glyphs = {}
    for name, font in page.Resources.get("/Font", {}).items():
        cmap = font.ToUnicode.read_bytes().decode("ascii") if "/ToUnicode" in font else ""
        pairs = re.findall(r"<([0-9a-f]{4})> <([0-9a-f]+)>", cmap)
        glyphs[name] = {bytes.fromhex(code): bytes.fromhex(text).decode("utf-16-be") for code, text in pairs}
    texts: dict[int, str] = {}
    marks: list[int | None] = []  # the open marked-content sequences, innermost last
    font: dict = {}
    for operands, operator in pikepdf.parse_content_stream(page, "BDC BMC EMC Tf Tj TJ"):
        operator = str(operator)
        if operator in ("BDC", "BMC"):
            properties = operands[1] if operator == "BDC" else {}
            marks.append(int(properties.MCID) if "/MCID" in properties else None)
        elif operator == "EMC":
            marks.pop()
        elif operator == "Tf":
            font = glyphs.get(str(operands[0]), {})
        elif marks and marks[-1] is not None:
            shown = [operands[0]] if operator == "Tj" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
            data = b"".join(bytes(s) for s in shown)
            text = "".join(font.get(data[i : i + 2], "") for i in range(0, len(data), 2))
            texts[marks[-1]] = texts.get(marks[-1], "") + text
    return texts
