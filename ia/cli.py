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
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ia import report
from ia.diagnostics import Diagnostic, Span

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a cached build needs it for nothing else
if TYPE_CHECKING:
    from typing import TextIO

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


def _document(base: Path, ref: str):
    """Resolve a document id or folder; print the diagnostic and return None when unknown."""
    from ia.workspace import resolve

    found = resolve(base, ref)
    if isinstance(found, Diagnostic):
        _print([found], root=base)
        return None
    return found


def _no_documents(base: Path) -> Diagnostic:
    from ia.workspace import KINDS

    return Diagnostic("IA124", Span(str(base)), {"folder": ", ".join(kind.folder for kind in KINDS.values())})


def _edition(args: argparse.Namespace) -> str | None:
    """The edition the options ask for: `--dagsorden`, `--opfoelgning midtvejs|aar`, or None."""
    if getattr(args, "dagsorden", False):
        return "dagsorden"
    if getattr(args, "opfoelgning", None):
        return f"opfoelgning-{args.opfoelgning}"
    return None


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
            import traceback

            traceback.print_exc()
        return EXIT_USAGE


# --- commands: each takes the parsed options and returns an exit code --------------------------

def build(args: argparse.Namespace) -> int:
    """Byg PDF og HTML for et eller flere dokumenter: aftaler, kataloger og møder."""
    from ia.batch import build_many
    from ia.output import PDF_VARIANTS
    from ia.workspace import documents

    base = _root(args.root)
    edition = _edition(args)
    if args.all:
        refs = documents(base, year=args.year)
        if edition is not None:  # --all --dagsorden: the agendas of every meeting that has one
            from ia.kinds import adapter

            refs = [ref for ref in refs if edition in ref.kind_info.editions and adapter(ref.kind).has_edition(ref, edition)]
    elif args.documents:
        refs = [_document(base, ref) for ref in args.documents]
        if None in refs:
            return EXIT_ERRORS
        for ref in refs:
            if edition is not None and edition not in ref.kind_info.editions:
                _say(f"ia build: {ref.id} er et dokument af typen {ref.kind_info.label}, som ikke har udgaven {edition}")
                return EXIT_USAGE
    else:
        _say("ia build: angiv et dokument (fx csr-2026) eller --all")
        return EXIT_USAGE
    if not refs:
        _print([_no_documents(base)], root=base)
        return EXIT_USAGE
    formats = ("pdf", "html") if args.format == "all" else (args.format,)
    out_dir = args.out if args.out.is_absolute() else Path.cwd() / args.out
    many = args.all or len(refs) > 1
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
        summaries = build_many(base, refs, out_dir=out_dir, edition=edition, formats=formats, variant=PDF_VARIANTS[args.pdf_variant],
                               timeout=args.timeout, memory=args.max_memory * 1024**2, use_cache=not args.force,
                               workers=args.jobs, progress=report_one, starting=bar.start if bar else None)
    finally:
        if bar:
            bar.stop()
    if many:
        rows = [(s.id, s.status, str(s.pages or "–"), str(s.errors), str(s.warnings), f"{s.seconds:.1f} s")
                for s in summaries]
        _say(report.table("Dokumenter", ("Dokument", "Status", "Sider", "Fejl", "Advarsler", "Tid"), rows, right=(2, 3, 4, 5)))
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
        self._task = self._bar.add_task("Bygger dokumenter", total=total)
        self._bar.start()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def new(args: argparse.Namespace) -> int:
    """Start næste års aftale ud fra en eksisterende, eller et udvalgs næste møde ud fra det seneste."""
    from ia.output import atomic_write
    from ia.pipeline import load
    from ia.workspace import valid_key

    base = _root(args.root)
    source = _document(base, args.source)
    if source is None:
        return EXIT_ERRORS
    if source.kind not in ("agreement", "meeting"):
        _say(f"ia new: {source.id} er et dokument af typen {source.kind_info.label}; ia new starter en aftale eller et møde")
        return EXIT_USAGE
    folder = source.folder
    unit = args.unit
    if not valid_key(unit):
        _say(f"ia new: '{unit}' er ikke et kortnavn (små bogstaver, tal og bindestreg)")
        return EXIT_USAGE
    carry = None
    if source.kind == "meeting":
        from ia.meeting.new import plan as plan_meeting

        try:
            date = dt.date.fromisoformat(args.year)
        except ValueError:
            _say(f"ia new: '{args.year}' er ikke en dato som 2025-11-17 (et møde har en dato, ikke et år)")
            return EXIT_USAGE
        if unit != source.key:
            _say(f"ia new: {source.id} er et møde i udvalget {source.key}, ikke {unit}")
            return EXIT_USAGE
        files, problems = plan_meeting(base, folder, date=date)
        new_id, where = f"{unit}-{date.isoformat()}", f"meetings/{unit}/{date.isoformat()}/"
    else:
        from ia.followup.carry import carry_over
        from ia.new import plan

        if not args.year.isdigit():
            _say(f"ia new: '{args.year}' er ikke et årstal som 2027")
            return EXIT_USAGE
        year = int(args.year)
        # The source's year-end follow-up, when it has one that can be read, gives the new
        # baselines and the goals to consider continuing.
        agreement = load(base, folder).agreement
        carry = carry_over(agreement) if agreement is not None else None
        files, problems = plan(base, folder, unit=unit, year=year, baselines=carry.baselines if carry else None)
        new_id, where = f"{unit}-{year}", f"agreements/{year}/{unit}/"
    if problems:
        _print(problems, root=base)
        return EXIT_ERRORS
    failed = atomic_write(files, root=base)
    if failed:
        _print([failed], root=base)
        return EXIT_ERRORS
    result = load(base, new_id)
    _say(f"oprettede {where} fra {args.source} ({len(files)} filer)")
    _say(f"{new_id}: {report.summary(result.diagnostics)} – ret dem med ia check {new_id}")
    if carry:
        from ia.followup.carry import summary

        for line in summary(carry):
            _say(line)
    return EXIT_OK


def diff_(args: argparse.Namespace) -> int:
    """Vis hvad der er ændret mellem to aftaler (mål, KPI-mål og tal) eller to udgaver af et katalog (tilbud)."""
    from rich.console import Console

    from ia.diff import diff, unreadable
    from ia.pipeline import load
    from ia.render.diff import diff_html, diff_text

    base = _root(args.root)
    results = [load(base, ref) for ref in (args.first, args.second)]
    kinds = {r.ref.kind for r in results if r.ref is not None}
    if kinds == {"catalogue"} and all(r.ref is not None for r in results):
        return _diff_catalogues(results, base, args)
    if kinds - {"agreement"}:
        _say("ia diff: sammenligner to aftaler eller to kataloger; " + ", ".join(
            f"{r.ref.id} er et dokument af typen {r.ref.kind_info.label}" for r in results if r.ref is not None))
        return EXIT_USAGE
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


def _diff_catalogues(results: list, base: Path, args: argparse.Namespace) -> int:
    """Two editions of a catalogue: offers added, removed, moved and changed, in the terminal."""
    from ia.catalogue.diff import diff, diff_text

    # An offer that cannot be read would show as removed: broken input is a diagnostic.
    problems = {(d.code, d.span): d for r in results for d in r.diagnostics if r.document is None or d.is_error}
    if problems:
        _print(list(problems.values()), root=base)
        return EXIT_ERRORS
    if args.html is not None:
        _say("ia diff: --html gælder to aftaler; to kataloger sammenlignes i terminalen")
        return EXIT_USAGE
    print(diff_text(diff(results[0].document, results[1].document)))
    return EXIT_OK


def preview(args: argparse.Namespace) -> int:
    """Vis et dokument i browseren, og byg det igen ved hver gemning."""
    import threading

    from ia.preview import Preview, busy_port, port_problem, serve, watch

    base = _root(args.root)
    ref = _document(base, args.document)
    if ref is None:
        return EXIT_ERRORS
    busy = port_problem(args.port, agreement=args.document)
    if busy:
        _print([busy], root=base)
        return EXIT_ERRORS
    state = Preview(base, ref)
    try:
        server = serve(state, port=args.port)
    except OSError as error:  # taken between the check and now
        _print([busy_port(error, args.port, agreement=args.document)], root=base)
        return EXIT_ERRORS
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    _say(f"viser {args.document} på {url} – gem en fil for at se ændringen, Ctrl-C stopper")
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
    """Vis dokumenterne med type, år, titel, omfang og status fra ia check."""
    from ia.batch import list_documents
    from ia.pipeline import all_refs

    base = _root(args.root)
    rows = []
    for item in list_documents(base, all_refs(base, year=args.year)):
        status = "ok" if not item.errors and not item.warnings else (
            f"{item.errors} fejl" if item.errors else report.warnings_text(item.warnings))
        rows.append((item.id, item.kind, str(item.year), item.title, item.count, status))
    print(report.table("Dokumenter", ("Dokument", "Type", "År", "Titel", "Omfang", "Tjek"), rows, right=(2, 4)))
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    """Skriv et dokuments data som JSON (til andre systemer)."""
    from ia.kinds import adapter
    from ia.pipeline import load

    base = _root(args.root)
    if args.document == "offers":
        return _export_offers(args, base)
    ref = _document(base, args.document)
    if ref is None:
        return EXIT_ERRORS
    result = load(base, ref)
    if result.document is None or result.errors:
        _print(result.errors or result.diagnostics, root=base)
        _say(f"{report.printable(ref.id)}: {len(result.errors)} fejl – intet skrevet")
        return EXIT_ERRORS
    data = adapter(ref.kind).export(result.document)
    if data is None:
        _say(f"ia export: dokumenter af typen {ref.kind_info.label} kan ikke eksporteres")
        return EXIT_USAGE
    return _write_export(args, base, data)


def _export_offers(args: argparse.Namespace, base: Path) -> int:
    """`ia export offers`: the register of offers as JSON, never with an offer left out."""
    from ia.register import load_register
    from ia.register.export import register_json

    register, diagnostics = load_register(base)
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        _print(errors, root=base)
        _say(f"offers: {len(errors)} fejl – intet skrevet")
        return EXIT_ERRORS
    return _write_export(args, base, register_json(register))


def _write_export(args: argparse.Namespace, base: Path, data: bytes) -> int:
    """Print the export, or write it atomically to --out."""
    from ia.output import atomic_write

    if args.out is None:
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    target = args.out if args.out.is_absolute() else Path.cwd() / args.out
    problem = atomic_write({target: data}, root=base)
    if problem:
        _print([problem], root=base)
        return EXIT_ERRORS
    return EXIT_OK


def status(args: argparse.Namespace) -> int:
    """Vis opfølgningen på årets aftaler: mål efter status og KPI'er, der ikke har nået målet."""
    from ia.followup.export import html, pdf, rich_table, xlsx
    from ia.followup.overview import latest_year, overview

    base = _root(args.root)
    year = args.year or latest_year(base)
    data = overview(base, year=year, period=args.periode) if year is not None else None
    if data is None or not (data.centers or data.unreadable):
        _print([Diagnostic("IA124", Span("agreements"), {"folder": "agreements" + (f"/{args.year}" if args.year else "")})], root=base)
        return EXIT_ERRORS
    _print(data.diagnostics, root=base)
    from rich.console import Console

    # A pipe or a log gets the whole table, not one cut to 80 columns.
    Console(highlight=False, width=None if sys.stdout.isatty() else 150).print(rich_table(data))
    errors = [d for d in data.diagnostics if d.is_error]
    outputs = {path if path.is_absolute() else Path.cwd() / path: render
               for path, render in ((args.html, lambda: html(data).encode("utf-8")), (args.xlsx, lambda: xlsx(data)),
                                    (args.pdf, lambda: pdf(data, root=base)))
               if path is not None}
    if errors:
        _say(f"ia status: {report.summary(errors)} – ret dem med ia check" + ("; intet er skrevet" if outputs else ""))
        return EXIT_ERRORS
    if outputs:
        from ia.output import atomic_write

        problem = atomic_write({path: render() for path, render in outputs.items()}, root=base)
        if problem:
            _print([problem], root=base)
            return EXIT_ERRORS
        for path in outputs:
            _say(f"skrev {path}")
    return EXIT_OK


def check(args: argparse.Namespace) -> int:
    """Tjek dokumenter uden at bygge dem."""
    base = _root(args.root)
    changed: frozenset[str] = frozenset()
    if args.changed_first is not None:
        try:
            changed = frozenset(args.changed_first.read_text(encoding="utf-8").split())
        except OSError as error:
            _say(f"ia check: kan ikke læse --changed-first {args.changed_first}: {error.strerror}")
            return EXIT_USAGE
    if not args.watch:
        return _check_once(args, base, changed, short_lived=args.whole_process)
    # Each round opens with this line and ends with the summary line: an editor's problem
    # matcher (.vscode/tasks.json) replaces its problems between the two.
    begin = "ia check: checking …" if args.lang == "en" else "ia check: tjekker …"
    from watchfiles import watch as watch_files

    _say(begin)
    first = _check_once(args, base, changed)
    from ia.workspace import KINDS

    watched = [base / name for name in (*(kind.folder for kind in KINDS.values()), "offers") if (base / name).is_dir()]
    if not watched:
        return first  # nothing to watch: the check has said so (IA124)
    try:
        for _ in watch_files(*watched, debounce=150, step=50):
            _say(begin)
            _check_once(args, base, changed)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _check_once(args: argparse.Namespace, base: Path, changed: frozenset[str], *, short_lived: bool = False) -> int:
    from ia.batch import check_many
    from ia.pipeline import all_refs

    refs: list = list(args.documents) if args.documents else list(all_refs(base))
    if not refs:
        _print([_no_documents(base)], root=base, fmt=args.format, lang=args.lang)
        return EXIT_USAGE
    found = check_many(base, refs, whole=not args.documents, short_lived=short_lived)
    _print(found, root=base, fmt=args.format, lang=args.lang, changed=changed)
    if args.summary is not None:
        from ia.output import append_text

        problem = append_text(args.summary, report.markdown(found, lang=args.lang, changed=changed))
        if problem:
            _print([problem], root=base)
            return EXIT_USAGE
    if args.format == "human":
        checked = "document(s) checked" if args.lang == "en" else "dokument(er) tjekket"
        _say(f"{len(refs)} {checked}: {report.summary(found, args.lang)}")
    # --strict fails on warnings too, not on accepted deviations: those are recorded and signed.
    failing = any(d.is_error for d in found) or (args.strict and any(report.level(d) == "warning" for d in found))
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
    parser = argparse.ArgumentParser(prog="ia", description="Aftaler, kataloger og møder: tjek og byg PDF og HTML fra YAML og Markdown.")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)

    def command(function: Callable[[argparse.Namespace], int], name: str) -> argparse.ArgumentParser:
        summary = (function.__doc__ or "").strip()
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.set_defaults(run=function)
        sub.add_argument("--root", type=Path, help="Repositoriets rod (mappen med agreements/, catalogues/ og meetings/).")
        sub.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
        return sub

    sub = command(build, "build")
    sub.add_argument("documents", nargs="*", help="Dokumenter som csr-2026, indsatskatalog-2026, das-social-2025-05-22 eller mapper.")
    sub.add_argument("--all", action="store_true", help="Byg alle dokumenter.")
    sub.add_argument("--year", type=int, help="Kun dokumenter fra dette år (med --all).")
    sub.add_argument("--dagsorden", action="store_true", help="Byg mødets dagsorden (uden beslutninger) i stedet for referatet.")
    sub.add_argument("--opfoelgning", choices=("midtvejs", "aar"), help="Byg aftalens opfølgning: midtvejs eller aar.")
    sub.add_argument("--format", choices=("pdf", "html", "all"), default="all", help="pdf, html eller all.")
    sub.add_argument("--out", type=Path, default=Path("build"), help="Mappen, filerne skrives til.")
    sub.add_argument("--pdf-variant", choices=("ua", "a3b"), default="ua", help="ua (PDF/UA-1) eller a3b (PDF/A-3b).")
    sub.add_argument("--timeout", type=_at_least(1, float), default=300.0, help="Højst så mange sekunder til PDF'en.")
    sub.add_argument("--max-memory", type=_at_least(256), default=4096, help="Højst så mange MiB hukommelse til PDF'en.")
    sub.add_argument("--force", action="store_true", help="Byg også dokumenter, der ikke er ændret.")
    sub.add_argument("--jobs", "-j", type=_at_least(1), help="Antal processer (standard: antal kerner).")

    sub = command(new, "new")
    sub.add_argument("unit", help="Enhedens kortnavn, fx csr (eller udvalgets, fx das-social).")
    sub.add_argument("year", help="Det nye aftaleår, fx 2027 (eller det nye mødes dato, fx 2025-11-17).")
    sub.add_argument("--from", dest="source", required=True,
                     help="Aftalen der kopieres, fx csr-2026 (eller udvalgets seneste møde, fx das-social-2025-10-02).")

    sub = command(diff_, "diff")
    sub.add_argument("first", help="Den første aftale, fx csr-2026.")
    sub.add_argument("second", help="Den anden aftale, fx csr-2027.")
    sub.add_argument("--html", type=Path, help="Skriv også ændringerne som en HTML-side.")

    sub = command(preview, "preview")
    sub.add_argument("document", help="Dokumentet, fx csr-2026.")
    sub.add_argument("--port", type=_port, default=8000, help="Porten på 127.0.0.1.")
    sub.add_argument("--open", action="store_true", help="Åbn siden i browseren.")

    sub = command(list_, "list")
    sub.add_argument("--year", type=int, help="Kun dokumenter fra dette år.")

    sub = command(export, "export")
    sub.add_argument("document", help="Dokumentet, fx csr-2026 eller das-social-2025-05-22, eller offers for registret over tilbud.")
    sub.add_argument("--out", type=Path, help="Skriv til denne fil i stedet for til standard-output.")

    sub = command(status, "status")
    sub.add_argument("--year", type=int, help="Året (standard: det nyeste år med aftaler).")
    sub.add_argument("--periode", choices=("midtvejs", "aar"),
                     help="midtvejs eller aar (standard: hver aftales seneste opfølgning).")
    sub.add_argument("--html", type=Path, help="Skriv også overblikket med diagrammer som en HTML-side.")
    sub.add_argument("--xlsx", type=Path, help="Skriv også alle mål og KPI-værdier til et Excel-ark.")
    sub.add_argument("--pdf", type=Path, help="Skriv også overblikket med diagrammer som PDF.")

    sub = command(check, "check")
    sub.add_argument("documents", nargs="*", help="Dokumenter som csr-2026 eller mapper; alle, hvis ingen.")
    sub.add_argument("--format", choices=("human", "github", "markdown", "json"), default="human",
                     help="human, github, markdown eller json.")
    sub.add_argument("--lang", choices=("da", "en"), default="da", help="da eller en.")
    sub.add_argument("--strict", action="store_true", help="Advarsler (ikke godkendte afvigelser) giver også exit-kode 1.")
    sub.add_argument("--changed-first", type=Path,
                     help="Fil med ændrede filer, én pr. linje (git diff --name-only): deres fund vises først.")
    sub.add_argument("--summary", type=Path, help="Tilføj alle fund som Markdown til denne fil (fx $GITHUB_STEP_SUMMARY).")
    sub.add_argument("--watch", action="store_true",
                     help="Tjek igen ved hver gemning, til Ctrl-C (til editorens problemliste).")
    return parser


def run(argv: Sequence[str] | None = None, *, whole_process: bool = False) -> int:
    """Run the `ia` command line on `argv` and return its exit code (2 for a usage error).

    `whole_process`: the process ends with the command (the `ia` executable), so a short
    command may tune the garbage collector for itself; never when called in-process.
    """
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (2), already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    args.whole_process = whole_process
    return _guard(lambda: args.run(args), debug=args.debug)


def main() -> None:
    sys.exit(run(whole_process=True))
