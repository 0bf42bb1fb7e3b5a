"""Pages rendered as the build renders them, without MkDocs' build or any PDF: the page's
layout, the project's macros in Jinja's sandbox, then Markdown with mkdocs.yml's
extensions. For the fast tests (tests/pages); the built site is tested elsewhere."""

from __future__ import annotations

import functools
from types import SimpleNamespace

import markdown
from jinja2 import Environment, StrictUndefined
from mkdocs.config import load_config

from conftest import ROOT, project_state
from portfolio import yamlfile
from portfolio.layouts import lay_out, layout_of, read_layout
from portfolio.page_templates import COMMENT_END, COMMENT_START, sandboxed
from portfolio.pages import PageMacros
from portfolio.project import CONFIG_FILE, DOCS_DIR
from portfolio.templating import partials_environment


@functools.cache
def _config():
    return load_config(str(ROOT / CONFIG_FILE))


def render_page(lang: str, source: str) -> str:
    """The HTML of the page `source` (a path in the language folder) in `lang`."""
    text = (ROOT / DOCS_DIR / lang / source).read_text(encoding="utf-8")
    _, body, _ = yamlfile.split_front_matter(text)
    meta = yamlfile.front_matter(text)
    stem = source.removesuffix(".md").removesuffix("index").rstrip("/")
    page = SimpleNamespace(
        meta=meta,
        markdown=body,  # as MkDocs gives it to the macros: the page's own text
        url=("" if lang == project_state().languages.default else f"{lang}/") + (stem + "/" if stem else ""),
        file=SimpleNamespace(src_path=f"{lang}/{source}", src_uri=f"{lang}/{source}", use_directory_urls=True),
    )
    config = _config()
    macros = PageMacros(project_state(), lang, partials_environment(ROOT / "overrides"), lambda: page)
    env = sandboxed(
        Environment(comment_start_string=COMMENT_START, comment_end_string=COMMENT_END, undefined=StrictUndefined)
    )
    env.globals.update(macros.macros())
    env.globals.update(macros.variables(dict(config.extra)))
    env.globals["page"] = page
    layout = layout_of(meta)
    source_text = lay_out(body, read_layout(ROOT, layout)) if layout else body
    return markdown.markdown(
        env.from_string(source_text).render(),
        extensions=config.markdown_extensions,
        extension_configs=config.mdx_configs,
    )
