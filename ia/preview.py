"""`ia preview`: the HTML version on a local web server, rebuilt on every save.

The page polls a tiny version endpoint and reloads itself when a rebuild has happened,
so a save shows in the browser within about a second. Diagnostics from `ia check` are
shown at the top of the page. The server listens on the loopback address only and
serves nothing but the page and its version number.
"""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ia import report
from ia.pipeline import load
from ia.render.html import render_html, templates_dir

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
    """Holds the latest rendering of one agreement and rebuilds it on demand."""

    def __init__(self, root: Path, folder: Path):
        self.root, self.folder = root, folder
        self.version = 0
        self.page = ""
        self.lock = threading.Lock()
        self.rebuild()

    def watched(self) -> list[Path]:
        year = self.folder.parent
        return [p for p in (self.folder, year / "_shared", year / "rules.yaml", templates_dir()) if p.exists()]

    def rebuild(self) -> None:
        result = load(self.root, self.folder)
        body = ""
        if result.agreement is not None:
            try:
                body = render_html(result.agreement)
            except Exception as error:  # noqa: BLE001 - shown on the page, the server keeps running
                body = f"<!DOCTYPE html><html lang=\"da\"><body><p>Kunne ikke vise aftalen: {html.escape(str(error))}</p></body></html>"
        else:
            body = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>ia preview</title></head><body></body></html>"
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


def serve(preview: Preview, *, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """Start the server in a background thread; the caller stops it with `shutdown()`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
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

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(preview: Preview, stop: threading.Event, on_rebuild=None) -> threading.Thread:
    """Rebuild on every change to the agreement, its year's shared files or the templates."""
    from watchfiles import watch as watch_files

    def run() -> None:
        for _ in watch_files(*preview.watched(), stop_event=stop, debounce=150, step=50):
            preview.rebuild()
            if on_rebuild:
                on_rebuild(preview)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
