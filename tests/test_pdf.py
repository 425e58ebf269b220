"""The PDF as an archive and a screen reader see it: tags, language, title, fonts,
bookmarks, links, attached data, and dates that do not come from the clock."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from ia.pipeline import build
from tests.conftest import TINY


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> PdfReader:
    out = tmp_path_factory.mktemp("pdf")
    result = build(TINY, "demo-2026", out_dir=out, formats=("pdf",))
    assert not result.errors
    reader = PdfReader(out / "demo-2026.pdf")
    # The summary's page count comes from WeasyPrint's layout, not from re-reading the file.
    assert result.pages == len(reader.pages) > 1
    return reader


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def test_no_markup_is_printed_as_text(pdf):
    from tests.leaks import markup_in_pdf_text

    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in pdf.pages))
    assert markup_in_pdf_text(text) == []


def test_list_numbers_print_as_typed(tiny, tmp_path):
    chapter = tiny / "agreements/2026/demo/chapters/01-indledning.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "Aftalen træder i kraft 1. januar 2026.\n",
        "Aftalen træder i kraft 1. januar 2026.\n\n1. maj 2023 blev centret samlet.\n\n"
        "1. maj 2024 flyttede vi.\n\n3) tredje punkt\n7) syvende punkt\n"), encoding="utf-8")
    result = build(tiny, "demo-2026", out_dir=tmp_path, formats=("pdf",))
    assert not result.errors
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in PdfReader(tmp_path / "demo-2026.pdf").pages))
    assert "1. maj 2023 blev centret samlet." in text and "1. maj 2024 flyttede vi." in text
    assert "2. maj" not in text
    assert "3) tredje punkt" in text and "7) syvende punkt" in text


def test_tagged_with_language_and_title(pdf):
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert pdf.metadata.title == "Institutionsaftale 2026 – Center for Demonstration"


def test_fonts_are_embedded_and_bundled(pdf):
    fonts = {}
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())
    assert all("Lato" in name for name in fonts)


def test_bookmarks_hold_chapters_sections_and_goals(pdf):
    titles = outline_titles(pdf)
    for expected in ["1. Indledning", "1.1 Tilbud", "2. Rammerne for Social & Sundheds arbejde",
                     "3. Kvalitets- og udviklingsmål", "3.1 Styring", "Mål nr. 1 Handlemuligheder",
                     "Mål nr. 2 Dokumentation i Nexus – fortsættelsesmål fra 2025", "4.1 Budget"]:
        assert expected in titles


def test_goal_references_are_internal_links(pdf):
    links = []
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                links.append(str(annotation["/Dest"]))
    assert "maal-1" in links  # "Se også mål nr. 1" in goal 2
    assert "kapitel-1" in links  # the table of contents


def test_agreement_data_is_attached(pdf):
    data = json.loads(pdf.attachments["demo-2026.json"][0])
    assert [g["title"] for g in data["goals"]] == ["Handlemuligheder", "Dokumentation i Nexus", "Velfærdsteknologi i hverdagen"]
    assert data["goals"][1]["kpis"][0]["rows"][0] == {"indicator": "Helbredstilstande er oprettet", "baseline": 9.5, "target": 10}
    assert data["tables"]["budget"]["total"] == ["Oprindeligt Netto Budget", 33991, None]


def test_no_clock_time_without_a_source_date(pdf):
    assert "/CreationDate" not in pdf.trailer["/Info"]


def test_source_date_epoch_sets_the_creation_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    build(TINY, "demo-2026", out_dir=tmp_path, formats=("pdf",))
    info = PdfReader(tmp_path / "demo-2026.pdf").trailer["/Info"]
    assert str(info["/CreationDate"]).startswith("D:20260101")


def test_pdf_a3b_variant(tmp_path):
    build(TINY, "demo-2026", out_dir=tmp_path, formats=("pdf",), variant="pdf/a-3b")
    xmp = PdfReader(tmp_path / "demo-2026.pdf").trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp


def table_headers(reader: PdfReader) -> list[tuple[str, str | None]]:
    """Every /TH in the structure tree as (parent group, /Scope): THead or TBody."""
    from tests.test_agreements import structure_elements

    found = []
    for element in structure_elements(reader):
        if element.get("/S") != "/TH":
            continue
        group = element["/P"].get_object()["/P"].get_object()["/S"]
        found.append((str(group), element.get("/A", {}).get("/Scope")))
    return found


def test_every_table_header_cell_has_a_scope(pdf):
    headers = table_headers(pdf)
    assert ("/THead", "/Column") in headers and ("/TBody", "/Row") in headers
    assert all(scope == ("/Column" if group == "/THead" else "/Row") for group, scope in headers), headers
