"""`ia preview`: the HTML version on a local web server, rebuilt on every save.

The page polls a tiny version endpoint and reloads itself when a rebuild has happened,
so a save shows in the browser within about a second. Diagnostics from `ia check` are
shown at the top of the page. The server listens on the loopback address only and
serves nothing but the page and its version number, and only to requests addressed to
the loopback by name (Host 127.0.0.1, localhost or [::1]): a web page that rebinds its
own domain name to 127.0.0.1 cannot read an unpublished draft. Threads and idle
connections are bounded.
"""

from __future__ import annotations

import errno
import html
import os
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ia import report
from ia.diagnostics import Diagnostic, Span
from ia.pipeline import load
from ia.resources import templates_dir
from ia.workspace import DocumentRef

RELOAD = """
<script>
(function () {
  var version = "%s";
  setInterval(function () {
    fetch("/__version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (v !== version) { location.reload(); } }).catch(function () {});
  }, 400);
})();
</script>
"""
PANEL_STYLE = ("position:sticky;top:0;z-index:10;background:#fff4e5;border:2px solid #b35c00;"
               "padding:.6em 1em;margin:0 0 1em;font-size:.9rem;max-height:40vh;overflow:auto")


class Preview:
    """Holds the latest rendering of one document and rebuilds it on demand."""

    def __init__(self, root: Path, ref: DocumentRef):
        from ia.kinds import adapter

        self.root, self.ref, self.folder = root, ref, ref.folder
        self.adapter = adapter(ref.kind)
        self.version = 0
        self.page = ""
        self.lock = threading.Lock()
        self.rebuild()

    def watched(self) -> list[Path]:
        """What a change to rebuilds for: what the kind says (the document, its shared files), the templates."""
        return [*self.adapter.watched(self.root, self.ref), templates_dir()]

    def concerns(self, path: str) -> bool:
        """Say whether a changed path is one of `watched()` or inside one."""
        changed = Path(os.path.abspath(path))
        return any(changed == Path(os.path.abspath(w)) or changed.is_relative_to(os.path.abspath(w))
                   for w in self.watched())

    def rebuild(self) -> None:
        result = load(self.root, self.ref)
        document = result.document
        empty = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>ia preview</title></head><body>{}</body></html>"
        waiting = self.adapter.preview_ready(document) if document is not None else None
        if document is not None and waiting is None:
            try:
                body = self.adapter.render_html(document, edition=None, created=None, problems=by_file(result.diagnostics))
            except Exception as error:  # noqa: BLE001 - shown on the page, the server keeps running
                body = empty.format(f"<p>Kunne ikke vise dokumentet: {html.escape(str(error))}</p>")
        elif waiting is not None:
            body = empty.format(f"<p>{html.escape(waiting)}</p>")
        else:
            body = empty.format("")
        panel = ""
        if result.diagnostics:
            text = report.human(result.diagnostics, root=self.root)
            panel = (f'<aside role="status" style="{PANEL_STYLE}"><strong>ia check: '
                     f"{html.escape(report.summary(result.diagnostics))}</strong><pre style=\"white-space:pre-wrap\">"
                     f"{html.escape(text)}</pre></aside>")
        with self.lock:
            self.version += 1
            page = body.replace("<body>", "<body>" + panel, 1)
            self.page = page.replace("</body>", RELOAD % self.version + "</body>", 1)


MAX_THREADS = 16  # concurrent requests; the page itself needs one every 400 ms
IDLE_SECONDS = 5.0  # a connection that sends nothing for this long is closed
_LOOPBACK_HOST = re.compile(r"(127\.0\.0\.1|localhost|\[::1\])(:(\d{1,5}))?\Z", re.IGNORECASE)


def host_allowed(header: str | None, port: int) -> bool:
    """Accept only the loopback names, with no port or the server's own (DNS rebinding defence)."""
    match = _LOOPBACK_HOST.match((header or "").strip())
    return bool(match) and (match.group(3) is None or int(match.group(3)) == port)


class _Server(ThreadingHTTPServer):
    """A threading server with a bound on its threads: requests beyond it are closed at once."""

    daemon_threads = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.slots = threading.BoundedSemaphore(MAX_THREADS)

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


def port_problem(port: int, *, agreement: str, host: str = "127.0.0.1") -> Diagnostic | None:
    """Say why `port` cannot be listened on, with a free port to use instead, or None when it can.

    Checked before the first build, so a busy port is reported at once, not after it.
    """
    if port == 0:
        return None
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server does
            probe.bind((host, port))
    except OSError as error:
        return busy_port(error, port, agreement=agreement, host=host)
    return None


def busy_port(error: OSError, port: int, *, agreement: str, host: str = "127.0.0.1") -> Diagnostic:
    """The diagnostic for a port that could not be listened on, suggesting the next free one."""
    if error.errno == errno.EADDRINUSE:
        reason, reason_en = "den er optaget (kører ia preview allerede?)", "it is in use (is ia preview already running?)"
    elif error.errno == errno.EACCES:
        reason, reason_en = "den kræver administratorrettigheder", "it needs administrator rights"
    else:
        reason = reason_en = error.strerror or str(error)
    return Diagnostic("IA907", Span(host), {"port": port, "reason": reason, "reason_en": reason_en,
                                            "agreement": agreement, "suggestion": _free_port(port, host)}, "other_port")


def _free_port(busy: int, host: str) -> int:
    """The first free port after `busy` (in the unprivileged range), or 0 (any free port) when none of the next 20 is."""
    for candidate in range(max(busy + 1, 1024), min(max(busy + 1, 1024) + 20, 65536)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return candidate
    return 0


def by_file(diagnostics: list[Diagnostic]) -> dict[str, list[str]]:
    """Each file's diagnostics as short lines ('linje 3: IA304 ukendt område …'), to mark at its goal."""
    found: dict[str, list[str]] = {}
    for d in diagnostics:
        where = f"linje {d.span.line}: " if d.span.line else ""
        found.setdefault(d.span.path, []).append(f"{where}{d.code} {d.message()}")
    return found


def serve(preview: Preview, *, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """Start the server in a background thread; the caller stops it with `shutdown()`."""

    class Handler(BaseHTTPRequestHandler):
        timeout = IDLE_SECONDS  # the socket's timeout: an idle or slow client is dropped

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if not host_allowed(self.headers.get("Host"), self.server.server_address[1]):
                self.send_error(403, "Host not allowed")
                return
            with preview.lock:
                if self.path == "/__version":
                    payload, kind = str(preview.version).encode(), "text/plain; charset=utf-8"
                elif self.path in {"/", "/index.html"}:
                    payload, kind = preview.page.encode("utf-8"), "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args) -> None:  # quiet: the terminal shows rebuilds, not requests
            pass

    server = _Server((host, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(preview: Preview, stop: threading.Event, on_rebuild=None) -> threading.Thread:
    """Rebuild on every change to the document, its shared files or the templates.

    The repository's top folders are watched, not the document's own: a branch switch
    deletes and restores the document's folder, and a watch on a deleted folder ends
    silently. If the watch itself ends (a top folder gone), it starts again.
    """
    from watchfiles import watch as watch_files

    from ia.workspace import KINDS

    tops = [*(kind.folder for kind in KINDS.values()), "offers"]

    def run() -> None:
        while not stop.is_set():
            roots = [p for p in (*(preview.root / top for top in tops), templates_dir()) if p.is_dir()]
            try:
                for _ in watch_files(*roots, stop_event=stop, debounce=150, step=50,
                                     watch_filter=lambda change, path: preview.concerns(path)):
                    preview.rebuild()
                    if on_rebuild:
                        on_rebuild(preview)
            except Exception:  # noqa: BLE001 - a vanished folder: wait, then watch again
                pass
            if not stop.is_set():
                preview.rebuild()
                stop.wait(0.5)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
