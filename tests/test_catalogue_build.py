"""`ia build indsatskatalog-2026`: the PDF and HTML of the whole catalogue, as readers and
screen readers get them, built twice to the same bytes."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from ia.pipeline import build
from tests.conftest import ROOT
from tests.test_pdf import outline_titles

ID = "indsatskatalog-2026"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("catalogue")
    result = build(ROOT, ID, out_dir=out)
    assert not result.errors, [f"{d.code} {d.span}: {d.message()}" for d in result.errors]
    return out, result


@pytest.fixture(scope="module")
def reader(built) -> PdfReader:
    out, result = built
    pdf = PdfReader(out / f"{ID}.pdf")
    assert result.pages == len(pdf.pages) > 20
    return pdf


def _catalogue():
    from ia.catalogue.load import load

    catalogue, _ = load(ROOT, ROOT / "catalogues/2026/indsatskatalog", key="indsatskatalog", year=2026)
    return catalogue


def test_both_outputs_are_written(built):
    out, result = built
    assert sorted(p.name for p in result.outputs) == [f"{ID}.html", f"{ID}.pdf"]
    assert (out / f"{ID}.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bookmarks_are_the_chapters_and_their_offers_in_order(reader):
    catalogue = _catalogue()
    expected = []
    for chapter in catalogue.chapters:
        expected.append(f"{chapter.number}. {chapter.title}")
        for key in chapter.offers:
            entry = catalogue.register.offers[key]
            expected.append(entry.offer.name)
            # An offer's own `###` headings ("Åben klinik") are bookmarks under it.
            expected.extend(t.content for i, t in enumerate(entry.body.tokens[1:], 1)
                            if entry.body.tokens[i - 1].type == "heading_open")
    assert [" ".join(t.split()) for t in outline_titles(reader)] == expected


def test_contents_give_each_offer_the_page_it_starts_on(reader):
    """The contents' page numbers (target-counter) are the pages the bookmarks point at."""
    pages = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[" ".join(item.title.split())] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    contents = " ".join(reader.pages[1].extract_text().split() + reader.pages[2].extract_text().split())
    catalogue = _catalogue()
    names = [catalogue.register.offers[key].offer.name for key in catalogue.offer_keys()]
    checked = 0
    for name in names:
        found = re.search(re.escape(name) + r"[ .]*?(\d+)(?!\d)", contents)
        assert found, f"{name} is not in the contents"
        assert int(found[1]) == pages[name], name
        checked += 1
    assert checked == 42


def test_running_header_names_the_catalogue_and_the_chapter(reader):
    text = reader.pages[4].extract_text()
    assert "Indsatskatalog 2026-2027" in text and "2. Rehabilitering og forebyggelse" in text
    assert re.search(r"Side 5 af \d+", text)
    assert "Side" not in reader.pages[0].extract_text()  # the cover has no furniture


def test_pdf_is_tagged_in_danish_with_its_title_and_data(reader):
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da" and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert reader.metadata.title == "Indsatskatalog 2026-2027"
    data = json.loads(reader.attachments[f"{ID}.json"][0])
    assert [len(c["offers"]) for c in data["chapters"]] == [0, 10, 1, 8, 7, 6, 3, 2, 5]
    assert data["updated"] == "2026-07"


def test_two_builds_are_byte_identical(built, tmp_path):
    out, _ = built
    again = build(ROOT, ID, out_dir=tmp_path)
    assert not again.errors
    for suffix in ("pdf", "html"):
        assert (tmp_path / f"{ID}.{suffix}").read_bytes() == (out / f"{ID}.{suffix}").read_bytes(), suffix


def test_no_heading_or_lead_in_ends_a_page(built):
    from tests.pdflayout import page_end_problems, read_layout

    out, _ = built
    assert page_end_problems(read_layout(out / f"{ID}.pdf"), []) == []
