"""Pydantic model of a follow-up file (`opfoelgning-midtvejs.yaml`, `opfoelgning-aar.yaml`).

Descriptions are Danish: editors see them in VS Code through `schemas/followup.json`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ia.models import GOAL_KEY_PATTERN, IsoDate, KpiValue, Model, Person, Text

# The fixed list, in the order reports and the overview show them.
STATUSES: tuple[str, ...] = ("opfyldt", "delvist opfyldt", "ikke opfyldt", "udskudt", "ikke påbegyndt")
Status = Literal["opfyldt", "delvist opfyldt", "ikke opfyldt", "udskudt", "ikke påbegyndt"]
GoalKey = Annotated[str, StringConstraints(pattern=GOAL_KEY_PATTERN)]
KpiId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


class Actual(Model):
    indicator: Text = Field(description="KPI-rækkens indikator, som den står i målets KPI-tabel.")
    actual: KpiValue = Field(description=(
        "Den faktiske værdi i KPI'ens egen skala (skala 1-10, procent 0-100, antal 0 eller mere, tekst); "
        "tom (null), når den ikke er målt endnu."))


class GoalFollowUp(Model):
    status: Status | None = Field(None, description=(
        "Målets status: opfyldt, delvist opfyldt, ikke opfyldt, udskudt eller ikke påbegyndt."))
    explanation: Text | None = Field(None, description="Kort forklaring (Markdown): hvad er nået, og hvad mangler.")
    kpis: dict[KpiId, list[Actual]] = Field(default_factory=dict, description=(
        "De faktiske værdier pr. KPI-tabel: tabellens id og en række pr. indikator, "
        "fx {selvevaluering: [{indicator: …, actual: 9}]}."))


class FollowUpMeta(Model):
    date: IsoDate = Field(description="Datoen for opfølgningen, fx \"2026-06-15\"; den skal ligge i aftaleåret.")
    reported_by: Person = Field(description="Hvem der har lavet opfølgningen: navn og stilling.")
    goals: dict[GoalKey, GoalFollowUp] = Field(default_factory=dict, description=(
        "Opfølgningen pr. mål, med målets faste nøgle (filnavnet uden nummer, eller 'key:' i målet)."))
