"""The printable documents (portfolio, trainer's pack): one PDF each per language.

print-site is not language-aware and Material's CSS does not render in WeasyPrint,
so the documents are assembled here: the built pages of one language are read in
the order of `curriculum/documents.yml`, each page's <article> is taken, its ids are
prefixed and its links rewritten to point inside the document, and the whole is
rendered from `templates/print/document.html` with `templates/print/print.css`.
"""

from __future__ import annotations

import copy
import posixpath
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit

from jinja2 import Environment
from lxml import html as lxml_html
from markupsafe import Markup

from portfolio import __version__, output_cache, parallel
from portfolio.build_state import BuildState
from portfolio.interface import strings_for
from portfolio.locale_facts import Said, direction, written_date
from portfolio.locations import handout_pdf, handouts_pdf, page_url, pdf_file
from portfolio.markdown_text import SCHEME
from portfolio.materials import SET_PREFIX, learner_sheets
from portfolio.models import Curriculum, PrintDocument
from portfolio.pdf_languages import marked_languages
from portfolio.pdf_references import kept_page_references
from portfolio.problems import ProblemsFound, problem
from portfolio.project import (
    CONFIG_FILE,
    OVERRIDES_DIR,
    Languages,
    load_config_file,
    nav_section_pages,
    published_address,
)
from portfolio.reproducible import source_date
from portfolio.templating import template_environment
from portfolio.views import duration_text

PRINT_TEMPLATES = "templates/print"
# The pages' partial the print templates mark a text in another language with.
SAID_PARTIAL = "partials/said.html"
CURRICULUM_FILE = "curriculum/documents.yml"
_HANDOUT_SET = re.compile(r"c\d+-" + re.escape(SET_PREFIX) + r"([a-z0-9]+(?:-[a-z0-9]+)*)")
# Where a capsule's handouts PDF ends, its trainer sheets included (the answer keys the
# print list names): at the next capsule's section or the next chapter.
_HANDOUTS_END = re.compile(r"c\d+")
# One handout (or trainer sheet) of a capsule's section: `c<n>-<capsule>--<material>`.
_SHEET = re.compile(r"c\d+-([a-z0-9]+(?:-[a-z0-9]+)*)--([a-z0-9]+(?:-[a-z0-9]+)*)")
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".ttf", ".otf"}
# How a PDF is written (write_pdf): what the output cache keys a PDF with, beside its inputs.
WRITER_FILES = [Path(__file__).with_name(name) for name in ("pdf.py", "pdf_references.py", "pdf_languages.py")]


@dataclass
class PrintChapter:
    anchor: str
    title: str
    body: Markup
    lang: str
    fallback: bool


@dataclass
class Built:
    path: Path
    pages: int
    seconds: float
    chapters: list[str] = field(default_factory=list)
    reused: bool = False  # taken from the output cache, not rendered


def pdf_path(site_dir: Path, languages: Languages, lang: str, document_id: str) -> Path:
    """Where a document's PDF lands in the site."""
    return site_dir / languages.folder(lang) / pdf_file(document_id, lang)


def build_document(
    site_dir: Path, state: BuildState, document: PrintDocument, lang: str, nav: list, assets: bytes = b""
) -> Built:
    """Assemble one document in one language and write its PDF, or take it from the
    output cache when the same HTML, stylesheet, images (`assets`) and fonts made it before."""
    root, curriculum, languages = state.root, state.curriculum, state.languages
    organisation = curriculum.text(curriculum.organisation.name, lang) if curriculum.organisation else ""
    strings = strings_for(state.interface, lang, languages.default)
    started = time.perf_counter()
    order = outline(document, nav)
    sources = [source for source in order if source is not None]
    published = published_address(state.root, languages.folder(lang))
    chapters = iter(
        _chapter(site_dir, languages, lang, source, sources, i, published) for i, source in enumerate(sources)
    )
    summaries = _capsule_summaries(curriculum, lang, strings)
    parts = [next(chapters) if source is not None else summaries for source in order]
    html = (
        print_environment(root)
        .get_template("document.html")
        .render(
            lang=lang,
            dir=direction(lang),
            title=curriculum.text(document.title, lang),
            subtitle=curriculum.text(document.subtitle, lang),
            organisation=organisation,
            language_name=languages.names[lang],
            version=__version__,
            date=written_date(source_date(root).date(), strings["date-locale"], strings["date-first-day"]),
            ui=strings,
            parts=parts,
            stylesheet=(root / PRINT_TEMPLATES / "print.css").resolve().as_uri(),
            logo=_logo(site_dir, curriculum),
        )
    )
    # Where each chapter is on the published site: a handouts PDF holds a few pages of the
    # document, and its links to the other chapters point there instead.
    addresses = {f"c{i + 1}": published + page_url(source) for i, source in enumerate(sources)} if published else {}
    titles = {
        c.id: strings["handouts-title"].replace("{capsule}", curriculum.text(c.title, lang))
        for c in curriculum.capsules.values()
    }
    # The handouts a learner opens alone, each as a PDF of its own, titled as the pages name it.
    sheets = {
        m.id: curriculum.text(m.title, lang)
        for m in learner_sheets(list(curriculum.capsules.values()), curriculum.materials)
    }
    target = pdf_path(site_dir, languages, lang, document.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    print_files = [*print_templates(root), *WRITER_FILES]
    inputs = [
        "pdf",
        document.id,
        html,
        output_cache.files(print_files),
        assets,
        repr(sorted(titles.items())),
        repr(sorted(sheets.items())),
        repr(sorted(addresses.items())),
    ]
    facts, reused = output_cache.cached(
        root,
        inputs,
        target,
        lambda: _render(site_dir, root, languages, html, document, lang, target, titles, sheets, addresses),
    )
    titles = [part.title for part in parts if isinstance(part, PrintChapter)]
    return Built(target, facts["pages"], time.perf_counter() - started, titles, reused)


def _render(
    site_dir: Path,
    root: Path,
    languages: Languages,
    html: str,
    document: PrintDocument,
    lang: str,
    target: Path,
    titles: dict[str, str],
    sheets: dict[str, str],
    addresses: dict[str, str],
) -> dict:
    """Lay out the HTML with WeasyPrint (fetching only from the site and the print
    templates) and write the PDF, and the handouts PDFs if it holds the handouts page
    (`titles`: their titles by capsule; `sheets`: the titles of the handouts that are
    also written one by one, for learners; `addresses`: each chapter's published page, by
    anchor); the facts kept beside it in the cache."""
    from weasyprint import HTML  # heavy import: only when printing

    fetcher = restricted_fetcher([site_dir, root / PRINT_TEMPLATES])
    rendered = HTML(string=html, base_url=str(site_dir), url_fetcher=fetcher).render()
    if fetcher.refused:
        raise ProblemsFound(
            [
                problem(
                    pdf_path(Path("site"), languages, lang, document.id),
                    1,
                    "unsafe-markup",
                    f"the document asks for `{url}`, outside the site being built",
                )
                for url in sorted(fetcher.refused)
            ]
        )
    write_pdf(rendered, target, document.id)
    handouts = _write_handouts(rendered, target.parent, lang, titles, sheets, addresses)
    return {"pages": len(rendered.pages), "also": handouts}


def write_pdf(rendered, target: Path, identifier: str) -> None:
    """A laid-out document written as a tagged PDF (PDF/UA-1), as every PDF of the
    project is: each change of language marked in its structure tree (pdf_languages),
    its page references made once per page (pdf_references)."""
    with kept_page_references(), marked_languages():
        rendered.write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=identifier.encode("utf-8"))


def _write_handouts(
    rendered, folder: Path, lang: str, titles: dict[str, str], sheets: dict[str, str], addresses: dict[str, str]
) -> list[str]:
    """Each capsule's section of the handouts page (a chapter of the document, if it has
    it) as a PDF of its own, from the pages already laid out: the section's first page
    up to its trainer sheets, the next section or the next chapter. Then each handout of
    `sheets` alone, for a learner: its own pages (each handout starts a page), without
    the trainer's print list that opens the section. Links to the rest of the document
    point to the published site (`addresses`). Returns the file names written in `folder`."""
    first_pages: dict[str, int] = {}  # a page lists the anchors of every element on it
    for index, page in enumerate(rendered.pages):
        for anchor in page.anchors:
            first_pages.setdefault(anchor, index)
    starts = {m.group(1): i for a, i in first_pages.items() if (m := _HANDOUT_SET.fullmatch(a))}
    boundaries = {i for a, i in first_pages.items() if _HANDOUTS_END.fullmatch(a)} | set(starts.values())
    found = [(m.group(1), i, m.group(2)) for a, i in first_pages.items() if (m := _SHEET.fullmatch(a))]
    written: list[str] = []
    for capsule, first in starts.items():
        last = min((b for b in boundaries if b > first), default=len(rendered.pages))
        target = folder / posixpath.basename(handouts_pdf(capsule, lang))
        written.append(_write_part(rendered, range(first, last), titles.get(capsule, capsule), target, addresses))
        begins = sorted((i, material) for c, i, material in found if c == capsule and first <= i < last)
        for (start, material), end in zip(begins, [i for i, _ in begins[1:]] + [last], strict=True):
            name = posixpath.basename(handout_pdf(material, lang))
            if material in sheets and name not in written:  # a handout of two capsules: once
                written.append(_write_part(rendered, range(start, end), sheets[material], folder / name, addresses))
    return written


def _write_part(rendered, pages: range, title: str, target: Path, addresses: dict[str, str]) -> str:
    """Some pages of a laid-out document as a PDF of their own, titled `title`; returns
    its file name."""
    from weasyprint.document import DocumentMetadata

    chosen = rendered.pages[pages.start : pages.stop]
    held = {anchor for page in chosen for anchor in page.anchors}
    part = rendered.copy([_links_outside(page, held, addresses) for page in chosen])
    # Its subject: the document it is cut from (the whole document's subject lists its contents).
    whole = vars(rendered.metadata)
    part.metadata = DocumentMetadata(**{**whole, "title": title, "description": whole.get("title")})
    write_pdf(part, target, target.name)
    return target.name


def _links_outside(page, held: set[str], addresses: dict[str, str]):
    """A copy of a laid-out page whose links to anchors not `held` (elsewhere in the whole
    document: a session plan, the trainer's sheets) point to the same place on the
    published site. WeasyPrint drops a link to an anchor that the PDF being written does
    not hold, and leaves the text styled as a link with nothing to follow; and its box keeps
    the annotation made for the whole document, which the PDF/UA structure tree of the
    smaller PDF would then name (an object of another file). Without a published address
    (no site_url), such a link is dropped and its box forgets that annotation."""
    links = []
    for kind, target, rectangle, box in page.links:
        if kind == "internal" and target not in held:
            chapter, _, fragment = target.partition("-")
            address = addresses.get(chapter)
            if address is None:
                box.link_annotation = None
                continue
            kind, target = "external", address + (f"#{quote(fragment)}" if fragment else "")
        links.append((kind, target, rectangle, box))
    copied = copy.copy(page)  # the whole document's page stays as it was laid out
    copied.links = links
    return copied


def print_environment(root: Path, filters: dict | None = None) -> Environment:
    """Jinja for the print templates (a document, a form), which mark a text in another
    language than the document with the pages' own macros (SAID_PARTIAL)."""
    return template_environment([root / PRINT_TEMPLATES, root / OVERRIDES_DIR], filters)


def print_templates(root: Path) -> list[Path]:
    """The files the print templates are made of, for the output cache's keys."""
    return [*(root / PRINT_TEMPLATES).iterdir(), root / OVERRIDES_DIR / SAID_PARTIAL]


def outline(document: PrintDocument, nav: list) -> list[str | None]:
    """The pages of a document in order; None where the capsule summaries go."""
    order: list[str | None] = []
    for part in document.parts:
        if part.nav:
            order += [p for p in _nav_pages(nav, part.nav) if p not in part.exclude]
        elif part.page:
            order.append(part.page)
        elif part.capsule_summaries:
            order.append(None)
    return order


# Helpers ----------------------------------------------------------------------


def _nav_pages(nav: list, section: str) -> list[str]:
    pages = nav_section_pages(nav, section)
    if pages is None:  # portfolio check reports it first ([unknown-nav-section])
        raise ProblemsFound([problem(CURRICULUM_FILE, 1, "unknown-nav-section", f"no nav section `{section}`")])
    return pages


def _chapter(
    site_dir: Path, languages: Languages, lang: str, source: str, sources: list[str], index: int, published: str
) -> PrintChapter:
    """One built page as a chapter: its article, ids prefixed, links pointing inside the
    document, or to the published site for pages the document does not hold."""
    url = page_url(source)
    article, notices = built_article(site_dir / languages.folder(lang) / url / "index.html")
    for element in article.xpath(".//*[@rel]"):  # rel=attachment would embed the target in the PDF
        del element.attrib["rel"]
    anchor = f"c{index + 1}"
    targets = {page_url(s): f"c{i + 1}" for i, s in enumerate(sources)}
    for element in article.xpath(".//*[@id]"):
        element.set("id", f"{anchor}-{element.get('id')}")
    for link in article.xpath(".//a[@href]"):
        link.set("href", _rewrite(link.get("href"), url, targets, published))
    # A page not yet translated: in the default language, but for the notice that says so,
    # which is in the reader's (the chapter says the default language's).
    for notice in notices:
        notice.set("lang", lang)
        notice.set("dir", direction(lang))
    written_in = languages.default if notices else lang
    title = Said(article.xpath("string(.//h1)").strip(), written_in)
    body = "".join(lxml_html.tostring(child, encoding="unicode") for child in article)
    return PrintChapter(anchor, title, Markup(body), written_in, bool(notices))


# What a built page shows on screen only: never printed, nor put in a Word file.
SCREEN_ONLY = ".//a[@class='headerlink'] | .//script | .//button | .//*[@class='md-source-file']"


def built_article(page: Path, left_out: str = SCREEN_ONLY) -> tuple:
    """A built page's article without what `left_out` selects, and its notices that it is
    not yet translated (an empty list when it is): then it is in the default language."""
    tree = lxml_html.fromstring(page.read_bytes())
    article = tree.xpath("//article[contains(@class, 'md-content__inner')]")[0]
    for junk in article.xpath(left_out):
        junk.drop_tree()
    return article, article.xpath(".//*[contains(@class, 'portfolio-fallback')]")


def _rewrite(href: str, page_url: str, targets: dict[str, str], published: str) -> str:
    """Links to a page of the document become links to its chapter; links to other pages
    and files of the site point to the published site; https links stay as they are."""
    if href.startswith(("http:", "https:")):
        return href
    if SCHEME.match(href):  # mailto:, javascript:, file:... never become live in a PDF
        return ""
    target, fragment = urldefrag(urljoin("/" + page_url, href))
    path = posixpath.normpath(target.lstrip("/")) if target.strip("/") else ""
    target = "" if path in ("", ".") else (path if "." in posixpath.basename(path) else path + "/")
    if href.startswith("#"):
        target = page_url
    anchor = targets.get(target)
    if anchor is not None:
        return f"#{anchor}-{fragment}" if fragment else f"#{anchor}"
    if not published:
        return ""
    return published + target + (f"#{fragment}" if fragment else "")


def restricted_fetcher(folders: list[Path]):
    """WeasyPrint's URL fetcher, limited to files under `folders`: everything else (other
    files of the machine, remote URLs) is refused and remembered in `.refused`."""
    from weasyprint.urls import URLFetcher

    allowed = [folder.resolve() for folder in folders]

    class _Fetcher(URLFetcher):
        def __init__(self, **options):
            super().__init__(**options)
            self.refused: set[str] = set()

        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(folder) for folder in allowed):
                    return super().fetch(url, headers)
            elif url.startswith("data:"):
                return super().fetch(url, headers)
            self.refused.add(url)
            raise ValueError(f"{url} is outside the site being built")

    return _Fetcher(allowed_protocols=("file", "data"))


def _capsule_summaries(curriculum: Curriculum, lang: str, strings: dict[str, str]) -> dict:
    return {
        "summaries": [
            {
                "title": curriculum.text(c.title, lang),
                "summary": curriculum.text(c.summary, lang),
                "duration_text": duration_text(c, strings, lang),
                "mode": c.mode,
                "objectives": [curriculum.text(o, lang) for o in c.objectives],
            }
            for c in curriculum.capsules.values()
        ]
    }


def _logo(site_dir: Path, curriculum: Curriculum) -> str | None:
    """The organisation's logo (a path under docs/, from organisation.yml, copied into the
    built site) as a URL relative to the site, as the document's base URL is: the HTML,
    and so the output cache's key, must not hold the folder a build happens in."""
    org = curriculum.organisation
    path = (site_dir / org.logo).resolve() if org and org.logo else None
    inside = path is not None and path.is_relative_to(site_dir.resolve())
    return quote(path.relative_to(site_dir.resolve()).as_posix()) if inside and path.is_file() else None


def _size(site_dir: Path, languages: Languages, lang: str, order: list[str | None]) -> int:
    """The bytes of the built pages a document holds in one language: how long it takes."""
    pages = [site_dir / languages.folder(lang) / page_url(source) / "index.html" for source in order if source]
    return sum(page.stat().st_size for page in pages if page.is_file())


def load_nav(root: Path) -> list:
    """The page tree of mkdocs.yml, whose sections documents.yml names."""
    return load_config_file(root / CONFIG_FILE)["nav"]


def build_all(state: BuildState, site_dir: Path, report=print) -> list[Built]:
    """Every document in every built language, rendered in parallel; `report` hears of
    each as it is done."""
    return start_all(state, site_dir, report).wait()


def start_all(state: BuildState, site_dir: Path, report=print) -> parallel.Running:
    """Every document in every built language, started on the other cores; `wait()` on
    the result gives them (the build meanwhile makes the LMS files)."""
    nav = load_nav(state.root)
    documents = state.curriculum.printing.documents if state.curriculum.printing else []
    # The images and fonts the documents may show, from the site being built.
    shown = [p for p in site_dir.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]
    assets = output_cache.files(shown)
    jobs = [(site_dir, state, document, lang, nav, assets) for lang in state.languages.built for document in documents]
    # The longest first, so that no core waits alone for a long one at the end.
    jobs.sort(key=lambda job: -_size(site_dir, state.languages, job[3], outline(job[2], nav)))
    report(f"PDF: {len(jobs)} documents ...")
    return parallel.start(
        build_document,
        jobs,
        lambda done: report(
            f"PDF {done.path.name}: {done.pages} pages"
            + (", unchanged (from the cache)" if done.reused else f" in {done.seconds:.1f} s")
        ),
    )
