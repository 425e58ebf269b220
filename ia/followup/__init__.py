"""The follow-up year: mid-year and year-end follow-up of an agreement's goals.

One YAML file per period beside agreement.yaml (`opfoelgning-midtvejs.yaml`,
`opfoelgning-aar.yaml`), keyed by the goals' stable keys. The package reads and validates
them (`source`), checks them against the agreement (`checks`), and renders the follow-up
report (`render`, the agreement's editions `opfoelgning-midtvejs` and `opfoelgning-aar`),
the secretariat's overview of a year (`status`, `export`) and what `ia new` carries over
into next year's agreement (`carry`).
"""

from __future__ import annotations

# period -> (file name, Danish name of the report, edition of the agreement)
PERIODS: dict[str, str] = {"midtvejs": "Midtvejsopfølgning", "aar": "Årsopfølgning"}
EDITION_PREFIX = "opfoelgning-"


def file_name(period: str) -> str:
    """Return the follow-up's file name beside agreement.yaml: 'opfoelgning-aar.yaml'."""
    return f"{EDITION_PREFIX}{period}.yaml"


def period_of(edition: str | None) -> str | None:
    """Return the period an edition of the agreement shows ('opfoelgning-aar' -> 'aar'), else None."""
    if edition and edition.startswith(EDITION_PREFIX) and edition[len(EDITION_PREFIX):] in PERIODS:
        return edition[len(EDITION_PREFIX):]
    return None
