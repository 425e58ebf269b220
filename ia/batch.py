"""Build and list many documents: parallel processes, a content-hash cache, a summary."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ia import cache, paths
from ia.diagnostics import Diagnostic, Span
from ia.output import PDF_MEMORY, PDF_TIMEOUT, die_with_parent, discard_pdf_child, start_pdf_child
from ia.workspace import DocumentRef


@dataclass
class Summary:
    """One document's line in the summary table."""

    id: str
    status: str  # "bygget", "uændret" or "fejl"
    pages: int | None = None
    errors: int = 0
    warnings: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list, repr=False)


def cached(root: Path, ref: DocumentRef, out_dir: Path, formats: tuple[str, ...], variant: str | None,
           edition: str | None = None) -> Summary | None:
    """The summary of a document whose outputs are up to date, decided without the pipeline."""
    started = time.perf_counter()
    output_id = ref.output_id(edition)
    record = cache.lookup(root, out_dir, output_id, formats=formats, variant=variant)
    if record is None:
        return None
    return Summary(output_id, "uændret", record.get("pages"), 0, int(record.get("warnings") or 0),
                   time.perf_counter() - started, sorted(record["outputs"]))


def build_one(root: Path, ref: DocumentRef, out_dir: Path, formats: tuple[str, ...], variant: str | None,
              timeout: float, memory: int, use_cache: bool, edition: str | None = None) -> Summary:
    """Build one document unless the cache says its outputs are already up to date."""
    started = time.perf_counter()
    if use_cache and (hit := cached(root, ref, out_dir, formats, variant, edition)):
        return hit
    from ia.pipeline import build  # only now: a cached document never imports the pipeline

    with paths.journal() as inputs:
        result = build(root, ref, out_dir=out_dir, formats=formats, variant=variant, edition=edition,
                       timeout=timeout, memory=memory)
    errors = len(result.errors)
    summary = Summary(ref.output_id(edition), "fejl" if errors else "bygget", None, errors,
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


def _has_chart(root: Path, ref: DocumentRef) -> bool:
    """Say whether any of the document's tables declares a chart (read through the path rule)."""
    tables = ref.folder / "tables"
    for name in paths.listing(root, tables):
        try:
            if name.endswith(".yaml") and b"\nchart:" in b"\n" + paths.read_bytes(root, tables / name):
                return True
        except paths.PathError:
            continue  # the build reports it
    return False


def _prepare(root: Path, refs: list[DocumentRef], formats: tuple[str, ...]) -> None:
    """Import, once and in this process, what building `refs` will import.

    Workers and isolated PDF children are forked from here and inherit the imports
    instead of paying for them again: WeasyPrint took about a second in every PDF child,
    matplotlib as long again in every worker that drew a chart. The PDF child keeps its
    own time and memory limits; only the import moves.
    """
    import ia.pipeline  # noqa: F401 - the stages
    import ia.render.html  # noqa: F401
    from ia.kinds import adapter

    for kind in sorted({ref.kind for ref in refs}):
        adapter(kind)

    if "pdf" in formats:
        import weasyprint  # noqa: F401
        import weasyprint.text.fonts  # noqa: F401
    if any(_has_chart(root, ref) for ref in refs):
        from ia.render.charts import prepare

        prepare()


def build_many(root: Path, refs: list[DocumentRef], *, out_dir: Path, edition: str | None = None, formats: tuple[str, ...] = ("pdf", "html"),
               variant: str | None = "pdf/ua-1", timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY,
               use_cache: bool = True, workers: int | None = None,
               progress: Callable[[Summary], None] | None = None,
               starting: Callable[[int], None] | None = None) -> list[Summary]:
    """Build documents in parallel processes; return their summaries in the refs' order.

    `progress` hears of each document as it is done; `starting` hears how many must be
    built, once the cache has been asked and only when there is any.
    """
    order = {ref.output_id(edition): i for i, ref in enumerate(refs)}
    results: list[Summary] = []
    if use_cache:  # in this process first: a no-op build starts no worker and imports no pipeline
        todo = []
        for ref in refs:
            hit = cached(root, ref, out_dir, formats, variant, edition)
            if hit is None:
                todo.append(ref)
                continue
            results.append(hit)
            if progress:
                progress(hit)
        refs = todo
    args = (out_dir, formats, variant, timeout, memory, False, edition)
    workers = max(1, min(workers or os.cpu_count() or 1, len(refs)))
    if len(refs) > 1:  # one document imports as much either way
        _prepare(root, refs, formats)
    elif refs and "pdf" in formats:
        start_pdf_child(memory)  # it imports WeasyPrint while this process loads and renders
    if refs and starting:
        starting(len(refs))
    if not refs:
        pass
    elif workers == 1:
        try:
            for ref in refs:
                results.append(build_one(root, ref, *args))
                if progress:
                    progress(results[-1])
        finally:
            discard_pdf_child()
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(build_one, root, ref, *args) for ref in refs]
            for future in as_completed(futures):
                results.append(future.result())
                if progress:
                    progress(results[-1])
    return sorted(results, key=lambda s: order[s.id])


def check_many(root: Path, refs: list, *, whole: bool = False, short_lived: bool = False) -> list[Diagnostic]:
    """Every diagnostic of the documents, each once: a shared file (a year's rules, the
    register of offers) is part of many documents and is reported once. Checking the
    `whole` repository checks the register of offers too, even when no document uses it,
    and names the offers no document shows.

    `short_lived`: the process ends after this check (the `ia check` executable).
    """
    from ia.pipeline import load

    if short_lived:
        # The first document imports pydantic, markdown-it and the models: hundreds of
        # thousands of objects that live to the end, which the cyclic collector would walk
        # again and again (a tenth of a check). It waits until they exist, then they are
        # frozen out of its passes; the documents after are collected as usual.
        gc.disable()

    def loaded(ref):
        result = load(root, ref)
        if short_lived and not gc.isenabled():
            gc.freeze()
            gc.enable()
        return result

    found: list[Diagnostic] = []
    seen: set[tuple] = set()
    batches: list[list[Diagnostic]] = []
    uses: dict[str, set[str] | None] = {}  # the offer keys each document shows; None: unknown
    for ref in refs:
        result = loaded(ref)
        batches.append(result.diagnostics)
        if whole:
            from ia.register.across import used_offer_keys

            uses[result.ref.id if result.ref else str(ref)] = used_offer_keys(result.document)
    if whole:
        # With every document: an offer none of them shows is named (IA847).
        from ia.register import check_with_documents

        batches.insert(0, check_with_documents(root, uses))
    for diagnostics in batches:
        for diagnostic in diagnostics:
            key = (diagnostic.code, diagnostic.span, diagnostic.message())
            if key not in seen:
                seen.add(key)
                found.append(diagnostic)
    return found


@dataclass
class Listing:
    """A document's line in `ia list`."""

    id: str
    kind: str  # Danish label: aftale, katalog, møde
    year: int
    title: str
    count: str
    errors: int
    warnings: int


def list_documents(root: Path, refs: list[DocumentRef]) -> Iterator[Listing]:
    """Each document with its kind, year, title, size and check status."""
    from ia.kinds import adapter
    from ia.pipeline import load

    for ref in refs:
        result = load(root, ref)
        errors = len(result.errors)
        if result.document is not None:
            line = adapter(ref.kind).listing(result.document)
            title, count = line.title, line.count
        else:
            title, count = ref.key, "–"
        yield Listing(ref.id, ref.kind_info.label, ref.year, title, count, errors, len(result.diagnostics) - errors)
