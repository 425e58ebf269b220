"""Figure tables as readers get them: every sum row labelled, accepted deviations marked
and explained under the table, small tables kept whole."""

from __future__ import annotations

from ia.models import TableData
from ia.render.html import environment
from ia.render.tables import deviation_notes, table_rows

TABLE = TableData.model_validate({
    "columns": [{"label": ""}, {"label": "Antal", "type": "number"}, {"label": "Beløb", "type": "number"}],
    "rows": [
        {"group": None, "total": ["", 3, 30], "rows": [["Inde", 1, 10], ["Ude", 2, 20]]},
        {"group": "Botilbud", "rows": [["Bjerggade", 1, 7]]},
    ],
    "total": ["I alt", 4, 99],
    "accepted": [{"row": "I alt", "column": "Beløb", "reason": "sådan står tallet i den underskrevne aftale"}],
})


def test_an_unnamed_subtotal_is_labelled():
    subtotal = next(row for row in table_rows(TABLE) if row.kind == "subtotal")
    assert subtotal.cells[0].text == "I alt"
    assert subtotal.label == ""  # what `accepted:` would name stays as written


def test_an_accepted_figure_carries_the_mark_of_its_note():
    total = table_rows(TABLE)[-1]
    assert [cell.mark for cell in total.cells] == ["", "", "a"]
    assert [(n.mark, n.row, n.column, n.reason) for n in deviation_notes(TABLE)] == [
        ("a", "I alt", "Beløb", "sådan står tallet i den underskrevne aftale")]


def test_the_note_is_printed_under_the_table():
    parts = environment().get_template("parts/tables.html.j2").module
    rows = table_rows(TABLE)
    html = str(parts.figure_table(TABLE, rows, "tabel-x", True, deviation_notes(TABLE, rows)))
    assert 'class="figure-table keep"' in html
    assert '99<sup class="deviation-mark"><a href="#tabel-x-note-a">a</a></sup>' in html
    assert ('<span class="deviation" id="tabel-x-note-a"><sup>a</sup> I alt, Beløb: '
            "sådan står tallet i den underskrevne aftale</span>") in html


def test_one_traversal_gives_every_row_in_reading_order_with_its_source_path_and_level():
    from ia.tables import rows

    tree = TableData.model_validate({
        "columns": [{"label": ""}, {"label": "Antal", "type": "number"}],
        "rows": [
            ["Først", 1],
            {"group": "Botilbud", "rows": [["Bjerggade", 2], {"group": "Nord", "total": ["Nord i alt", 3], "rows": [["Stubbæk", 3]]}]},
        ],
        "total": ["I alt", 6],
    })
    found = [(r.kind, r.path, r.level, r.label, r.groups) for r in rows(tree)]
    assert found == [
        ("row", ("rows", 0), 0, "Først", ()),
        ("heading", ("rows", 1), 0, "Botilbud", ()),
        ("row", ("rows", 1, "rows", 0), 1, "Bjerggade", ("Botilbud",)),
        ("row", ("rows", 1, "rows", 1, "rows", 0), 1, "Stubbæk", ("Botilbud", "Nord")),
        ("subtotal", ("rows", 1, "rows", 1, "total"), 1, "Nord i alt", ("Botilbud",)),
        ("total", ("total",), 0, "I alt", ()),
    ]
    # Rendering reads the same rows: one view per row, in the same order and at the same level.
    assert [(v.kind, v.level, v.label) for v in table_rows(tree)] == [(k, lv, lb) for k, _, lv, lb, _ in found]
