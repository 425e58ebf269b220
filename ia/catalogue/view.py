"""What the catalogue's templates show: chapters, offers, contacts and JSON-LD, already formatted.

The templates only loop over these views. An offer's text and facts come from the
register, once; the catalogue decides only where each offer stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from ia.catalogue.checks import month_text
from ia.catalogue.document import Catalogue, CatalogueChapter
from ia.catalogue.models import CatalogueContact
from ia.document import Section
from ia.markdown import FootnoteNumbers
from ia.register.load import RegisteredOffer
from ia.register.models import Contact, Site
from ia.render.markdown import render_section, slug
from ia.render.html import TocEntry, Verbatim
from ia.numbers import phone

MUNICIPALITY = "Aabenraa Kommune"


@dataclass
class ContactView:
    unit: str | None
    role: str | None
    name: str
    email: str | None
    phone: str | None  # in pairs, as printed


@dataclass
class SiteView:
    name: str | None
    lines: list[str]


@dataclass
class OfferView:
    key: str
    anchor: str
    name: str
    body: Markup
    anchored_in: str | None
    sites: list[SiteView]
    contacts: list[ContactView]
    links: list[tuple[str, bool]]  # (url, whether it may be a link: http or https only)


@dataclass
class ChapterView:
    number: int
    title: str
    anchor: str
    body: Markup | None
    offers: list[OfferView] = field(default_factory=list)
    contact: ContactView | None = None  # the catalogue's contact person closes the first chapter


def _no_directives(name: str, arg: str) -> str:  # noqa: ARG001 - the renderer's signature
    # A catalogue has no figure tables; `ia check` reports a directive in its texts (IA827).
    return ""


def _render(section: Section, numbers: FootnoteNumbers, assets: dict) -> Markup:
    # Chapter title h2, offer name h3: an offer's or chapter's own `###` becomes h4.
    return render_section(section, directives=_no_directives, heading_shift=1, numbers=numbers, assets=assets)


def contact_view(contact: Contact | CatalogueContact) -> ContactView:
    """A contact person with the phone number in pairs."""
    return ContactView(getattr(contact, "unit", None), contact.role, contact.name, contact.email,
                       phone(contact.phone) if contact.phone else None)


def _web_address(url: str) -> bool:
    # Only a web address becomes a link; anything else (javascript:, data:) is printed as
    # text, whatever the register's own check (IA703) has said about it.
    return url.lower().startswith(("http://", "https://"))


def offer_anchor(key: str) -> str:
    return f"tilbud-{key}"


def offer_view(entry: RegisteredOffer, numbers: FootnoteNumbers, assets: dict) -> OfferView:
    """One offer as the catalogue prints it: name, text, anchoring, sites, contacts, links."""
    offer = entry.offer
    return OfferView(
        key=entry.key, anchor=offer_anchor(entry.key), name=offer.name, body=_render(entry.body, numbers, assets),
        anchored_in=offer.anchored_in,
        sites=[SiteView(site.name, site.lines()) for site in offer.sites],
        contacts=[contact_view(c) for c in offer.contacts],
        links=[(link.url, _web_address(link.url)) for link in offer.links],
    )


def chapter_views(catalogue: Catalogue, numbers: FootnoteNumbers) -> list[ChapterView]:
    """The chapters in order, each with its text and its offers (unknown keys are left out: an error)."""
    views = []
    for chapter in catalogue.chapters:
        anchor = f"kapitel-{chapter.number}"
        body = _render(chapter.text, numbers, catalogue.assets) if chapter.text is not None else None
        offers = [offer_view(catalogue.register.offers[key], numbers, catalogue.assets) for key in _shown(chapter, catalogue)]
        views.append(ChapterView(chapter.number, chapter.title, anchor, body, offers))
    if views:
        views[0].contact = contact_view(catalogue.meta.contact)
    return views


def _shown(chapter: CatalogueChapter, catalogue: Catalogue) -> list[str]:
    return list(dict.fromkeys(key for key in chapter.offers if key in catalogue.register.offers))


def toc_entries(chapters: list[ChapterView]) -> list[TocEntry]:
    """Chapters with their numbers, and under each its offers by name."""
    toc = []
    for chapter in chapters:
        toc.append(TocEntry(f"{chapter.number}.", chapter.title, chapter.anchor, 1))
        toc.extend(TocEntry("", offer.name, offer.anchor, 2) for offer in chapter.offers)
    return toc


# --- JSON-LD ------------------------------------------------------------------------------

def _address(site: Site) -> dict:
    address: dict = {"@type": "PostalAddress", "streetAddress": site.address, "addressCountry": "DK"}
    if site.postal_code:
        address["postalCode"] = site.postal_code
    if site.city or site.locality:
        address["addressLocality"] = site.city or site.locality
    return address


def government_service(entry: RegisteredOffer, *, url: str) -> dict:
    """One offer as a schema.org GovernmentService, with the fields Tilbudsportalen also records.

    Aabenraa Kommune provides (or funds) every offer of the catalogue; the unit it is
    anchored in operates it. The legal basis is the service type, as Tilbudsportalen types
    an offer by its paragraph ("§ 107 SEL"); the target group is the audience, in the
    register's words.
    """
    offer = entry.offer
    service: dict = {
        "@type": "GovernmentService",
        "@id": f"{url}#{offer_anchor(entry.key)}",
        "identifier": entry.key,
        "name": offer.name,
        "provider": {"@type": "GovernmentOrganization", "name": MUNICIPALITY},
        "areaServed": {"@type": "AdministrativeArea", "name": MUNICIPALITY},
    }
    if offer.also_known_as:
        service["alternateName"] = list(offer.also_known_as)
    if offer.anchored_in:
        service["serviceOperator"] = {"@type": "Organization", "name": offer.anchored_in}
    legal = list(dict.fromkeys([*offer.legal_basis, *(basis for site in offer.sites for basis in site.legal_basis)]))
    if legal:
        service["serviceType"] = legal
    if offer.target_group:
        service["audience"] = {"@type": "Audience", "audienceType": offer.target_group}
    if offer.sites:
        service["availableChannel"] = [
            {"@type": "ServiceChannel",
             "serviceLocation": {"@type": "Place", **({"name": site.name} if site.name else {}), "address": _address(site)},
             **({"servicePhone": {"@type": "ContactPoint", "telephone": site.phone}} if site.phone else {})}
            for site in offer.sites
        ]
    if offer.links:
        service["url"] = offer.links[0].url
        if len(offer.links) > 1:
            service["sameAs"] = [link.url for link in offer.links[1:]]
    return service


def json_ld(catalogue: Catalogue, *, url: str = "") -> dict:
    """The catalogue's offers as one JSON-LD graph of GovernmentServices, in the catalogue's order."""
    register = catalogue.register
    return {
        "@context": "https://schema.org",
        "@graph": [government_service(register.offers[key], url=url)
                   for key in catalogue.offer_keys() if key in register.offers],
    }


def script_json(data: object) -> Verbatim:
    """Serialise data for a <script> element: deterministic, and nothing in it can end the element.

    `<`, `>` and `&` are written as JSON escapes, so `</script>` or `<!--` in an offer's
    text stays inside the string; U+2028/U+2029 are escaped for old JavaScript parsers.
    Verbatim: the templates' typesetting (no-break space after "§") must not touch data.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return Verbatim(text)


def build_context(catalogue: Catalogue) -> dict:
    """Everything the catalogue's templates show."""
    meta = catalogue.meta
    numbers = FootnoteNumbers()
    chapters = chapter_views(catalogue, numbers)
    period = "-".join(str(year) for year in meta.period)
    colophon = meta.colophon
    publisher = colophon.publisher if colophon else MUNICIPALITY
    department = colophon.department if colophon else None
    return {
        "catalogue": catalogue,
        "publisher": publisher,
        "department": department,
        "author": ", ".join(part for part in (publisher, department) if part),
        "meta": meta,
        "title": meta.title,
        "period": period,
        "edition": f"{meta.edition}. udgave",
        "updated": month_text(meta.updated),
        "created": meta.created.isoformat() if meta.created else None,
        "chapters": chapters,
        "toc": toc_entries(chapters),
        "offer_count": sum(len(chapter.offers) for chapter in chapters),
        "json_ld": script_json(json_ld(catalogue)),
        "slug": slug,
    }
