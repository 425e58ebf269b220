"""The pipeline, stage by stage: load → validate → check → render → write."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from ia import paths
from ia.diagnostics import Diagnostic, Span, StageFailed, cap_per_file
from ia.output import PDF_MEMORY, PDF_TIMEOUT, PDF_VARIANTS, Isolated, isolated, pdf_bytes, publish  # noqa: F401
from ia.workspace import agreement_folders, resolve_ref

if TYPE_CHECKING:
    from ia.document import Agreement

# The stages are imported where they are first needed, not here: `ia check` never renders,
# so it must not pay for Jinja, Babel's dates or the chart code, and `ia build` of a cached
# agreement needs none of them at all.

FORMATS = ("pdf", "html")
# The whole rendered document, in characters. CSR 2026 is about 0.4 MB with its charts;
# the per-construct limits (IA216, IA350, IA351, IA110) keep honest documents far below.
MAX_HTML = 20_000_000
_STAGE_EN = {"figuren": "the figure", "HTML'en": "the HTML"}


class Refused(Exception):
    """The document referred to resources the build will not fetch."""

    def __init__(self, urls: list[str]):
        super().__init__(", ".join(urls))
        self.urls = urls


@dataclass
class Result:
    """What a stage produced: the agreement (when it could be read) and every diagnostic."""

    agreement: Agreement | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    pages: int | None = None  # of the PDF, when one was built

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def load(root: Path, ref: str | Path) -> Result:
    """Read, validate and check one agreement, without rendering anything."""
    folder = ref if isinstance(ref, Path) else resolve_ref(root, ref)
    if isinstance(folder, Diagnostic):
        return Result(None, [folder])
    from ia.checks import run_checks
    from ia.document import image_refs
    from ia.source.folder import read_agreement, read_images
    from ia.validate import validate

    source = read_agreement(root, folder)
    agreement, diagnostics = validate(source)
    if agreement is not None:
        from ia.register import attach_register

        diagnostics.extend(attach_register(root, agreement))
        agreement.assets, problems = read_images(root, image_refs(agreement))
        diagnostics.extend(problems)
        diagnostics.extend(run_checks(agreement))
    diagnostics.sort(key=Diagnostic.sort_key)
    return Result(agreement, cap_per_file(diagnostics))


def all_refs(root: Path, *, year: int | None = None) -> list[Path]:
    return agreement_folders(root, year=year)


def created_date(agreement: Agreement) -> str | None:
    """The date written into the outputs: the agreement's own, else SOURCE_DATE_EPOCH, else none."""
    if agreement.meta.created:
        return agreement.meta.created.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat()
    return None


def render(agreement: Agreement, *, formats: tuple[str, ...], variant: str | None, root: Path,
           timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY) -> tuple[dict[str, bytes], int | None]:
    """Render the requested formats in memory, with the PDF's page count; nothing is written here.

    Raises `Isolated` when the PDF step runs out of time or memory, and `Refused` when
    the document asked for a resource outside the repository.
    """
    from ia.render.data import agreement_json
    from ia.render.html import render_html, templates_dir

    try:
        html = render_html(agreement, created=created_date(agreement))
    except StageFailed:
        raise
    except Exception as error:  # noqa: BLE001 - a bug or a limit in a library: say which stage
        raise StageFailed("HTML'en", Span(agreement.folder), f"{type(error).__name__}: {error}") from error
    if len(html) > MAX_HTML:
        # Checked before the PDF step: WeasyPrint would spend its whole time limit on it.
        raise StageFailed("HTML'en", Span(agreement.folder), f"{len(html)} tegn, højst {MAX_HTML}")
    rendered: dict[str, bytes] = {}
    pages = None
    if "html" in formats:
        rendered["html"] = html.encode("utf-8")
    if "pdf" in formats:
        templates = templates_dir()
        created = created_date(agreement)
        rendered["pdf"], pages, refused, read = isolated(
            pdf_bytes, html, timeout=timeout, memory=memory,
            base=templates / "css", stylesheets=[templates / "css" / "pdf.css"],
            allowed=[templates, root], variant=variant, repository=root,
            attachment=(f"{agreement.id}.json", "Aftalens data: mål, KPI'er og tabeller", agreement_json(agreement)),
            date=dt.date.fromisoformat(created) if created else agreement.meta.effective_date,
        )
        if refused:
            raise Refused(refused)
        for path, digest in read.items():  # what the PDF child read, for the build cache
            paths.note(path, digest)
    return rendered, pages


def build(root: Path, ref: str | Path, *, out_dir: Path, formats: tuple[str, ...] = FORMATS,
          variant: str | None = "pdf/ua-1", timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY) -> Result:
    """Load, check, render and write one agreement; on any error nothing is written."""
    result = load(root, ref)
    if result.agreement is None or result.errors:
        return result
    where = Span(result.agreement.folder)
    try:
        rendered, result.pages = render(result.agreement, formats=formats, variant=variant, root=root, timeout=timeout, memory=memory)
    except Isolated as stopped:
        code = {"timeout": "IA905", "memory": "IA906"}.get(stopped.kind, "IA901")
        limit = f"{timeout:g} s" if stopped.kind == "timeout" else f"{memory // 1024**2} MiB"
        result.diagnostics.append(Diagnostic(code, where, {"limit": limit, "problem": stopped.detail}))
        return result
    except StageFailed as failed:
        result.diagnostics.append(Diagnostic("IA909", failed.span, {"stage": failed.stage, "problem": failed.problem[:300],
                                                                "stage_en": _STAGE_EN.get(failed.stage, failed.stage)}))
        return result
    except Refused as refused:
        result.diagnostics.extend(Diagnostic("IA904", where, {"url": url[:200]}) for url in refused.urls)
        return result
    except Exception as error:  # WeasyPrint and friends: report, never a traceback
        result.diagnostics.append(Diagnostic("IA901", where, {"problem": f"{type(error).__name__}: {error}"}))
        return result
    files = {f"{result.agreement.id}.{kind}": data for kind, data in rendered.items()}
    written, problem = publish(root, out_dir, result.agreement.id, files)
    if problem:
        result.diagnostics.append(problem)
        return result
    result.outputs.extend(written)
    return result
