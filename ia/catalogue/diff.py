"""What changed between two editions of a catalogue: offers added, removed, moved and changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from ia.catalogue.document import Catalogue
from ia.register.load import RegisteredOffer

# What an offer is made of, as compared and named in the report (Danish: editors read it).
_FIELDS = {
    "name": "navn", "also_known_as": "andre navne", "area": "område", "anchored_in": "forankring",
    "target_group": "målgruppe", "access": "adgang", "legal_basis": "lovgrundlag", "sites": "adresser",
    "contacts": "kontaktpersoner", "links": "links",
}


@dataclass
class OfferEntry:
    key: str
    name: str
    chapter: str  # "4. Boligforhold"


@dataclass
class OfferChange:
    key: str
    name: str
    fields: list[str] = field(default_factory=list)  # Danish names of what changed, "tekst" for the text
    moved: tuple[str, str] | None = None  # (chapter before, chapter after)
    updated_since: str | None = None  # the register's `updated:` month, when later than the old edition


@dataclass
class CatalogueDiff:
    before: str
    after: str
    added: list[OfferEntry] = field(default_factory=list)
    removed: list[OfferEntry] = field(default_factory=list)
    changed: list[OfferChange] = field(default_factory=list)
    facts: list[tuple[str, str, str]] = field(default_factory=list)  # (field, before, after)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.facts)


def _placed(catalogue: Catalogue) -> dict[str, tuple[str, RegisteredOffer]]:
    """Every offer the catalogue shows: key -> (its chapter, its register entry), in order."""
    found: dict[str, tuple[str, RegisteredOffer]] = {}
    for chapter in catalogue.chapters:
        for key in chapter.offers:
            entry = catalogue.register.offers.get(key)
            if entry is not None and key not in found:
                found[key] = (f"{chapter.number}. {chapter.title}", entry)
    return found


def _text(entry: RegisteredOffer) -> str:
    return "\n".join(line.rstrip() for line in entry.lines[entry.body.line - 1:]).strip()


def diff(before: Catalogue, after: Catalogue) -> CatalogueDiff:
    """Compare two editions offer by offer (by key), and their own facts.

    Each edition brings its register: two checkouts compare field by field. Read from the
    same register, an offer's data is the same on both sides, so what tells the editions
    apart is where it stands and the register's `updated:` month after the older edition's.
    """
    result = CatalogueDiff(before.id, after.id)
    old, new = _placed(before), _placed(after)
    for key, (chapter, entry) in new.items():
        if key not in old:
            result.added.append(OfferEntry(key, entry.offer.name, chapter))
    for key, (chapter, entry) in old.items():
        if key not in new:
            result.removed.append(OfferEntry(key, entry.offer.name, chapter))
    for key, (chapter, entry) in new.items():
        if key not in old:
            continue
        was_chapter, was = old[key]
        change = OfferChange(key, entry.offer.name)
        change.fields = [label for name, label in _FIELDS.items()
                         if getattr(was.offer, name) != getattr(entry.offer, name)]
        if _text(was) != _text(entry):
            change.fields.append("tekst")
        if was_chapter != chapter:
            change.moved = (was_chapter, chapter)
        month = entry.offer.updated
        if month and month > before.meta.updated:
            change.updated_since = month
        if change.fields or change.moved or change.updated_since:
            result.changed.append(change)
    for name in ("title", "subtitle", "edition", "period", "updated", "anchored_in", "contact"):
        was_value, value = getattr(before.meta, name), getattr(after.meta, name)
        if was_value != value:
            result.facts.append((name, _shown(was_value), _shown(value)))
    return result


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "-".join(str(v) for v in value)
    if hasattr(value, "name") and hasattr(value, "role"):
        return ", ".join(part for part in (value.role, value.name) if part)
    return "" if value is None else str(value)


def diff_text(changes: CatalogueDiff) -> str:
    """The comparison as plain Danish lines for the terminal."""
    lines = [f"{changes.before} → {changes.after}"]
    if changes.empty:
        lines.append("Ingen ændringer i tilbuddene eller katalogets oplysninger.")
        return "\n".join(lines)
    for name, was, now in changes.facts:
        lines.append(f"  {name}: {was} → {now}")
    if changes.added:
        lines.append(f"Nye tilbud ({len(changes.added)}):")
        lines.extend(f"  + {e.name} ({e.key}) i {e.chapter}" for e in changes.added)
    if changes.removed:
        lines.append(f"Fjernede tilbud ({len(changes.removed)}):")
        lines.extend(f"  - {e.name} ({e.key}), stod i {e.chapter}" for e in changes.removed)
    if changes.changed:
        lines.append(f"Ændrede tilbud ({len(changes.changed)}):")
        for change in changes.changed:
            parts = []
            if change.fields:
                parts.append("ændret: " + ", ".join(change.fields))
            if change.moved:
                parts.append(f"flyttet fra {change.moved[0]} til {change.moved[1]}")
            if change.updated_since:
                parts.append(f"opdateret i registret {change.updated_since}")
            lines.append(f"  ~ {change.name} ({change.key}): " + "; ".join(parts))
    return "\n".join(lines)
