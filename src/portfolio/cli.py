"""`portfolio`: check the sources, build the site and its offline copy, write schemas."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from portfolio import build_inputs, schema
from portfolio.language_pages import fallbacks, pages
from portfolio.links import from_mkdocs
from portfolio.locations import OFFLINE_ZIP
from portfolio.organisation_file import QUESTIONS
from portfolio.outputs import OUTPUTS
from portfolio.problems import ProblemsFound, by_rule, errors, report
from portfolio.project import (
    CONFIG_FILE,
    UsageError,
    example_address,
    read_config,
    read_languages,
    require_project,
    site_address,
    site_path,
)
from portfolio.sitebuild import build_offline, build_site
from portfolio.sources import validate


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            return _run(_parser().parse_args(argv))
        finally:
            sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at exit
    except BrokenPipeError:  # the reader stopped reading (`portfolio translations | head`)
        _drop_output()
        return PIPE_CLOSED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portfolio", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate curriculum/ and print every problem")
    check.add_argument(
        "--config",
        action="store_true",
        help="check mkdocs.yml only, as it must be before MkDocs reads it (make serve runs this first)",
    )
    build = commands.add_parser("build", help="check, build every language into site/, pack the offline zip")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site is built (default: site)")
    build.add_argument("--dist-dir", type=Path, default=Path("dist"), help=_DIST_DIR_HELP)
    build.add_argument("--no-offline", action="store_true", help="skip the offline zip")
    build.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    build.add_argument("--no-export", action="store_true", help="skip the LMS exports")
    build.add_argument("--force", action="store_true", help="build even if nothing changed since the last build")
    offline = commands.add_parser("offline", help="pack the offline copy into dist/")
    offline.add_argument("--dist-dir", type=Path, default=Path("dist"), help=_DIST_DIR_HELP)
    schemas = commands.add_parser("schema", help="write JSON Schemas of the curriculum files")
    schemas.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write them to (default: schemas)")
    schemas.add_argument("--check", action="store_true", help="fail if the committed schemas are outdated")
    export = commands.add_parser("export", help="write the SCORM packages and question banks into a built site")
    export.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="the built site to add them to (default: site)"
    )
    adapt = commands.add_parser("adapt", help="list the adaptation points and whether organisation.yml fills them")
    adapt.add_argument("--fail-unfilled", action="store_true", help="exit 1 if a point is not filled")
    translations = commands.add_parser("translations", help="translation status per page and curriculum file")
    translations.add_argument("--fail-below", type=float, metavar="PERCENT", help="exit 1 if a language is below")
    translations.add_argument("--mark", nargs=2, metavar=("LANG", "PATH"), help="record a translation as up to date")
    init = commands.add_parser("init", help="write curriculum/organisation.yml for your organisation")
    for key, (question, default) in QUESTIONS.items():  # what the prompt asks when an option is left out
        described = question[0].lower() + question[1:] + (f" (default: {default})" if default else "")
        init.add_argument(f"--{key.replace('_', '-')}", help=described)
    init.add_argument("--force", action="store_true", help="replace an existing organisation.yml (kept as .bak)")
    commands.add_parser("bench", help="time each stage, compare with plain MkDocs, write bench/results.md")
    readability = commands.add_parser("readability", help="sentence length and reading ease per page and language")
    readability.add_argument(
        "--under",
        default="",
        help="only pages under this folder, e.g. handbook/safeguarding, or materials (the handouts)",
    )
    return parser


def _run(args: argparse.Namespace) -> int:
    try:
        require_project(args.root)
        return COMMANDS[args.command](args)
    except UsageError as error:  # one line for each reason the command refuses
        for reason in str(error).splitlines():
            print(f"portfolio {args.command}: {reason}", file=sys.stderr)
        return 2
    except ProblemsFound as error:  # mkdocs.yml cannot be read: what every command needs first
        print(report(error.problems), file=sys.stderr)
        return 1


# Commands ---------------------------------------------------------------------


def check(args: argparse.Namespace) -> int:
    problems = read_config(args.root)[1] if args.config else _validate(args.root)
    print(report(problems))
    return 1 if errors(problems) else 0


def build(args: argparse.Namespace) -> int:
    root = args.root
    offline_zip = None if args.no_offline else args.dist_dir / OFFLINE_ZIP
    outputs = [args.site_dir, *([offline_zip] if offline_zip else [])]
    options = f"pdf={not args.no_pdf} export={not args.no_export} offline={offline_zip}"
    started = build_inputs.record(root, outputs, options)
    if not args.force and build_inputs.up_to_date(root, outputs, started):
        print(f"Nothing changed since the last build: {args.site_dir} is up to date (--force builds again).")
        return 0
    build_inputs.forget(root)
    shown = _show_mkdocs_messages(root)
    try:
        result = build_site(
            root,
            args.site_dir,
            pdfs=not args.no_pdf,
            exports=not args.no_export,
            report=lambda message: print(message, flush=True),
            offline_zip=offline_zip,
        )
        print(f"Site: {len(result.warnings)} warning(s) from MkDocs")
        build_inputs.remember(root, started)
    except (Abort, PluginError, ConfigurationError, ProblemsFound, OSError) as error:
        print(_failed(error, shown, "Build failed; the previous site and offline copy are unchanged"), file=sys.stderr)
        return 1
    print(_summary(root, args, result.problems))
    return 0


def offline(args: argparse.Namespace) -> int:
    shown = _show_mkdocs_messages(args.root)
    try:
        result = build_offline(args.root, args.dist_dir / OFFLINE_ZIP)
    except (Abort, PluginError, ConfigurationError) as error:
        print(_failed(error, shown, "Offline build failed; the previous zip is unchanged"), file=sys.stderr)
        return 1
    print(f"Offline copy: {result.output} (unzip it and open index.html)")
    return 0


def write_schemas(args: argparse.Namespace) -> int:
    default = read_languages(args.root / CONFIG_FILE).default
    stale = schema.write_all(args.root / args.out, default, check_only=args.check)
    for path in stale:
        if args.check:
            print(f"{path} is outdated — run `make schema` (portfolio schema) and commit it")
        else:
            print(f"wrote {path}")
    return 1 if stale and args.check else 0


def export(args: argparse.Namespace) -> int:
    from portfolio.build_state import load_sources
    from portfolio.exports import replace_exports

    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir} holds no built site — run `make site` first", file=sys.stderr)
        return 1
    problems = _validate(args.root)
    if errors(problems):
        print("Export stopped; the LMS files are unchanged.\n" + report(problems), file=sys.stderr)
        return 1
    for written in replace_exports(load_sources(args.root), args.site_dir):
        print(f"  {written.path}" + (f" ({written.questions} questions)" if written.questions else ""))
    return 0


def adapt(args: argparse.Namespace) -> int:
    from portfolio.adaptations import find_marks
    from portfolio.build_state import load_sources

    sources = load_sources(args.root)
    organisation = sources.curriculum.organisation
    if organisation is None:  # what it fills cannot be known: say why, not "NOT FILLED" everywhere
        unread = [p for p in sources.problems if Path(p.path).name == "organisation.yml" and p.is_error]
        print("curriculum/organisation.yml cannot be read:\n" + report(unread), file=sys.stderr)
        return 1
    marks = find_marks(args.root, organisation, read_languages(args.root / CONFIG_FILE))
    for item in marks:
        state = "filled" if item.filled else f"NOT FILLED in {item.lang}"
        if item.shown and not item.filled:
            state += f" (readers see the {item.shown} text)"
        print(
            f"{item.path.relative_to(args.root.resolve()) if item.path.is_absolute() else item.path}:{item.line}"
            f" [{item.point}] {state}"
        )
    address = site_address(args.root)
    if not address or example_address(address):
        said = f"{address} is an example address nobody can reach" if address else "it is not set"
        print(f"{CONFIG_FILE} [site_url] NOT SET to where you publish: {said}; the PDFs and LMS files link to it")
    unfilled = sorted({f"{m.point} ({m.lang})" for m in marks if not m.filled})
    print(f"{len(marks)} adaptation points; not filled in curriculum/organisation.yml: {', '.join(unfilled) or 'none'}")
    return 1 if unfilled and args.fail_unfilled else 0


def translations(args: argparse.Namespace) -> int:
    from portfolio.translations import all_statuses, mark, summary

    languages = read_languages(args.root / CONFIG_FILE)
    if args.mark:
        lang, path = args.mark
        try:
            current = mark(args.root, languages, lang, path)
        except ProblemsFound as refused:  # the file cannot be read: nothing is written
            for found in refused.problems:
                print(found.format(), file=sys.stderr)
            return 1
        print(f"{path} ({lang}): recorded as translated from {current}")
        return 0
    statuses = all_statuses(args.root, languages)
    others = [lang for lang in languages.built if lang != languages.default]
    print("| " + " | ".join(["page or file", *others]) + " |")
    print("|" + " --- |" * (len(others) + 1))
    for path in sorted({s.path for s in statuses}):
        row = {s.lang: s.state for s in statuses if s.path == path}
        print("| " + " | ".join([path, *[row.get(lang, "") for lang in others]]) + " |")
    shares = summary(statuses, languages)
    print("\n" + ", ".join(f"{lang}: {share:.0f}% translated and up to date" for lang, share in shares.items()))
    below = [lang for lang, share in shares.items() if args.fail_below is not None and share < args.fail_below]
    if below:
        print(f"below {args.fail_below:.0f}%: {', '.join(below)}", file=sys.stderr)
    return 1 if below else 0


def init(args: argparse.Namespace) -> int:
    from portfolio.organisation_file import ask, write_organisation

    answers = {
        key: getattr(args, key) for key in ("name", "short_name", "country", "region", "licence", "email", "website")
    }
    answers["languages"] = args.languages
    answers = ask(answers, input if sys.stdin.isatty() else None)
    path = write_organisation(args.root, answers, force=args.force)
    print(f"wrote {path}; run `make check`, then `make site`")
    return 0


def readability(args: argparse.Namespace) -> int:
    from portfolio.readability import LONG, measure_handouts, measure_pages

    languages = read_languages(args.root / CONFIG_FILE)
    built = list(languages.built)
    everything = measure_pages(args.root, built) + measure_handouts(args.root, built)
    readings = [r for r in everything if r.page.startswith(args.under)]
    print(f"| page | lang | sentences | words per sentence | over {LONG} words | reading ease |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in readings:
        ease = "" if r.ease is None else f"{r.ease:.0f}"
        print(f"| {r.page} | {r.lang} | {r.sentences} | {r.mean_words:.1f} | {r.long_share:.1f}% | {ease} |")
    for lang in languages.built:
        mine = [r for r in readings if r.lang == lang and r.sentences]
        total = sum(r.sentences for r in mine) or 1
        mean = sum(r.mean_words * r.sentences for r in mine) / total
        long = sum(r.long_share * r.sentences for r in mine) / total
        print(f"{lang}: {total} sentences, {mean:.1f} words per sentence, {long:.1f}% over {LONG} words")
    return 0


def bench(args: argparse.Namespace) -> int:
    from portfolio.bench import RESULTS, run

    print(run(args.root))
    print(f"Written to {RESULTS}")
    return 0


COMMANDS = {
    "check": check,
    "build": build,
    "offline": offline,
    "schema": write_schemas,
    "export": export,
    "adapt": adapt,
    "translations": translations,
    "init": init,
    "bench": bench,
    "readability": readability,
}


# Helpers ----------------------------------------------------------------------

# The build's summary lists the sources' warnings up to this many; more are counted by rule.
_LISTED_WARNINGS = 30


def _drop_output() -> None:
    """Send what stdout still holds to the null device: Python flushes it at exit, and
    into the closed pipe that would fail again, with a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _validate(root: Path) -> list:
    """Every problem of the project: mkdocs.yml first, then all the sources."""
    _, problems = read_config(root)
    if problems:
        return problems
    languages = read_languages(root / CONFIG_FILE)
    return validate(root, languages.default, languages.built)


def _show_mkdocs_messages(root: Path) -> _Shown:
    """MkDocs' own warnings and errors on stderr, counted; its INFO chatter stays quiet. A
    link MkDocs could not follow is said as this project's line, at the link's line."""
    logger = logging.getLogger("mkdocs")
    for earlier in [h for h in logger.handlers if isinstance(h.formatter, _MkDocsMessages)]:
        logger.removeHandler(earlier)  # a command run again in one process says each message once
    handler = _Shown()
    handler.setFormatter(_MkDocsMessages(root))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    return handler


class _Shown(logging.StreamHandler):
    """Writes messages on stderr and counts the errors and the warnings among them."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.errors = self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
        elif record.levelno >= logging.WARNING:
            self.warnings += 1
        super().emit(record)


def _failed(error: BaseException, shown: _Shown, unchanged: str) -> str:
    """What a failed build says last: why (unless MkDocs said it already: an Abort follows
    its messages), then how many errors and warnings stopped it. MkDocs' own count, in its
    Abort, is that of the last language it built; the sources' problems (the validation
    hook's report, logged as one message) are counted one by one."""
    found = _problems_behind(error)
    n_err = len(errors(found.problems)) if found else shown.errors
    n_warn = len(found.problems) - n_err if found else shown.warnings
    said = [] if isinstance(error, Abort) and (n_err or n_warn) else [str(error)]
    if not (n_err or n_warn):
        return "\n".join([*said, f"{unchanged}."])
    return "\n".join([*said, f"{unchanged}: {n_err} error(s), {n_warn} warning(s), listed above."])


def _problems_behind(error: BaseException | None) -> ProblemsFound | None:
    """The sources' problems that stopped a build, if any: raised as such (a PDF's), or
    behind the Abort into which MkDocs turns the validation hook's refusal."""
    while error is not None and not isinstance(error, ProblemsFound):
        error = error.__cause__ or error.__context__
    return error


class _MkDocsMessages(logging.Formatter):
    def __init__(self, root: Path):
        super().__init__("%(levelname)-7s -  %(message)s")
        self.root = root

    def format(self, record: logging.LogRecord) -> str:
        link = from_mkdocs(self.root, record.getMessage())
        return link.format() if link else super().format(record)


def _summary(root: Path, args: argparse.Namespace, problems: list) -> str:
    languages = read_languages(root / CONFIG_FILE)
    missing = fallbacks(root, languages)
    total = len(pages(root, languages.default))
    lines = ["", "Summary"]
    for lang in languages.built:
        english = f", {len(missing[lang])} falling back to {languages.default}" if missing[lang] else ""
        lines.append(f"  {lang}  {languages.names[lang]:<10} {total} pages{english}")
    lines.append(f"  warnings: {len(problems)} in the sources")
    if len(problems) <= _LISTED_WARNINGS:
        lines.extend(f"    {problem.format()}" for problem in sorted(problems))
    else:  # a new language's missing texts: counted by rule, listed by `make check`
        lines.extend(f"  {line}" for line in by_rule(problems))
        lines.append("    `make check` lists each one, with its file and line")
    lines.append(f"  site:     {args.site_dir.resolve()}/index.html")
    for output in OUTPUTS:
        found = output.files(args.site_dir.resolve())
        lines.append(f"  {output.name + ':':<9} {len(found)} {output.described}, in each language's {output.folder}/")
    if not args.no_offline:
        lines.append(f"  offline:  {(args.dist_dir / OFFLINE_ZIP).resolve()}")
    address = site_address(root)
    where = address or "nowhere: site_url is not set in mkdocs.yml"
    lines.append(f"  links:    the PDFs, the LMS files and the language menu lead to {where} (site_url in mkdocs.yml)")
    if example_address(address):
        lines.append("            an example address nobody can reach: set site_url to where you publish the site")
    lines.append(f"  preview:  make serve, then open http://127.0.0.1:8000{site_path(address)}")
    return "\n".join(lines)


# Data -------------------------------------------------------------------------
PIPE_CLOSED = 141  # the exit status of a command stopped by its closed pipe (128 + SIGPIPE), as shells give
_DIST_DIR_HELP = "where the offline zip is written (default: dist)"


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
