"""ia preview: the page is served on loopback, rebuilt on save, and shows diagnostics."""

from __future__ import annotations

import threading
import time
import urllib.request

import pytest

from ia.workspace import from_folder
from ia.preview import Preview, serve, watch


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own loopback server
        return response.read().decode("utf-8")


@pytest.fixture
def running(tiny):
    state = Preview(tiny, from_folder(tiny, tiny / "agreements/2026/demo"))
    server = serve(state, port=0)
    stop = threading.Event()
    watch(state, stop)
    time.sleep(0.3)  # let the watcher start
    yield tiny, f"http://127.0.0.1:{server.server_address[1]}"
    stop.set()
    server.shutdown()


def wait_for_version(base: str, old: str, seconds: float = 10) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        version = get(base + "/__version")
        if version != old:
            return version
        time.sleep(0.05)
    raise AssertionError("no rebuild")


def test_serves_on_loopback_with_live_reload(running):
    _, base = running
    assert base.startswith("http://127.0.0.1:")
    page = get(base + "/")
    assert "Handlemuligheder" in page and 'fetch("/__version"' in page


def test_a_save_shows_within_about_a_second(running):
    tiny, base = running
    before = get(base + "/__version")
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    started = time.monotonic()
    goal.write_text(goal.read_text().replace("2 % af budgettet", "3 % af budgettet"))
    wait_for_version(base, before)
    assert time.monotonic() - started < 3
    assert "3 % af budgettet" in get(base + "/")


def test_diagnostics_are_shown_on_the_page(running):
    tiny, base = running
    before = get(base + "/__version")
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("area: styring", "area: styrng"))
    wait_for_version(base, before)
    page = get(base + "/")
    assert "IA304" in page and "ukendt område &#x27;styrng&#x27;" in page


def test_nothing_else_is_served(running):
    _, base = running
    with pytest.raises(urllib.error.HTTPError):
        get(base + "/../../etc/passwd")


def test_a_foreign_host_name_is_refused(running):
    """Issue 11, point 15: DNS rebinding. A page on evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    import http.client

    _, base = running
    port = int(base.rsplit(":", 1)[1])
    for host, status in (("evil.example", 403), (f"evil.example:{port}", 403), ("127.0.0.1.evil.example", 403),
                         (f"localhost:{port + 1}", 403), (f"localhost:{port}", 200), (f"127.0.0.1:{port}", 200),
                         ("localhost", 200), (f"[::1]:{port}", 200)):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.putrequest("GET", "/", skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == status, host
        if status != 200:
            assert b"Handlemuligheder" not in body


def test_idle_connections_and_threads_are_bounded(running, monkeypatch):
    """Point 15: 60 connections that send nothing hold no more than a bounded number of threads."""
    import socket

    from ia import preview

    _, base = running
    port = int(base.rsplit(":", 1)[1])
    before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(60)]
    time.sleep(0.5)
    assert threading.active_count() - before <= preview.MAX_THREADS
    for connection in idle:
        connection.close()
    time.sleep(0.2)
    deadline = time.monotonic() + preview.IDLE_SECONDS + 5
    while True:  # once the idle ones are dropped, the page is served again
        try:
            assert "Handlemuligheder" in get(base + "/")
            break
        except (OSError, urllib.error.URLError):
            assert time.monotonic() < deadline
            time.sleep(0.2)


def test_rebuilds_again_after_the_folder_is_deleted_and_restored(running, tmp_path):
    """Point 16: a branch switch deletes and restores the agreement folder."""
    import shutil

    tiny, base = running
    folder = tiny / "agreements/2026/demo"
    before = get(base + "/__version")
    # As git does on a branch switch: the files and folders go, and new ones come.
    shutil.copytree(folder, tmp_path / "away")
    shutil.rmtree(folder)
    before = wait_for_version(base, before)
    shutil.copytree(tmp_path / "away", folder)
    before = wait_for_version(base, before)
    time.sleep(0.5)
    before = get(base + "/__version")
    goal = folder / "goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("2 % af budgettet", "4 % af budgettet"))
    wait_for_version(base, before)
    deadline = time.monotonic() + 10
    while "4 % af budgettet" not in get(base + "/"):
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_a_busy_port_is_a_danish_message_with_another_port(tiny):
    import socket

    from ia.cli import run as app
    from tests.clirunner import CliRunner

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["preview", "demo-2026", "--root", str(tiny), "--port", str(port)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"127.0.0.1: fejl IA907: porten {port} på 127.0.0.1 kan ikke bruges: den er optaget (kører ia preview allerede?)"
    assert lines[1].startswith("  hjælp: vælg en anden port: ia preview demo-2026 --port ")
    suggested = int(lines[1].rsplit(" ", 1)[1])
    assert suggested != port
    assert "IA903" not in result.output and "Traceback" not in result.output


def _goal_headings(page: str) -> list[str]:
    import re

    return [" ".join(re.sub(r"<[^>]+>", " ", h).split()) for h in re.findall(r'<h4 class="goal-title">(.*?)</h4>', page)]


def test_a_goal_with_a_yaml_error_keeps_its_place_and_number(tiny):
    goal = tiny / "agreements/2026/demo/goals/02-dokumentation.md"
    goal.write_text(goal.read_text().replace("scope: lokalt", "scope: lokalt: ja"))
    page = Preview(tiny, from_folder(tiny, tiny / "agreements/2026/demo")).page
    assert _goal_headings(page) == ["Mål nr. 1 Handlemuligheder", "Mål nr. 2 Dokumentation i Nexus",
                                    "Mål nr. 3 Velfærdsteknologi i hverdagen"]
    marked = page[page.index('id="maal-2"'):page.index('id="maal-3"')]
    assert "Målet kan ikke læses" in marked and "IA101" in marked and "Vi foretager selvevaluering." in marked


def test_a_goal_with_an_unknown_area_is_shown_with_its_number(tiny):
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("area: styring", "area: styrng"))
    page = Preview(tiny, from_folder(tiny, tiny / "agreements/2026/demo")).page
    headings = _goal_headings(page)
    assert headings[0].startswith("Mål nr. 1 Dokumentation i Nexus") and headings[2] == "Mål nr. 3 Handlemuligheder"
    assert "Mål uden kendt område" in page and "ukendt område &#x27;styrng&#x27;" in page


def test_an_unknown_answer_heading_shows_at_the_goal(tiny):
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("## Måling", "## Målingen"))
    page = Preview(tiny, from_folder(tiny, tiny / "agreements/2026/demo")).page
    marked = page[page.index('id="maal-1"'):page.index('id="maal-2"')]
    assert "Målingen" in marked and "(ukendt afsnit)" in marked and "bidraget til budgetforslaget" in marked
    assert "IA303" in marked


def test_a_broken_agreement_yaml_shows_every_other_problem(tiny):
    meta = tiny / "agreements/2026/demo/agreement.yaml"
    meta.write_text(meta.read_text().replace("unit_short: CD", "unit_short: CD: Demo"))
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("area: styring", "area: styrng"))
    page = Preview(tiny, from_folder(tiny, tiny / "agreements/2026/demo")).page
    assert "IA101" in page and "IA304" in page and "agreement.yaml kan læses" in page
