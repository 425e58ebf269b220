"""Find what a document's reference names in the register: an offer and one of its sites."""

from __future__ import annotations

from ia.register.load import Register, RegisteredOffer
from ia.register.models import Site


def site_label(site: Site) -> str:
    """Return how a document names a site: its name, else its street line."""
    return site.name or site.address


def find_site(entry: RegisteredOffer, selector: str | None) -> Site | None:
    """Return the offer's site a document means: the one named or addressed by `selector`,
    or the only one when `selector` is None; None when there is no such single site."""
    sites = entry.offer.sites
    if selector is None:
        return sites[0] if len(sites) == 1 else None
    for site in sites:
        if selector in (site.name, site.address):
            return site
    return None


def printed_phone(site: Site) -> str | None:
    """Return a site's phone as a table prints it, with the office hours after it."""
    if site.phone and site.office_hours:
        return f"{site.phone} / Træffetid: {site.office_hours}"
    return site.phone


def lookup(register: Register | None, key: str | None) -> RegisteredOffer | None:
    """Return the offer `key` names, or None (no register, unknown key or an unread file)."""
    if register is None or key is None:
        return None
    return register.offers.get(key)
