"""Pydantic models of what editors write: agreement metadata, goals, tables and year rules.

Field descriptions are Danish because they are shown to editors, in VS Code through
the generated JSON Schemas in `schemas/`. Models are strict (no coercion: `1.10` never
becomes text, `nej` never becomes false) and forbid unknown keys so typos surface.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Text = Annotated[str, StringConstraints(min_length=1)]
# What `ia check` accepts for contacts (IA701, IA702), also given to editors' schemas as
# patterns, so VS Code underlines a bad address or number while it is typed. Validation
# itself leaves them to the checks, whose diagnostics say more than "does not match".
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
PHONE_PATTERN = r"^(?:\+45|0045)?\s?(?:\d\s?){7}\d$"
Number = Union[int, Decimal]


def _iso_date(value: object) -> object:
    # YAML 1.2 keeps 2026-01-01 as text; the model turns it into a date, strictly ISO.
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


# --- agreement.yaml ----------------------------------------------------------------------

class Person(Model):
    name: Text = Field(description="Personens fulde navn.")
    title: Text = Field(description="Stilling, som den skal stå i teksten, fx 'centerleder'.")


class Parties(Model):
    director: Person = Field(description="Direktøren for Social & Sundhed, der indgår aftalen.")
    center_leader: Person = Field(description="Lederen af enheden, der indgår aftalen.")
    follow_up: Person = Field(description="Afdelingschefen, der har ansvaret for den løbende opfølgning.")


class Capacity(Model):
    count: int = Field(ge=0, description="Antallet, fx 318.")
    unit: Text = Field(description="Hvad der tælles, fx 'borgere', 'pladser' eller 'alkohol forløb'.")


# An offer's key in the register of offers: the name of its file, offers/<key>.md.
OFFER_KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Published(Model):
    """What the signed agreement printed where it differs from the register, and why."""

    address: list[Text] | None = Field(None, description="Adressens linjer, som aftalen trykte dem, fx ['Uglekær 2-8, kld.', '6200 Aabenraa'].")
    legal_basis: list[Text] | None = Field(None, description="Lovgrundlaget, som aftalen trykte det.")
    phone: Text | None = Field(None, description="Telefonen, som aftalen trykte den.")
    reason: Text = Field(description="Hvorfor aftalen står anderledes end registret; vises af ia check.")


class Site(Model):
    # Not the key's pattern here: `ia check` says more about an unknown key (IA814, with the
    # key when the name was written) than "does not match"; editors' schemas get the pattern.
    offer: Text | None = Field(None, json_schema_extra={"pattern": OFFER_KEY_PATTERN}, description=(
        "Nøglen på tilbuddet i registret (offers/<nøgle>.md), fx 'fuldtraefferen'. Stedets navn, adresse, "
        "lovgrundlag og telefon hentes derfra; aftalen skriver kun sit eget: antal og note."))
    site: Text | None = Field(None, description=(
        "Hvilket af tilbuddets steder i registret: stedets navn eller gade og nummer; udelades, når "
        "tilbuddet har ét sted."))
    accepted: Published | None = Field(None, description=(
        "Når den underskrevne aftale trykte noget andet end registret: det trykte og en begrundelse. "
        "Tabellen viser det trykte, og ia check viser afvigelsen som en godkendt advarsel."))
    name: Text | None = Field(None, description="Stedets navn; udelades, når stedet er tilbuddet selv.")
    address: list[Text] = Field(default_factory=list, description="Adressens linjer, fx ['Reberbanen 3', '6200 Aabenraa'].")
    capacity: list[Capacity] = Field(default_factory=list, description="Antal borgere, pladser eller forløb.")
    note: Text | None = Field(None, description="Tekst i stedet for antal, fx 'Administration'.")
    phone: Text | None = Field(None, description="Stedets telefon, som det skal stå i tabellen, fx '7376 7519'.",
                               json_schema_extra={"pattern": PHONE_PATTERN})
    legal_basis: list[Text] = Field(default_factory=list, description=(
        "Lovgrundlag for netop dette sted, når tilbuddets steder har hvert sit."))


class Offer(Model):
    name: Text = Field(description="Rækkens navn i tabellen over tilbud (aftalens egen gruppering), fx 'Værested CSR'.")
    legal_basis: list[Text] = Field(default_factory=list, description=(
        "Lovgrundlag for den primære ydelse, fx '§ 79 SEL'; for steder med 'offer' står det i registret."))
    sites: list[Site] = Field(min_length=1, description="Tilbuddets steder med adresse og antal.")


class Contact(Model):
    role: Text = Field(description="Rolle eller afdeling, fx 'Centerleder' eller 'Botilbud Bjerggade'.")
    name: Text = Field(description="Lederens navn.")
    email: Text = Field(description="E-mailadresse; linket dannes af adressen.", json_schema_extra={"pattern": EMAIL_PATTERN})
    phone: Text = Field(description="Telefonnummer med 8 cifre, skrevet i anførselstegn.",
                        json_schema_extra={"pattern": PHONE_PATTERN})


class AgreementMeta(Model):
    unit: Text = Field(description="Enhedens kortnavn med små bogstaver; det samme som mappens navn.")
    year: int = Field(ge=2000, le=2100, description="Aftaleåret.")
    unit_name: Text = Field(description="Enhedens fulde navn.")
    unit_short: Text = Field(description="Enhedens forkortelse, fx 'CSR'.")
    effective_date: IsoDate = Field(description="Datoen aftalen træder i kraft, fx \"2026-01-01\".")
    parties: Parties = Field(description="Aftalens parter.")
    offers: list[Offer] = Field(default_factory=list, description="Tabellen over tilbud (afsnit 2.1).")
    contacts: list[Contact] = Field(default_factory=list, description="Ledelsens kontaktoplysninger (afsnit 2.2).")
    created: IsoDate | None = Field(None, description="Dato, der skrives i PDF'ens metadata; ellers SOURCE_DATE_EPOCH.")
    offer_columns: list[Literal["lovgrundlag", "antal", "telefon"]] | None = Field(None, description=(
        "Kolonnerne i tabellen over tilbud ud over navn og adresse: lovgrundlag, antal (antal eller note) og "
        "telefon. Udelades: hver kolonne, som et af stederne har oplysninger til."))
    table_numbers: bool = Field(False, description=(
        "true, hvis aftalens tabeller nummereres ('Tabel 1. Specifikation af budget'). Numrene dannes "
        "i den rækkefølge, tabellerne står; skriv dem aldrig selv i en overskrift."))


# --- text kept as signed ------------------------------------------------------------------

class AcceptedText(Model):
    code: Annotated[str, StringConstraints(pattern=r"^IA\d{3}$")] = Field(
        description="Advarslens kode, fx 'IA405' (et årstal fra sidste år) eller 'IA314' (en dato læst som punkt).")
    text: Text = Field(description=(
        "Et stykke af linjen, advarslen gælder, skrevet præcis som i teksten, fx 'Budget 2025'. "
        "Godkendelsen gælder kun advarsler med den kode på linjer med den tekst."))
    reason: Text = Field(description=(
        "Hvorfor teksten står, som den gør, fx 'sådan står det i den underskrevne aftale'."))


def _accepted_texts():
    return Field(default_factory=list, description=(
        "Advarsler om teksten, der bevidst står, som de gør (fx fordi aftalen blev underskrevet sådan): "
        "ia check viser dem som godkendte med begrundelsen i stedet for som advarsler."))


# --- goals -------------------------------------------------------------------------------

Scale = Literal["skala", "procent", "antal", "tekst"]
KpiValue = Union[int, Decimal, str, None]


class KpiRow(Model):
    indicator: Text = Field(description="Hvad der måles (første kolonne).")
    baseline: KpiValue = Field(description="Udgangspunktet (status).")
    target: KpiValue = Field(description="Målet.")


class Kpi(Model):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")] = Field(
        description="Tabellens id, som bruges i ```{tabel} id``` i teksten.")
    caption: Text | None = Field(None, description="Overskrift over tabellen.")
    scale: Scale = Field(description="skala (1-10), procent (0-100), antal (0 eller mere) eller tekst.")
    indicator_label: str = Field("", description="Overskrift på første kolonne.")
    baseline_label: Text = Field(description="Overskrift på kolonnen med udgangspunktet, fx 'Status pr. okt. 2025'.")
    target_label: Text = Field(description="Overskrift på kolonnen med målet, fx 'Mål pr. okt. 2026'.")
    rows: list[KpiRow] = Field(min_length=1, description="Tabellens rækker.")


GOAL_KEY_PATTERN = r"^[a-z0-9æøå][a-z0-9æøå_-]*$"


class GoalMeta(Model):
    title: Text = Field(description="Målets titel uden 'Mål nr.' (nummeret dannes automatisk).")
    key: Annotated[str, StringConstraints(pattern=GOAL_KEY_PATTERN)] | None = Field(None, description=(
        "Målets faste nøgle, som opfølgningerne bruger, fx 'handlemuligheder'. Udelades den, er nøglen "
        "filens navn uden nummeret foran: 01-handlemuligheder.md har nøglen 'handlemuligheder'. Skriv den, "
        "før filen omdøbes, så opfølgningerne stadig finder målet."))
    area: Text = Field(description="Området målet hører til, fx 'kvalitet' (se årets regler).")
    scope: Literal["lokalt", "tværgående"] = Field(description="lokalt eller tværgående.")
    continues_from: int | None = Field(None, ge=2000, le=2100, description="Året målet fortsætter fra, fx 2025.")
    kpis: list[Kpi] = Field(default_factory=list, description="Målets KPI-tabeller.")
    question_variants: dict[str, Text] = Field(default_factory=dict, description=(
        "Spørgsmål, som målet stiller med en anden ordlyd fra årets regler: spørgsmålets nøgle og "
        "formuleringens nøgle, fx {samarbejde: hvis-ja}. Formuleringerne står under 'variants' i rules.yaml."))
    accepted: list[AcceptedText] = _accepted_texts()


class ChapterMeta(Model):
    title: Text | None = Field(None, description="Kapitlets titel uden nummer; kan udelades, når kapitlet er fælles.")
    goals: bool = Field(False, description="true for kapitlet med kvalitets- og udviklingsmål.")
    shared: Annotated[str, StringConstraints(pattern=r"^[a-z0-9æøå_-]+$")] | None = Field(None, description=(
        "Navnet på årets fælles kapitel i _shared/chapters/, fx 'rammer'. Enhedens egen tekst i filen "
        "indsættes, hvor det fælles kapitel har ```{lokalt}```, ellers til sidst."))
    accepted: list[AcceptedText] = _accepted_texts()


class EffectGoal(Model):
    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9æøå-]+$")] = Field(
        description="Effektmålets faste nøgle, som indsatser henviser til, fx 'sunde-borgere'.")
    text: Text = Field(description="Effektmålet, som det står i listen over årets effektmål.")
    short: Text | None = Field(None, description="Kort form til enhedens liste, fx 'Flere sunde borgere'.")


class EffectGoals(Model):
    effect_goals: list[EffectGoal] = Field(min_length=1, description="Årets politisk godkendte effektmål.")


class Intervention(Model):
    effect_goal: Text = Field(description="Nøglen på det effektmål, indsatsen løfter.")
    intervention: Text = Field(description="Indsatsen med én sætning.")
    description: Text = Field(description="Beskrivelse (Markdown).")
    indicators: list[Text] = Field(default_factory=list, description=(
        "Relevante indikatorer, én pr. punkt; vises som 'Relevante indikatorer', når der er nogen."))
    success_criterion: Text | Annotated[list[Text], Field(min_length=1)] = Field(description=(
        "Succeskriteriet, eller en liste med flere succeskriterier (vises som punkter under 'Succeskriterier')."))
    measurement: Text | Annotated[list[Text], Field(min_length=1)] = Field(description=(
        "Hvordan succeskriteriet måles, eller en liste med flere målinger (vises som punkter)."))


class Interventions(Model):
    effect_goals: list[Text] = Field(min_length=1, description=(
        "Nøglerne på de effektmål, enheden bidrager til, i rækkefølge; de får bogstaverne A, B, …"))
    label: Literal["bogstav", "nummer", "begge"] = Field("bogstav", description=(
        "Hvordan indsatserne betegnes: 'bogstav' (effektmålets bogstav: 'A  Indsats vedr.: …'), "
        "'nummer' (indsatsens nummer: 'Indsats 1 vedr.: …') eller 'begge' ('A  Indsats 1 vedr.: …')."))
    interventions: list[Intervention] = Field(min_length=1, description="Indsatserne, der løfter på effektmålene.")


# --- figure tables -----------------------------------------------------------------------

Cell = Union[int, Decimal, str, None]


class Column(Model):
    label: str = Field(description="Kolonnens overskrift.")
    type: Literal["text", "number"] = Field("text", description="text eller number.")
    decimals: int = Field(0, ge=0, le=4, description="Antal decimaler for tal.")
    row_total: bool = Field(False, description="true, hvis kolonnen er summen af rækkens øvrige tal.")
    product_of: list[Text] = Field(default_factory=list, description=(
        "Overskrifterne på de kolonner, hvis produkt er denne kolonne, fx ['Antal', 'Stykpris']."))
    quotient_of: list[Text] = Field(default_factory=list, description=(
        "Overskrifterne på tælleren og nævneren, hvis kvotient er denne kolonne, fx "
        "['Budget 2026', 'Antal borgere'] for en pris pr. borger (400 ÷ 3,73)."))
    factor: Number = Field(1, description=(
        "Tal, produktet eller kvotienten ganges med, fx 0.001 for beløb i 1.000 kr."))

    @model_validator(mode="after")
    def _one_formula(self) -> "Column":
        if self.quotient_of and len(self.quotient_of) != 2:
            raise ValueError("quotient_of skal have præcis to kolonner: tælleren og nævneren")
        if self.quotient_of and self.product_of:
            raise ValueError("en kolonne kan ikke både have product_of og quotient_of")
        return self
    summed: bool = Field(True, description=(
        "false, hvis kolonnens sumrækker ikke er summer af rækkerne, fx en gennemsnitspris."))
    rounded: bool | None = Field(None, description=(
        "true, hvis kolonnens tal er beløb afrundet til enheden (kr., 1.000 kr.): en sum må da afvige "
        "fra rækkernes sum med en halv enhed pr. række. false for præcise tal som antal borgere og "
        "pladser, der skal stemme præcist. Udeladt: som tabellens 'rounded'."))


class HeaderGroup(Model):
    label: str = Field(description="Overskrift over flere kolonner.")
    span: int = Field(ge=1, description="Hvor mange kolonner overskriften dækker.")


class Group(Model):
    group: str | None = Field(description="Gruppens navn (null for en unavngiven blok).")
    rows: list[Union[list[Cell], Group]] = Field(min_length=1, description="Gruppens rækker og undergrupper.")
    total: list[Cell] | None = Field(None, description="Gruppens sumrække, som den er offentliggjort.")


class Deviation(Model):
    row: Text = Field(description="Sumrækkens navn (første celle), fx 'Oprindeligt Netto Budget'.")
    column: Text = Field(description="Kolonnens overskrift.")
    reason: Text = Field(description="Hvorfor tallet står, som det gør, fx at det er sådan aftalen blev underskrevet.")


class Chart(Model):
    type: Literal["linje", "søjle"] = Field(description="linje (udvikling over tid) eller søjle (sammenligning).")
    caption: Text = Field(description="Figurens titel.")
    series: list[Text] = Field(min_length=1, description="Overskrifterne på de talkolonner, der vises.")
    x_label: str = Field("", description="Tekst ved den vandrette akse.")
    y_label: str = Field("", description="Tekst ved den lodrette akse.")
    alt: Text = Field(description=(
        "Tekstalternativ til figuren: hvad den viser, med ord, til skærmlæsere og PDF/UA."))


class TableData(Model):
    caption: Text | None = Field(None, description="Tabellens overskrift.")
    unit: Text | None = Field(None, description="Enheden, fx '1.000 kr.'.")
    rounded: bool = Field(False, description=(
        "true, hvis tabellens tal er beløb afrundet til enheden (kr., 1.000 kr.), så summer og "
        "produkter må afvige med afrundingen. false (standard): tallene er præcise, fx antal, og "
        "skal stemme præcist. En kolonne kan sige andet med sit eget 'rounded'."))
    note: Text | None = Field(None, description="Linje under tabellen.")
    columns: list[Column] = Field(min_length=1, description="Kolonnerne; den første holder rækkernes navne.")
    header_groups: list[HeaderGroup] = Field(default_factory=list, description="Overskrifter over flere kolonner.")
    rows: list[Union[list[Cell], Group]] = Field(min_length=1, description="Rækker og grupper.")
    total: list[Cell] | None = Field(None, description="Tabellens sumrække.")
    chart: Chart | None = Field(None, description="En figur af tabellens tal, vist med ```{figur} id```.")
    accepted: list[Deviation] = Field(default_factory=list, description=(
        "Summer, der bevidst ikke stemmer med rækkerne (fx i en allerede underskrevet aftale); "
        "ia check viser dem som advarsler i stedet for fejl."))

    def is_rounded(self, column: Column) -> bool:
        """Whether a column's figures are rounded amounts (else exact, such as counts)."""
        return self.rounded if column.rounded is None else column.rounded


# --- rules.yaml --------------------------------------------------------------------------

class QuestionVariant(Model):
    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9æøå][a-z0-9æøå_-]*$")] = Field(
        description="Formuleringens nøgle, som målet vælger med 'question_variants', fx 'hvis-ja'.")
    text: Text = Field(description="Spørgsmålet med denne ordlyd; {year} erstattes af aftaleåret.")


class Question(Model):
    key: Annotated[str, StringConstraints(pattern=r"^[a-zæøå_]+$")] = Field(description="Spørgsmålets nøgle.")
    heading: Text = Field(description="Afsnittets overskrift i målfilen, fx 'Resultat'.")
    text: Text = Field(description="Spørgsmålet; {year} erstattes af aftaleåret.")
    required: bool = Field(True, description="true, hvis alle mål skal besvare spørgsmålet.")
    variants: list[QuestionVariant] = Field(default_factory=list, description=(
        "Andre formuleringer af spørgsmålet, som et mål kan vælge i stedet, fordi aftalerne "
        "stiller det forskelligt, fx med og uden 'Hvis ja, lav aftale med disse.'"))

    def text_for(self, year: int, variant: str | None = None) -> str:
        """Return the question as printed: the chosen variant's wording, else the default."""
        text = next((v.text for v in self.variants if v.key == variant), self.text)
        return text.replace("{year}", str(year))


class Area(Model):
    key: Text = Field(description="Områdets nøgle, som målene bruger i 'area'.")
    title: Text = Field(description="Områdets overskrift, fx 'Styring'.")
    min_goals: int = Field(0, ge=0, description="Mindste antal mål i området, fx 1 for velfærdsteknologi.")
    requirement: Text | None = Field(None, description="Kravet med ord, som det vises i diagnosen.")


class MandatoryGoal(Model):
    name: Text = Field(description="Målets navn, som det vises i diagnosen, fx 'Handlemuligheder'.")
    area: Text = Field(description="Området målet skal stå i.")
    match: list[Text] = Field(min_length=1, description="Ord, hvoraf et skal stå i målets titel (små og store bogstaver er ens).")


class Rules(Model):
    year: int = Field(description="Året reglerne gælder for.")
    goals_chapter_title: Text = Field(description="Titlen på kapitlet med mål.")
    questions: list[Question] = Field(min_length=1, description="Spørgsmålene hvert mål besvarer.")
    areas: list[Area] = Field(min_length=1, description="Områderne i den rækkefølge, de nummereres.")
    mandatory_goals: list[MandatoryGoal] = Field(default_factory=list, description="Tværgående mål, som alle aftaler skal have.")
