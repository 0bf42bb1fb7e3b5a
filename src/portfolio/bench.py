"""`portfolio bench`: what a build costs, stage by stage, how it grows, and what a page weighs.

Every stage runs in its own process so that its wall time and peak memory are its
own (os.wait4). Results are printed and written to bench/results.md. Nothing here
asserts a time: the figures are for people to read.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from portfolio.output_cache import SWITCH as CACHE_SWITCH
from portfolio.project import CONFIG_FILE, copy_sources, read_languages
from portfolio.reproducible import source_epoch

RESULTS = Path("bench/results.md")
FRESH = {CACHE_SWITCH: "off"}  # nothing from an earlier build: no stored PDF, no stored page
TARGETS = Path("bench/targets.yml")
PLAIN = "plain mkdocs-material, same Markdown"
# The capsules, quizzes, session plans and forms are written by macros from curriculum/:
# their source pages hold a few lines each, the Markdown converted holds the content.
PLAIN_EXPANDED = "plain mkdocs-material, the pages' Markdown once macros have written it"


@dataclass
class Measure:
    label: str
    seconds: float
    peak_mb: float
    note: str = ""


def run(root: Path) -> str:
    root = root.resolve()
    languages = read_languages(root / CONFIG_FILE)
    measures: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="bench.") as tmp:
        work = Path(tmp)
        site = work / "site"
        measures.append(_run("validation (portfolio check)", ["-m", "portfolio", "check"], root))
        plain = _plain_project(root, work / "plain")
        expanded = _expanded_project(root, work / "expanded")
        # Every page converted (no page from an earlier build), as plain Material does; the
        # builds in turns, so that each is timed in the same phases of the machine.
        ours, theirs, theirs_expanded = _in_turns(
            ("site, every language (no PDF)", _build(site, pdfs=False), root, FRESH),
            (PLAIN, ["-m", "mkdocs", "build", "-q", "-d", str(work / "plain-site")], plain, None),
            (PLAIN_EXPANDED, ["-m", "mkdocs", "build", "-q", "-d", str(work / "expanded-site")], expanded, None),
            repeat=3,
        )
        measures.append(ours)
        pages = sum(1 for _ in site.rglob("index.html"))
        measures[-1].note = f"{pages} pages, {measures[-1].seconds / pages * 1000:.1f} ms/page; {measures[-1].note}"
        measures.append(_run("search split", ["-m", "portfolio.bench", "split", str(site)], root))
        for lang in languages.built:
            for document in _documents(root):
                args = ["-m", "portfolio.bench", "pdf", str(site), lang, document]
                # Rendered, never taken from the output cache (an earlier run may have filled it).
                measures.append(_run(f"PDF {document} ({lang})", args, root, FRESH))
        measures.append(
            _run("LMS exports (SCORM, GIFT, Moodle XML)", ["-m", "portfolio", "export", "--site-dir", str(site)], root)
        )
        measures += [theirs, theirs_expanded]
        measures.extend(_rebuilds(root, work))
        scaling = _scaling(root, work)
        languages_rows = _language_scaling(root, work)
        weight = _page_weight(site, languages)
    report = _report(measures, scaling, weight, languages_rows)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return report


# Stages -----------------------------------------------------------------------


def _in_turns(*stages: tuple, repeat: int) -> list[Measure]:
    """Stages run one after the other, `repeat` times over; for each, the fastest run (the
    machine's own noise is then mostly left out of a comparison such as site against plain
    Material: both are timed in the same phases of the machine)."""
    runs = [[_run(*stage) for stage in stages] for _ in range(repeat)]
    best = []
    for column in zip(*runs, strict=True):
        fastest = min(column, key=lambda m: m.seconds)
        if repeat > 1:
            fastest.note = f"fastest of {repeat} runs in turns ({', '.join(f'{m.seconds:.1f}' for m in column)} s)"
        best.append(fastest)
    return best


def _run(label: str, args: list[str], cwd: Path, extra: dict | None = None) -> Measure:
    """One stage in its own process: its wall time and peak memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{label} failed: {process.stderr.read().decode()[-2000:]}")
    return Measure(label, seconds, usage.ru_maxrss / 1024)


def _build(site: Path, pdfs: bool) -> list[str]:
    return [
        "-m",
        "portfolio",
        "build",
        "--site-dir",
        str(site),
        "--no-offline",
        "--force",  # a repeated run builds again instead of answering "nothing changed"
        *([] if pdfs else ["--no-pdf", "--no-export"]),
    ]


def _whole(work: Path) -> list[str]:
    return ["-m", "portfolio", "build", "--site-dir", str(work / "whole"), "--dist-dir", str(work / "dist")]


def _rebuilds(root: Path, work: Path) -> list[Measure]:
    """`make site` as an author meets it, in a copy with an empty output cache: from
    clean, again with nothing changed, then after editing one English page."""
    project = work / "author"
    copy_sources(root, project)
    date = {"SOURCE_DATE_EPOCH": str(source_epoch(root))}  # the copy is not a git clone
    whole = _whole(work)
    measures = [_run("make site from clean (site, PDFs, forms, LMS, offline zip)", whole, project, date)]
    measures.append(_run("make site, nothing changed", whole, project, date))
    page = project / "docs/en/handbook/buddy-system/07-peer-sessions.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence, for the benchmark.\n", encoding="utf-8")
    measures.append(_run("make site after editing one English page", whole, project, date))
    measures[-1].note = (
        "the portfolio PDF is rendered again in each language (the page's translations now say they are older);"
        " the other PDFs, the forms and the LMS files come from the output cache; of the site's pages, only the"
        " edited page, its translations and the translation-status pages are converted and laid out again"
    )
    seconds = work / "preview-seconds"
    preview = _run(
        "make serve LANG=fr: rebuild after editing a French page",
        ["-m", "portfolio.bench", "preview", str(project), str(seconds)],
        project,
        date,
    )
    french, english = (float(n) for n in seconds.read_text().split())
    preview.note = (
        f"rebuild {french:.2f} s in the warm process, the other pages reused (whole process {preview.seconds:.1f} s);"
        f" after editing an English page (its translation and the translation status converted again): {english:.2f} s"
    )
    preview.seconds = french
    measures.append(preview)
    # The site stage alone as `make site` meets it after a save: the other pages from the last build.
    site_only = _build(work / "author-site", pdfs=False)
    _run("site stage, pages stored", site_only, project, date)
    other = project / "docs/en/handbook/peer-helper-role.md"  # its translations are up to date until now
    other.write_text(other.read_text(encoding="utf-8") + "\nOne more sentence, for the benchmark.\n", encoding="utf-8")
    reused = _run("site, every language (no PDF), after editing one English page", site_only, project, date)
    reused.note = (
        "converted and laid out again: that page, its French and Arabic translations (now older than it) and the"
        " translation-status pages; the others come from the last build (page_store.py). In the site stage above,"
        " every page is converted"
    )
    measures.append(reused)
    return measures


def _documents(root: Path) -> list[str]:
    text = (root / "curriculum/documents.yml").read_text(encoding="utf-8")
    return re.findall(r"^  - id: (\S+)", text, re.M)


def _plain_project(root: Path, target: Path) -> Path:
    """The same Markdown under plain Material and static-i18n: no hooks, macros, overrides."""
    copy_sources(root, target)
    config = (target / CONFIG_FILE).read_text(encoding="utf-8")
    config = re.sub(r"\n  custom_dir: overrides", "", config)
    config = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", config)
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = config.replace("strict: true", "strict: false")
    (target / CONFIG_FILE).write_text(config, encoding="utf-8")
    return target


def _expanded_project(root: Path, target: Path) -> Path:
    """The plain project with each page's Markdown as this build converts it (macros and
    layouts applied): the same content, for plain Material to convert and lay out."""
    _plain_project(root, target)
    _run("expand the pages", ["-m", "portfolio.bench", "expand", str(target / "docs")], root, FRESH)
    return target


# Scaling ----------------------------------------------------------------------


def _grown(
    root: Path, work: Path, label: str, sizes: tuple[int, ...], grow, rounds: int = 1
) -> list[tuple[int, int, float]]:
    """The site stage of copies of the project, each grown by `grow(project, size)`: rows of
    size, pages and seconds (the fastest of `rounds` rounds over every size)."""
    stages = []
    for size in sizes:
        project = work / f"{label}{size}"
        copy_sources(root, project)
        grow(project, size)
        site = work / f"{label}{size}-site"
        stages.append((f"{label} {size}", _build(site, pdfs=False), project, FRESH))
    measures = _in_turns(*stages, repeat=rounds)
    rows = []
    for size, measure in zip(sizes, measures, strict=True):
        site = work / f"{label}{size}-site"
        rows.append((size, sum(1 for _ in site.rglob("index.html")), measure.seconds))
        shutil.rmtree(site)
    return rows


def _scaling(root: Path, work: Path) -> list[tuple[int, int, float]]:
    # The rows are compared with each other: each the fastest of two rounds (one slow 1x
    # run alone made 16 times the content look cheaper than it is).
    return _grown(root, work, "x", (1, 4, 16), multiply, rounds=2)


def multiply(project: Path, factor: int) -> None:
    """Add factor - 1 copies of the handbook and of every capsule, with fresh ids."""
    capsules = sorted(p.stem for p in (project / "curriculum/capsules").glob("*.yml"))
    nav, tracks = [], []
    for k in range(2, factor + 1):
        _copy_pages(project, capsules, k)
        _copy_curriculum(project, capsules, k)
        handbook = sorted(
            p.relative_to(project / "docs/en").as_posix() for p in (project / f"docs/en/handbook-{k}").rglob("*.md")
        )
        # Copies sit in one top-level section, as a growing handbook would: pruned from other pages' nav.
        nav.append(f"      - Handbook {k}:\n" + "".join(f"          - {p}\n" for p in handbook))
        nav.append(
            f"      - Capsules {k}:\n" + "".join(f"          - training/capsules/{c}-{k}.md\n" for c in capsules)
        )
        tracks.append(_TRACK.format(k=k) + "".join(f"      - {c}-{k}\n" for c in capsules))
    if nav:
        nav.insert(0, "  - Copies:\n")
    with open(project / CONFIG_FILE, "a", encoding="utf-8") as config:
        config.write("".join(nav))
    with open(project / "curriculum/course.yml", "a", encoding="utf-8") as course:
        course.write("".join(tracks))


def _copy_pages(project: Path, capsules: list[str], k: int) -> None:
    for folder in (project / "docs").iterdir():
        if (folder / "handbook").is_dir():
            shutil.copytree(folder / "handbook", folder / f"handbook-{k}")
        for capsule in capsules:
            page = folder / "training/capsules" / f"{capsule}.md"
            if page.is_file():
                text = page.read_text(encoding="utf-8").replace(f'"{capsule}"', f'"{capsule}-{k}"')
                text = text.replace(f"capsule: {capsule}\n", f"capsule: {capsule}-{k}\n")
                (page.parent / f"{capsule}-{k}.md").write_text(text, encoding="utf-8")


def _copy_curriculum(project: Path, capsules: list[str], k: int) -> None:
    for capsule in capsules:
        for kind in ("capsules", "quizzes"):
            source = project / "curriculum" / kind / f"{capsule}.yml"
            text = source.read_text(encoding="utf-8")
            text = re.sub(rf"^(id|quiz): {re.escape(capsule)}$", rf"\1: {capsule}-{k}", text, flags=re.M)
            text = text.replace("handbook/", f"handbook-{k}/")
            (source.parent / f"{capsule}-{k}.yml").write_text(text, encoding="utf-8")


_TRACK = """  - id: copy-{k}
    audience: volunteer
    title:
      en: Copy {k}
    description:
      en: Copy {k}
    capsules:
"""


# Page weight ------------------------------------------------------------------


def _page_weight(site: Path, languages) -> dict:
    """Bytes of a first visit to a capsule page: the HTML and what it loads; apart, what
    the first search adds: the search worker and the index (search-on-demand.js holds
    both until the reader turns to search)."""
    page = site / "training/capsules/initial-self-assessment/index.html"
    html = page.read_text(encoding="utf-8")
    assets = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+\.(?:css|svg))"', html)
    config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)
    search = json.loads(config.group(1)).get("search") if config else None
    files = [page] + [(page.parent / (a or b)).resolve() for a, b in assets]
    worker = (page.parent / search).resolve() if search else None
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    indexes = {}
    for lang in languages.built:
        index = site / languages.folder(lang) / "search/search_index.json"
        indexes[lang] = (index.stat().st_size, len(gzip.compress(index.read_bytes(), 9)))
    worker_zipped = len(gzip.compress(worker.read_bytes(), 9)) if worker else 0
    return {"files": len(files), "raw": raw, "gzip": zipped, "worker": worker_zipped, "indexes": indexes}


# Report -----------------------------------------------------------------------


# Languages added by copying English pages: codes CLDR and lunr know, names as data.
EXTRA_LANGUAGES = {
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
    "ro": "Română",
    "tr": "Türkçe",
    "ru": "Русский",
    "fi": "Suomi",
}


def _language_scaling(root: Path, work: Path) -> list[tuple[int, int, float]]:
    """The site stage with 3, 6 and 12 languages (extra ones copied from English)."""
    return _grown(
        root,
        work,
        "lang",
        (3, 6, 12),
        lambda project, n: add_languages(project, list(EXTRA_LANGUAGES)[: n - 3]),
        rounds=2,  # the rows are compared with each other: each the fastest of two rounds
    )


def add_languages(project: Path, codes: list[str]) -> None:
    """Declare languages in mkdocs.yml and the organisation file; their pages are copies of
    the English ones (as a translation team starts)."""
    config = (project / CONFIG_FILE).read_text(encoding="utf-8")
    entries = "".join(
        f"        - locale: {c}\n          name: {EXTRA_LANGUAGES[c]}\n          build: true\n" for c in codes
    )
    config = config.replace("\n# Hooks", "\n" + entries.rstrip("\n") + "\n\n# Hooks", 1) if codes else config
    (project / CONFIG_FILE).write_text(config, encoding="utf-8")
    org = project / "curriculum/organisation.yml"
    text = org.read_text(encoding="utf-8")
    org.write_text(
        re.sub(
            r"^languages: \[(.*)\]",
            lambda m: f"languages: [{m.group(1)}, {', '.join(codes)}]" if codes else m.group(0),
            text,
            count=1,
            flags=re.M,
        ),
        encoding="utf-8",
    )
    for code in codes:
        shutil.copytree(project / "docs/en", project / "docs" / code)


def _figures(measures: list[Measure], scaling: list, weight: dict, languages_rows: list) -> dict[str, float]:
    """The figures bench/targets.yml names, from this run."""
    stage = {m.label: m.seconds for m in measures}
    site = next(m for m in measures if m.label.startswith("site"))
    (first_n, _, first_s), (last_n, _, last_s) = languages_rows[0], languages_rows[-1]
    return {
        "nothing-changed": stage["make site, nothing changed"],
        "one-page-edit": stage["make site after editing one English page"],
        "from-clean": next(s for label, s in stage.items() if label.startswith("make site from clean")),
        "site-ratio": site.seconds / stage[PLAIN_EXPANDED],
        "preview": next(s for label, s in stage.items() if label.startswith("make serve")),
        "content-16x": scaling[-1][2] / scaling[0][2],
        "language-growth": (last_s / last_n) / (first_s / first_n),
        "first-visit-with-index": (weight["gzip"] + weight["worker"] + weight["indexes"]["en"][1]) / 1024,
    }


def _targets(figures: dict[str, float]) -> list[str]:
    """The table of targets: each one's value before the issue, now, and met or not."""
    from portfolio import yamlfile

    targets, _ = yamlfile.load(TARGETS)
    rows = []
    for t in targets or []:
        value, limit, unit = figures[t["measure"]], float(t["at_most"]), t["unit"]
        now = f"{value:.2f}{unit}" if unit == "×" else f"{value:.{0 if unit == 'KB' else 2}f} {unit}"
        bound = f"≤ {t['at_most']}{unit}" if unit == "×" else f"≤ {t['at_most']} {unit}"
        rows.append(f"| {t['target']} | {bound} | {t['before']} | {now} | {'met' if value <= limit else 'not met'} |")
    return ["| target | asked | before | now | met |", "| --- | --- | --- | ---: | --- |", *rows]


def _report(measures: list[Measure], scaling: list[tuple[int, int, float]], weight: dict, languages_rows: list) -> str:
    site = next(m for m in measures if m.label.startswith("site"))
    plain = {m.label: m.seconds for m in measures if m.label in (PLAIN, PLAIN_EXPANDED)}
    lines = [
        "# Benchmark",
        "",
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, Python {sys.version.split()[0]}.",
        "Each stage ran in its own process; peak memory is that process's maximum resident set.",
        "",
        "## Targets",
        "",
        f"From {TARGETS} (what the performance issue asks, and what was measured before it).",
        "",
        *_targets(_figures(measures, scaling, weight, languages_rows)),
        "",
        "## Stages",
        "",
        "| stage | wall time (s) | peak memory (MB) | note |",
        "| --- | ---: | ---: | --- |",
        *[f"| {m.label} | {m.seconds:.2f} | {m.peak_mb:.0f} | {m.note} |" for m in measures],
        "",
        f"Site stage against plain mkdocs-material on the pages' Markdown once macros have written it: "
        f"**{site.seconds / plain[PLAIN_EXPANDED]:.2f}x**; on the source pages as they are (where a capsule, a quiz"
        f" or a session plan is one line calling a macro): {site.seconds / plain[PLAIN]:.2f}x.",
        "",
        "## Scaling (content multiplied, site stage)",
        "",
        "| content | pages | wall time (s) | ms per page | time against 1x |",
        "| ---: | ---: | ---: | ---: | ---: |",
        *[f"| {f}x | {p} | {s:.2f} | {s / p * 1000:.1f} | {s / scaling[0][2]:.2f}x |" for f, p, s in scaling],
        "",
        "## Scaling (languages, site stage; extra languages copied from English)",
        "",
        "| languages | pages | wall time (s) | seconds per language |",
        "| ---: | ---: | ---: | ---: |",
        *[f"| {n} | {p} | {s:.2f} | {s / n:.2f} |" for n, p, s in languages_rows],
        "",
        "## Page weight",
        "",
        f"First visit to a capsule page: {weight['files']} files, {weight['raw'] / 1024:.0f} KB raw, "
        f"**{weight['gzip'] / 1024:.0f} KB compressed** (gzip -9). The search worker and index are "
        "not part of it: they are fetched when the reader first opens search (search-on-demand.js), "
        f"which adds {weight['worker'] / 1024:.0f} KB and {weight['indexes']['en'][1] / 1024:.0f} KB in English "
        f"(**{(weight['gzip'] + weight['worker'] + weight['indexes']['en'][1]) / 1024:.0f} KB** with them).",
        "",
        "| language | search index raw (KB) | compressed (KB) |",
        "| --- | ---: | ---: |",
        *[f"| {lang} | {r / 1024:.0f} | {z / 1024:.0f} |" for lang, (r, z) in weight["indexes"].items()],
        "",
    ]
    return "\n".join(lines)


# Single stages, run as their own process ---------------------------------------


def _split(site: Path) -> None:
    """Take each language's entries (as its build made them) from the per-language
    indexes, then split them again."""
    from portfolio.search_index import INDEX, split_search_index

    root = Path.cwd()
    languages = read_languages(root / CONFIG_FILE)
    built = {}
    for lang in languages.built:
        folder = languages.folder(lang)
        docs = json.loads((site / folder / INDEX).read_text(encoding="utf-8"))["docs"]
        built[lang] = [{**d, "location": folder + d["location"]} for d in docs]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "search").mkdir()
        shutil.copy(site / INDEX, Path(tmp) / INDEX)  # the search configuration
        split_search_index(Path(tmp), languages, built)


def _pdf(site: Path, lang: str, document_id: str) -> None:
    from portfolio.build_state import load_sources
    from portfolio.pdf import build_document, load_nav

    state = load_sources(Path.cwd())
    document = next(d for d in state.curriculum.printing.documents if d.id == document_id)
    build_document(site, state, document, lang, load_nav(state.root))


def _expand(docs: Path) -> None:
    """Build the pages of the project in the working folder, writing each page's Markdown
    as it is converted (after every page_markdown event) over its source under `docs`."""
    import mkdocs.commands.build as mkdocs_build
    import yaml

    from portfolio.sitebuild import build_site

    root = Path.cwd()
    sources = (root / "docs").resolve()
    populate = mkdocs_build._populate_page

    def written(page, config, files, dirty=False) -> None:
        populate(page, config, files, dirty)
        source = Path(page.file.abs_src_path or "/").resolve()
        if source.is_relative_to(sources) and page.markdown is not None:
            front = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
            (docs / source.relative_to(sources)).write_text(front + page.markdown, encoding="utf-8")

    mkdocs_build._populate_page = written
    with tempfile.TemporaryDirectory() as site:
        build_site(root, Path(site) / "site", pdfs=False, exports=False, report=lambda message: None)


def _preview(project: Path, result: Path) -> None:
    """What `make serve LANG=fr` does after a save: the French preview (with English for
    fallbacks) built again in a warm process, as the server does, with its page cache;
    the seconds of the rebuild after saving a French page, then an English one, are
    written to `result`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from portfolio.project import PREVIEW, PREVIEW_LANGUAGE

    os.environ[PREVIEW_LANGUAGE] = "fr"
    os.environ[PREVIEW] = "1"  # as `make serve` sets it
    with tempfile.TemporaryDirectory() as site:

        def rebuild() -> None:
            build(load_config(str(project / CONFIG_FILE), site_dir=site))

        rebuild()  # the server's first build: Python, the theme and the plugins load
        seconds = []
        for lang, sentence in (("fr", "Une phrase de plus."), ("en", "One more sentence.")):
            page = project / f"docs/{lang}/handbook/buddy-system/07-peer-sessions.md"
            page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
            started = time.perf_counter()
            rebuild()
            seconds.append(f"{time.perf_counter() - started:.3f}")
        result.write_text(" ".join(seconds), encoding="utf-8")


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {
        "split": lambda: _split(Path(rest[0])),
        "expand": lambda: _expand(Path(rest[0])),
        "pdf": lambda: _pdf(Path(rest[0]), rest[1], rest[2]),
        "preview": lambda: _preview(Path(rest[0]), Path(rest[1])),
    }[command]()
