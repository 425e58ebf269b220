"""The catalogue kind: an Indsatskatalog of offers (`indsatskatalog-2026`), its offers from the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from ia.catalogue.document import Catalogue
from ia.diagnostics import Diagnostic
from ia.kinds import Listing, PdfFacts
from ia.workspace import DocumentRef


def load(root: Path, ref: DocumentRef) -> tuple[Catalogue | None, list[Diagnostic]]:
    """Read, validate and check one catalogue, with the register files it takes its offers from."""
    from ia.catalogue import load_catalogue

    return load_catalogue(root, ref.folder, key=ref.key, year=ref.year)


def render_html(catalogue: Catalogue, *, edition: str | None = None, created: str | None = None,
                problems: Mapping[str, list[str]] | None = None) -> str:
    from ia.catalogue.html import render_html as render

    return render(catalogue, created=created)


def pdf_facts(catalogue: Catalogue, *, edition: str | None = None) -> PdfFacts:
    """The PDF's date is the month the catalogue was last updated; its data is attached as JSON."""
    from ia.catalogue.data import catalogue_json

    year, month = (int(part) for part in catalogue.meta.updated.split("-"))
    return PdfFacts(catalogue.meta.created or dt.date(year, month, 1),
                    (f"{catalogue.id}.json", "Katalogets data: kapitler og tilbud", catalogue_json(catalogue)))


def has_edition(ref: DocumentRef, edition: str) -> bool:
    """A catalogue has no other editions."""
    return False


def created(catalogue: Catalogue) -> dt.date | None:
    return catalogue.meta.created


def listing(catalogue: Catalogue) -> Listing:
    return Listing(catalogue.meta.title, f"{len(catalogue.offer_keys())} tilbud")


def watched(root: Path, ref: DocumentRef) -> list[Path]:
    """The catalogue's folder and the register of offers it prints."""
    return [ref.folder, root / "offers"]


def preview_ready(catalogue: Catalogue) -> str | None:
    return None


def export(catalogue: Catalogue) -> bytes | None:
    from ia.catalogue.data import catalogue_json

    return catalogue_json(catalogue).encode("utf-8")
