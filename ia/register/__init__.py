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
