"""The `ia` command: parse options, call the package, print, return an exit code.

The parser is the standard library's argparse, and each command imports what it needs
inside its own function: editors run `ia check` on every save and CI on every push, so
start-up is paid all day. `ia check` loads the stages up to the checks and no renderer;
a cached `ia build` decides from the standard library alone (`ia.cache`) and imports the
pipeline only for an agreement it must build. `run(argv) -> int` never exits, so tests
drive it in-process (as mdformat's `run` does).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from ia import report
from ia.diagnostics import Diagnostic, Span

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _root(root: Path | None) -> Path:
    from ia.workspace import find_root

    return find_root(root or Path.cwd())


def _colour(stream: TextIO) -> bool:
    """Colour only on a terminal (CI logs and pipes get plain text); NO_COLOR and FORCE_COLOR win."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _print(diagnostics: list[Diagnostic], *, root: Path, fmt: str = "human", lang: str = "da",
           changed: frozenset[str] = frozenset()) -> None:
    if fmt == "json":
        print(report.as_json(diagnostics, lang=lang))
    elif fmt == "markdown":
        print(report.markdown(diagnostics, lang=lang, changed=changed), end="")
    elif fmt == "github":
        if diagnostics:
            print(report.github(diagnostics, lang=lang, changed=changed))
    elif diagnostics:
        text = report.human(diagnostics, root=root, lang=lang)
        _say(report.styled(text) if _colour(sys.stderr) else text)


def _folder(base: Path, ref: str) -> Path | None:
    """Resolve an agreement id or folder; print the diagnostic and return None when unknown."""
    from ia.workspace import resolve_ref

    found = resolve_ref(base, ref)
    if isinstance(found, Diagnostic):
        _print([found], root=base)
        return None
    return found


def _guard(command: Callable[[], int], *, debug: bool = False) -> int:
    """Run a command body; an unexpected exception becomes an IA903 line, never a traceback."""
    import signal

    def terminated(signum, frame) -> None:
        # CI cancels with SIGTERM: unwind so that children are stopped and temporary files
        # removed (the children also die with us by PR_SET_PDEATHSIG if this never runs).
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminated)
    try:
        return command()
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence for users
        diagnostic = Diagnostic("IA903", Span("ia"), {"problem": f"{type(error).__name__}: {error}"})
        print(report.human([diagnostic], root=Path.cwd()), file=sys.stderr)
        if debug:
            traceback.print_exc()
        return EXIT_USAGE


# --- commands: each takes the parsed options and returns an exit code --------------------------

def build(args: argparse.Namespace) -> int:
    """Byg PDF og HTML for en eller flere aftaler."""
    from ia.batch import build_many
    from ia.output import PDF_VARIANTS
    from ia.workspace import agreement_folders

    base = _root(args.root)
    if args.all:
        folders = agreement_folders(base, year=args.year)
    elif args.agreements:
        folders = [_folder(base, ref) for ref in args.agreements]
        if None in folders:
            return EXIT_ERRORS
    else:
        _say("ia build: angiv en aftale (fx csr-2026) eller --all")
        return EXIT_USAGE
    if not folders:
        _print([Diagnostic("IA124", Span(str(base)), {"folder": "agreements"})], root=base)
        return EXIT_USAGE
    formats = ("pdf", "html") if args.format == "all" else (args.format,)
    out_dir = args.out if args.out.is_absolute() else Path.cwd() / args.out
    many = args.all or len(folders) > 1
    bar = _ProgressBar() if many and _colour(sys.stderr) else None

    def report_one(summary) -> None:
        if bar:
            bar.advance()
        errors = [d for d in summary.diagnostics if d.is_error]
        if errors:
            _print(errors, root=base)
        for name in summary.outputs if summary.status == "bygget" else []:
            target = out_dir / name
            shown = target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target
            _say(report.printable(f"skrev {shown} ({summary.seconds:.1f} s)"))
        name = report.printable(summary.id)  # a folder name may hold a newline: never a line of its own
        if summary.status == "uændret" and not many:
            _say(f"{name}: uændret siden sidste bygning (brug --force for at bygge igen)")
        if summary.status == "fejl":
            _say(f"{name}: {summary.errors} fejl – intet skrevet")
        elif summary.warnings:
            _say(f"{name}: {report.warnings_text(summary.warnings)} (ia check {name} viser dem)")

    try:
        summaries = build_many(base, folders, out_dir=out_dir, formats=formats, variant=PDF_VARIANTS[args.pdf_variant],
                               timeout=args.timeout, memory=args.max_memory * 1024**2, use_cache=not args.force,
                               workers=args.jobs, progress=report_one, starting=bar.start if bar else None)
    finally:
        if bar:
            bar.stop()
    if many:
        rows = [(s.id, s.status, str(s.pages or "–"), str(s.errors), str(s.warnings), f"{s.seconds:.1f} s")
                for s in summaries]
        _say(report.table("Aftaler", ("Aftale", "Status", "Sider", "Fejl", "Advarsler", "Tid"), rows, right=(2, 3, 4, 5)))
    return EXIT_ERRORS if any(s.status == "fejl" for s in summaries) else EXIT_OK


class _ProgressBar:
    """Rich's progress bar on a terminal, imported only once there is something to build."""

    def __init__(self) -> None:
        self._bar = None
        self._task = None

    def start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True, highlight=False), transient=True)
        self._task = self._bar.add_task("Bygger aftaler", total=total)
        self._bar.start()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def new(args: argparse.Namespace) -> int:
    """Start næste års aftale ud fra en eksisterende."""
    from ia.new import plan
    from ia.output import atomic_write
    from ia.pipeline import load

    base = _root(args.root)
    folder = _folder(base, args.source)
    if folder is None:
        return EXIT_ERRORS
    unit, year = args.unit, args.year
    if not re.fullmatch(r"[a-zæøå0-9_]+(-[a-zæøå0-9_]+)*", unit):
        _say(f"ia new: '{unit}' er ikke et kortnavn (små bogstaver, tal og bindestreg)")
        return EXIT_USAGE
    files, problems = plan(base, folder, unit=unit, year=year)
    if problems:
        _print(problems, root=base)
        return EXIT_ERRORS
    failed = atomic_write(files, root=base)
    if failed:
        _print([failed], root=base)
        return EXIT_ERRORS
    new_id = f"{unit}-{year}"
    result = load(base, new_id)
    _say(f"oprettede agreements/{year}/{unit}/ fra {args.source} ({len(files)} filer)")
    _say(f"{new_id}: {report.summary(result.diagnostics)} – ret dem med ia check {new_id}")
    return EXIT_OK


def diff_(args: argparse.Namespace) -> int:
    """Vis hvad der er ændret mellem to aftaler: mål, KPI-mål og tal i tabellerne."""
    from rich.console import Console

    from ia.diff import diff, unreadable
    from ia.pipeline import load
    from ia.render.diff import diff_html, diff_text

    base = _root(args.root)
    results = [load(base, ref) for ref in (args.first, args.second)]
    # A file that could not be read or validated is missing from its agreement: comparing
    # then would report its goals and tables as removed. Broken input is a diagnostic.
    if any(r.agreement is None for r in results):
        _print([d for r in results for d in r.diagnostics if r.agreement is None], root=base)
        return EXIT_ERRORS
    broken = [d for r in results for d in r.diagnostics if unreadable(d)]
    skipped = frozenset(d.span.path.removeprefix(r.agreement.folder.rstrip("/") + "/")
                        for r in results for d in r.diagnostics if unreadable(d))
    changes = diff(results[0].agreement, results[1].agreement, broken=skipped)
    Console(highlight=False).print(diff_text(changes))
    if args.html is not None:
        from ia.output import atomic_write

        target = args.html if args.html.is_absolute() else Path.cwd() / args.html
        problem = atomic_write({target: diff_html(changes).encode("utf-8")}, root=base)
        if problem:
            _print([problem], root=base)
            return EXIT_ERRORS
    if broken:
        _print(broken, root=base)
        _say(f"ia diff: {len({d.span.path for d in broken})} fil(er) kunne ikke læses og er ikke sammenlignet")
        return EXIT_ERRORS
    return EXIT_OK


def preview(args: argparse.Namespace) -> int:
    """Vis aftalen i browseren, og byg den igen ved hver gemning."""
    import threading

    from ia.preview import Preview, busy_port, port_problem, serve, watch

    base = _root(args.root)
    folder = _folder(base, args.agreement)
    if folder is None:
        return EXIT_ERRORS
    busy = port_problem(args.port, agreement=args.agreement)
    if busy:
        _print([busy], root=base)
        return EXIT_ERRORS
    state = Preview(base, folder)
    try:
        server = serve(state, port=args.port)
    except OSError as error:  # taken between the check and now
        _print([busy_port(error, args.port, agreement=args.agreement)], root=base)
        return EXIT_ERRORS
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    _say(f"viser {args.agreement} på {url} – gem en fil for at se ændringen, Ctrl-C stopper")
    if args.open:
        import webbrowser

        webbrowser.open(url)
    stop = threading.Event()
    watch(state, stop, lambda p: _say(f"bygget igen (version {p.version})"))
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
    return EXIT_OK


def list_(args: argparse.Namespace) -> int:
    """Vis aftalerne med år, enhed, antal mål og status fra ia check."""
    from ia.batch import list_agreements
    from ia.pipeline import all_refs

    base = _root(args.root)
    rows = []
    for item in list_agreements(base, all_refs(base, year=args.year)):
        status = "ok" if not item.errors and not item.warnings else (
            f"{item.errors} fejl" if item.errors else report.warnings_text(item.warnings))
        rows.append((item.id, str(item.year), item.unit, str(item.goals), status))
    print(report.table("Institutionsaftaler", ("Aftale", "År", "Enhed", "Mål", "Tjek"), rows, right=(1, 3)))
    return EXIT_OK


def check(args: argparse.Namespace) -> int:
    """Tjek aftaler uden at bygge dem."""
    base = _root(args.root)
    changed: frozenset[str] = frozenset()
    if args.changed_first is not None:
        try:
            changed = frozenset(args.changed_first.read_text(encoding="utf-8").split())
        except OSError as error:
            _say(f"ia check: kan ikke læse --changed-first {args.changed_first}: {error.strerror}")
            return EXIT_USAGE
    if not args.watch:
        return _check_once(args, base, changed)
    # Each round opens with this line and ends with the summary line: an editor's problem
    # matcher (.vscode/tasks.json) replaces its problems between the two.
    begin = "ia check: checking …" if args.lang == "en" else "ia check: tjekker …"
    from watchfiles import watch as watch_files

    _say(begin)
    first = _check_once(args, base, changed)
    if not (base / "agreements").is_dir():
        return first  # nothing to watch: the check has said so (IA124)
    try:
        watched = [base / name for name in ("agreements", "offers") if (base / name).is_dir()]
        for _ in watch_files(*watched, debounce=150, step=50):
            _say(begin)
            _check_once(args, base, changed)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _check_once(args: argparse.Namespace, base: Path, changed: frozenset[str]) -> int:
    from ia.pipeline import all_refs, load

    refs: list[str | Path] = list(args.agreements) if args.agreements else list(all_refs(base))
    if not refs:
        diagnostic = Diagnostic("IA124", Span(str(base)), {"folder": str(base / "agreements")})
        _print([diagnostic], root=base, fmt=args.format, lang=args.lang)
        return EXIT_USAGE
    found: list[Diagnostic] = []
    seen: set[tuple] = set()
    if not args.agreements:
        # The register of offers is checked with the whole repository, even when no document uses it.
        from ia.register import load_register

        register_diagnostics = load_register(base)[1]
    else:
        register_diagnostics = []
    for diagnostics in [register_diagnostics, *(load(base, ref).diagnostics for ref in refs)]:
        for diagnostic in diagnostics:
            # A year's shared file is part of every agreement of the year: report it once.
            key = (diagnostic.code, diagnostic.span, diagnostic.message())
            if key not in seen:
                seen.add(key)
                found.append(diagnostic)
    _print(found, root=base, fmt=args.format, lang=args.lang, changed=changed)
    if args.summary is not None:
        from ia.output import append_text

        problem = append_text(args.summary, report.markdown(found, lang=args.lang, changed=changed))
        if problem:
            _print([problem], root=base)
            return EXIT_USAGE
    if args.format == "human":
        checked = "agreement(s) checked" if args.lang == "en" else "aftale(r) tjekket"
        _say(f"{len(refs)} {checked}: {report.summary(found, args.lang)}")
    failing = any(d.is_error for d in found) or (args.strict and found)
    return EXIT_ERRORS if failing else EXIT_OK


# --- the parser ---------------------------------------------------------------------------------

def _at_least(low: float, kind: type = int) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"forventede et tal, fandt '{text}'") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"{text} er mindre end {low:g}")
        return value

    return parse


def _port(text: str) -> int:
    value = _at_least(0)(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text} er større end 65535")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ia", description="Institutionsaftaler: tjek og byg PDF og HTML fra YAML og Markdown.")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)

    def command(function: Callable[[argparse.Namespace], int], name: str) -> argparse.ArgumentParser:
        summary = (function.__doc__ or "").strip()
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.set_defaults(run=function)
        sub.add_argument("--root", type=Path, help="Repositoriets rod (mappen med agreements/).")
        sub.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
        return sub

    sub = command(build, "build")
    sub.add_argument("agreements", nargs="*", help="Aftaler som csr-2026 eller mapper.")
    sub.add_argument("--all", action="store_true", help="Byg alle aftaler.")
    sub.add_argument("--year", type=int, help="Kun aftaler fra dette år (med --all).")
    sub.add_argument("--format", choices=("pdf", "html", "all"), default="all", help="pdf, html eller all.")
    sub.add_argument("--out", type=Path, default=Path("build"), help="Mappen, filerne skrives til.")
    sub.add_argument("--pdf-variant", choices=("ua", "a3b"), default="ua", help="ua (PDF/UA-1) eller a3b (PDF/A-3b).")
    sub.add_argument("--timeout", type=_at_least(1, float), default=300.0, help="Højst så mange sekunder til PDF'en.")
    sub.add_argument("--max-memory", type=_at_least(256), default=4096, help="Højst så mange MiB hukommelse til PDF'en.")
    sub.add_argument("--force", action="store_true", help="Byg også aftaler, der ikke er ændret.")
    sub.add_argument("--jobs", "-j", type=_at_least(1), help="Antal processer (standard: antal kerner).")

    sub = command(new, "new")
    sub.add_argument("unit", help="Enhedens kortnavn, fx csr.")
    sub.add_argument("year", type=int, help="Det nye aftaleår, fx 2027.")
    sub.add_argument("--from", dest="source", required=True, help="Aftalen der kopieres, fx csr-2026.")

    sub = command(diff_, "diff")
    sub.add_argument("first", help="Den første aftale, fx csr-2026.")
    sub.add_argument("second", help="Den anden aftale, fx csr-2027.")
    sub.add_argument("--html", type=Path, help="Skriv også ændringerne som en HTML-side.")

    sub = command(preview, "preview")
    sub.add_argument("agreement", help="Aftalen, fx csr-2026.")
    sub.add_argument("--port", type=_port, default=8000, help="Porten på 127.0.0.1.")
    sub.add_argument("--open", action="store_true", help="Åbn siden i browseren.")

    sub = command(list_, "list")
    sub.add_argument("--year", type=int, help="Kun aftaler fra dette år.")

    sub = command(check, "check")
    sub.add_argument("agreements", nargs="*", help="Aftaler som csr-2026 eller mapper; alle, hvis ingen.")
    sub.add_argument("--format", choices=("human", "github", "markdown", "json"), default="human",
                     help="human, github, markdown eller json.")
    sub.add_argument("--lang", choices=("da", "en"), default="da", help="da eller en.")
    sub.add_argument("--strict", action="store_true", help="Advarsler giver også exit-kode 1.")
    sub.add_argument("--changed-first", type=Path,
                     help="Fil med ændrede filer, én pr. linje (git diff --name-only): deres fund vises først.")
    sub.add_argument("--summary", type=Path, help="Tilføj alle fund som Markdown til denne fil (fx $GITHUB_STEP_SUMMARY).")
    sub.add_argument("--watch", action="store_true",
                     help="Tjek igen ved hver gemning, til Ctrl-C (til editorens problemliste).")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run the `ia` command line on `argv` and return its exit code (2 for a usage error)."""
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (2), already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    return _guard(lambda: args.run(args), debug=args.debug)


def main() -> None:
    sys.exit(run())
