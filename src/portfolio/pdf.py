"""The printable documents (portfolio, trainer's pack): one PDF each per language.

print-site is not language-aware and Material's CSS does not render in WeasyPrint,
so the documents are assembled here: the built pages of one language are read in
the order of `curriculum/documents.yml`, each page's <article> is taken, its ids are
prefixed and its links rewritten to point inside the document, and the whole is
rendered from `templates/print/document.html` with `templates/print/print.css`.
"""

from __future__ import annotations

import posixpath
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from jinja2 import Environment, FileSystemLoader
from lxml import html as lxml_html
from markupsafe import Markup
from mkdocs.utils.yaml import yaml_load

from portfolio import __version__
from portfolio.interface import strings_for
from portfolio.models import Curriculum, PrintDocument
from portfolio.project import CONFIG_FILE, Languages, direction
from portfolio.site import BuildState

PRINT_TEMPLATES = "templates/print"
PDF_FOLDER = "pdf"


@dataclass
class Chapter:
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


def pdf_path(site_dir: Path, languages: Languages, lang: str, document_id: str) -> Path:
    """Where a document's PDF lands in the site: `<language folder>/pdf/<id>-<lang>.pdf`."""
    return site_dir / languages.folder(lang) / PDF_FOLDER / f"{document_id}-{lang}.pdf"


def build_document(site_dir: Path, state: BuildState, document: PrintDocument, lang: str, nav: list) -> Built:
    """Assemble one document in one language and write its PDF."""
    from weasyprint import HTML  # heavy import: only when printing

    root, curriculum, languages = state.root, state.curriculum, state.languages
    organisation = curriculum.text(curriculum.organisation.name, lang) if curriculum.organisation else ""
    strings = strings_for(state.interface, lang, languages.default)
    started = time.perf_counter()
    order = outline(document, nav)
    sources = [source for source in order if source is not None]
    chapters = iter(_chapter(site_dir, languages, lang, source, sources, i) for i, source in enumerate(sources))
    parts = [next(chapters) if source is not None else _capsule_summaries(curriculum, lang) for source in order]
    env = Environment(loader=FileSystemLoader(root / PRINT_TEMPLATES), autoescape=True)
    html = env.get_template("document.html").render(
        lang=lang,
        dir=direction(lang),
        title=curriculum.text(document.title, lang),
        subtitle=curriculum.text(document.subtitle, lang),
        organisation=organisation,
        language_name=languages.names[lang],
        version=__version__,
        date=_build_date(),
        ui=strings,
        parts=parts,
        stylesheet=(root / PRINT_TEMPLATES / "print.css").resolve().as_uri(),
        logo=_logo(root, curriculum),
    )
    target = pdf_path(site_dir, languages, lang, document.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    rendered = HTML(string=html, base_url=str(site_dir)).render()
    rendered.write_pdf(target, pdf_variant="pdf/ua-1")
    titles = [part.title for part in parts if isinstance(part, Chapter)]
    return Built(target, len(rendered.pages), time.perf_counter() - started, titles)


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
    for item in nav:
        if isinstance(item, dict) and section in item:
            return list(_flatten(item[section]))
    raise KeyError(f"no nav section named {section!r} in mkdocs.yml")


def _flatten(items) -> list[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from _flatten(value) if isinstance(value, list) else [value]


def _chapter(site_dir: Path, languages: Languages, lang: str, source: str, sources: list[str], index: int) -> Chapter:
    """One built page as a chapter: its article, ids prefixed, links pointing inside the document."""
    url = _url(source)
    page = site_dir / languages.folder(lang) / url / "index.html"
    tree = lxml_html.fromstring(page.read_bytes())
    article = tree.xpath("//article[contains(@class, 'md-content__inner')]")[0]
    for junk in article.xpath(".//a[@class='headerlink'] | .//script | .//button | .//*[@class='md-source-file']"):
        junk.drop_tree()
    anchor = f"c{index + 1}"
    targets = {_url(s): f"c{i + 1}" for i, s in enumerate(sources)}
    for element in article.xpath(".//*[@id]"):
        element.set("id", f"{anchor}-{element.get('id')}")
    for link in article.xpath(".//a[@href]"):
        link.set("href", _rewrite(link.get("href"), url, targets))
    fallback = bool(article.xpath(".//*[contains(@class, 'portfolio-fallback')]"))
    title = article.xpath("string(.//h1)").strip()
    body = "".join(lxml_html.tostring(child, encoding="unicode") for child in article)
    return Chapter(anchor, title, Markup(body), languages.default if fallback else lang, fallback)


def _url(source: str) -> str:
    """The directory URL of a page, e.g. handbook/glossary.md -> handbook/glossary/."""
    stem = source.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") + "/")


def _rewrite(href: str, page_url: str, targets: dict[str, str]) -> str:
    """Links to a page of the document become links to its chapter; others stay as they are."""
    if href.startswith(("http:", "https:", "mailto:")):
        return href
    target, fragment = urldefrag(urljoin("/" + page_url, href))
    target = posixpath.normpath(target.lstrip("/")) + "/" if target.strip("/") else ""
    target = "" if target == "./" else target
    if href.startswith("#"):
        target = page_url
    anchor = targets.get(target)
    if anchor is None:
        return href
    return f"#{anchor}-{fragment}" if fragment else f"#{anchor}"


def _capsule_summaries(curriculum: Curriculum, lang: str) -> dict:
    return {
        "summaries": [
            {
                "title": curriculum.text(c.title, lang),
                "summary": curriculum.text(c.summary, lang),
                "duration": c.duration,
                "mode": c.mode,
                "objectives": [curriculum.text(o, lang) for o in c.objectives],
            }
            for c in curriculum.capsules.values()
        ]
    }


def _logo(root: Path, curriculum: Curriculum) -> str | None:
    """The organisation's logo (a path under docs/, from organisation.yml) as a file URI."""
    org = curriculum.organisation
    path = (root / "docs" / org.logo).resolve() if org and org.logo else None
    return path.as_uri() if path and path.is_file() else None


def _build_date() -> str:
    return datetime.now(UTC).date().isoformat()


def load_nav(root: Path) -> list:
    """The page tree of mkdocs.yml, whose sections documents.yml names."""
    with open(root / CONFIG_FILE, encoding="utf-8") as stream:
        return yaml_load(stream)["nav"]


def build_all(site_dir: Path, state: BuildState, report=print) -> list[Built]:
    """Every document in every built language; `report` hears of each as it goes."""
    nav = load_nav(state.root)
    documents = state.curriculum.printing.documents if state.curriculum.printing else []
    built = []
    for lang in state.languages.built:
        for document in documents:
            report(f"PDF {lang}: {document.id} ...")
            result = build_document(site_dir, state, document, lang, nav)
            report(f"PDF {lang}: {document.id}: {result.pages} pages in {result.seconds:.1f} s")
            built.append(result)
    return built
