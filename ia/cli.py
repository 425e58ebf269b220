"""The `ia` command: parse options, call the pipeline, print, return an exit code."""

from __future__ import annotations

import re
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ia import report
from ia.diagnostics import Diagnostic, Span

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Institutionsaftaler: tjek og byg PDF og HTML fra YAML og Markdown.")

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class OutputFormat(str, Enum):
    pdf = "pdf"
    html = "html"
    all = "all"


class ReportFormat(str, Enum):
    human = "human"
    github = "github"
    markdown = "markdown"
    json = "json"


class Lang(str, Enum):
    da = "da"
    en = "en"


class Variant(str, Enum):
    ua = "ua"
    a3b = "a3b"


RootOption = Annotated[Optional[Path], typer.Option("--root", help="Repositoriets rod (mappen med agreements/).")]


def _root(root: Path | None) -> Path:
    from ia.workspace import find_root

    return find_root(root or Path.cwd())


def _print(diagnostics: list[Diagnostic], *, root: Path, fmt: ReportFormat = ReportFormat.human, lang: str = "da",
           changed: frozenset[str] = frozenset()) -> None:
    if fmt is ReportFormat.json:
        print(report.as_json(diagnostics, lang=lang))
    elif fmt is ReportFormat.markdown:
        print(report.markdown(diagnostics, lang=lang, changed=changed), end="")
    elif fmt is ReportFormat.github:
        if diagnostics:
            print(report.github(diagnostics, lang=lang, changed=changed))
    elif diagnostics:
        _stderr().print(report.styled(report.human(diagnostics, root=root, lang=lang)))


def _stderr():
    from rich.console import Console

    # Colour only on a terminal; CI logs and pipes get the plain text.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _folder(base: Path, ref: str) -> Path | None:
    """Resolve an agreement id or folder; print the diagnostic and return None when unknown."""
    from ia.workspace import resolve_ref

    found = resolve_ref(base, ref)
    if isinstance(found, Diagnostic):
        _print([found], root=base)
        return None
    return found


def _guard(run) -> int:
    """Run a command body; an unexpected exception becomes an IA903 line, never a traceback."""
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence for users
        diagnostic = Diagnostic("IA903", Span("ia"), {"problem": f"{type(error).__name__}: {error}"})
        print(report.human([diagnostic], root=Path.cwd()), file=sys.stderr)
        if "--debug" in sys.argv:
            traceback.print_exc()
        return EXIT_USAGE


@app.command()
def build(
    agreements: Annotated[Optional[list[str]], typer.Argument(help="Aftaler som csr-2026 eller mapper.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Byg alle aftaler.")] = False,
    year: Annotated[Optional[int], typer.Option("--year", help="Kun aftaler fra dette år (med --all).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="pdf, html eller all.")] = OutputFormat.all,
    out: Annotated[Path, typer.Option("--out", help="Mappen, filerne skrives til.")] = Path("build"),
    variant: Annotated[Variant, typer.Option("--pdf-variant", help="ua (PDF/UA-1) eller a3b (PDF/A-3b).")] = Variant.ua,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Højst så mange sekunder til PDF'en.")] = 300.0,
    max_memory: Annotated[int, typer.Option("--max-memory", min=256, help="Højst så mange MiB hukommelse til PDF'en.")] = 4096,
    force: Annotated[bool, typer.Option("--force", help="Byg også aftaler, der ikke er ændret.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Antal processer (standard: antal kerner).")] = None,
    root: RootOption = None,
    debug: Annotated[bool, typer.Option("--debug", hidden=True)] = False,
) -> None:
    """Byg PDF og HTML for en eller flere aftaler."""
    del debug

    def run() -> int:
        from ia.batch import build_many
        from ia.output import PDF_VARIANTS
        from ia.workspace import agreement_folders

        base = _root(root)
        if all_:
            folders = agreement_folders(base, year=year)
        elif agreements:
            folders = [_folder(base, ref) for ref in agreements]
            if None in folders:
                return EXIT_ERRORS
        else:
            print("ia build: angiv en aftale (fx csr-2026) eller --all", file=sys.stderr)
            return EXIT_USAGE
        if not folders:
            _print([Diagnostic("IA124", Span(str(base)), {"folder": "agreements"})], root=base)
            return EXIT_USAGE
        formats = ("pdf", "html") if fmt is OutputFormat.all else (fmt.value,)
        out_dir = out if out.is_absolute() else Path.cwd() / out
        console = _stderr()
        many = all_ or len(folders) > 1

        def report_one(summary) -> None:
            errors = [d for d in summary.diagnostics if d.is_error]
            if errors:
                _print(errors, root=base)
            for name in summary.outputs if summary.status == "bygget" else []:
                target = out_dir / name
                shown = target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target
                console.print(f"skrev {shown} ({summary.seconds:.1f} s)")
            if summary.status == "uændret" and not many:
                console.print(f"{summary.id}: uændret siden sidste bygning (brug --force for at bygge igen)")
            if summary.status == "fejl":
                console.print(f"{summary.id}: {summary.errors} fejl – intet skrevet")
            elif summary.warnings:
                console.print(f"{summary.id}: {report.warnings_text(summary.warnings)} (ia check {summary.id} viser dem)")

        options = dict(out_dir=out_dir, formats=formats, variant=PDF_VARIANTS[variant.value], timeout=timeout,
                       memory=max_memory * 1024**2, use_cache=not force, workers=jobs)
        if many:
            from rich.progress import Progress

            with Progress(console=console, transient=True) as bar:
                task = bar.add_task("Bygger aftaler", total=len(folders))

                def advance(summary) -> None:
                    bar.advance(task)
                    report_one(summary)

                summaries = build_many(base, folders, progress=advance, **options)
            console.print(_summary_table(summaries))
        else:
            summaries = build_many(base, folders, progress=report_one, **options)
        return EXIT_ERRORS if any(s.status == "fejl" for s in summaries) else EXIT_OK

    raise typer.Exit(_guard(run))


def _summary_table(summaries):
    from rich.table import Table

    table = Table(title="Aftaler")
    for column, justify in (("Aftale", "left"), ("Status", "left"), ("Sider", "right"), ("Fejl", "right"),
                            ("Advarsler", "right"), ("Tid", "right")):
        table.add_column(column, justify=justify)
    for s in summaries:
        table.add_row(s.id, s.status, str(s.pages or "–"), str(s.errors), str(s.warnings), f"{s.seconds:.1f} s")
    return table


@app.command()
def new(
    unit: Annotated[str, typer.Argument(help="Enhedens kortnavn, fx csr.")],
    year: Annotated[int, typer.Argument(help="Det nye aftaleår, fx 2027.")],
    source: Annotated[str, typer.Option("--from", help="Aftalen der kopieres, fx csr-2026.")],
    root: RootOption = None,
) -> None:
    """Start næste års aftale ud fra en eksisterende."""

    def run() -> int:
        from ia.new import plan
        from ia.output import atomic_write
        from ia.pipeline import load

        base = _root(root)
        folder = _folder(base, source)
        if folder is None:
            return EXIT_ERRORS
        if not re.fullmatch(r"[a-zæøå0-9_]+(-[a-zæøå0-9_]+)*", unit):
            print(f"ia new: '{unit}' er ikke et kortnavn (små bogstaver, tal og bindestreg)", file=sys.stderr)
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
        console = _stderr()
        console.print(f"oprettede agreements/{year}/{unit}/ fra {source} ({len(files)} filer)")
        console.print(f"{new_id}: {report.summary(result.diagnostics)} – ret dem med ia check {new_id}")
        return EXIT_OK

    raise typer.Exit(_guard(run))


@app.command("diff")
def diff_(
    first: Annotated[str, typer.Argument(help="Den første aftale, fx csr-2026.")],
    second: Annotated[str, typer.Argument(help="Den anden aftale, fx csr-2027.")],
    html: Annotated[Optional[Path], typer.Option("--html", help="Skriv også ændringerne som en HTML-side.")] = None,
    root: RootOption = None,
) -> None:
    """Vis hvad der er ændret mellem to aftaler: mål, KPI-mål og tal i tabellerne."""

    def run() -> int:
        from ia.diff import diff, unreadable
        from ia.pipeline import load
        from ia.render.diff import diff_html, diff_text

        base = _root(root)
        results = [load(base, ref) for ref in (first, second)]
        # A file that could not be read or validated is missing from its agreement: comparing
        # then would report its goals and tables as removed. Broken input is a diagnostic.
        if any(r.agreement is None for r in results):
            _print([d for r in results for d in r.diagnostics if r.agreement is None], root=base)
            return EXIT_ERRORS
        broken = [d for r in results for d in r.diagnostics if unreadable(d)]
        skipped = frozenset(d.span.path.removeprefix(r.agreement.folder.rstrip("/") + "/")
                            for r in results for d in r.diagnostics if unreadable(d))
        changes = diff(results[0].agreement, results[1].agreement, broken=skipped)
        from rich.console import Console

        Console(highlight=False).print(diff_text(changes))
        if html is not None:
            from ia.output import atomic_write

            target = html if html.is_absolute() else Path.cwd() / html
            problem = atomic_write({target: diff_html(changes).encode("utf-8")}, root=base)
            if problem:
                _print([problem], root=base)
                return EXIT_ERRORS
        if broken:
            _print(broken, root=base)
            print(f"ia diff: {len({d.span.path for d in broken})} fil(er) kunne ikke læses og er ikke sammenlignet",
                  file=sys.stderr)
            return EXIT_ERRORS
        return EXIT_OK

    raise typer.Exit(_guard(run))


@app.command()
def preview(
    agreement: Annotated[str, typer.Argument(help="Aftalen, fx csr-2026.")],
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Porten på 127.0.0.1.")] = 8000,
    open_browser: Annotated[bool, typer.Option("--open", help="Åbn siden i browseren.")] = False,
    root: RootOption = None,
) -> None:
    """Vis aftalen i browseren, og byg den igen ved hver gemning."""

    def run() -> int:
        import threading

        from ia.preview import Preview, serve, watch

        base = _root(root)
        folder = _folder(base, agreement)
        if folder is None:
            return EXIT_ERRORS
        console = _stderr()
        state = Preview(base, folder)
        server = serve(state, port=port)
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        console.print(f"viser {agreement} på {url} – gem en fil for at se ændringen, Ctrl-C stopper")
        if open_browser:
            import webbrowser

            webbrowser.open(url)
        stop = threading.Event()
        watch(state, stop, lambda p: console.print(f"bygget igen (version {p.version})"))
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            server.shutdown()
        return EXIT_OK

    raise typer.Exit(_guard(run))


@app.command("list")
def list_(
    year: Annotated[Optional[int], typer.Option("--year", help="Kun aftaler fra dette år.")] = None,
    root: RootOption = None,
) -> None:
    """Vis aftalerne med år, enhed, antal mål og status fra ia check."""

    def run() -> int:
        from rich.console import Console
        from rich.table import Table

        from ia.batch import list_agreements
        from ia.pipeline import all_refs

        base = _root(root)
        table = Table(title="Institutionsaftaler")
        for column, justify in (("Aftale", "left"), ("År", "right"), ("Enhed", "left"), ("Mål", "right"), ("Tjek", "left")):
            table.add_column(column, justify=justify)
        for item in list_agreements(base, all_refs(base, year=year)):
            status = "ok" if not item.errors and not item.warnings else (
                f"{item.errors} fejl" if item.errors else report.warnings_text(item.warnings))
            table.add_row(item.id, str(item.year), item.unit, str(item.goals), status)
        Console(highlight=False).print(table)
        return EXIT_OK

    raise typer.Exit(_guard(run))


@app.command()
def check(
    agreements: Annotated[Optional[list[str]], typer.Argument(help="Aftaler som csr-2026 eller mapper; alle, hvis ingen.")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="human, github, markdown eller json.")] = ReportFormat.human,
    lang: Annotated[Lang, typer.Option("--lang", help="da eller en.")] = Lang.da,
    strict: Annotated[bool, typer.Option("--strict", help="Advarsler giver også exit-kode 1.")] = False,
    changed_first: Annotated[Optional[Path], typer.Option(
        "--changed-first", help="Fil med ændrede filer, én pr. linje (git diff --name-only): deres fund vises først.")] = None,
    summary: Annotated[Optional[Path], typer.Option(
        "--summary", help="Tilføj alle fund som Markdown til denne fil (fx $GITHUB_STEP_SUMMARY).")] = None,
    root: RootOption = None,
    debug: Annotated[bool, typer.Option("--debug", hidden=True)] = False,
) -> None:
    """Tjek aftaler uden at bygge dem."""
    del debug

    def run() -> int:
        from ia.pipeline import all_refs, load

        base = _root(root)
        changed: frozenset[str] = frozenset()
        if changed_first is not None:
            try:
                changed = frozenset(changed_first.read_text(encoding="utf-8").split())
            except OSError as error:
                print(f"ia check: kan ikke læse --changed-first {changed_first}: {error.strerror}", file=sys.stderr)
                return EXIT_USAGE
        refs: list[str | Path] = list(agreements) if agreements else list(all_refs(base))
        if not refs:
            diagnostic = Diagnostic("IA124", Span(str(base)), {"folder": str(base / "agreements")})
            _print([diagnostic], root=base, fmt=fmt, lang=lang.value)
            return EXIT_USAGE
        found: list[Diagnostic] = []
        seen: set[tuple] = set()
        for ref in refs:
            for diagnostic in load(base, ref).diagnostics:
                # A year's shared file is part of every agreement of the year: report it once.
                key = (diagnostic.code, diagnostic.span, diagnostic.message())
                if key not in seen:
                    seen.add(key)
                    found.append(diagnostic)
        _print(found, root=base, fmt=fmt, lang=lang.value, changed=changed)
        if summary is not None:
            from ia.output import append_text

            problem = append_text(summary, report.markdown(found, lang=lang.value, changed=changed))
            if problem:
                _print([problem], root=base)
                return EXIT_USAGE
        if fmt is ReportFormat.human:
            print(f"{len(refs)} aftale(r) tjekket: {report.summary(found, lang.value)}", file=sys.stderr)
        failing = any(d.is_error for d in found) or (strict and found)
        return EXIT_ERRORS if failing else EXIT_OK

    raise typer.Exit(_guard(run))


def main() -> None:
    app()
