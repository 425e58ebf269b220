"""The pipeline, stage by stage: load → validate → check → render → write."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ia.checks import run_checks
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement
from ia.output import atomic_write, pdf_bytes
from ia.render.data import agreement_json
from ia.render.html import render_html, templates_dir
from ia.source.folder import agreement_folders, read_agreement, resolve_ref
from ia.validate import validate

FORMATS = ("pdf", "html")
PDF_VARIANTS = {"ua": "pdf/ua-1", "a3b": "pdf/a-3b", "none": None}


@dataclass
class Result:
    """What a stage produced: the agreement (when it could be read) and every diagnostic."""

    agreement: Agreement | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def load(root: Path, ref: str | Path) -> Result:
    """Read, validate and check one agreement, without rendering anything."""
    folder = ref if isinstance(ref, Path) else resolve_ref(root, ref)
    if isinstance(folder, Diagnostic):
        return Result(None, [folder])
    source = read_agreement(root, folder)
    agreement, diagnostics = validate(source)
    if agreement is not None:
        diagnostics.extend(run_checks(agreement))
    diagnostics.sort(key=Diagnostic.sort_key)
    return Result(agreement, diagnostics)


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


def render(agreement: Agreement, *, formats: tuple[str, ...], variant: str | None, root: Path) -> dict[str, bytes]:
    """Render the requested formats in memory; nothing is written here."""
    html = render_html(agreement, created=created_date(agreement))
    rendered: dict[str, bytes] = {}
    if "html" in formats:
        rendered["html"] = html.encode("utf-8")
    if "pdf" in formats:
        templates = templates_dir()
        created = created_date(agreement)
        rendered["pdf"] = pdf_bytes(
            html, base=templates / "css", stylesheets=[templates / "css" / "pdf.css"],
            allowed=[templates, root], variant=variant,
            attachment=(f"{agreement.id}.json", "Aftalens data: mål, KPI'er og tabeller", agreement_json(agreement)),
            date=dt.date.fromisoformat(created) if created else agreement.meta.effective_date,
        )
    return rendered


def build(root: Path, ref: str | Path, *, out_dir: Path, formats: tuple[str, ...] = FORMATS,
          variant: str | None = "pdf/ua-1") -> Result:
    """Load, check, render and write one agreement; on any error nothing is written."""
    result = load(root, ref)
    if result.agreement is None or result.errors:
        return result
    try:
        rendered = render(result.agreement, formats=formats, variant=variant, root=root)
    except Exception as error:  # WeasyPrint and friends: report, never a traceback
        result.diagnostics.append(Diagnostic("IA901", Span(result.agreement.folder), {"problem": f"{type(error).__name__}: {error}"}))
        return result
    for kind, data in rendered.items():
        target = out_dir / f"{result.agreement.id}.{kind}"
        problem = atomic_write(target, data)
        if problem:
            result.diagnostics.append(problem)
            return result
        result.outputs.append(target)
    return result
