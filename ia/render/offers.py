"""The view of an agreement's table of offers (2.1): rows with their sites, drawn from the register.

A site that refers to an offer of the register (`offer: key`) takes its name, address,
legal basis and phone from there, and what the signed agreement printed instead where it
recorded that under `accepted:`; capacity and notes are the agreement's own. The template
only loops: columns appear when a site has data for them, unless `offer_columns` says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ia.models import AgreementMeta, Capacity
from ia.models import Site as AgreementSite
from ia.register.load import Register
from ia.register.lookup import find_site, lookup, printed_phone


@dataclass
class SiteView:
    name: str | None
    address: list[str]
    capacity: list[Capacity] = field(default_factory=list)
    note: str | None = None
    phone: str | None = None
    legal_basis: list[str] = field(default_factory=list)


@dataclass
class RowView:
    name: str
    legal_basis: list[str]
    sites: list[SiteView]


def _site(site: AgreementSite, register: Register | None) -> tuple[SiteView, list[str]]:
    """Return the site's view and its legal basis, from the register where it refers to it."""
    if site.offer is None:
        return SiteView(site.name, list(site.address), list(site.capacity), site.note, site.phone), list(site.legal_basis)
    entry = lookup(register, site.offer)
    found = find_site(entry, site.site) if entry else None
    # An unresolved reference is an error (IA814-IA817) and stops a build; preview still shows the row.
    name = found.name if found else None
    address = found.lines() if found else []
    basis = list((found.legal_basis if found else []) or (entry.offer.legal_basis if entry else []))
    phone = printed_phone(found) if found else None
    if site.accepted is not None:
        address = list(site.accepted.address) if site.accepted.address is not None else address
        basis = list(site.accepted.legal_basis) if site.accepted.legal_basis is not None else basis
        phone = site.accepted.phone if site.accepted.phone is not None else phone
    return SiteView(name, address, list(site.capacity), site.note, phone), basis


def offer_rows(meta: AgreementMeta, register: Register | None) -> list[RowView]:
    """Return table 2.1 as rows of sites; a legal basis shared by a row's sites is the row's."""
    columns = set(meta.offer_columns) if meta.offer_columns is not None else None
    rows = []
    for offer in meta.offers:
        views, bases = [], []
        for site in offer.sites:
            view, basis = _site(site, register)
            views.append(view)
            bases.append(basis or list(offer.legal_basis))
        if not any(site.offer for site in offer.sites):
            # A row written out in full prints as written: the row's basis, and each site's own.
            row_basis = list(offer.legal_basis)
            for view, site in zip(views, offer.sites):
                view.legal_basis = list(site.legal_basis)
        elif all(basis == bases[0] for basis in bases):
            row_basis = bases[0]
        else:
            row_basis = []
            for view, basis in zip(views, bases):
                view.legal_basis = basis
        if columns is not None:
            if "lovgrundlag" not in columns:
                row_basis = []
                for view in views:
                    view.legal_basis = []
            for view in views:
                if "antal" not in columns:
                    view.capacity, view.note = [], None
                if "telefon" not in columns:
                    view.phone = None
        rows.append(RowView(offer.name, row_basis, views))
    return rows
