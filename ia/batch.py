"""Build and list many agreements: parallel processes, a content-hash cache, a summary."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ia import cache, paths
from ia.diagnostics import Diagnostic, Span
from ia.output import PDF_MEMORY, PDF_TIMEOUT, die_with_parent


@dataclass
class Summary:
    """One agreement's line in the summary table."""

    id: str
    status: str  # "bygget", "uændret" or "fejl"
    pages: int | None = None
    errors: int = 0
    warnings: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list, repr=False)


def agreement_id(folder: Path) -> str:
    return f"{folder.name}-{folder.parent.name}"


def cached(root: Path, folder: Path, out_dir: Path, formats: tuple[str, ...], variant: str | None) -> Summary | None:
    """The summary of an agreement whose outputs are up to date, decided without the pipeline."""
    started = time.perf_counter()
    record = cache.lookup(root, out_dir, agreement_id(folder), formats=formats, variant=variant)
    if record is None:
        return None
    return Summary(agreement_id(folder), "uændret", record.get("pages"), 0, int(record.get("warnings") or 0),
                   time.perf_counter() - started, sorted(record["outputs"]))


def build_one(root: Path, folder: Path, out_dir: Path, formats: tuple[str, ...], variant: str | None,
              timeout: float, memory: int, use_cache: bool) -> Summary:
    """Build one agreement unless the cache says its outputs are already up to date."""
    started = time.perf_counter()
    if use_cache and (hit := cached(root, folder, out_dir, formats, variant)):
        return hit
    from ia.pipeline import build  # only now: a cached agreement never imports the pipeline

    with paths.journal() as inputs:
        result = build(root, folder, out_dir=out_dir, formats=formats, variant=variant, timeout=timeout, memory=memory)
    errors = len(result.errors)
    summary = Summary(agreement_id(folder), "fejl" if errors else "bygget", None, errors,
                      len(result.diagnostics) - errors, 0.0, [p.name for p in result.outputs], result.diagnostics)
    summary.pages = result.pages
    if not errors:
        try:
            cache.store(root, out_dir, summary.id, formats=formats, variant=variant, inputs=inputs,
                        outputs=summary.outputs, pages=summary.pages, warnings=summary.warnings)
        except paths.PathError as refused:
            # The outputs are written; the record is not. Say where, as a write problem.
            summary.diagnostics.append(Diagnostic(refused.code, Span(refused.path), refused.args_))
            summary.status, summary.errors = "fejl", 1
    summary.seconds = time.perf_counter() - started
    return summary


def _has_chart(root: Path, folder: Path) -> bool:
    """Say whether any of the agreement's tables declares a chart (read through the path rule)."""
    tables = folder / "tables"
    for name in paths.listing(root, tables):
        try:
            if name.endswith(".yaml") and b"\nchart:" in b"\n" + paths.read_bytes(root, tables / name):
                return True
        except paths.PathError:
            continue  # the build reports it
    return False


def _prepare(root: Path, folders: list[Path], formats: tuple[str, ...]) -> None:
    """Import, once and in this process, what building `folders` will import.

    Workers and isolated PDF children are forked from here and inherit the imports
    instead of paying for them again: WeasyPrint took about a second in every PDF child,
    matplotlib as long again in every worker that drew a chart. The PDF child keeps its
    own time and memory limits; only the import moves.
    """
    import ia.pipeline  # noqa: F401 - the stages
    import ia.render.html  # noqa: F401

    if "pdf" in formats:
        import weasyprint  # noqa: F401
        import weasyprint.text.fonts  # noqa: F401
    if any(_has_chart(root, folder) for folder in folders):
        from ia.render.charts import prepare

        prepare()


def build_many(root: Path, folders: list[Path], *, out_dir: Path, formats: tuple[str, ...] = ("pdf", "html"),
               variant: str | None = "pdf/ua-1", timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY,
               use_cache: bool = True, workers: int | None = None,
               progress: Callable[[Summary], None] | None = None,
               starting: Callable[[int], None] | None = None) -> list[Summary]:
    """Build agreements in parallel processes; return their summaries in the folders' order.

    `progress` hears of each agreement as it is done; `starting` hears how many must be
    built, once the cache has been asked and only when there is any.
    """
    order = {agreement_id(f): i for i, f in enumerate(folders)}
    results: list[Summary] = []
    if use_cache:  # in this process first: a no-op build starts no worker and imports no pipeline
        todo = []
        for folder in folders:
            hit = cached(root, folder, out_dir, formats, variant)
            if hit is None:
                todo.append(folder)
                continue
            results.append(hit)
            if progress:
                progress(hit)
        folders = todo
    args = (out_dir, formats, variant, timeout, memory, False)
    workers = max(1, min(workers or os.cpu_count() or 1, len(folders)))
    if len(folders) > 1:  # one agreement imports as much either way
        _prepare(root, folders, formats)
    if folders and starting:
        starting(len(folders))
    if not folders:
        pass
    elif workers == 1:
        for folder in folders:
            results.append(build_one(root, folder, *args))
            if progress:
                progress(results[-1])
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(build_one, root, folder, *args) for folder in folders]
            for future in as_completed(futures):
                results.append(future.result())
                if progress:
                    progress(results[-1])
    return sorted(results, key=lambda s: order[s.id])


@dataclass
class Listing:
    id: str
    year: int
    unit: str
    goals: int
    errors: int
    warnings: int


def list_agreements(root: Path, folders: list[Path]) -> Iterator[Listing]:
    """Each agreement with its year, unit, goal count and check status."""
    from ia.pipeline import load

    for folder in folders:
        result = load(root, folder)
        errors = len(result.errors)
        agreement = result.agreement
        yield Listing(
            id=f"{folder.name}-{folder.parent.name}",
            year=int(folder.parent.name) if folder.parent.name.isdigit() else 0,
            unit=agreement.meta.unit_name if agreement and agreement.meta else folder.name,
            goals=len(agreement.goals) if agreement else 0,
            errors=errors, warnings=len(result.diagnostics) - errors,
        )
