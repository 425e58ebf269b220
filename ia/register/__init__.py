"""The register of offers: one file per offer in `offers/`, shared by every kind of document.

`models` holds what an offer file may say, `load` reads the folder into a `Register`
(with positioned diagnostics for what cannot be read), `checks` holds the rules that
look at the register and at the documents that use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ia.diagnostics import Diagnostic
    from ia.register.load import Register


def load_register(root: Path) -> tuple[Register, list[Diagnostic]]:
    """Read and check the register of offers: the register and every diagnostic, sorted.

    Imported lazily by callers: `ia check` of one agreement that uses no offer pays nothing.
    """
    from ia.diagnostics import Diagnostic, cap_per_file
    from ia.register.checks import check_register
    from ia.register.load import read_register

    register = read_register(root)
    found = [*register.diagnostics, *check_register(register)]
    found.sort(key=Diagnostic.sort_key)
    return register, cap_per_file(found)


def offer_keys(agreement: object) -> list[str]:
    """Return the register keys an agreement's table of offers refers to, in order, once each."""
    meta = getattr(agreement, "meta", None)
    keys = [site.offer for row in (meta.offers if meta else []) for site in row.sites if site.offer]
    return list(dict.fromkeys(keys))


def attach_register(root: Path, agreement: object) -> list[Diagnostic]:
    """Read the register for an agreement and set `agreement.register` (None without `offers/`).

    Returns the diagnostics of the offer files the agreement's table uses: they are its
    sources too, so `ia check csr-2026` names a broken offer it shows and `ia build` stops
    on it. The register is read even when the table uses none: the agreement's text is
    checked for offers' names and addresses (IA842, IA846).
    """
    from ia import paths

    if not paths.exists(root, root / "offers"):
        return []
    keys = offer_keys(agreement)
    register, found = load_register(root)
    agreement.register = register  # type: ignore[attr-defined]
    used = {register.offers[key].path if key in register.offers else register.unread.get(key) for key in keys}
    return [d for d in found if d.span.path in used]
