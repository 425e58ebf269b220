"""The catalogue's own data as JSON: attached to its PDF and given by `ia export`."""

from __future__ import annotations

import json

from ia.catalogue.document import Catalogue


def catalogue_data(catalogue: Catalogue) -> dict:
    """The catalogue's facts and its chapters, each offer with the register's data and text."""
    meta = catalogue.meta
    chapters = []
    for chapter in catalogue.chapters:
        offers = []
        for key in chapter.offers:
            entry = catalogue.register.offers.get(key)
            if entry is None:
                continue
            text = "\n".join(entry.lines[entry.body.line - 1:]).strip() + "\n"
            offers.append({"key": key, **entry.offer.model_dump(mode="json", exclude_none=True), "text": text})
        own = {}
        if chapter.text is not None:
            own["text"] = "\n".join(chapter.text.lines[chapter.text.line - 1:]).strip() + "\n"
        chapters.append({"number": chapter.number, "title": chapter.title,
                         **({"area": chapter.area} if chapter.area else {}), **own, "offers": offers})
    return {
        "id": catalogue.id,
        **meta.model_dump(mode="json", exclude_none=True, exclude={"chapters", "colophon", "created"}),
        "chapters": chapters,
    }


def catalogue_json(catalogue: Catalogue) -> str:
    """The data as deterministic JSON text (keys sorted, Danish letters as they are)."""
    return json.dumps(catalogue_data(catalogue), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
