"""The Indsatskatalog: a catalogue of offers, the second kind of document `ia` builds.

`models` is what catalogue.yaml may say, `load` reads a catalogue folder and the register
of offers into a `Catalogue`, `checks` holds the catalogue's own rules, `view` turns a
catalogue into what the templates show, `diff` compares two editions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ia.catalogue.document import Catalogue
    from ia.diagnostics import Diagnostic


def load_catalogue(root: Path, folder: Path, *, key: str, year: int) -> tuple[Catalogue | None, list[Diagnostic]]:
    """Read, validate and check one catalogue with the register it prints: the catalogue and
    every diagnostic, sorted. Imported lazily: `ia check` of an agreement pays nothing for it."""
    from ia.catalogue.checks import run_checks
    from ia.catalogue.load import load
    from ia.diagnostics import Diagnostic, cap_per_file
    from ia.register import load_register

    register, found = load_register(root)
    catalogue, diagnostics = load(root, folder, key=key, year=year, register=register)
    if catalogue is not None:
        # The register's problems in the files this catalogue prints (and in the areas that
        # title its chapters): a broken offer stops its catalogue's build, an unrelated one
        # does not (`ia check` reports it with the register).
        keys = set(catalogue.offer_keys())
        used = {entry.path for name, entry in register.offers.items() if name in keys}
        used |= {path for name, path in register.unread.items() if name in keys}
        used.add(register.areas_path)
        diagnostics.extend(d for d in found if d.span.path in used)
        diagnostics.extend(run_checks(catalogue))
    diagnostics.sort(key=Diagnostic.sort_key)
    return catalogue, cap_per_file(diagnostics)
