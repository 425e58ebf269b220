"""The directives editors write as fenced blocks (```{tabel} budget```): one registry.

A directive has a name, where it may stand and what it does; the built-in tables
(```{tabel} tilbud``` …) are named here too. The checks ask this registry which names
exist; the renderer draws each name it lists (`ia/render/html.py`), and a test holds
the renderer to this registry, so no directive is accepted by `ia check` and then
printed as nothing. Standard library only: every stage may import it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Directive:
    name: str
    help: str  # Danish: what it does, for editors
    # Taken out when a shared chapter is composed with the unit's text (ia/shared.py):
    # anywhere else it is misplaced (IA368).
    composing: bool = False
    # Stands in a shared chapter and marks where the unit's own text goes (ia/validate.py).
    slot: bool = False
    drawn: bool = False  # rendered where it stands (a table or a figure)


DIRECTIVES: dict[str, Directive] = {d.name: d for d in (
    Directive("tabel", "viser en tabel: i et kapitel en tabel fra tables/ eller en indbygget tabel, i et mål en af målets KPI-tabeller",
              drawn=True),
    Directive("figur", "viser figuren (chart:) af en tabel fra tables/", drawn=True),
    Directive("lokalt", "markerer i et fælles kapitel, hvor enhedens egen tekst står", slot=True),
    Directive("efter", "sætter enhedens tekst ind efter et sted i det fælles kapitel", composing=True),
    Directive("erstat", "erstatter et sted i det fælles kapitel (eller et effektmåls ordlyd) med enhedens tekst",
              composing=True),
)}

# ```{tabel} <id>``` in a chapter shows a table from tables/ or one of these, drawn from
# the agreement's own data.
BUILT_IN_TABLES: dict[str, str] = {
    "tilbud": "enhedens tilbud med adresse og kapacitet (offers: i agreement.yaml)",
    "kontakter": "enhedens kontaktpersoner (contacts: i agreement.yaml)",
    "effektmaal": "årets godkendte effektmål (_shared/effect_goals.yaml)",
    "enhedens-effektmaal": "de effektmål, enheden har valgt, med bogstav (interventions.yaml)",
    "indsatser": "enhedens indsatser med indikatorer og succeskriterier (interventions.yaml)",
}
