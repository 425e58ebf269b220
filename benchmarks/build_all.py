"""In-process micro-benchmark: the pipeline's functions, cold and cached, against a floor.

Measured inside one warm Python process (WeasyPrint and the templates already loaded, no
interpreter start): these are not the figures a user sees at the command line. For
those, run benchmarks/commands.py.

The floor, measured in the same run, is WeasyPrint rendering CSR 2026's final HTML with
the same stylesheet and nothing else: what any pipeline on WeasyPrint pays. Every figure
is printed as a ratio to it, so results compare across machines. Not a test: run it.

    .venv/bin/python benchmarks/build_all.py [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
import sys
from pathlib import Path

from ia.batch import build_many
from ia.pipeline import all_refs, load
from ia.render.html import render_html
from ia.resources import templates_dir

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import timed  # noqa: E402


def floor() -> None:
    """WeasyPrint alone on the final HTML: no loading, checking, charts or isolation."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = templates_dir() / "css"
    HTML(string=FINAL_HTML, base_url=css.as_uri() + "/").write_pdf(
        stylesheets=[CSS(filename=str(css / "pdf.css"), font_config=fonts)], font_config=fonts, pdf_variant="pdf/ua-1")


def main() -> None:
    global FINAL_HTML
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folders = all_refs(ROOT)
    FINAL_HTML = render_html(load(ROOT, "csr-2026").agreement)
    base = timed(floor, args.repeat)
    out = Path(tempfile.mkdtemp(prefix="ia-bench-"))

    def check_all() -> None:
        for folder in folders:
            load(ROOT, folder)

    rows = [
        ("ia check, every agreement", timed(check_all, args.repeat)),
        ("ia build csr-2026, cold (PDF + HTML)",
         timed(lambda: build_many(ROOT, [ROOT / "agreements/2026/csr"], out_dir=out, use_cache=False), args.repeat)),
        (f"ia build --all, cold ({len(folders)} agreements, parallel)",
         timed(lambda: build_many(ROOT, folders, out_dir=out, use_cache=False), args.repeat)),
        ("ia build --all, cached (nothing changed)", timed(lambda: build_many(ROOT, folders, out_dir=out), args.repeat)),
    ]
    print(f"floor: WeasyPrint alone renders csr-2026's final HTML in {base:.2f} s (median of {args.repeat})")
    for name, seconds in rows:
        print(f"{name:<50} {seconds:7.2f} s = {seconds / base:6.3f} × floor")


FINAL_HTML = ""

if __name__ == "__main__":
    main()
