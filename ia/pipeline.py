"""The pipeline, stage by stage: load → validate → check → render → write."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Any

from ia import paths
from ia.diagnostics import Diagnostic, Span, StageFailed, cap_per_file
from ia.output import PDF_MEMORY, PDF_TIMEOUT, PDF_VARIANTS, Isolated, isolated, pdf_bytes, publish  # noqa: F401
from ia.workspace import DocumentRef, documents, from_folder, loose_agreement, resolve

if TYPE_CHECKING:
    from ia.document import Agreement

# The stages are imported where they are first needed, not here: `ia check` never renders,
# so it must not pay for Jinja, Babel's dates or the chart code, and `ia build` of a cached
# document needs none of them at all. What a kind does is its adapter's (ia.kinds).

FORMATS = ("pdf", "html")
# The whole rendered document, in characters. CSR 2026 is about 0.4 MB with its charts;
# the per-construct limits (IA216, IA350, IA351, IA110) keep honest documents far below.
MAX_HTML = 20_000_000
_STAGE_EN = {"figuren": "the figure", "HTML'en": "the HTML", "opfølgningen": "the follow-up"}


class Refused(Exception):
    """The document referred to resources the build will not fetch."""

    def __init__(self, urls: list[str]):
        super().__init__(", ".join(urls))
        self.urls = urls


@dataclass
class Result:
    """What the stages produced: the document (when it could be read) and every diagnostic."""

    document: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    pages: int | None = None  # of the PDF, when one was built
    ref: DocumentRef | None = None

    @property
    def agreement(self) -> Agreement | None:
        """The document, by the name the agreement kind's code and tests use."""
        return self.document

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def find(root: Path, ref: str | Path | DocumentRef) -> DocumentRef | Diagnostic:
    """The document an id, a folder or a ref names."""
    if isinstance(ref, DocumentRef):
        return ref
    if isinstance(ref, Path):
        # A folder given by the code that found it: the kind its place says, else an agreement
        # (whose loader then reports a missing agreement.yaml at the folder).
        return from_folder(root, ref) or loose_agreement(Path(os.path.abspath(ref)))
    return resolve(root, ref)


def load(root: Path, ref: str | Path | DocumentRef) -> Result:
    """Read, validate and check one document of any kind, without rendering anything."""
    from ia.kinds import adapter

    found = find(root, ref)
    if isinstance(found, Diagnostic):
        return Result(None, [found])
    document, diagnostics = adapter(found.kind).load(root, found)
    diagnostics.sort(key=Diagnostic.sort_key)
    return Result(document, cap_per_file(diagnostics), ref=found)


def all_refs(root: Path, *, year: int | None = None, kind: str | None = None) -> list[DocumentRef]:
    """Every document of the repository (of one kind or year when asked)."""
    return documents(root, kind=kind, year=year)


def created_date(kind: str, document: Any) -> str | None:
    """The date written into the outputs: the document's own, else SOURCE_DATE_EPOCH, else none."""
    from ia.kinds import adapter

    own = adapter(kind).created(document)
    if own:
        return own.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat()
    return None


def render(document: Any, *, formats: tuple[str, ...], variant: str | None, root: Path, kind: str = "agreement",
           edition: str | None = None, output_id: str | None = None,
           timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY) -> tuple[dict[str, bytes], int | None]:
    """Render the requested formats in memory, with the PDF's page count; nothing is written here.

    Raises `Isolated` when the PDF step runs out of time or memory, and `Refused` when
    the document asked for a resource outside the repository.
    """
    from ia.kinds import adapter
    from ia.resources import templates_dir

    kind_adapter = adapter(kind)
    created = created_date(kind, document)
    where = Span(str(getattr(document, "folder", output_id or kind)))
    try:
        html = kind_adapter.render_html(document, edition=edition, created=created)
    except StageFailed:
        raise
    except Exception as error:  # noqa: BLE001 - a bug or a limit in a library: say which stage
        raise StageFailed("HTML'en", where, f"{type(error).__name__}: {error}") from error
    if len(html) > MAX_HTML:
        # Checked before the PDF step: WeasyPrint would spend its whole time limit on it.
        raise StageFailed("HTML'en", where, f"{len(html)} tegn, højst {MAX_HTML}")
    rendered: dict[str, bytes] = {}
    pages = None
    if "html" in formats:
        rendered["html"] = html.encode("utf-8")
    if "pdf" in formats:
        templates = templates_dir()
        facts = kind_adapter.pdf_facts(document, edition=edition)
        rendered["pdf"], pages, refused, read = isolated(
            pdf_bytes, html, timeout=timeout, memory=memory,
            base=templates / "css", stylesheets=[templates / "css" / facts.stylesheet],
            allowed=[templates, root], variant=variant, repository=root, attachment=facts.attachment,
            date=dt.date.fromisoformat(created) if created else facts.date,
        )
        if refused:
            raise Refused(refused)
        for path, digest in read.items():  # what the PDF child read, for the build cache
            paths.note(path, digest)
    return rendered, pages


def build(root: Path, ref: str | Path | DocumentRef, *, out_dir: Path, formats: tuple[str, ...] = FORMATS,
          variant: str | None = "pdf/ua-1", edition: str | None = None,
          timeout: float = PDF_TIMEOUT, memory: int = PDF_MEMORY) -> Result:
    """Load, check, render and write one document (or one of its editions); on any error nothing is written."""
    result = load(root, ref)
    if result.document is None or result.errors:
        return result
    found = result.ref
    output_id = found.output_id(edition)
    where = Span(str(getattr(result.document, "folder", found.folder)))
    try:
        rendered, result.pages = render(result.document, formats=formats, variant=variant, root=root, kind=found.kind,
                                        edition=edition, output_id=output_id, timeout=timeout, memory=memory)
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
    files = {f"{output_id}.{kind}": data for kind, data in rendered.items()}
    written, problem = publish(root, out_dir, output_id, files)
    if problem:
        result.diagnostics.append(problem)
        return result
    result.outputs.extend(written)
    return result
