"""How a document is compared with the register of offers: references, names, addresses, contacts.

The functions take a document's parts and the register and return diagnostics; the kinds'
check lists (`ia.checks.offers` for agreements, `ia.catalogue.checks`, `ia.register.checks`
for the offers' own texts) decide what to give them. `ia.checks` is imported inside the
functions: it imports this module for its list of checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Section
from ia.register.load import Register, RegisteredOffer
from ia.register.models import Contact
from ia.register.names import Names


# --- names, addresses and contact details in documents ------------------------------------

def misspelt_names(sections: Iterable[Section], register: Register,
                   accepted: dict[str, str] | None = None) -> tuple[list[Diagnostic], set[str]]:
    """Find offers named with a spelling close to a registered name (IA842), or accepted (IA843).

    `accepted` maps a spelling to its reason; returns the diagnostics and the accepted
    spellings that were found, so the caller can say which are no longer needed.
    """
    from ia.checks._where import column_of, section_lines

    names = Names(register)
    found: list[Diagnostic] = []
    used: set[str] = set()
    for section in sections:
        after: dict[int, int] = {}
        for text, line in section_lines(section):
            for miss in names.misspellings(text):
                col = column_of(section, line, miss.found, after.get(line, 0))
                after[line] = col
                args = {"found": miss.found, "suggestion": miss.name, "file": f"{register.folder}/{miss.key}.md"}
                if accepted is not None and miss.found in accepted:
                    used.add(miss.found)
                    found.append(Diagnostic("IA843", Span(section.path, line, col), {**args, "reason": accepted[miss.found]},
                                                 accepted=accepted[miss.found]))
                else:
                    found.append(Diagnostic("IA842", Span(section.path, line, col), args, "offer_name"))
    return found, used


def _street(address: str) -> tuple[str, str] | None:
    """Split a street line into its street and house number ("Uglekær 14" → ("Uglekær", "14"))."""
    match = _STREET.match(address)
    return (match.group(1), _number(match.group(2))) if match else None


_STREET = re.compile(r"^(\D*?[^\W\d])\s+(\d+\s*[A-Za-z]?(?:\s*[-–]\s*\d+\s*[A-Za-z]?)?)")


def _number(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("–", "-").casefold()


def _house(number: str) -> str:
    """Return the leading house number: "4c" → "4", "2-8" → "2"."""
    return re.match(r"\d+", number).group(0)


def wrong_addresses(sections: Iterable[Section], register: Register, *, own: str | None = None) -> Iterator[Diagnostic]:
    """A street and number in the text that the register has only with another number (IA846).

    Judged where the text is about the offer: an offer's own text (`own`), or a paragraph
    that names the offer (its name or also_known_as). A number any register site on that
    street has is fine: a paragraph may name two offers on one street.
    """
    from ia.checks._where import column_of, section_texts

    numbers: dict[str, set[str]] = {}
    for entry in register.offers.values():
        for site in entry.offer.sites:
            if (street := _street(site.address)) is not None:
                numbers.setdefault(street[0], set()).add(street[1])
    if not numbers:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in sorted(numbers, key=len, reverse=True))
                         + r")\s+(\d+(?:[A-Za-z](?!\w))?(?:\s*[-–]\s*\d+)?)(?!\d)")
    for section in sections:
        for text, line in section_texts(section):
            about = [own] if own else [key for key, entry in register.offers.items()
                                       if any(name in text for name in entry.offer.names())]
            for match in pattern.finditer(text):
                street, number = match.group(1), _house(match.group(2))
                if number in {_house(n) for n in numbers[street]}:
                    continue  # "Bjerggade 4" for "Bjerggade 4 f-g": the text need not give the letter
                for key in about:
                    entry = register.offers.get(key)
                    sites = [s for s in entry.offer.sites if (_street(s.address) or ("", ""))[0] == street] if entry else []
                    if sites:
                        offset = text[:match.start()].count("\n")
                        at_line = line + offset
                        col = column_of(section, at_line, match.group(0))
                        yield Diagnostic("IA846", Span(section.path, at_line, col),
                                         {"found": match.group(0), "name": entry.offer.name, "file": entry.path,
                                          "expected": ", ".join(f"'{s.address}'" for s in sites)})
                        break


def contact_details(agreement: Agreement) -> Iterator[Diagnostic]:
    """The contacts table gives a person the e-mail and phone the register has (IA845)."""
    from ia.checks._where import at
    from ia.checks.contacts import EMAIL, PHONE

    register = agreement.register
    if register is None or agreement.meta is None:
        return
    by_email: dict[str, list[tuple[RegisteredOffer, Contact]]] = {}
    by_name: dict[str, list[tuple[RegisteredOffer, Contact]]] = {}
    for entry in register.offers.values():
        for person in entry.offer.contacts:
            if person.email:
                by_email.setdefault(person.email.casefold(), []).append((entry, person))
            by_name.setdefault(person.name, []).append((entry, person))
    path, positions = agreement.meta_path, agreement.meta_positions
    for i, contact in enumerate(agreement.meta.contacts):
        # A malformed address or number is IA701/IA702 already; comparing it would say it twice.
        for entry, person in by_email.get(contact.email.casefold(), [])[:1]:
            if person.phone and PHONE.match(contact.phone.strip()) and _digits(person.phone) != _digits(contact.phone):
                yield Diagnostic("IA845", at(path, positions, "contacts", i, "phone"),
                                 {"what": "telefonnummeret", "what_en": "the phone number", "name": contact.name,
                                  "found": contact.phone, "expected": person.phone, "file": entry.path})
        for entry, person in by_name.get(contact.name, [])[:1]:
            if person.email and EMAIL.match(contact.email) and person.email.casefold() != contact.email.casefold():
                yield Diagnostic("IA845", at(path, positions, "contacts", i, "email"),
                                 {"what": "e-mailadressen", "what_en": "the e-mail address", "name": contact.name,
                                  "found": contact.email, "expected": person.email, "file": entry.path})


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)[-8:]




def used_offer_keys(document: object) -> set[str] | None:
    """Return the register keys a document of any kind shows (a table's sites, a catalogue's
    chapters), or None when the part that would say could not be read."""
    if document is None:
        return None
    if callable(keys := getattr(document, "offer_keys", None)):
        return set(keys())  # a catalogue
    meta = getattr(document, "meta", None)
    if meta is None:
        return None
    return {site.offer for row in getattr(meta, "offers", []) for site in row.sites if site.offer}


def unused_offers(register: Register, used: set[str]) -> list[Diagnostic]:
    """An offer no document shows is named at its name (IA847): kept by mistake, or forgotten."""
    from ia.checks._where import at

    return [Diagnostic("IA847", at(entry.path, entry.positions, "name"), {"key": key})
            for key, entry in register.offers.items() if key not in used]
