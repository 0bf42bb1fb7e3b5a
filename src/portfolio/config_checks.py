"""What mkdocs.yml says that MkDocs would take without a word, or stop on without saying
where: the list of languages (read_config refuses a list the build cannot follow), and
the settings a volunteer or a translator edits (check_config).

Lines come from the file's YAML nodes (composed, never constructed: no tag runs).
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from portfolio.problems import Problem, closest, problem
from portfolio.project import CONFIG_FILE, ConfigLoader, i18n_languages
from portfolio.yamlfile import duplicate_key

# YAML 1.1 reads these words as true or false: a language code like `no` (Norwegian).
_BOOLEAN_WORDS = {"y", "yes", "n", "no", "true", "false", "on", "off"}


def language_list_faults(path: Path, config: dict) -> list[Problem]:
    """The languages of the i18n plugin, each a mapping with a code as text, one of them
    the default: what every command reads before anything else. The file's lines are read
    only when there is something to say."""
    tree = functools.cache(lambda: _tree(path))
    place = _i18n_place(config)
    found = []
    entries = i18n_languages(config)
    for index, entry in enumerate(entries):
        where = (*place, index)
        if not isinstance(entry, dict):
            said = f"the language entry `{entry}` is not a mapping"
            fix = "write it as `- locale: xx` with `name:` and `build:`"
            found.append(problem(path, _line(tree(), *where), "wrong-type", said, fix))
        elif "locale" not in entry or (entry["locale"] is None and "link" not in entry):
            said = "a language of the i18n plugin has no `locale`"
            fix = "add `locale:` with the language's code, e.g. `locale: de`"
            found.append(problem(path, _line(tree(), *where), "missing-field", said, fix))
        elif entry["locale"] is not None and not isinstance(entry["locale"], str):  # `no` is false
            value = entry["locale"]
            written = _scalar(tree(), *where, "locale") or str(value)
            said = f"`locale: {written}` is read as {value!r}, not as a language code"
            quoted = f'write the code in double quotes: `locale: "{written}"`'
            fix = quoted if written.lower() in _BOOLEAN_WORDS else "write the language's code, e.g. `locale: de`"
            found.append(problem(path, _line(tree(), *where, "locale"), "wrong-type", said, fix))
    if not found and not any(isinstance(entry, dict) and entry.get("default") for entry in entries):
        said = "no language of the i18n plugin is marked `default: true`"
        fix = "add `default: true` to the site's main language"
        found.append(problem(path, _line(tree(), *place), "missing-field", said, fix))
    return found


def check_config(root: Path, config: dict) -> list[Problem]:
    """The settings of mkdocs.yml (`config`, as read) that pages and the menu show: the
    site's name and the menu's translations are text, never markup; scripts and style
    sheets come from the site; site_url is a full address; each menu item is a page or a
    section."""
    path = root / CONFIG_FILE
    tree = _tree(path)
    place = _i18n_place(config)
    found = []
    titles = set(_nav_titles(config.get("nav")))
    named = [((), config.get("site_name"))]
    for index, entry in enumerate(i18n_languages(config)):
        if isinstance(entry, dict):
            named.append(((*place, index), entry.get("site_name")))
            translations = entry.get("nav_translations")
            found.extend(_translations(path, tree, (*place, index, "nav_translations"), translations, titles))
    for where, name in named:
        if name is None and where:
            continue
        line = _line(tree, *where, "site_name")
        if not isinstance(name, str) or not name.strip():
            found.append(problem(path, line, "wrong-type", "`site_name` should be a text", "write the site's name"))
        elif "<" in name or ">" in name:
            said = f"`site_name` holds markup (`{name}`): every page shows it as its title"
            found.append(problem(path, line, "markup-in-text", said, "write the name as plain text"))
    for key in ("extra_javascript", "extra_css"):
        for index, item in enumerate(config.get(key) or []):
            address = item.get("path") if isinstance(item, dict) else item
            if isinstance(address, str) and (urlsplit(address).scheme or address.startswith("//")):
                said = f"`{key}` loads `{address}` in every page: a request to another site, for every reader"
                fix = "put the file under docs/assets/ and name it by its path there"
                found.append(problem(path, _line(tree, key, index), "unsafe-markup", said, fix))
    found.extend(_site_url(path, tree, config.get("site_url")))
    found.extend(_nav(path, tree, config.get("nav")))
    found.extend(_duplicate_keys(path, tree))
    return found


def _duplicate_keys(path: Path, tree: yaml.Node | None) -> list[Problem]:
    """A key set twice in one mapping: YAML keeps the second without a word."""
    found = []
    stack = [tree] if tree is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in seen and key.value != "<<":
                        found.append(duplicate_key(path, line, key.value, seen[key.value]))
                    seen.setdefault(key.value, line)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def _translations(path: Path, tree, where: tuple, translations: object, titles: set[str]) -> list[Problem]:
    """A language's menu translations: each a text, and each of a title the menu has
    (`titles`: a mistyped one is never shown, and the menu keeps the English title)."""
    if translations is None:
        return []
    if not isinstance(translations, dict):
        said = "`nav_translations` should map each English menu title to its translation"
        return [problem(path, _line(tree, *where), "wrong-type", said, "write `English title: translated title` lines")]
    found = []
    for title, text in translations.items():
        if not isinstance(text, str) or not text.strip():
            said = f"the menu title `{title}` has no translation"
            if text is not None and not isinstance(text, str):
                said = f"the menu title `{title}` is translated as `{text}`, not as text"
            fix = "write the translated title after the colon, in double quotes if it is a word like Yes or No"
            found.append(problem(path, _line(tree, *where, str(title)), "wrong-type", said, fix))
        elif titles and str(title) not in titles:
            said = f"the menu has no title `{title}`: its translation is never shown"
            guess = closest(str(title), titles)
            fix = f"did you mean `{guess}`?" if guess else "write the title as `nav:` writes it"
            found.append(problem(path, _line(tree, *where, str(title)), "unknown-nav-title", said, fix))
    return found


def _site_url(path: Path, tree, address: object) -> list[Problem]:
    if address in (None, ""):
        return []
    parts = urlsplit(address) if isinstance(address, str) else None
    if parts is not None and parts.scheme in ("https", "http") and parts.netloc:
        return []
    said = f"`site_url: {address}` is not a full address: MkDocs stops on it"
    fix = "write it with https://, e.g. `site_url: https://your-organisation.github.io/handbook/`"
    return [problem(path, _line(tree, "site_url"), "config-syntax", said, fix)]


def _nav(path: Path, tree, nav: object, where: tuple = ("nav",)) -> list[Problem]:
    """Each item of the menu: a page (`- page.md`), or one title with a page or a list."""
    if nav is None:
        return []
    fix = "write each item as `- page.md`, `- Title: page.md` or `- Title:` followed by its items"
    if not isinstance(nav, list):
        return [problem(path, _line(tree, *where), "config-syntax", "`nav:` should be a list of items", fix)]
    found = []
    for index, item in enumerate(nav):
        inner = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else None
        if isinstance(item, str) or isinstance(inner, str):
            continue
        if isinstance(inner, list):
            found.extend(_nav(path, tree, inner, (*where, index, str(next(iter(item))))))
            continue
        said = f"the menu item `{item}` is neither a page nor a section"
        found.append(problem(path, _line(tree, *where, index), "config-syntax", said, fix))
    return found


def _nav_titles(nav: object):
    """The titles `nav:` gives its sections and pages (`- Title: …`), at every depth."""
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, inner in item.items():
                yield str(title)
                yield from _nav_titles(inner)


# Lines ----------------------------------------------------------------------------


def _tree(path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _i18n_place(config: dict) -> tuple:
    """Where the i18n plugin's languages are in mkdocs.yml: (plugins, index, i18n, languages)."""
    plugins = config.get("plugins") or []
    index = next((i for i, p in enumerate(plugins) if isinstance(p, dict) and "i18n" in p), 0)
    return ("plugins", index, "i18n", "languages")


def _node(tree: yaml.Node | None, *keys) -> list[yaml.Node]:
    """The nodes from `tree` down along `keys` (mapping keys, list indexes), as far as found."""
    found: list[yaml.Node] = []
    node = tree
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        found.append(node)
    return found


def _line(tree: yaml.Node | None, *keys) -> int:
    """The line of the value at `keys` in mkdocs.yml (of the deepest found; 1 if none)."""
    nodes = _node(tree, *keys)
    return nodes[-1].start_mark.line + 1 if nodes else 1


def _scalar(tree: yaml.Node | None, *keys) -> str | None:
    """The value at `keys` as written in the file, for a scalar found there."""
    nodes = _node(tree, *keys)
    return nodes[-1].value if len(nodes) == len(keys) and isinstance(nodes[-1], yaml.ScalarNode) else None
