"""Pydantic models of the register of offers: an offer file's front matter and the areas.

Strict like `ia.models`: no coercion (a phone number written as a number is an error,
not a silently reformatted text), unknown keys are errors, and the descriptions are
Danish because editors see them in VS Code through `schemas/offer.schema.json`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ia.models import EMAIL_PATTERN, OFFER_KEY_PATTERN, PHONE_PATTERN, Model, Text

# An offer's key is its file's name without `.md`: lowercase ASCII words joined by "-".
KEY_PATTERN = OFFER_KEY_PATTERN
# Given to editors' schemas; `ia check` says more about a bad link (IA703).
URL_PATTERN = r"^https?://\S+$"


# The month a change is known by, as the catalogue's "senest opdateret juli 2026" is: "2026-07".
Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


class Site(Model):
    name: Text | None = Field(None, description=(
        "Stedets navn, når det har sit eget, fx 'Kolonihaven'; udelades, når stedet er tilbuddet selv."))
    address: Text = Field(description="Gade og nummer, som det skal stå, fx 'Reberbanen 3' eller 'Bjerggade 4C, 1.sal'.")
    locality: Text | None = Field(None, description="Supplerende bynavn, fx 'Stubbæk'.")
    postal_code: Annotated[str, StringConstraints(pattern=r"^\d{4}$")] | None = Field(
        None, description="Postnummer med fire cifre, skrevet i anførselstegn, fx \"6200\".")
    city: Text | None = Field(None, description="Postdistrikt, fx 'Aabenraa'.")
    legal_basis: list[Text] = Field(default_factory=list, description=(
        "Lovgrundlag for netop dette sted, når tilbuddets steder har hvert sit, fx 'ABL § 105 stk. 2'."))
    phone: Text | None = Field(None, description="Stedets telefon, skrevet i anførselstegn, fx \"7376 7519\".",
                               json_schema_extra={"pattern": PHONE_PATTERN})
    office_hours: Text | None = Field(None, description="Træffetid, fx 'Kl. 07.45-13.00'.")

    def lines(self) -> list[str]:
        """Return the address as its printed lines: street, locality, postal code and city."""
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.address, self.locality, town) if line]


class Contact(Model):
    unit: Text | None = Field(None, description="Enheden, kontaktpersonen står under, fx 'Jobcenter'.")
    role: Text | None = Field(None, description="Stilling, fx 'Afdelingsleder'.")
    name: Text = Field(description="Kontaktpersonens navn.")
    email: Text | None = Field(None, description="E-mailadresse.", json_schema_extra={"pattern": EMAIL_PATTERN})
    phone: Text | None = Field(None, description="Telefonnummer med 8 cifre, skrevet i anførselstegn.",
                               json_schema_extra={"pattern": PHONE_PATTERN})


class Link(Model):
    url: Text = Field(description="Webadressen, som den skal stå, fx 'https://www.aabenraa.dk/…'.",
                      json_schema_extra={"pattern": URL_PATTERN})


class AcceptedSpelling(Model):
    spelling: Text = Field(description="Stavemåden, som den står i tilbuddets tekst, fx 'Fuldræfferen'.")
    reason: Text = Field(description="Hvorfor teksten beholder den, fx 'sådan står det i det trykte katalog'.")


class Offer(Model):
    """One offer of the register: the front matter of `offers/<key>.md`."""

    name: Text = Field(description="Tilbuddets navn med én stavemåde; dokumenterne skriver det herfra.")
    also_known_as: list[Text] = Field(default_factory=list, description=(
        "Andre navne, dokumenter bruger med vilje, fx 'Værested CSR'. Stavefejl hører ikke hjemme her: "
        "ia check finder dem i teksten."))
    area: Text | None = Field(None, description="Strategiens område (en nøgle fra offers/_areas.yaml), fx 'faellesskaber'.")
    anchored_in: Text | None = Field(None, description=(
        "Hvor tilbuddet er forankret, fx 'Center for Socialpsykiatri og Rusmiddel, i Social & Sundhed'."))
    target_group: Text | None = Field(None, description="Hvem tilbuddet er for, med kildens ord.")
    access: Literal["åben", "visiteret"] | None = Field(None, description=(
        "'åben' (uden visitation) eller 'visiteret'; udelades, når kilden ikke siger det."))
    legal_basis: list[Text] = Field(default_factory=list, description="Lovgrundlag, fx '§ 79 SEL'.")
    sites: list[Site] = Field(default_factory=list, description="Tilbuddets steder med adresse.")
    contacts: list[Contact] = Field(default_factory=list, description="Kontaktpersoner.")
    links: list[Link] = Field(default_factory=list, description="Links til tilbuddets egne sider.")
    accepted_spellings: list[AcceptedSpelling] = Field(default_factory=list, description=(
        "Stavemåder af et andet tilbuds navn, som tilbuddets tekst bevidst beholder (fx fordi den trykte "
        "udgave skrev sådan); ia check viser dem som godkendte advarsler i stedet for stavefejl."))
    updated: Month | None = Field(None, description=(
        "Måneden, tilbuddets oplysninger sidst blev ændret, fx \"2026-07\". ia check advarer, når et "
        "katalog er 'senest opdateret' før et af dets tilbud."))

    def names(self) -> list[str]:
        """Return every name the offer goes by: its name first, then `also_known_as`."""
        return [self.name, *self.also_known_as]


class Area(Model):
    key: Annotated[str, StringConstraints(pattern=KEY_PATTERN)] = Field(
        description="Områdets nøgle, som tilbuddenes 'area' bruger, fx 'boligforhold'.")
    title: Text = Field(description="Områdets titel, som den står i kataloget, fx 'Boligforhold'.")


class Areas(Model):
    """`offers/_areas.yaml`, read as `{areas: [...]}` so it validates like every other file."""

    areas: list[Area] = Field(description="Strategiens områder i kapitlernes rækkefølge.")
