"""Did-you-mean suggestions for names an editor mistyped."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(found: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """Return the candidate most like `found`, or None; never `found` itself.

    Suggesting the name that was just rejected ("ukendt felt 'indicator' – mente du
    'indicator'?") tells the editor nothing and makes the tool look broken, so the
    rejected name is never a candidate, whatever list the caller passes.
    """
    others = [c for c in dict.fromkeys(candidates) if c and c != found]
    exact = [c for c in others if c.casefold() == found.casefold()]
    if exact:
        return exact[0]  # only the letters' case differs
    close = difflib.get_close_matches(found, others, n=1, cutoff=cutoff)
    if not close:
        # Case alone should not cost similarity: 'Målingen' is close to 'måling'.
        folded = {c.casefold(): c for c in others}
        close = [folded[c] for c in difflib.get_close_matches(found.casefold(), list(folded), n=1, cutoff=cutoff)]
    return close[0] if close else None


def hint_args(found: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> tuple[dict[str, object], str | None]:
    """Return the diagnostic's `suggestion` argument and hint code for `found`."""
    suggestion = closest(found, candidates, cutoff=cutoff)
    return {"suggestion": suggestion or ""}, ("did_you_mean" if suggestion else None)
