"""Finish WeasyPrint's tagged PDF where it stops short of PDF/UA: table header scopes.

WeasyPrint (70) tags `<th>` as /TH and gives data cells /Headers, but writes no /Scope
on the header cells, so a PDF/UA checker (PAC, veraPDF) reports every table. Our
templates put column headers in `<thead>` and row headers (`scope="row"`/`"rowgroup"`)
in `<tbody>`, so the structure tree itself says which scope each /TH has.
"""

from __future__ import annotations

from typing import Any

import pydyf


def _resolve(pdf: pydyf.PDF, reference: Any) -> Any:
    """Return the object a reference such as b'12 0 R' points at, or the value itself."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return pdf.objects[int(reference.split()[0])]
    return reference


def add_table_header_scopes(_document: Any, pdf: pydyf.PDF) -> None:
    """Give every /TH structure element a /Scope: /Column in a table head, else /Row.

    Called by WeasyPrint as the `finisher` of `write_pdf`, after the structure tree is
    built and before the file is written, so the result stays deterministic.
    """
    for element in pdf.objects:
        if not isinstance(element, pydyf.Dictionary) or element.get("S") != "/TH":
            continue
        row = _resolve(pdf, element.get("P"))
        group = _resolve(pdf, row.get("P")) if isinstance(row, pydyf.Dictionary) else None
        in_head = isinstance(group, pydyf.Dictionary) and group.get("S") == "/THead"
        attributes = element.get("A")
        if not isinstance(attributes, pydyf.Dictionary):
            attributes = pydyf.Dictionary({"O": "/Table"})
            element["A"] = attributes
        attributes["Scope"] = "/Column" if in_head else "/Row"
