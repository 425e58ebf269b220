"""Pydantic model of catalogue.yaml: an Indsatskatalog's facts and its chapters.

The offers themselves live once, in the register (`offers/`); a catalogue says which of
them each chapter shows and in what order. Descriptions are Danish: editors see them in
VS Code through `schemas/catalogue.schema.json`.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Field, StringConstraints, Tag

from ia.models import EMAIL_PATTERN, PHONE_PATTERN, IsoDate, Model, Text

# A key of the register: an offer (`fuldtraefferen`) or a strategy area (`boligforhold`).
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
# A Markdown file of the catalogue's own, relative to its folder.
ChapterFile = Annotated[str, StringConstraints(pattern=r"^chapters/[^/]+\.md$")]
Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Year = Annotated[int, Field(ge=2000, le=2100)]


class CatalogueContact(Model):
    role: Text | None = Field(None, description="Kontaktpersonens rolle, fx 'Konsulent'.")
    name: Text = Field(description="Kontaktpersonens navn.")
    email: Text | None = Field(None, description="E-mailadresse.", json_schema_extra={"pattern": EMAIL_PATTERN})
    phone: Text | None = Field(None, description="Telefonnummer med 8 cifre, i anførselstegn.",
                               json_schema_extra={"pattern": PHONE_PATTERN})


class Colophon(Model):
    publisher: Text = Field(description="Udgiveren, fx 'Aabenraa Kommune'.")
    address: Text = Field(description="Udgiverens adresse (gade og nummer).")
    postal_code: Annotated[str, StringConstraints(pattern=r"^\d{4}$")] = Field(
        description="Postnummer, i anførselstegn: \"6200\".")
    city: Text = Field(description="By, fx 'Aabenraa'.")
    web: Text = Field(description="Udgiverens hjemmeside, som den trykkes, fx 'www.aabenraa.dk'.")
    date: Text = Field(description="Udgivelsestidspunktet, som det trykkes på bagsiden, fx 'juli 2026'.")
    department: Text | None = Field(None, description="Forvaltningen, fx 'Social & Sundhed'.")
    design: Text | None = Field(None, description="Hvem der har designet den trykte udgave; udelades i en dannet udgave.")
    digital: Text | None = Field(None, description="Hvor publikationen findes digitalt, fx 'aabenraa.dk/udsatte'.")


class TextChapter(Model):
    file: ChapterFile = Field(description="Et kapitel med egen tekst, fx 'chapters/01-indledning.md'.")


class AreaChapter(Model):
    area: Key = Field(description="Strategiens indsatsområde, en nøgle fra offers/_areas.yaml; giver kapitlets titel.")
    intro: ChapterFile | None = Field(None, description="Tekst før kapitlets tilbud, fx 'chapters/09-organisationer.md'.")
    offers: list[Key] = Field(min_length=1, description=(
        "Tilbuddene i kapitlet, i den rækkefølge de skal stå: nøgler fra offers/ (filens navn uden .md)."))


def _chapter_kind(value: Any) -> str:
    # The key an editor wrote decides which kind of chapter it is, so a mistake is
    # reported against that kind alone, not as a mismatch with every kind at once.
    return "Text" if isinstance(value, dict) and "file" in value and "area" not in value else "Area"


Chapter = Annotated[Union[Annotated[TextChapter, Tag("Text")], Annotated[AreaChapter, Tag("Area")]],
                    Discriminator(_chapter_kind)]


class CatalogueMeta(Model):
    title: Text = Field(description="Katalogets titel, fx 'Indsatskatalog 2026-2027'.")
    subtitle: Text | None = Field(None, description="Undertitel på forsiden.")
    edition: int = Field(ge=1, le=1000, description="Udgavens nummer (4 for '4. udgave').")
    period: list[Year] = Field(min_length=1, max_length=2, description="Årene kataloget gælder, fx [2026, 2027]; det andet år ikke før det første.")
    updated: Month = Field(description="Hvornår kataloget senest er opdateret, som \"2026-07\" (år og måned).")
    anchored_in: Text = Field(description="Hvor kataloget er forankret, fx 'Social, i Social & Sundhed'.")
    contact: CatalogueContact = Field(description="Katalogets kontaktperson; står sidst i første kapitel.")
    colophon: Colophon | None = Field(None, description="Bagsiden: udgiver, adresse, dato.")
    created: IsoDate | None = Field(None, description="Dato, der skrives i PDF'ens metadata; ellers SOURCE_DATE_EPOCH.")
    chapters: list[Chapter] = Field(min_length=1, description=(
        "Kapitlerne i rækkefølge: enten {file: …} med egen tekst eller {area: …, offers: […]} med tilbud."))
