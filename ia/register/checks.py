"""Checks of the register on its own: names used twice, areas, contact details and links.

Each is a small function `(register) -> iterable of Diagnostic`, like `ia.checks`; the
checks that compare documents with the register live in `ia.register.across`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ia.checks._where import at
from ia.checks.contacts import EMAIL, PHONE, link_problem
from ia.diagnostics import Diagnostic
from ia.register.load import Register
from ia.suggest import hint_args


def names_are_unique(register: Register) -> Iterator[Diagnostic]:
    """No two offers go by the same name (name or also_known_as, case ignored)."""
    seen: dict[str, tuple[str, str]] = {}
    for key, entry in register.offers.items():
        for i, name in enumerate(entry.offer.names()):
            where = ("name",) if i == 0 else ("also_known_as", i - 1)
            folded = name.casefold()
            if folded in seen:
                other, written = seen[folded]
                yield Diagnostic("IA811", at(entry.path, entry.positions, *where),
                                 {"name": name, "other": other, "written": written})
            else:
                seen[folded] = (key, name)


def areas(register: Register) -> Iterator[Diagnostic]:
    """Every area key is written once, and every offer's area is one of them."""
    keys: dict[str, int] = {}
    for i, area in enumerate(register.areas or []):
        span = at(register.areas_path, register.areas_positions, "areas", i, "key")
        if area.key in keys:
            yield Diagnostic("IA214", span, {"id": area.key, "first": keys[area.key]})
        else:
            keys[area.key] = span.line
    missing = register.areas_path not in register.files
    for entry in register.offers.values():
        area = entry.offer.area
        if area is None or area in keys:
            continue
        span = at(entry.path, entry.positions, "area")
        if missing:
            yield Diagnostic("IA812", span, {"file": register.areas_path})
        elif register.areas is not None:  # else the areas file is broken, and reported
            more, hint_code = hint_args(area, list(keys))
            yield Diagnostic("IA304", span, {"found": area, **more}, hint_code)


def contact_details(register: Register) -> Iterator[Diagnostic]:
    """E-mail addresses, phone numbers and links are well-formed (IA701-IA703, as in agreements)."""
    for entry in register.offers.values():
        offer, path, positions = entry.offer, entry.path, entry.positions
        for i, contact in enumerate(offer.contacts):
            if contact.email is not None and not EMAIL.match(contact.email):
                yield Diagnostic("IA701", at(path, positions, "contacts", i, "email"), {"found": contact.email})
            if contact.phone is not None and not PHONE.match(contact.phone.strip()):
                yield Diagnostic("IA702", at(path, positions, "contacts", i, "phone"), {"found": contact.phone})
        for i, site in enumerate(offer.sites):
            if site.phone is not None and not PHONE.match(site.phone.strip()):
                yield Diagnostic("IA702", at(path, positions, "sites", i, "phone"), {"found": site.phone})
        for i, link in enumerate(offer.links):
            problem = link_problem(link.url)
            if problem is None and not link.url.startswith(("http://", "https://")):
                problem = {"problem": "forventede en webadresse som https://aabenraa.dk/…",
                           "problem_en": "expected a web address such as https://aabenraa.dk/…"}
            if problem:
                yield Diagnostic("IA703", at(path, positions, "links", i, "url"), {"found": link.url, **problem})


def offer_texts(register: Register) -> Iterator[Diagnostic]:
    """Offers' texts spell other offers' names as the register does (IA842), or say why not
    (`accepted_spellings`: IA843, IA844 once unneeded), and give their own addresses (IA846)."""
    from ia.register.across import misspelt_names, wrong_addresses

    for key, entry in register.offers.items():
        accepted = {a.spelling: a.reason for a in entry.offer.accepted_spellings}
        found, used = misspelt_names([entry.body], register, accepted)
        yield from found
        for i, spelling in enumerate(entry.offer.accepted_spellings):
            if spelling.spelling not in used:
                yield Diagnostic("IA844", at(entry.path, entry.positions, "accepted_spellings", i, "spelling"),
                                 {"found": spelling.spelling})
        yield from wrong_addresses([entry.body], register, own=key)


CHECKS: list[Callable[[Register], Iterable[Diagnostic]]] = [names_are_unique, areas, contact_details, offer_texts]


def check_register(register: Register) -> list[Diagnostic]:
    """Run every check of the register on its own; return the diagnostics."""
    return [d for check in CHECKS for d in check(register)]
