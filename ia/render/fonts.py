"""The HTML's own Lato: small WOFF2 subsets of the PDF's fonts, embedded as data: URLs.

`python -m ia.render.fonts` (or `make fonts`) writes the subsets to templates/fonts/web/
from the bundled TTFs; they are committed, so a build only reads them. The subsets hold
Latin-1, Latin Extended-A and the punctuation Danish text uses; a character outside them
falls back to the next font in the stack.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

# (file stem, CSS weight, CSS style) of the faces the stylesheets use.
FACES = [("Lato-Regular", 400, "normal"), ("Lato-Italic", 400, "italic"),
         ("Lato-Bold", 700, "normal"), ("Lato-BoldItalic", 700, "italic")]
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A), (0x2190, 0x2193),
          (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2212, 0x2212)]
FEATURES = ["kern", "liga", "lnum", "pnum", "tnum"]


def characters() -> list[int]:
    """Return the code points the web fonts cover."""
    return [c for first, last in RANGES for c in range(first, last + 1)]


def subset(ttf: Path) -> bytes:
    """Return a WOFF2 subset of one TTF: the same bytes for the same input, no timestamp."""
    from fontTools import subset as fonttools_subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(ttf), recalcTimestamp=False)
    options = fonttools_subset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES
    options.name_IDs = ["*"]  # keep the copyright and licence names
    options.hinting = False  # screens do without; it halves the size
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=2)
def font_face_css(fonts: Path) -> str:
    """Return @font-face rules with the web fonts inline, for screens only.

    Inside `@media screen`, WeasyPrint (print media) never sees them: the PDF keeps the
    full TTFs pdf.css names, and its URL fetcher is not asked for fonts it would refuse.
    """
    rules = []
    for stem, weight, style in FACES:
        data = base64.b64encode((fonts / "web" / f"{stem}.woff2").read_bytes()).decode("ascii")
        rules.append(f'  @font-face {{ font-family: "Lato"; src: url("data:font/woff2;base64,{data}") format("woff2"); '
                     f"font-weight: {weight}; font-style: {style}; font-display: swap; }}")
    return "@media screen {\n" + "\n".join(rules) + "\n}"


def main() -> None:
    """Write templates/fonts/web/*.woff2 from the bundled TTFs."""
    from ia.resources import templates_dir

    fonts = templates_dir() / "fonts"
    (fonts / "web").mkdir(exist_ok=True)
    for stem, _, _ in FACES:
        data = subset(fonts / f"{stem}.ttf")
        (fonts / "web" / f"{stem}.woff2").write_bytes(data)
        print(f"{stem}.woff2: {len(data)} bytes")


if __name__ == "__main__":
    main()
