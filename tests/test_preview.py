"""ia preview: the page is served on loopback, rebuilt on save, and shows diagnostics."""

from __future__ import annotations

import threading
import time
import urllib.request

import pytest

from ia.preview import Preview, serve, watch


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own loopback server
        return response.read().decode("utf-8")


@pytest.fixture
def running(tiny):
    state = Preview(tiny, tiny / "agreements/2026/demo")
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
