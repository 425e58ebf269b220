"""The register of offers as open data: one JSON document, the same bytes for the same sources.

Shape (docs/format.md, "ia export offers"):

    {"format": "ia-offers/1",
     "areas": [{"key", "title"}, ...],                      # the strategy areas, in their order
     "offers": [{"key", "name", "also_known_as", "area", "area_title", "anchored_in",
                 "target_group", "access", "legal_basis", "sites", "contacts", "links",
                 "updated", "text"}, ...]}                  # sorted by key

Every key is present in every offer (null or [] when the register does not say), so a
reader needs no special cases; `text` is the offer's description as written (Markdown).
Object keys are sorted, and nothing depends on time or the machine.
"""

from __future__ import annotations

import json

from ia.register.load import Register

FORMAT = "ia-offers/1"
# Editorial records, not facts about the offer.
_LEFT_OUT = {"accepted_spellings"}


def register_data(register: Register) -> dict:
    """Return the register as plain JSON-ready data (see the module's docstring for the shape)."""
    titles = {area.key: area.title for area in register.areas or []}
    offers = []
    for key in sorted(register.offers):
        entry = register.offers[key]
        data = entry.offer.model_dump(mode="json", exclude=_LEFT_OUT)
        body = entry.lines[entry.body.line - 1:] if entry.body.line <= len(entry.lines) else []
        data.update(key=key, area_title=titles.get(entry.offer.area or ""), text="\n".join(body).strip() + "\n" if body else "")
        offers.append(data)
    return {"format": FORMAT, "areas": [area.model_dump(mode="json") for area in register.areas or []], "offers": offers}


def register_json(register: Register) -> bytes:
    """Return the register as deterministic JSON: sorted keys, UTF-8, two-space indents, a final newline."""
    return (json.dumps(register_data(register), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
