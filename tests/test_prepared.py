"""`ia build` of several agreements imports WeasyPrint and matplotlib once, before it forks:
the PDF child still runs under its limits, and nothing outside the repository is read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ia.batch import build_many
from ia.workspace import DocumentRef, from_folder


def two(tiny: Path) -> list[DocumentRef]:
    """The fixture's agreement and a copy of it: preparing is for builds of several."""
    import shutil

    shutil.copytree(tiny / "agreements/2026/demo", tiny / "agreements/2026/anden")
    path = tiny / "agreements/2026/anden/agreement.yaml"
    path.write_text(path.read_text().replace("unit: demo", "unit: anden"))
    return [from_folder(tiny, tiny / "agreements/2026/demo"), from_folder(tiny, tiny / "agreements/2026/anden")]


def test_prepared_build_reads_nothing_outside_the_repository(tiny, tmp_path):
    """The audit of test_hostile, through build_many: its preparation reads tables too."""
    two(tiny)
    script = f"""
import os, sys
from pathlib import Path
# The toolchain's own start-up, before the audit: matplotlib builds its font cache, and
# WeasyPrint's import asks ldconfig where Pango is (cffi) and reads /etc/mime.types. On
# main it did so in every PDF child; prepared, it does so once in this process.
import matplotlib.font_manager, weasyprint
opened = []
sys.addaudithook(lambda event, args: opened.append(os.fsdecode(args[0])) if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)) else None)
from ia.batch import build_many
from ia.workspace import documents
root = Path({str(tiny)!r})
summaries = build_many(root, documents(root),
                       out_dir=Path({str(tmp_path / "out")!r}), workers=1)
assert [s.status for s in summaries] == ["bygget", "bygget", "bygget"], summaries  # two agreements, one catalogue
assert "weasyprint" in sys.modules and "matplotlib.pyplot" in sys.modules  # prepared in this process
allowed = [str(Path(p).resolve()) for p in ({str(tiny)!r}, {str(tmp_path)!r}, sys.prefix, sys.base_prefix,
           {str(Path(__file__).resolve().parents[1])!r}, os.path.expanduser("~/.cache"), "/usr/share/zoneinfo")]
outside = [p for p in opened if not any(str(Path(p).resolve()).startswith(a) for a in allowed)]
print("\\n".join(outside))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == ""


def test_prepared_pdf_child_keeps_its_time_limit(tiny, tmp_path):
    summaries = build_many(tiny, two(tiny), out_dir=tmp_path / "out", use_cache=False, timeout=0.05, workers=1)
    assert "weasyprint" in sys.modules  # prepared: the child forked with it imported
    for summary in summaries:
        assert summary.status == "fejl"
        assert [d.code for d in summary.diagnostics if d.is_error] == ["IA905"]
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_prepared_pdf_child_keeps_its_memory_limit(tiny, tmp_path):
    # An address space far below what WeasyPrint needs: whatever it inherited, the child
    # cannot lay out, and the parent reports it. (Pango aborts on a failed malloc, which
    # the parent sees as a crash, IA901; a MemoryError in Python is IA906.)
    summaries = build_many(tiny, two(tiny), out_dir=tmp_path / "out", use_cache=False, memory=64 * 1024**2, workers=1)
    for summary in summaries:
        assert summary.status == "fejl"
        assert [d.code for d in summary.diagnostics if d.is_error] in (["IA906"], ["IA901"])
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_page_count_in_the_summary_is_the_pdfs(tiny, tmp_path):
    from pypdf import PdfReader

    [summary] = build_many(tiny, [from_folder(tiny, tiny / "agreements/2026/demo")], out_dir=tmp_path / "out", workers=1)
    assert summary.pages == len(PdfReader(tmp_path / "out" / "demo-2026.pdf").pages)
