"""What a check needs besides the documents it walks: the parts of an agreement that can be unknown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

# The agreement's parts that stand as None while their file cannot be validated:
# agreement.yaml (`meta`), the year's rules.yaml (`rules`), _shared/effect_goals.yaml.
PARTS = frozenset({"meta", "rules", "effect_goals"})


def needs(*parts: str) -> Callable[[F], F]:
    """Declare the parts a check reads; it is skipped while one of them is unknown.

    `@needs()` says the check reads none of them. A check that declares nothing is
    taken to need them all, so a new check never reads an unknown part by accident.
    """
    unknown = set(parts) - PARTS
    if unknown:
        raise ValueError(f"unknown parts: {sorted(unknown)}")

    def mark(check: F) -> F:
        check.needs = frozenset(parts)  # type: ignore[attr-defined]
        return check

    return mark


def needed(check: Callable) -> frozenset[str]:
    return getattr(check, "needs", PARTS)
