"""Look at the HTML the way readers do: headless Chromium on a phone (390 px) and a
desktop (1280 px) screen. `make screenshots` writes build/screenshots/*.png for people
to look at; tests/test_browser.py measures the same pages (when Chromium is installed).

Run as `python -m tests.browser [build-folder]`.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WIDTHS = (390, 1280)
# What to show of each document: (name, fragment). A fragment is shown by framing the
# page at that anchor, because headless Chromium screenshots only the top of a page.
VIEWS = [("forside", ""), ("indhold", "indhold"), ("tilbud", "afsnit-2-1"), ("kontakter", "afsnit-2-2"),
         ("maal-2", "maal-2"), ("aktivitet", "tabel-aktivitet"), ("budget", "tabel-budget-arter"),
         ("figur", "figur-genoptraeningsplaner"),
         # The catalogue: an offer with several sites and a long link, and one chapter's start.
         ("tilbud-vaeresteder", "tilbud-vaeresteder-i-center-for-socialpsykiatri-og-rusmiddel"),
         ("kapitel-4", "kapitel-4")]


def chromium() -> str | None:
    """Return the Chromium executable, or None where none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(browser: str, width: int, height: int, url: str, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        # No network and no background services: the page must stand alone.
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--allow-file-access-from-files", f"--user-data-dir={profile}", f"--window-size={width},{height}",
             "--virtual-time-budget=3000", *extra, url],
            capture_output=True, text=True, timeout=120, check=False)


def screenshot(browser: str, page: Path, fragment: str, width: int, out: Path, height: int = 1000) -> None:
    """Write a PNG of `page` at `width`, scrolled to `fragment` (in a frame: see `measure`)."""
    with tempfile.TemporaryDirectory() as folder:
        frame = Path(folder) / "frame.html"
        target = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
        frame.write_text(f'<!DOCTYPE html><html><body style="margin:0;background:#888"><iframe src="{target}" '
                         f'style="display:block;border:0;width:{width}px;height:{height}px"></iframe></body></html>',
                         encoding="utf-8")
        _run(browser, width, height, frame.as_uri(), f"--screenshot={out.resolve()}")


# Measures the page after its own script ran; the result goes into the DOM as JSON.
PROBE = """
<script>
(function () {
  var result = {width: innerWidth, pageWidth: document.documentElement.scrollWidth, tables: [], toc: {}};
  var details = document.querySelector(".toc-details");
  result.toc.open = details ? details.open : null;
  if (details) details.open = true;
  result.toc.collisions = [];
  document.querySelectorAll(".toc li").forEach(function (li) {
    var num = li.querySelector(".toc-num"), title = li.querySelector(".toc-title");
    if (!num || !title || !num.firstChild) return;
    // The text's own extent, not its box: a number wider than its column overflows the box.
    var range = document.createRange();
    range.selectNodeContents(num);
    var words = document.createRange();
    words.selectNodeContents(title);
    var gap = words.getClientRects()[0].left - range.getBoundingClientRect().right;
    if (gap < 2) result.toc.collisions.push(num.textContent.trim());
  });
  document.querySelectorAll(".table-scroll").forEach(function (box) {
    var label = box.querySelector("tbody th");
    var entry = {id: (box.closest("[id]") || {}).id || "", scrolls: box.scrollWidth > box.clientWidth + 1,
                 hint: getComputedStyle(box, "::after").content};
    if (label && entry.scrolls) {
      var before = label.getBoundingClientRect().left;
      box.scrollLeft = box.scrollWidth;
      entry.labelMoved = Math.abs(label.getBoundingClientRect().left - before);
      var cells = box.querySelectorAll("tbody tr:first-child td");
      var last = cells[cells.length - 1];
      entry.lastColumnShown = last ? last.getBoundingClientRect().right <= box.getBoundingClientRect().right + 1 : true;
      box.scrollLeft = 0;
    }
    result.tables.push(entry);
  });
  var out = document.createElement("pre");
  out.id = "ia-probe";
  out.textContent = JSON.stringify(result);
  (window.parent || window).document.body.appendChild(out);
})();
</script>
"""


def measure(browser: str, page: Path, width: int) -> dict:
    """Open `page` in a frame `width` pixels wide and return what PROBE measured.

    A frame, because headless Chromium will not make its window narrower than 500 px.
    """
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / page.name
        probe.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
        frame = Path(folder) / "frame.html"
        frame.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe src="{probe.as_uri()}" '
                         f'style="display:block;border:0;width:{width}px;height:900px"></iframe></body></html>',
                         encoding="utf-8")
        done = _run(browser, max(width, 800), 900, frame.as_uri(), "--dump-dom")
    found = re.search(r'<pre id="ia-probe">(.*?)</pre>', done.stdout, re.S)
    if not found:
        raise RuntimeError(f"Chromium gave no measurement: {done.stderr[-500:]}")
    return json.loads(html.unescape(found.group(1)))


def main(argv: list[str]) -> int:
    """Write build/screenshots/<document>-<view>-<width>.png for every built HTML file."""
    browser = chromium()
    if browser is None:
        print("Chromium findes ikke: installér den med 'apt-get install chromium'.", file=sys.stderr)
        return 2
    build = Path(argv[0]) if argv else Path("build")
    pages = sorted(p for p in build.glob("*.html") if not p.name.startswith("_"))
    if not pages:
        print(f"ingen HTML i {build}: kør 'ia build --all' først.", file=sys.stderr)
        return 2
    out = build / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for name, fragment in VIEWS:
            if fragment and f'id="{fragment}"' not in text:
                continue
            for width in WIDTHS:
                target = out / f"{page.stem}-{name}-{width}.png"
                screenshot(browser, page, fragment, width, target)
                print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
