"""The only writer: HTML and PDF files, written atomically, with a fetcher that stays home."""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ia.diagnostics import Diagnostic, Span


class RefusedURL(ValueError):
    """A resource outside the allowed folders, or not a local file."""


def make_fetcher(allowed: list[Path]):
    """Return a WeasyPrint URL fetcher that serves files under `allowed` and refuses the rest.

    No network scheme is served: a build never makes a request, whatever the sources say.
    Refused URLs are collected on the fetcher's `refused` list for diagnostics.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class RepositoryFetcher(URLFetcher):
        refused: list[str]

        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.refused = []

        def fetch(self, url: str, headers=None):  # noqa: ARG002 - WeasyPrint's signature
            if url.startswith("data:image/"):
                # Images carried inside the document itself (our charts): nothing is fetched.
                return super().fetch(url, headers)
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in {"", "localhost"}:
                self.refused.append(url)
                raise RefusedURL(url)
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in roots) or not path.is_file():
                self.refused.append(url)
                raise RefusedURL(url)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return RepositoryFetcher()


def atomic_write(files: dict[Path, bytes]) -> Diagnostic | None:
    """Write every file through a temporary file, then rename them all: a failure anywhere
    leaves the previous outputs untouched, never a partial file or a mixed pair."""
    written: list[tuple[str, Path]] = []
    current = next(iter(files), Path("."))
    try:
        for target, data in files.items():
            current = target
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            written.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        for tmp, target in written:
            current = target
            os.replace(tmp, target)
    except OSError as error:
        for tmp, _ in written:
            Path(tmp).unlink(missing_ok=True)
        return Diagnostic("IA902", Span(str(current)), {"target": str(current), "problem": error.strerror or str(error)})
    return None


def pdf_bytes(html: str, *, base: Path, stylesheets: list[Path], allowed: list[Path],
              variant: str | None, attachment: tuple[str, str, str] | None = None,
              date: dt.date | None = None) -> tuple[bytes, list[str]]:
    """Render HTML to PDF bytes with WeasyPrint. Imported lazily: it is slow to import.

    `attachment` is (file name, description, text) of a file to embed; `date` is the date
    the attachment carries (WeasyPrint would otherwise stamp it with the clock). Returns
    the PDF and the URLs the fetcher refused.
    """
    from weasyprint import CSS, HTML, Attachment
    from weasyprint.text.fonts import FontConfiguration

    fetcher = make_fetcher(allowed)
    # @font-face rules only take effect through a FontConfiguration shared by CSS and PDF.
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
    styles = [CSS(filename=str(s), url_fetcher=fetcher, font_config=fonts) for s in stylesheets]
    attachments = []
    if attachment:
        name, description, text = attachment
        stamp = dt.datetime.combine(date or dt.date(2000, 1, 1), dt.time(), tzinfo=dt.timezone.utc)
        attachments.append(Attachment(string=text, name=name, description=description, url_fetcher=fetcher,
                                      created=stamp, modified=stamp, relationship="Data"))
    pdf = document.write_pdf(stylesheets=styles, font_config=fonts, pdf_variant=variant,
                             attachments=attachments, uncompressed_pdf=False)
    return pdf, list(fetcher.refused)


class Isolated(Exception):
    """The isolated work did not finish: `kind` is 'timeout', 'memory' or 'error'."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


def isolated(function, /, *args, timeout: float, memory: int, **kwargs):
    """Run `function` in a child process under a time and address-space limit.

    A layout bomb (a table taller than a page that cannot break, a 10,000-row table)
    then ends as a diagnostic instead of a CI job that hangs or eats the machine.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, function, args, kwargs, memory), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise Isolated("timeout", f"{timeout:g} s")
        kind, value = receive.recv()
    except EOFError:
        raise Isolated("memory" if child.exitcode in (-9, 137) else "error", f"exit code {child.exitcode}") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if kind != "ok":
        raise Isolated(kind, value)
    return value


def _child(send, function, args, kwargs, memory: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        result = ("ok", function(*args, **kwargs))
    except MemoryError:
        result = ("memory", "")
    except Exception as error:  # noqa: BLE001 - reported to the parent as a diagnostic
        result = ("error", f"{type(error).__name__}: {error}")
    try:
        send.send(result)
    except MemoryError:
        send.send(("memory", ""))
    send.close()
