"""End to end on the real agreements (CSR 2026 and T&F 2023): they check clean, build, and
the PDFs hold the seeds' content. Slow (full WeasyPrint renders), so each is built once."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from ia.pipeline import build, load
from tests.conftest import ROOT

AGREEMENTS = {
    # id: (goals, goals per area, figures that must be in the PDF's text)
    "csr-2026": (25, [1, 7, 3, 6, 1, 2, 1, 2, 2],
                 ["50.204.563", "33.991", "64.741", "1.173", "30.749.483", "597,34", "\u221230.749",
                  "hiv@aabenraa.dk", "Hvilket resultat vil vi opnå i 2026?"]),
    "tf-2023": (23, [5, 5, 5, 1, 1, 1, 2, 3],
                ["18.510", "14.151", "2.677", "1.229", "Hvilket resultat vil vi opnå i 2023?",
                 "Hvordan bidrager det til at nå de politisk godkendte effektmål?",
                 "Indsats vedr.: Flere sunde borgere", "At 80 % opnår deres mål for genoptræning."]),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("built")
    for agreement_id in AGREEMENTS:
        result = build(ROOT, agreement_id, out_dir=out)
        assert not result.errors, [d.message() for d in result.errors]
    return {agreement_id: out for agreement_id in AGREEMENTS}


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def texts(built) -> dict[str, str]:
    return {aid: pdf_text(out / f"{aid}.pdf") for aid, out in built.items()}


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_checks_without_errors(agreement_id):
    result = load(ROOT, agreement_id)
    assert [d for d in result.diagnostics if d.is_error] == []
    # The seeds' own, recorded deviations: figures (IA602, IA606) and the address CSR printed (IA818).
    assert {d.code for d in result.diagnostics} <= {"IA602", "IA606", "IA818"}


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_goals_per_area(agreement_id):
    count, per_area, _ = AGREEMENTS[agreement_id]
    agreement = load(ROOT, agreement_id).agreement
    assert len(agreement.goals) == count
    assert [len(agreement.goals_in(a.key)) for a in agreement.rules.areas] == per_area


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_every_goal_title_is_in_the_pdf(texts, agreement_id):
    agreement = load(ROOT, agreement_id).agreement
    for goal in agreement.goals:
        title = re.sub(r"\s+", " ", goal.meta.title)
        assert f"Mål nr. {goal.number} {title}" in texts[agreement_id], title


@pytest.mark.parametrize(("agreement_id", "figure"),
                         [(aid, figure) for aid, (_, _, figures) in AGREEMENTS.items() for figure in figures])
def test_key_figures_are_in_the_pdf(texts, agreement_id, figure):
    assert figure in texts[agreement_id]


def test_questions_follow_the_year(texts):
    assert "opnå i 2025" not in texts["csr-2026"]
    assert "Hvordan bidrager det til at nå" not in texts["csr-2026"]  # 2026 dropped the fourth question
    assert "opnå i 2022" not in texts["tf-2023"]


def test_answers_print_in_the_order_signed(texts):
    # T&F 2023 goal 2 answers the effect-goal question before the measurement one.
    text = texts["tf-2023"]
    start = text.rindex("Mål nr. 2 Investering")  # the goal itself, after its line in the contents
    goal = text[start:text.index("Mål nr. 3 ", start)]
    assert goal.index("Det er målet, at investeringen") < goal.index("Projektet forventes at kunne måles")


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_page_count_is_sane(built, agreement_id):
    pages = len(PdfReader(built[agreement_id] / f"{agreement_id}.pdf").pages)
    assert 25 < pages < 80


def test_footnotes_are_kept(texts):
    assert "Katedralen er rygeområdet foran cafeen" in texts["csr-2026"]
    assert "MI-uddannelse en træning i Den Motiverende Samtale" in texts["csr-2026"]


def test_chart_is_in_both_outputs_with_its_text_alternative(built):
    html = (built["tf-2023"] / "tf-2023.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="Linjediagram over antallet', html)
    reader = PdfReader(built["tf-2023"] / "tf-2023.pdf")
    figures = [e for e in structure_elements(reader) if e.get("/S") == "/Figure"]
    assert any(str(e.get("/Alt", "")).startswith("Linjediagram over antallet af almene") for e in figures)


def structure_elements(reader: PdfReader):
    """Walk the tagged PDF's structure tree (what screen readers read)."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    stack = [root]
    while stack:
        node = stack.pop()
        if hasattr(node, "get_object"):
            node = node.get_object()
        if isinstance(node, dict) or hasattr(node, "keys"):
            if "/S" in node:
                yield node
            kids = node.get("/K")
            if kids is not None:
                kids = kids.get_object() if hasattr(kids, "get_object") else kids
                stack.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            stack.extend(node)


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_no_markup_is_printed_as_text(built, texts, agreement_id):
    from tests.leaks import markup_in_pdf_text, tags_in_html_text

    assert markup_in_pdf_text(texts[agreement_id]) == []
    assert tags_in_html_text((built[agreement_id] / f"{agreement_id}.html").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_html_is_written(built, agreement_id):
    html = (built[agreement_id] / f"{agreement_id}.html").read_text(encoding="utf-8")
    assert html.count('class="goal ') == AGREEMENTS[agreement_id][0]


def test_build_is_byte_identical(built, tmp_path):
    again = build(ROOT, "csr-2026", out_dir=tmp_path)
    assert not again.errors
    for name in ("csr-2026.pdf", "csr-2026.html"):
        assert (tmp_path / name).read_bytes() == (built["csr-2026"] / name).read_bytes(), name


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_outline_holds_every_chapter_and_goal(built, agreement_id):
    from tests.test_pdf import outline_titles

    titles = outline_titles(PdfReader(built[agreement_id] / f"{agreement_id}.pdf"))
    agreement = load(ROOT, agreement_id).agreement
    for chapter in agreement.chapters:
        assert f"{chapter.number}. {chapter.title}" in titles
    goals = [t for t in titles if t.startswith("Mål nr. ")]
    assert len(goals) == len(agreement.goals)


@pytest.fixture(scope="module")
def layouts(built):
    from tests.pdflayout import read_layout

    return {aid: read_layout(out / f"{aid}.pdf") for aid, out in built.items()}


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_headings_and_questions_never_end_a_page(layouts, agreement_id):
    from tests.pdflayout import page_end_problems

    agreement = load(ROOT, agreement_id).agreement
    questions = [q.text_for(agreement.year) for q in agreement.rules.questions]
    assert page_end_problems(layouts[agreement_id], questions) == []


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_tables_break_only_where_a_reader_can_follow(layouts, agreement_id):
    from tests.pdflayout import table_problems

    assert table_problems(layouts[agreement_id]) == []


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_every_table_header_cell_has_a_scope(built, agreement_id):
    from tests.test_pdf import table_headers

    headers = table_headers(PdfReader(built[agreement_id] / f"{agreement_id}.pdf"))
    assert headers and all(scope in {"/Row", "/Column"} for _, scope in headers)


def test_accepted_deviations_are_explained_where_they_are_printed(texts):
    assert "Oprindeligt Netto Budget, Øvrig løn: sådan står tallet i den underskrevne aftale" in texts["csr-2026"]
    assert "Genoptræning i alt efter §140. I alt, Budget 2023 (1.000 kr.): gennemsnitsprisen" in texts["tf-2023"]


def html_footnotes(html: str) -> list[tuple[str, int, str]]:
    """(the word before the call, its number, the note's first words) for every call."""
    found = []
    pattern = r'<sup class="footnote-ref"><a [^>]*>(\d+)</a></sup><span class="footnote-body">(.*?)</span>'
    for match in re.finditer(pattern, html):
        before = re.sub(r"<[^>]+>", " ", html[max(0, match.start() - 200):match.start()]).split()[-1]
        words = re.sub(r"<[^>]+>", "", match.group(2)).split()[:4]
        found.append((before, int(match.group(1)), " ".join(words)))
    return found


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_footnotes_are_numbered_alike_and_printed_on_the_page_of_their_call(built, agreement_id):
    html = (built[agreement_id] / f"{agreement_id}.html").read_text(encoding="utf-8")
    notes = html_footnotes(html)
    assert [number for _, number, _ in notes] == list(range(1, len(notes) + 1))  # across the document
    items = [int(n) for n in re.findall(r'class="footnote-item" value="(\d+)"', html)]
    assert items == list(range(1, len(notes) + 1))  # the endnotes under their goals say the same
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(built[agreement_id] / f"{agreement_id}.pdf").pages]
    for before, number, body in notes:
        called = [i for i, text in enumerate(pages) if f"{before}{number}" in text]
        printed = [i for i, text in enumerate(pages) if f"{number}. {body}" in text]
        assert called and called == printed, (number, before, body, called, printed)


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_contents_lead_with_dots_to_the_page_number_on_each_entrys_last_line(built, agreement_id):
    reader = PdfReader(built[agreement_id] / f"{agreement_id}.pdf")
    html = (built[agreement_id] / f"{agreement_id}.html").read_text(encoding="utf-8")
    titles = [unescape(re.sub(r"<[^>]+>", "", t)) for t in re.findall(r'<span class="toc-title">(.*?)</span>', html)]
    lines = [line for page in reader.pages[1:4] for line in page.extract_text().splitlines() if ". . ." in line]
    assert len(lines) == len(titles)
    for line, title in zip(lines, titles):
        assert re.search(r"\. \d+$", line), line
        assert title.split()[-1] in line, (title, line)  # the number stands on the title's last line


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_a_paragraph_sign_or_nr_stays_with_its_number(built, agreement_id):
    for index, page in enumerate(PdfReader(built[agreement_id] / f"{agreement_id}.pdf").pages):
        lines = page.extract_text().splitlines()
        for line, following in zip(lines, lines[1:]):
            parted = re.search(r"(§|\bnr\.|\bstk\.)$", line.strip(), re.IGNORECASE) and re.match(r"\s*\d", following)
            assert not parted, (index + 1, line, following)


def test_phone_numbers_print_in_one_grouping(texts):
    assert "28 99 40 25" in texts["csr-2026"] and "28994025" not in texts["csr-2026"]
    assert "73 76 75 19" in texts["tf-2023"] and "7376 7519" not in texts["tf-2023"]
    assert "Mobil: 21 33 26 09" in texts["tf-2023"]
