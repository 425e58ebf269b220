"""Build and list many agreements: parallel processes, a content-hash cache, a summary."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ia.diagnostics import Diagnostic
from ia.pipeline import PDF_MEMORY, PDF_TIMEOUT, build, load
from ia.source.fingerprint import fingerprint

CACHE = ".cache"


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


def _cache_file(out_dir: Path, agreement_id: str) -> Path:
    return out_dir / CACHE / f"{agreement_id}.json"


def _pages(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf is a test dependency; the count is a nicety
        return None
    return len(PdfReader(pdf).pages)


def build_one(root: Path, folder: Path, out_dir: Path, formats: tuple[str, ...], variant: str | None,
              timeout: float, memory: int, use_cache: bool) -> Summary:
    """Build one agreement unless the cache says its outputs are already up to date."""
    started = time.perf_counter()
    agreement_id = f"{folder.name}-{folder.parent.name}"
    key = fingerprint(folder, options=json.dumps([formats, variant]))
    cache = _cache_file(out_dir, agreement_id)
    if use_cache and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        outputs = [out_dir / name for name in stored.get("outputs", [])]
        if stored.get("fingerprint") == key and outputs and all(p.exists() for p in outputs):
            return Summary(agreement_id, "uændret", stored.get("pages"), 0, stored.get("warnings", 0),
                           time.perf_counter() - started, [p.name for p in outputs])
    result = build(root, folder, out_dir=out_dir, formats=formats, variant=variant, timeout=timeout, memory=memory)
    errors = len(result.errors)
    summary = Summary(agreement_id, "fejl" if errors else "bygget", None, errors,
                      len(result.diagnostics) - errors, 0.0, [p.name for p in result.outputs], result.diagnostics)
    pdf = next((p for p in result.outputs if p.suffix == ".pdf"), None)
    summary.pages = _pages(pdf) if pdf else None
    if not errors:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"fingerprint": key, "outputs": summary.outputs, "pages": summary.pages,
                                     "warnings": summary.warnings}, indent=2) + "\n", encoding="utf-8")
    summary.seconds = time.perf_counter() - started
    return summary


def build_many(root: Path, folders: list[Path], *, out_dir: Path, formats: tuple[str, ...] = ("pdf", "html"),
               variant: str | None = "pdf/ua-1", timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY,
               use_cache: bool = True, workers: int | None = None,
               progress: Callable[[Summary], None] | None = None) -> list[Summary]:
    """Build agreements in parallel processes; return their summaries in the folders' order."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(folders)))
    order = {f"{f.name}-{f.parent.name}": i for i, f in enumerate(folders)}
    results: list[Summary] = []
    args = (out_dir, formats, variant, timeout, memory, use_cache)
    if workers == 1:
        for folder in folders:
            results.append(build_one(root, folder, *args))
            if progress:
                progress(results[-1])
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
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
    for folder in folders:
        result = load(root, folder)
        errors = len(result.errors)
        agreement = result.agreement
        yield Listing(
            id=f"{folder.name}-{folder.parent.name}",
            year=int(folder.parent.name) if folder.parent.name.isdigit() else 0,
            unit=agreement.meta.unit_name if agreement else folder.name,
            goals=len(agreement.goals) if agreement else 0,
            errors=errors, warnings=len(result.diagnostics) - errors,
        )
