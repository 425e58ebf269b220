"""The floor of every WeasyPrint pipeline: WeasyPrint alone renders a finished HTML file to PDF.

Run as its own process by benchmarks/commands.py, with ia's final HTML, ia's print
stylesheet and its bundled fonts (through the same FontConfiguration and PDF/UA variant
`ia build` uses); nothing of ia is imported.

    python benchmarks/floor.py FINAL.html TEMPLATES/css OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration


def main() -> None:
    html, css, out = (Path(arg) for arg in sys.argv[1:4])
    fonts = FontConfiguration()
    HTML(string=html.read_text(encoding="utf-8"), base_url=css.as_uri() + "/").write_pdf(
        out, stylesheets=[CSS(filename=str(css / "pdf.css"), font_config=fonts)], font_config=fonts,
        pdf_variant="pdf/ua-1")


if __name__ == "__main__":
    main()
