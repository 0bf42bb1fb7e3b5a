"""What the build publishes can be trusted: PDFs link to the published site and embed
nothing of the build machine, `site/` and the offline zip change together or not at all,
a web server can read them, and two builds of the same sources are the same bytes."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, copy_project
from portfolio import sitebuild
from portfolio.cli import main
from portfolio.locations import OFFLINE_ZIP
from portfolio.sitebuild import build_site

SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text())["site_url"].rstrip("/")
FOLDERS = {"en": "", "fr": "fr/", "ar": "ar/"}


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# PDFs ----------------------------------------------------------------------------------


def test_every_pdf_link_points_inside_the_pdf_or_to_the_published_site(built_site):
    pdfs = sorted(built_site.rglob("pdf/*.pdf"))
    handouts = [p for p in pdfs if p.name.startswith("handouts-")]
    singles = [p for p in pdfs if p.name.startswith("handout-")]  # one self-study handout each
    documents = len(pdfs) - len(handouts) - len(singles)
    assert documents == 6 and len(handouts) >= 14 * 3 and singles  # documents, handouts per capsule, single ones
    for path in pdfs:
        lang = path.stem.rsplit("-", 1)[1]
        with pikepdf.open(path) as pdf:
            assert len(pdf.attachments) == 0, path.name
            uris = [
                str(annot.A.URI)
                for page in pdf.pages
                for annot in page.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A
            ]
        # Capsule links leave the portfolio, session plans link to pages; a handout may link nowhere.
        assert uris or path in handouts or path in singles, path.name
        for uri in uris:
            if uri.startswith(SITE_URL):
                assert uri.startswith(f"{SITE_URL}/{FOLDERS[lang]}"), (path.name, uri)
                target = uri.removeprefix(f"{SITE_URL}/").split("#")[0]
                assert (built_site / target).exists() or (built_site / target / "index.html").exists(), uri
            else:
                assert uri.startswith("https://"), (path.name, uri)


def test_a_page_cannot_embed_a_file_of_the_build_machine(tmp_path, monkeypatch):
    """Even past the checks (here, called directly), the PDF renderer reads only the site."""
    from portfolio.pdf import restricted_fetcher

    fetcher = restricted_fetcher([tmp_path])
    (tmp_path / "inside.css").write_text("p {}")
    assert fetcher((tmp_path / "inside.css").as_uri())
    for url in ("file:///etc/hostname", "file:///proc/self/environ", "https://example.org/x.png"):
        with pytest.raises(ValueError):
            fetcher(url)
    assert fetcher.refused == {"file:///etc/hostname", "file:///proc/self/environ", "https://example.org/x.png"}


# Publishing ---------------------------------------------------------------------------


def test_the_site_has_ordinary_permissions(built_site):
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(built_site.stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((built_site / "index.html").stat().st_mode) == 0o666 & ~umask


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A project copy built once (no PDFs, no LMS files) with its offline zip; each test
    that uses it leaves it as it found it."""
    tmp_path = tmp_path_factory.mktemp("published")
    project = copy_project(tmp_path / "project")
    site, zip_path = tmp_path / "out/site", tmp_path / "out/dist" / OFFLINE_ZIP
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        build_site(project, site, pdfs=False, exports=False, report=lambda m: None, offline_zip=zip_path)
    return project, site, zip_path


def test_a_failure_in_the_last_stage_leaves_site_and_zip_as_they_were(published, monkeypatch, capsys):
    project, site, zip_path = published
    monkeypatch.chdir(project)
    before, zip_before = _tree(site), zip_path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sitebuild, "_offline_zip", fail)
    options = ["build", "--no-pdf", "--no-export", "--site-dir", str(site), "--dist-dir", str(zip_path.parent)]
    assert main(options) == 1
    err = capsys.readouterr().err
    assert "the previous site and offline copy are unchanged" in err and "No space left on device" in err
    assert _tree(site) == before and zip_path.read_bytes() == zip_before
    assert sorted(p.name for p in site.parent.iterdir()) == ["dist", "site"]
    assert sorted(p.name for p in zip_path.parent.iterdir()) == [OFFLINE_ZIP]


def test_a_killed_build_changes_nothing_and_the_next_one_cleans_up(published, monkeypatch):
    project, site, zip_path = published
    monkeypatch.chdir(project)
    before, zip_before = _tree(site), zip_path.read_bytes()
    command = [sys.executable, "-m", "portfolio", "build", "--no-pdf", "--no-export"]
    command += ["--site-dir", str(site), "--dist-dir", str(zip_path.parent)]
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(site.parent.glob("site.partial-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # well inside the MkDocs stage
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert list(site.parent.glob("site.partial-*")), "the build was killed before it started"
    assert _tree(site) == before and zip_path.read_bytes() == zip_before
    build_site(project, site, pdfs=False, exports=False, report=lambda m: None, offline_zip=zip_path)
    assert sorted(p.name for p in site.parent.iterdir()) == ["dist", "site"]
    assert sorted(p.name for p in zip_path.parent.iterdir()) == [OFFLINE_ZIP]


# Reproducible ---------------------------------------------------------------------------


def test_two_builds_of_the_same_sources_are_the_same_bytes(tmp_path):
    """Two builds, each in its own process: PDFs, SCORM packages, question banks and the
    offline zip are identical (dates come from the last commit, not the clock)."""
    project = copy_project(tmp_path / "project")
    org = project / "curriculum/organisation.yml"
    org.write_text(org.read_text().replace("languages: [en, fr, ar]", "languages: [en, ar]"))
    # One short document that still holds the handouts page (so that the handouts PDFs cut
    # from it are compared too), for speed.
    documents = project / "curriculum/documents.yml"
    text = documents.read_text()
    pack = text[text.index("  - id: trainers-pack") :]
    documents.write_text(
        "documents:\n" + pack[: pack.index("    parts:")] + "    parts:\n      - page: trainers/handouts.md\n"
    )
    # Two builds at once, each in its own process (one per core); each renders everything:
    # the output cache would hand the second one the first's files.
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764000000", "PORTFOLIO_OUTPUT_CACHE": "off"}
    runs = {}
    for name in ("a", "b"):
        out = tmp_path / name
        command = [sys.executable, "-m", "portfolio", "build", "--site-dir", str(out / "site")]
        command += ["--dist-dir", str(out / "dist"), "--force"]
        log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 (closed once the build ends)
        runs[name] = (subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT), log)
    builds = []
    for name, (run, log) in runs.items():
        run.wait()
        log.close()
        assert run.returncode == 0, (tmp_path / f"{name}.log").read_text()[-2000:]
        outputs = {p: h for p, h in _tree(tmp_path / name).items() if p.endswith((".pdf", ".zip", ".gift", ".xml"))}
        builds.append(outputs)
    assert any(p.endswith(".pdf") for p in builds[0]) and any(p.endswith(OFFLINE_ZIP) for p in builds[0])
    assert builds[0] == builds[1]


# Content ------------------------------------------------------------------------------


def test_a_script_the_line_checks_cannot_see_stops_the_build(tmp_path, monkeypatch, capsys):
    """Template code can write `<` as a Jinja escape, past the checks of each line: the
    build reads the page's HTML, says which page, and publishes nothing."""
    from portfolio.cli import main

    root = copy_project(tmp_path / "p")
    for lang in ("en", "fr"):
        page = root / f"docs/{lang}/handbook/success-factors.md"
        page.write_text(page.read_text(encoding="utf-8") + '\n{{ "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e" }}\n')
    monkeypatch.chdir(root)
    assert main(["check"]) == 0  # the line checks do not see it
    capsys.readouterr()
    site = tmp_path / "site"
    code = main(["build", "--no-pdf", "--no-export", "--site-dir", str(site), "--dist-dir", str(tmp_path / "dist")])
    out = capsys.readouterr()
    said = [line for line in (out.out + out.err).splitlines() if "[unsafe-markup]" in line]
    assert code == 1 and not site.exists()
    assert said and "docs/en/handbook/success-factors.md:1 [unsafe-markup] the page's HTML holds a <script>" in said[0]
    assert "docs/fr/handbook/success-factors.md:1 [unsafe-markup]" in said[1]
    # The last line counts the errors of every language (MkDocs ends with "Aborted with 1
    # errors in strict mode!", the count of the language it built last).
    assert out.err.splitlines()[-1] == (
        "Build failed; the previous site and offline copy are unchanged: 2 error(s), 0 warning(s), listed above."
    )
