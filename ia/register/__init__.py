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


# One process checks many documents that each read the register (`ia check`, `--watch`):
# the register read once is kept while its files are unchanged (see `_signature`).
_KEPT: dict[str, tuple[tuple, Register, list[Diagnostic]]] = {}


def load_register(root: Path) -> tuple[Register, list[Diagnostic]]:
    """Read and check the register of offers: the register and every diagnostic, sorted.

    Imported lazily by callers: `ia check` of one agreement that uses no offer pays nothing.
    Treat the result as read-only: it may be shared with the next caller.
    """
    from ia import paths
    from ia.diagnostics import Diagnostic, cap_per_file
    from ia.register.checks import check_register
    from ia.register.load import read_register

    # A build records what it reads for its cache, so it always reads.
    signature = None if paths.journaling() else _signature(root)
    kept = _KEPT.get(str(root))
    if signature is not None and kept is not None and kept[0] == signature:
        return kept[1], list(kept[2])
    register = read_register(root)
    found = [*register.diagnostics, *check_register(register)]
    found.sort(key=Diagnostic.sort_key)
    found = cap_per_file(found)
    if signature is not None:
        _KEPT[str(root)] = (signature, register, found)
    return register, list(found)


def _signature(root: Path) -> tuple | None:
    """Return what identifies the register's files as they are now, or None when it cannot be
    trusted: a file changed in the last two seconds could change again within the same
    timestamp (git's index calls such entries racy), and a folder that cannot be listed."""
    import os
    import time

    folder = root / "offers"
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
        stats = [(e.name, e.stat(follow_symlinks=True)) for e in entries]
        top = os.stat(folder)
    except OSError:
        return None
    now = time.time_ns()
    if any(now - s.st_mtime_ns < 2_000_000_000 for _, s in stats):
        return None
    return (os.path.realpath(folder), top.st_mtime_ns,
            *((name, s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns) for name, s in stats))


def check_with_documents(root: Path, uses: dict[str, set[str] | None]) -> list[Diagnostic]:
    """Check the register with the whole repository: its own diagnostics, and the offers no
    document shows (IA847). `uses` maps each document's id to the offer keys it shows (see
    `ia.register.across.used_offer_keys`; None while the part that says cannot be read).

    Catalogues not in `uses` are read here, so an offer only a catalogue shows is not called
    unused by a check that did not load catalogues.
    """
    from ia.diagnostics import Diagnostic, cap_per_file
    from ia.register.across import unused_offers

    register, found = load_register(root)
    every = list(uses.values())
    if None not in every:
        every += _catalogue_uses(root, set(uses))
    if None in every:
        return found  # a document that cannot be read may show any offer: say nothing about use
    found = [*found, *unused_offers(register, set().union(*every))]
    found.sort(key=Diagnostic.sort_key)
    return cap_per_file(found)


def _catalogue_uses(root: Path, have: set[str]) -> list[set[str] | None]:
    """The offer keys of each catalogue (catalogues/<year>/<name>/catalogue.yaml) not in `have`."""
    from ia import paths
    from ia.catalogue import load_catalogue
    from ia.register.across import used_offer_keys

    found: list[set[str] | None] = []
    base = root / "catalogues"
    for year in paths.listing(root, base):
        if not year.isdigit():
            continue
        for name in paths.listing(root, base / year):
            folder = base / year / name
            if name.startswith(("_", ".")) or f"{name}-{year}" in have or not paths.exists(root, folder / "catalogue.yaml"):
                continue
            found.append(used_offer_keys(load_catalogue(root, folder, key=name, year=int(year))[0]))
    return found


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
