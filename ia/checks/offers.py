"""Checks of an agreement against the register of offers (ia/register/): table 2.1's
references, and offers' names, addresses and contact details in the agreement.

Table 2.1 refers to offers by key; these checks say where a key, a site or a recorded
deviation (`accepted:`) does not match the register, at the line of agreement.yaml to change.
"""

from __future__ import annotations

from collections.abc import Iterator

from ia.checks._needs import needs
from ia.checks._where import at
from ia.diagnostics import Diagnostic
from ia.document import Agreement, all_sections
from ia.register.across import contact_details, misspelt_names, wrong_addresses
from ia.register.load import slug
from ia.register.lookup import find_site, printed_phone, site_label
from ia.suggest import hint_args


def _list(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values) or "ingen"


def _accepted(agreement: Agreement, where: tuple, accepted, entry, found) -> Iterator[Diagnostic]:
    """A recorded deviation is shown as an accepted warning, or as unneeded once it agrees."""
    path, positions = agreement.meta_path, agreement.meta_positions
    ours = {
        "address": (found.lines(), "adressen", "the address"),
        "legal_basis": (list(found.legal_basis or entry.offer.legal_basis), "lovgrundlaget", "the legal basis"),
        "phone": (printed_phone(found), "telefonen", "the phone"),
    }
    for key, (register_value, what, what_en) in ours.items():
        written = getattr(accepted, key)
        if written is None:
            continue
        joiner = ", " if key == "address" else "; "  # as the table prints them
        shown = joiner.join(written) if isinstance(written, list) else written
        expected = joiner.join(register_value) if isinstance(register_value, list) else (register_value or "")
        args = {"what": what, "what_en": what_en, "found": shown, "expected": expected, "file": entry.path,
                "reason": accepted.reason}
        code = "IA819" if written == register_value else "IA818"
        yield Diagnostic(code, at(path, positions, *where, key), args,
                         accepted=accepted.reason if code == "IA818" else None)


@needs("meta")
def offer_references(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every offer the table of offers names is in the register, with the site it names."""
    register = agreement.register
    path, positions = agreement.meta_path, agreement.meta_positions
    for i, row in enumerate(agreement.meta.offers):
        refers = [site.offer for site in row.sites if site.offer]
        if row.legal_basis and refers:
            yield Diagnostic("IA840", at(path, positions, "offers", i, "legal_basis", key=True),
                             {"field": "legal_basis", "file": f"offers/{refers[0]}.md"})
        for j, site in enumerate(row.sites):
            where = ("offers", i, "sites", j)
            if site.offer is None:
                for key in ("site", "accepted"):
                    if getattr(site, key) is not None:
                        yield Diagnostic("IA841", at(path, positions, *where, key, key=True), {"field": key})
                continue
            for key in ("name", "address", "phone", "legal_basis"):
                if getattr(site, key):
                    yield Diagnostic("IA840", at(path, positions, *where, key, key=True),
                                     {"field": key, "file": f"offers/{site.offer}.md"})
            if register is None:
                continue
            if not register.knows(site.offer):
                by_name = {slug(name): key for key, e in register.offers.items() for name in e.offer.names()}
                more, hint_code = hint_args(by_name.get(slug(site.offer), site.offer), register.keys())
                if by_name.get(slug(site.offer)):
                    more, hint_code = {"suggestion": by_name[slug(site.offer)]}, "did_you_mean"
                yield Diagnostic("IA814", at(path, positions, *where, "offer"), {"found": site.offer, **more}, hint_code)
                continue
            entry = register.offers.get(site.offer)
            if entry is None:
                continue  # the offer's file is broken, and reported
            labels = [site_label(s) for s in entry.offer.sites]
            found = find_site(entry, site.site)
            if found is None and site.site is not None:
                more, hint_code = hint_args(site.site, labels)
                yield Diagnostic("IA815", at(path, positions, *where, "site"),
                                 {"offer": site.offer, "found": site.site, "expected": _list(labels), **more}, hint_code)
            elif found is None and labels:
                yield Diagnostic("IA816", at(path, positions, *where, "offer"),
                                 {"offer": site.offer, "count": len(labels), "expected": _list(labels)})
            elif found is None:
                yield Diagnostic("IA817", at(path, positions, *where, "offer"), {"offer": site.offer, "file": entry.path})
            elif site.accepted is not None:
                yield from _accepted(agreement, (*where, "accepted"), site.accepted, entry, found)


@needs()
def offer_names(agreement: Agreement) -> Iterator[Diagnostic]:
    """Offers named in the agreement's text are spelt as in the register (IA842)."""
    if agreement.register is not None and agreement.register.offers:
        yield from misspelt_names(all_sections(agreement), agreement.register)[0]


@needs()
def offer_addresses(agreement: Agreement) -> Iterator[Diagnostic]:
    """Addresses of offers in the agreement's text are the register's (IA846)."""
    if agreement.register is not None:
        yield from wrong_addresses(all_sections(agreement), agreement.register)


@needs("meta")
def contacts_match_the_register(agreement: Agreement) -> Iterator[Diagnostic]:
    """The contacts table gives a person the e-mail and phone the register has (IA845)."""
    yield from contact_details(agreement)
