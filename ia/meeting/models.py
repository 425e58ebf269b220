"""Pydantic models of what a secretariat writes for a meeting: the body, the meeting, an item.

As in `ia.models`: strict, unknown keys forbidden, Danish descriptions (editors see them in
VS Code through `schemas/body.schema.json`, `meeting.schema.json`, `item.schema.json` and
`attachment.schema.json`).
"""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field

from ia.models import IsoDate, Model, Text

# The form the case numbers of seed 004 have ("2025-031702"): year, dash, six digits. Written
# into the schema for editors' tools; `ia check` says more than "does not match" (IA382).
CASE_PATTERN = r"^\d{4}-\d{6}$"


class Member(Model):
    name: Text = Field(description="Medlemmets fulde navn.")
    title: str | None = Field(None, description="Stilling, fx 'socialdirektør'.")
    organisation: str | None = Field(None, description="Kommune, region eller anden organisation.")


class StandingItem(Model):
    key: Text = Field(description="Punktets nøgle, fx 'godkendelse-af-referat'; mødet skriver sin del under standing.<nøgle>.")
    title: Text = Field(description="Punktets titel, som den trykkes på hvert møde.")
    position: Literal["first", "last"] = Field(description="'first': før mødets egne punkter; 'last': efter dem.")
    proposals: list[Text] = Field(default_factory=list, description="Indstillingens nummererede forslag, fx 'Godkender dagsordenen'.")
    approves_previous_minutes: bool = Field(
        False, description="true for punktet, der godkender referatet fra seneste møde: ia finder det forrige møde og "
                           "tjekker, at punktets bilag og tekst nævner dets dato.")
    announces_next_meeting: bool = Field(
        False, description="true for punktet, hvis tekst siger, hvornår næste møde er: ia tjekker datoen mod udvalgets "
                           "næste møde i repositoriet.")


class Body(Model):
    key: Text = Field(description="Udvalgets nøgle = mappens navn under meetings/, fx 'das-social'.")
    name: Text = Field(description="Udvalgets fulde navn, fx 'Den Administrative Styregruppe'.")
    short: Text = Field(description="Kort navn til sidehovedet, fx 'DAS Social'.")
    proposal_lead: Text = Field(description="Indstillingens indledning, fx 'Det indstilles, at Den Administrative Styregruppe'.")
    members: list[Member] = Field(default_factory=list, description="Udvalgets medlemmer (kun dem, der er oplyst).")
    standing_items: list[StandingItem] = Field(default_factory=list, description="Punkter, som hvert møde har, i rækkefølge.")


class Attachment(Model):
    title: Text = Field(description="Bilagets titel, som den står i bilagslisten.")
    external: Text = Field(description="Hvor bilaget findes, når dets tekst ikke ligger i repositoriet, "
                                       "fx 'kun titlen er trykt i referatet' eller 'i ESDH-sagen'.")


# A title alone: the attachment's text is a Markdown file in the item's folder with this title.
AttachmentRef = Union[Text, Attachment]


class Accepted(Model):
    text: Text = Field(description="Teksten med pladsholderen, som den står, fx 'XX. apr.'.")
    reason: Text = Field(description="Hvorfor pladsholderen står, fx 'forslagets datoer er endnu ikke fastlagt'.")


class StandingPart(Model):
    text: str | None = Field(None, description="Punktets egen tekst på dette møde, fx 'Næste møde finder sted d. 2. oktober 2025 kl. 12.00-16.00'.")
    attachments: list[AttachmentRef] = Field(default_factory=list, description="Punktets bilag på dette møde.")
    decision: str | None = Field(None, description="Beslutningen (referat); tom i en dagsorden.")
    accepted: list[Accepted] = Field(default_factory=list, description="Pladsholdere, der står med vilje (advarsel i stedet for fejl).")


class MeetingMeta(Model):
    body: Text = Field(description="Udvalgets nøgle, fx 'das-social' (= mappen over mødets mappe).")
    date: IsoDate = Field(description="Mødets dato, fx \"2025-05-22\" (= mødets mappenavn).")
    time: str | None = Field(None, description="Tidspunkt, fx '12.00-16.00'.")
    place: str | None = Field(None, description="Mødested, fx 'Regionshuset'.")
    chair: str | None = Field(None, description="Mødeleder.")
    participants: list[Text] = Field(default_factory=list, description="Deltagere.")
    absent: list[Text] = Field(default_factory=list, description="Afbud.")
    previous_meeting: IsoDate | None = Field(
        None, description="Datoen for seneste møde, når det møde ikke ligger i repositoriet (ellers finder ia det selv).")
    standing: dict[str, StandingPart | None] = Field(
        default_factory=dict, description="Mødets del af de faste punkter, efter punktets nøgle (tom i en dagsorden uden bilag).")


class ItemMeta(Model):
    title: Text = Field(description="Punktets titel, uden 'Punkt N.' (nummeret sættes af ia).")
    case: str | None = Field(None, description="Sagsnummer, fx \"2025-031702\".", json_schema_extra={"pattern": CASE_PATTERN})
    access: Literal["åben", "lukket"] = Field("åben", description="'åben' eller 'lukket'; et lukket punkt vises kun med sin titel.")
    presenters: list[Text] = Field(default_factory=list, description="Hvem der fremlægger punktet.")
    attachments: list[AttachmentRef] = Field(default_factory=list, description="Bilagslisten, titler som trykt, i rækkefølge.")
    notes: list[Text] = Field(default_factory=list, description="Linjer under titlen, der ikke er et afsnit, fx 'Tilsynschef … deltager under behandlingen af punktet.'")
    subitems: bool = Field(False, description="true: punktets '###'-overskrifter er underpunkter (13.1, 13.2 …).")
    accepted: list[Accepted] = Field(default_factory=list, description="Pladsholdere, der står med vilje (advarsel i stedet for fejl).")


class AttachmentMeta(Model):
    title: Text = Field(description="Bilagets titel: den samme som i punktets bilagsliste.")
    accepted: list[Accepted] = Field(default_factory=list, description="Pladsholdere, der står med vilje (advarsel i stedet for fejl).")
