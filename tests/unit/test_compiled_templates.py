"""Compiled templates kept for the next build (templating.compile_once): a changed
template is compiled again, a damaged file is compiled again, and a file this machine
did not write (committed to a repository, copied from elsewhere) is never run."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket

from portfolio import output_cache, templating
from portfolio.output_cache import CODE_DIR
from portfolio.page_templates import sandboxed
from portfolio.templating import compile_once, template_environment


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    _new_process()
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides/greeting.html").write_text("Hello {{ name }}", encoding="utf-8")
    yield tmp_path
    _new_process()


def _new_process() -> None:
    """What a new build process starts from: nothing compiled in memory, the machine's key read again."""
    templating._compiled.cache_clear()
    output_cache.machine_key.cache_clear()


def _render(project: Path) -> str:
    env = compile_once(template_environment(project / "overrides"), project)
    return env.get_template("greeting.html").render(name="Amina")


def _stored(project: Path) -> list[Path]:
    return sorted((project / CODE_DIR).iterdir())


def test_the_next_build_reads_the_compiled_template_and_a_changed_one_is_compiled_again(project):
    assert _render(project) == "Hello Amina"
    [stored] = _stored(project)
    first = stored.read_bytes()
    _new_process()
    assert _render(project) == "Hello Amina"
    assert _stored(project) == [stored] and stored.read_bytes() == first  # read, not written again
    (project / "overrides/greeting.html").write_text("Welcome {{ name }}", encoding="utf-8")
    _new_process()
    assert _render(project) == "Welcome Amina"
    assert _stored(project) == [stored] and stored.read_bytes() != first  # compiled again, in its place


def test_a_damaged_file_is_compiled_again(project):
    _render(project)
    [stored] = _stored(project)
    stored.write_bytes(stored.read_bytes()[:40])
    _new_process()
    assert _render(project) == "Hello Amina"


def _plant(project: Path, text: str) -> None:
    """Replace each stored file with code that says `text`, made to pass Jinja's own check
    (the hash of the real template's source)."""
    env = template_environment(project / "overrides")
    source = (project / "overrides/greeting.html").read_text(encoding="utf-8")
    for stored in _stored(project):
        bucket = Bucket(env, "planted", BytecodeCache().get_source_checksum(source))
        bucket.code = env.compile(text)
        stored.write_bytes(bucket.bytecode_to_string())


def test_compiled_code_written_on_another_machine_is_never_run(project, tmp_path, monkeypatch):
    _render(project)
    _plant(project, "planted")
    _new_process()
    assert _render(project) == "planted"  # the machine's own file is read: this is what it would run
    _plant(project, "planted")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    _new_process()
    assert _render(project) == "Hello Amina"


def test_an_edited_page_is_compiled_again_in_the_next_build(project):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="fr/index.md"))  # with the loader mkdocs-macros gives

    def render(source: str) -> str:
        return (
            sandboxed(Environment(loader=FileSystemLoader(project)), lambda: page, project)
            .from_string(source)
            .render(name="Amina")
        )

    assert render("Bonjour {{ name }}") == "Bonjour Amina"
    stored = _stored(project)
    _new_process()
    assert render("Bonjour {{ name }}") == "Bonjour Amina" and _stored(project) == stored
    _new_process()
    assert render("Salut {{ name }} !") == "Salut Amina !"
    assert _stored(project) == stored  # the page's one file, compiled again in its place


def test_code_compiled_for_other_delimiters_is_not_reused(project):
    # mkdocs.yml gives pages `{## … ##}` for comments, so that `{#id}` stays Markdown.
    (project / "overrides/greeting.html").write_text("{## a note ##}{#purpose#}", encoding="utf-8")
    pages = template_environment(project / "overrides")
    pages.comment_start_string, pages.comment_end_string = "{##", "##}"
    assert compile_once(pages, project).get_template("greeting.html").render() == "{#purpose#}"
    _new_process()
    assert _render(project) == ""  # Jinja's own `{# … #}`: both are comments
