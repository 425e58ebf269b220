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


def _pid():
    return os.getpid()


def test_the_early_pdf_child_takes_the_work_under_the_same_limits():
    """A single build forks its PDF child before loading (it imports WeasyPrint meanwhile);
    the work goes to that child, which keeps the memory and time limits of a late one."""
    from ia import output

    output.start_pdf_child(2 * 1024**3)
    early = output._early[0].pid
    assert isolated(_pid, timeout=120, memory=2 * 1024**3) == early
    output.start_pdf_child(512 * 1024**2)
    with pytest.raises(Isolated) as stopped:
        isolated(_allocate, timeout=120, memory=512 * 1024**2)
    assert stopped.value.kind == "memory"
    output.start_pdf_child(2 * 1024**3)
    started = time.monotonic()
    with pytest.raises(Isolated) as stopped:
        isolated(_sleep, timeout=0.5, memory=2 * 1024**3)
    assert stopped.value.kind == "timeout" and time.monotonic() - started < 120
    assert output._early is None


def test_an_early_pdf_child_without_work_is_ended():
    from ia import output

    output.start_pdf_child(2 * 1024**3)
    child = output._early[0]
    output.discard_pdf_child()
    assert not child.is_alive() and output._early is None
    assert isolated(_pid, timeout=120, memory=2 * 1024**3) != child.pid  # a new child: none is waiting


def test_a_write_that_fails_half_way_keeps_the_previous_output(tiny, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert not build(tiny, "demo-2026", out_dir=out).errors
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    entries = sorted(out.rglob("*"))

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    chapter = tiny / "agreements/2026/demo/chapters/01-indledning.md"
    chapter.write_text(chapter.read_text().replace("1. januar 2026", "1. februar 2026"))
    result = build(tiny, "demo-2026", out_dir=out)
    assert [d.code for d in result.errors] == ["IA902"]
    assert "No space left on device" in result.errors[0].message()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before  # old files intact
    assert sorted(out.rglob("*")) == entries  # and no temporary file or folder left


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_directory(tiny, tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    result = build(tiny, "demo-2026", out_dir=out)
    assert [d.code for d in result.errors] == ["IA902"]


# --- Second round (issue 11): the edges of the build -----------------------------------------
# Each test below failed on the code before the fix; they drive the public entry points
# (the command line, build_many, build) so they hold for any implementation.

from tests.clirunner import CliRunner  # noqa: E402

from ia.batch import build_many  # noqa: E402
from ia.workspace import from_folder  # noqa: E402
from ia.cli import run as app  # noqa: E402

runner = CliRunner()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_new_never_writes_through_a_linked_year_folder(tiny, tmp_path):
    """Point 1: agreements/2027 is a link to a folder outside the repository."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (tiny / "agreements/2027").symlink_to(outside)
    result = runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 1, result.output
    assert "IA114" in result.output and "agreements/2027" in result.output
    assert list(outside.iterdir()) == []


def test_new_does_not_copy_links_that_leave_the_repository(tiny, tmp_path):
    """Point 2: a goal linked to a secret outside is refused as `ia check` refuses it, not copied."""
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: hemmeligt\n---\nADGANGSKODE=hunter2\n")
    (tiny / "agreements/2026/demo/goals/09-link.md").symlink_to(secret)
    result = runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 1, result.output
    assert "IA109" in result.output and "goals/09-link.md" in result.output
    assert not (tiny / "agreements/2027").exists()
    assert not any(b"hunter2" in data for data in _tree(tiny).values())


def test_new_does_not_read_a_pipe(tiny):
    """Point 2/4: a named pipe in the source agreement would block a reader forever."""
    os.mkfifo(tiny / "agreements/2026/demo/chapters/fifo.md")
    result = runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 1, result.output
    assert "IA113" in result.output


def _build_cli(tiny: Path, *extra: str):
    return runner.invoke(app, ["build", "demo-2026", "--root", str(tiny), "--out", str(tiny / "build"),
                               "--format", "html", *extra])


def test_cache_record_that_is_a_link_is_not_written_through(tiny, tmp_path):
    """Point 3: a pull request force-adds build/.cache/demo-2026.json as a link."""
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (tiny / "build/.cache").mkdir(parents=True)
    (tiny / "build/.cache/demo-2026.json").symlink_to(victim)
    result = _build_cli(tiny)
    assert victim.read_text() == "untouched"
    assert result.exit_code == 1 and "IA114" in result.output, result.output
    (tiny / "build/.cache").rename(tiny / "build/old-cache")
    (tiny / "build/.cache").symlink_to(tmp_path)  # the folder itself a link out
    result = _build_cli(tiny, "--force")
    assert result.exit_code == 1 and "IA114" in result.output, result.output
    assert not (tmp_path / "demo-2026.json").exists()


def test_cache_check_opens_no_pipe_and_nothing_outside(tiny, tmp_path):
    """Point 4: links to a pipe and to a large file outside, in the agreement folder but used by nothing."""
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "large.bin").write_bytes(b"x" * 1000)
    (tiny / "agreements/2026/demo/noter.md").symlink_to(tmp_path / "fifo")
    (tiny / "agreements/2026/demo/chapters/.bilag.md").symlink_to(tmp_path / "large.bin")
    script = f"""
import os, sys
from pathlib import Path
opened = []
sys.addaudithook(lambda event, args: opened.append(os.fsdecode(args[0])) if event == "open" and args and isinstance(args[0], (str, bytes)) else None)
from ia.batch import build_many
from ia.workspace import documents
for _ in range(2):
    print(build_many(Path({str(tiny)!r}), documents(Path({str(tiny)!r})),
                     out_dir=Path({str(tmp_path / 'out')!r}), formats=('html',))[0].status)
real = [os.path.realpath(p) for p in opened]
print("opened", *[p for p in real if p.startswith({str(tmp_path)!r}) and not p.startswith(({str(tmp_path / "out")!r}, {str(tiny)!r}))])
"""
    import subprocess

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["bygget", "uændret", "opened"]


def _build(tiny: Path, out: Path, **options):
    ref = from_folder(tiny, tiny / "agreements/2026/demo")
    return build_many(tiny, [ref], out_dir=out, formats=options.pop("formats", ("html",)), **options)[0]


@pytest.mark.parametrize("damage", [b"", b'{"format": 2, "inputs": {', b"\xff\xfe not json", b"[]", b'{"format": 2}'])
def test_a_damaged_cache_record_is_a_miss(tiny, tmp_path, damage):
    """Point 5: a record cut short or not JSON means rebuild, never IA903."""
    out = tmp_path / "out"
    assert _build(tiny, out).status == "bygget"
    for record in (out / ".cache").glob("*.json"):
        record.write_bytes(damage)
    summary = _build(tiny, out)
    assert summary.status == "bygget", summary.diagnostics
    assert _build(tiny, out).status == "uændret"


def test_the_cache_notices_what_the_build_read_and_what_it_wrote(tiny, tmp_path, monkeypatch):
    """Point 6: a replaced output, an image elsewhere in the repository, SOURCE_DATE_EPOCH."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f00f0004850180848a8c210000000049454e44ae426082")
    (tiny / "assets").mkdir()
    (tiny / "assets/kort.png").write_bytes(png)
    chapter = tiny / "agreements/2026/demo/chapters/01-indledning.md"
    chapter.write_text(chapter.read_text().replace("Aftalen træder i kraft 1. januar 2026.", "![Kort](../../../../assets/kort.png)"))
    out = tmp_path / "out"
    assert _build(tiny, out).status == "bygget"
    assert _build(tiny, out).status == "uændret"
    (out / "demo-2026.html").unlink()
    (out / "demo-2026.html").write_text("<p>en anden fil</p>")
    assert _build(tiny, out).status == "bygget"
    assert "en anden fil" not in (out / "demo-2026.html").read_text()
    (tiny / "assets/kort.png").write_bytes(png.replace(b"\x00\x00\x00\x01\x08", b"\x00\x00\x00\x01\x08", 1) + b"\0")
    assert _build(tiny, out).status == "bygget"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert _build(tiny, out).status == "bygget"
    assert _build(tiny, out).status == "uændret"


def test_a_cache_record_committed_to_the_repository_is_not_trusted(tiny, tmp_path, monkeypatch):
    """Point 6: a pull request commits build/ with a forged output and a record matching the sources."""
    out = tiny / "build"
    assert _build(tiny, out).status == "bygget"
    monkeypatch.setenv("IA_CACHE_KEY", str(tmp_path / "ci-machine-key"))  # CI: another user, another key
    assert _build(tiny, out).status == "bygget"


def test_a_cache_write_failure_after_the_outputs_is_ia902_with_the_path(tiny, tmp_path):
    """Point 7: the outputs were written, the cache record cannot be (here .cache is a file)."""
    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache").write_text("not a folder")
    summary = _build(tiny, out)
    assert [d.code for d in summary.diagnostics if d.is_error] == ["IA902"]
    assert ".cache" in summary.diagnostics[-1].message()
    assert (out / "demo-2026.html").read_text().startswith("<!DOCTYPE html>")


KILL_DURING_PUBLISH = """
import os, signal, sys
from pathlib import Path
import ia.pipeline
from ia.pipeline import build
marker = sys.argv[2]
ia.pipeline.render = lambda agreement, **kw: ({"pdf": b"%PDF " + marker.encode(), "html": b"<html>" + marker.encode()}, 1)
calls = 0
def killing(original):
    def rename(*args, **kwargs):
        global calls
        calls += 1
        if calls == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    return rename
os.replace, os.rename = killing(os.replace), killing(os.rename)
result = build(Path(sys.argv[3]), "demo-2026", out_dir=Path(sys.argv[4]))
assert not result.errors, result.diagnostics
"""


@pytest.mark.parametrize("kill_at", [1, 2, 3, 4, 5])
def test_sigkill_at_any_rename_leaves_one_whole_pair(tiny, tmp_path, kill_at):
    """Point 8: a build killed between (or during) its renames leaves the old pair or the new pair."""
    import subprocess

    out = tmp_path / "out"
    script = [sys.executable, "-c", KILL_DURING_PUBLISH]
    assert subprocess.run(script + ["0", "old", str(tiny), str(out)], capture_output=True).returncode == 0
    subprocess.run(script + [str(kill_at), "new", str(tiny), str(out)], capture_output=True)
    pair = ((out / "demo-2026.pdf").read_bytes()[5:], (out / "demo-2026.html").read_bytes()[6:])
    assert pair in {(b"old", b"old"), (b"new", b"new")}
    assert subprocess.run(script + ["0", "newer", str(tiny), str(out)], capture_output=True).returncode == 0
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


SLOW_PDF = """
import os, sys, time
from pathlib import Path
import ia.pipeline
pid_file = Path(sys.argv[2])
def pdf_bytes(*args, **kwargs):
    pid_file.write_text(str(os.getpid()))
    time.sleep(600)
ia.pipeline.pdf_bytes = pdf_bytes
from ia.cli import main
sys.argv = ["ia", "build", "demo-2026", "--root", sys.argv[1], "--out", sys.argv[3]]
main()
"""


def test_sigterm_to_ia_build_ends_the_pdf_child(tiny, tmp_path):
    """Point 9: CI cancels a job with SIGTERM; the PDF child must not live on."""
    import signal
    import subprocess

    pid_file = tmp_path / "child.pid"
    parent = subprocess.Popen([sys.executable, "-c", SLOW_PDF, str(tiny), str(pid_file), str(tmp_path / "out")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline and parent.poll() is None, parent.communicate()
        time.sleep(0.05)
    child = int(pid_file.read_text())
    parent.send_signal(signal.SIGTERM)
    parent.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the PDF child outlived ia build"
    assert parent.returncode != 0


FORKED_WHEN = """
import sys
from pathlib import Path
import ia.pipeline
seen = Path(sys.argv[2])
def pdf_bytes(*args, **kwargs):
    seen.write_text(str("ia.validate" in sys.modules))
    raise RuntimeError("stop here")
ia.pipeline.pdf_bytes = pdf_bytes
from ia.cli import main
sys.argv = ["ia", "build", "demo-2026", "--format", "pdf", "--root", sys.argv[1], "--out", sys.argv[3]]
main()
"""


def test_a_single_build_forks_its_pdf_child_before_loading(tiny, tmp_path):
    """The child imports WeasyPrint while `ia build` loads and renders: it was forked before
    the agreement was read (the validator is not in it), and still reports as before."""
    import subprocess

    seen = tmp_path / "seen"
    done = subprocess.run([sys.executable, "-c", FORKED_WHEN, str(tiny), str(seen), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert seen.read_text() == "False"
    assert done.returncode == 1 and "IA901" in done.stderr and "stop here" in done.stderr, done.stderr[-2000:]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_many_problems_on_one_long_line_print_a_bounded_report(tiny):
    """Point 12: 5,000 duplicate keys on one 54 KB line printed 403 MB; now a page."""
    line = "{" + ", ".join(f"k: {i}" for i in range(5000)) + "}"
    (tiny / "agreements/2026/demo/tables/lang.yaml").write_text(f"caption: X\ncolumns: {line}\nrows: []\n")
    result = runner.invoke(app, ["check", "--root", str(tiny)])
    assert result.exit_code == 1
    assert len(result.output) < 100_000, len(result.output)
    assert "IA199" in result.output and "4899 problemer mere" in result.output
    for fmt in ("json", "github"):
        shown = runner.invoke(app, ["check", "--root", str(tiny), "--format", fmt]).output
        assert len(shown) < 100_000, (fmt, len(shown))


def test_an_html_only_build_that_fails_on_a_figure_names_the_stage_and_the_source(tiny, tmp_path, monkeypatch):
    """Point 14: not "IA901 PDF'en kunne ikke dannes" without a place."""
    import ia.render.charts

    def broken(table):
        raise ValueError("tegningen fejlede")

    monkeypatch.setattr(ia.render.charts, "chart_svg", broken)
    result = build(tiny, "demo-2026", out_dir=tmp_path / "out", formats=("html",))
    assert [(d.code, str(d.span)) for d in result.errors] == [("IA909", "agreements/2026/demo/tables/planer.yaml:9:1")]
    assert "figuren" in result.errors[0].message() and "tegningen fejlede" in result.errors[0].message()
    assert "the figure" in result.errors[0].message("en")
    assert not (tmp_path / "out").exists()


def test_diff_with_a_broken_side_is_a_diagnostic_not_a_deletion(tiny):
    """Point 17: a goal file that does not parse is not 'removed'."""
    assert runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)]).exit_code == 0
    goal = tiny / "agreements/2027/demo/goals/02-dokumentation.md"
    goal.write_text(goal.read_text().replace("title: Dokumentation i Nexus", "title: [Dokumentation i Nexus"))
    result = runner.invoke(app, ["diff", "demo-2026", "demo-2027", "--root", str(tiny)])
    assert result.exit_code == 1, result.output
    assert "goals/02-dokumentation.md:3:5: fejl IA101" in result.output
    assert "udgået mål" not in result.output and "Dokumentation i Nexus" not in result.output


@pytest.mark.parametrize("year", ["2101", "99999", "1999"])
def test_new_keeps_to_the_years_an_agreement_can_have(tiny, year):
    """Point 18: a year the model refuses (or `ia check` cannot see) is not created."""
    result = runner.invoke(app, ["new", "demo", year, "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 1, result.output
    assert "IA128" in result.output or "IA127" in result.output
    assert sorted(p.name for p in (tiny / "agreements").iterdir()) == ["2026"]


def test_new_into_a_dangling_link_names_the_link(tiny, tmp_path):
    """Point 18: a year folder that is a dangling link gives a clear diagnostic."""
    (tiny / "agreements/2027").symlink_to(tmp_path / "findes-ikke")
    result = runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 1
    assert "IA114" in result.output and "agreements/2027 er et symbolsk link" in result.output
    assert not (tmp_path / "findes-ikke").exists()


def test_check_a_folder_given_with_dot_dot(tiny, monkeypatch):
    """Point 19: agreements/2026/demo/../demo is the agreement demo of 2026."""
    monkeypatch.chdir(tiny)
    result = runner.invoke(app, ["check", "agreements/2026/demo/../demo"])
    assert result.exit_code == 0, result.output
    assert "mappen siger" not in result.output


def test_control_characters_in_file_names_are_escaped_in_every_format(tiny):
    """Point 20: a file name with a newline and '::error' cannot forge a CI annotation."""
    name = "05-x\n::error file=README.md::forfalsket.md"
    (tiny / "agreements/2026/demo/goals" / name).write_text("---\ntitle: [\n---\n")
    for fmt in ("human", "github", "json"):
        result = runner.invoke(app, ["check", "--root", str(tiny), "--format", fmt])
        assert result.exit_code == 1
        assert not any(line.startswith("::error file=README.md") for line in result.output.splitlines()), fmt
        if fmt == "human":
            assert "05-x\\x0a::error" in result.output


def test_control_characters_in_folder_names_are_escaped_in_build_output(tiny, tmp_path):
    """Point 20: `ia build --all` prints agreement ids made from folder names."""
    import shutil

    shutil.copytree(tiny / "agreements/2026/demo", tiny / "agreements/2026/x\n::error file=a::b")
    result = runner.invoke(app, ["build", "--all", "--root", str(tiny), "--out", str(tmp_path / "out"), "--format", "html"])
    assert not any(line.startswith("::") for line in result.output.splitlines()), result.output
    assert "x\\x0a::error" in result.output


HEAVY = ("pydantic", "jinja2", "markdown_it", "weasyprint", "matplotlib", "yaml", "babel", "ruamel")


def test_a_cached_build_decides_before_importing_the_pipeline(tiny, tmp_path):
    """Issue 16, point 2: the cache check imports only the standard library and ia's path helpers."""
    import subprocess

    out = tmp_path / "out"
    args = ["build", "--all", "--root", str(tiny), "--out", str(out), "--format", "html"]
    assert runner.invoke(app, args).exit_code == 0
    script = (f"import sys\nfrom ia.cli import run\ncode = run({args!r})\n"
              f"print(code, sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.split("\n")[0] == "0 []", done.stdout + done.stderr
    assert "uændret" in done.stderr
