"""Each page's versions in the other languages (the language menu, the sitemap), found in
time that grows with the number of languages, not with its cube.

static-i18n (1.3.1) gives every file of a language build the files that stand for it in
each other language: for each language and each page, it makes a new MkDocs file of each
other language's version until one is in the language looked for. Made for every
language build, that is about pages x languages^3 / 2 files: 5 s of a 12-language build
on two cores, against 0.04 s with 3 languages.

`install` gives a build's static-i18n plugin a method that finds the same versions, the
same files made the same way (by static-i18n's own `create_i18n_file`), but reads the
language of each candidate file once per process, and makes only the file it chooses. It is only
installed on the static-i18n version it was checked against (tests/unit/test_language_alternates.py
compares the two on a project of four languages); with any other the plugin keeps its own.
"""

from __future__ import annotations

import types
from importlib import metadata

# The static-i18n version whose `reconfigure_files_alternates` this one does the work of.
CHECKED_VERSION = "1.3.1"

# The language of each source file, which its path alone says (static-i18n reads it from
# the first folder), by path, default language and languages: found once per process,
# not once per language build (at 12 languages, 12 times every file of every language).
_LOCALES: dict[tuple[str, str, tuple[str, ...]], str] = {}
_LOCALES_MAX = 100_000


def install(plugin) -> bool:
    """Give `plugin` (static-i18n's, for this build) the method below; False where its
    version is not the one this was checked against."""
    if metadata.version("mkdocs-static-i18n") != CHECKED_VERSION:
        return False
    plugin.reconfigure_files_alternates = types.MethodType(find_alternates, plugin)
    return True


def find_alternates(plugin, i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file) -> None:
    """For each language built and each file of this build (`i18n_src_uris`, by its path
    without the language), record in `file.alternates[language]` its version in that
    language: that language's own file; else, with fallback to the default language, the
    default language's file (static-i18n writes it under that language's folder)."""
    default = plugin.default_language

    def made(file, language):
        return create_i18n_file(file, language, default, plugin.all_languages, mkdocs_config)

    languages = tuple(plugin.all_languages)

    def locale(candidate) -> str:
        key = (candidate.src_path, default, languages)
        if key not in _LOCALES:
            if len(_LOCALES) > _LOCALES_MAX:  # a long preview session: start again
                _LOCALES.clear()
            _LOCALES[key] = made(candidate, default).locale
        return _LOCALES[key]

    fallback = plugin.config.fallback_to_default is True
    for language in sorted(plugin.build_languages):
        for norm_src_uri, file in i18n_src_uris.items():
            if language in file.alternates:
                continue
            candidates = i18n_alternate_src_uris.get(norm_src_uri, [])
            own = next((c for c in candidates if locale(c) == language), None)
            if own is not None:
                file.alternates[language] = made(own, language)
            elif fallback:
                base = next((c for c in candidates if locale(c) == default), file)
                alternate = made(base, language)
                if alternate.locale == default:
                    file.alternates[language] = alternate
