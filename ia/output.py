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
            super().__init__(allowed_protocols={"file", "data"})
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


def atomic_write(target: Path, data: bytes) -> Diagnostic | None:
    """Write `data` to `target` through a temporary file and a rename, so a failure leaves
    the previous file untouched and never a partial one."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:
        return Diagnostic("IA902", Span(str(target)), {"target": str(target), "problem": error.strerror or str(error)})
    return None


def pdf_bytes(html: str, *, base: Path, stylesheets: list[Path], allowed: list[Path],
              variant: str | None, attachment: tuple[str, str, str] | None = None,
              date: dt.date | None = None) -> bytes:
    """Render HTML to PDF bytes with WeasyPrint. Imported lazily: it is slow to import.

    `attachment` is (file name, description, text) of a file to embed; `date` is the date
    the attachment carries (WeasyPrint would otherwise stamp it with the clock).
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
    return document.write_pdf(stylesheets=styles, font_config=fonts, pdf_variant=variant,
                              attachments=attachments, uncompressed_pdf=False)
