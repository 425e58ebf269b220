"""Hostile input at build time: no network, no reads outside the repository, no partial
outputs, and a PDF step that ends under a time and memory limit. The check-time corpus
is in tests/cases/hostile-*.yaml."""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

import pytest

from ia import output
from ia.output import Isolated, isolated
from ia.pipeline import build

SVG_WITH_REMOTE_HREF = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
    '<image xlink:href="http://169.254.169.254/latest/meta-data/" width="10" height="10"/></svg>'
)


def add_image(repo: Path, name: str, data: bytes) -> None:
    (repo / "agreements/2026/demo/chapters" / name).write_bytes(data)
    chapter = repo / "agreements/2026/demo/chapters/01-indledning.md"
    chapter.write_text(chapter.read_text().replace(
        "Aftalen træder i kraft 1. januar 2026.", f"![Logo]({name})"))


def test_svg_with_remote_href_is_refused_and_nothing_is_written(tiny, tmp_path):
    add_image(tiny, "logo.svg", SVG_WITH_REMOTE_HREF.encode())
    result = build(tiny, "demo-2026", out_dir=tmp_path / "out")
    assert [d.code for d in result.errors] == ["IA904"]
    assert "169.254.169.254" in result.errors[0].message()
    assert not (tmp_path / "out").exists()


def test_repository_image_is_embedded(tiny, tmp_path):
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f00f0004850180848a8c210000000049454e44ae426082")
    add_image(tiny, "kort.png", png)
    result = build(tiny, "demo-2026", out_dir=tmp_path, formats=("html",))
    assert not result.errors
    assert '<img src="data:image/png;base64,' in (tmp_path / "demo-2026.html").read_text()


def test_no_network_during_a_build(tiny, tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is not allowed in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    add_image(tiny, "logo.svg", SVG_WITH_REMOTE_HREF.encode())
    build(tiny, "demo-2026", out_dir=tmp_path)
    assert attempts == []


def test_no_reads_outside_the_repository(tiny, tmp_path):
    """Every file the build opens is the repository's, the Python installation's, or a cache."""
    script = f"""
import os, sys
from pathlib import Path
# matplotlib scans the system's fonts once to build its cache; that is the toolchain's
# own start-up, not input, so it happens before the audit hook is installed.
import matplotlib.font_manager
opened = []
sys.addaudithook(lambda event, args: opened.append(os.fsdecode(args[0])) if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)) else None)
from ia.pipeline import build
result = build(Path({str(tiny)!r}), "demo-2026", out_dir=Path({str(tmp_path / "out")!r}))
assert not result.errors
allowed = [str(Path(p).resolve()) for p in ({str(tiny)!r}, {str(tmp_path)!r}, sys.prefix, sys.base_prefix,
           {str(Path(__file__).resolve().parents[1])!r}, os.path.expanduser("~/.cache/matplotlib"), "/usr/share/zoneinfo")]
outside = [p for p in opened if not any(str(Path(p).resolve()).startswith(a) for a in allowed)]
print("\\n".join(outside))
"""
    import subprocess

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_pdf_step_is_stopped_by_its_time_limit(tiny, tmp_path):
    result = build(tiny, "demo-2026", out_dir=tmp_path / "out", timeout=0.05)
    assert [d.code for d in result.errors] == ["IA905"]
    assert not (tmp_path / "out").exists()


def _sleep():
    time.sleep(30)


def _allocate():
    blocks = []
    while True:
        blocks.append(bytearray(50 * 1024 * 1024))


def test_isolated_time_limit():
    started = time.monotonic()
    with pytest.raises(Isolated) as stopped:
        isolated(_sleep, timeout=0.5, memory=2 * 1024**3)
    assert stopped.value.kind == "timeout"
    assert time.monotonic() - started < 10


def test_isolated_memory_limit():
    with pytest.raises(Isolated) as stopped:
        isolated(_allocate, timeout=60, memory=512 * 1024**2)
    assert stopped.value.kind == "memory"


def test_a_write_that_fails_half_way_keeps_the_previous_output(tiny, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert not build(tiny, "demo-2026", out_dir=out).errors
    before = {p.name: p.read_bytes() for p in out.glob("*")}

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    chapter = tiny / "agreements/2026/demo/chapters/01-indledning.md"
    chapter.write_text(chapter.read_text().replace("1. januar 2026", "1. februar 2026"))
    result = build(tiny, "demo-2026", out_dir=out)
    assert [d.code for d in result.errors] == ["IA902"]
    assert "No space left on device" in result.errors[0].message()
    assert {p.name: p.read_bytes() for p in out.glob("*")} == before  # no temp files left, old files intact


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_directory(tiny, tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    result = build(tiny, "demo-2026", out_dir=out)
    assert [d.code for d in result.errors] == ["IA902"]
