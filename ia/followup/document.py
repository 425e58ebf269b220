"""A validated follow-up: its period, model, positions and parsed explanations."""

from __future__ import annotations

from dataclasses import dataclass, field

from ia.document import Section
from ia.followup import PERIODS
from ia.followup.model import FollowUpMeta
from ia.source.yamltext import Positions


@dataclass
class FollowUp:
    """One period's follow-up of an agreement, as read from `opfoelgning-<period>.yaml`."""

    period: str  # a key of PERIODS
    path: str
    meta: FollowUpMeta
    positions: Positions
    # Each goal's explanation parsed as Markdown where it stands in the file, by goal key.
    explanations: dict[str, Section] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The report's Danish name: 'Midtvejsopfølgning' or 'Årsopfølgning'."""
        return PERIODS[self.period]

    @property
    def year_end(self) -> bool:
        return self.period == "aar"
