"""What each kind of document does: one adapter module per kind, imported when first needed.

An adapter (`ia/kinds/agreement.py`, …) has the same functions for every kind, and the
pipeline, the batch builder, preview and the CLI call only these:

- `load(root, ref) -> (document | None, diagnostics)`: read, validate and check; never raises
  for what a user wrote.
- `render_html(document, *, edition, created, problems=None) -> str`: the whole HTML
  (`problems`, by file, is what `ia preview` marks in place).
- `pdf_facts(document, *, edition) -> PdfFacts`: what the PDF step needs besides the HTML.
- `has_edition(ref, edition) -> bool`: whether the document has that edition's sources (an
  agreement's follow-up report exists once its follow-up file is written); `ia build --all
  --opfoelgning aar` builds only those.
- `created(document) -> date | None`: the document's own date for the outputs, if it has one.
- `listing(document) -> Listing`: its line in `ia list`.
- `watched(root, ref) -> list[Path]`: the folders and files a change to rebuilds it for (preview).
- `export(document) -> bytes | None`: `ia export <id>`, JSON, or None for a kind without one.
- `preview_ready(document) -> str | None`: None when preview can render the document, else
  why not, in Danish.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from types import ModuleType

from ia.workspace import KINDS


@dataclass(frozen=True)
class PdfFacts:
    """What the PDF step needs besides the HTML: its date, its attached data, its stylesheet."""

    date: dt.date | None
    attachment: tuple[str, str, str | bytes] | None = None  # (file name, description, content)
    stylesheet: str = "pdf.css"  # in templates/css/


@dataclass(frozen=True)
class Listing:
    """A document's line in `ia list`."""

    title: str
    count: str  # "24 mål", "44 tilbud", "15 punkter"


def adapter(kind: str) -> ModuleType:
    """The module that loads, checks and renders documents of `kind`."""
    return importlib.import_module(KINDS[kind].adapter)
