"""Hook: note the section ids of the pages MkDocs rendered (their macros' ids included),
so that a link to a section a page lacks is said with the one it may have meant
(portfolio.links.from_mkdocs)."""

from portfolio.links import note_rendered


def on_env(env, config, files):
    note_rendered(file.page for file in files.documentation_pages() if file.page is not None)
    return env
