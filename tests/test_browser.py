"""The HTML in a real browser, on a phone (390 px) and a desktop (1280 px): wide tables
scroll under a fixed label column, the contents fold on a phone, numbers and titles in
the contents never touch. Skipped where Chromium is not installed (apt-get install chromium).
Also, without a browser: the HTML carries its own Lato and fetches nothing."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from ia.pipeline import load
from ia.render.html import render_html
from tests.browser import chromium, measure
from tests.conftest import ROOT

DOCUMENTS = ("csr-2026", "tf-2023")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("html")
    written = {}
    for document in DOCUMENTS:
        written[document] = out / f"{document}.html"
        written[document].write_text(render_html(load(ROOT, document).agreement), encoding="utf-8")
    return written


@pytest.mark.parametrize("document", DOCUMENTS)
def test_html_fetches_nothing_and_carries_its_own_lato(pages, document):
    html = pages[document].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//[^"']*\.(css|js|woff2?|ttf|png|svg)|url\(["']?https?:|<link\b|<script\s+src""", html)
    faces = re.findall(r'@font-face \{ font-family: "Lato"; src: url\("data:font/woff2;base64,', html)
    assert len(faces) == 4


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_web_fonts_have_every_character_the_text_uses(pages, document):
    from fontTools.ttLib import TTFont

    from ia.render.fonts import FACES
    from ia.resources import templates_dir

    body = pages[document].read_text(encoding="utf-8").split("<body>", 1)[1]
    body = re.sub(r"<script>.*?</script>|<[^>]+>", " ", body, flags=re.S)
    used = {ord(c) for c in unescape(body) if not c.isspace()}
    for stem, _, _ in FACES:
        cmap = TTFont(templates_dir() / "fonts" / "web" / f"{stem}.woff2").getBestCmap()
        assert not {chr(c) for c in used - set(cmap)}, stem


needs_chromium = pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")


@needs_chromium
@pytest.mark.parametrize("document", DOCUMENTS)
def test_on_a_phone_wide_tables_scroll_under_their_labels_and_the_contents_fold(pages, document):
    seen = measure(chromium(), pages[document], 390)
    assert seen["width"] == 390 and seen["pageWidth"] <= 390  # the page itself never scrolls sideways
    assert seen["toc"]["open"] is False
    wide = [t for t in seen["tables"] if t["scrolls"]]
    assert wide, "no table is wider than a phone: the test would prove nothing"
    for table in wide:
        assert table["labelMoved"] < 1, table  # the label column stays in place
        assert table["lastColumnShown"], table  # every column can be reached
        assert "stryg vandret" in table["hint"], table  # and the reader is told


@needs_chromium
@pytest.mark.parametrize("document", DOCUMENTS)
def test_on_a_desktop_the_contents_are_open_and_numbers_never_touch_titles(pages, document):
    seen = measure(chromium(), pages[document], 1280)
    assert seen["toc"]["open"] is True
    assert seen["toc"]["collisions"] == []
    assert not any(t["scrolls"] for t in seen["tables"])
