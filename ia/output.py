"""The only writer: HTML and PDF files, written atomically, with a fetcher that stays home."""

from __future__ import annotations

import datetime as dt
import mimetypes
import hashlib
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ia import paths
from ia.diagnostics import Diagnostic, Span

PDF_TIMEOUT = 300.0  # seconds: CSR 2026 takes about 10
PDF_MEMORY = 4 * 1024**3  # bytes of address space for the PDF step
PDF_VARIANTS = {"ua": "pdf/ua-1", "a3b": "pdf/a-3b", "none": None}


class RefusedURL(ValueError):
    """A resource outside the allowed folders, or not a local file."""


def make_fetcher(allowed: list[Path], *, repository: Path | None = None):
    """Return a WeasyPrint URL fetcher that serves files under `allowed` and refuses the rest.

    No network scheme is served: a build never makes a request, whatever the sources say.
    Refused URLs are collected on the fetcher's `refused` list for diagnostics; files read
    from `repository` go through the path rule and are listed on `read` with their hashes,
    for the build cache.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class RepositoryFetcher(URLFetcher):
        refused: list[str]
        read: dict[str, str]

        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.refused = []
            self.read = {}

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
            if repository is not None and path.is_relative_to(repository.resolve()):
                try:
                    data = paths.read_bytes(repository, path, limit=paths.MAX_IMAGE_BYTES)
                except paths.PathError:
                    self.refused.append(url)
                    raise RefusedURL(url) from None
                self.read[paths.rel(path, repository)] = hashlib.sha256(data).hexdigest()
            else:
                data = path.read_bytes()  # the templates and fonts installed with ia
            return URLFetcherResponse(path.as_uri(), data, {"Content-Type": kind})

    return RepositoryFetcher()


def atomic_write(files: dict[Path, bytes], *, root: Path) -> Diagnostic | None:
    """Write files through the path rule (no links followed, temporary names renamed into
    place); return the diagnostic of the first failure, when nothing was renamed."""
    try:
        paths.write_files(root, files)
    except paths.PathError as refused:
        return Diagnostic(refused.code, Span(refused.path), refused.args_)
    return None


def publish(root: Path, out_dir: Path, agreement_id: str, files: dict[str, bytes]) -> tuple[list[Path], Diagnostic | None]:
    """Publish an agreement's outputs as one pair (see `ia.publish`); return their paths or the problem."""
    from ia import publish as publishing

    try:
        return publishing.publish(root, out_dir, agreement_id, files), None
    except paths.PathError as refused:
        return [], Diagnostic(refused.code, Span(refused.path), refused.args_)


def append_text(target: Path, text: str) -> Diagnostic | None:
    """Append to a file another program owns, such as GitHub's step summary, which is appended to by design."""
    try:
        with target.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        return Diagnostic("IA902", Span(str(target)), {"target": str(target), "problem": error.strerror or str(error)})
    return None


def pdf_bytes(html: str, *, base: Path, stylesheets: list[Path], allowed: list[Path],
              variant: str | None, attachment: tuple[str, str, str] | None = None,
              date: dt.date | None = None, repository: Path | None = None) -> tuple[bytes, int, list[str], dict[str, str]]:
    """Render HTML to PDF bytes with WeasyPrint. Imported lazily: it is slow to import.

    `attachment` is (file name, description, text) of a file to embed; `date` is the date
    the attachment carries (WeasyPrint would otherwise stamp it with the clock). Returns
    the PDF, its number of pages (from the laid-out document: nobody re-reads the PDF to
    count them), the URLs the fetcher refused and the repository files it read (path -> sha256).
    """
    from weasyprint import CSS, HTML, Attachment
    from weasyprint.text.fonts import FontConfiguration

    from ia.pdftags import add_table_header_scopes

    fetcher = make_fetcher(allowed, repository=repository)
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
    # What HTML.write_pdf does, in its two steps, to keep the laid-out pages for their count.
    options = dict(stylesheets=styles, pdf_variant=variant, attachments=attachments, uncompressed_pdf=False)
    laid_out = document.render(font_config=fonts, **options)
    pdf = laid_out.write_pdf(finisher=add_table_header_scopes, **options)
    return pdf, len(laid_out.pages), list(fetcher.refused), dict(fetcher.read)


class Isolated(Exception):
    """The isolated work did not finish: `kind` is 'timeout', 'memory' or 'error'."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


def isolated(function, /, *args, timeout: float, memory: int, **kwargs):
    """Run `function` in a child process under a time and address-space limit.

    A layout bomb (a table taller than a page that cannot break, a 10,000-row table)
    then ends as a diagnostic instead of a CI job that hangs or eats the machine. The
    child is the one `start_pdf_child` forked early when there is one for this limit,
    else a new fork.
    """
    early = _take_early(memory, function, args, kwargs, timeout)
    if early is not None:
        child, receive = early
    else:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(send, receive, os.getpid(), function, args, kwargs, memory),
                                daemon=True)
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


# The child `start_pdf_child` forked, waiting for its work: (process, connection, memory limit).
_early: tuple | None = None


def start_pdf_child(memory: int) -> None:
    """Fork the isolated PDF child now, so that it imports WeasyPrint while this process
    loads, checks and renders the HTML; `isolated` hands it the work.

    For a single build: `ia build --all` imports WeasyPrint once before it forks its
    workers instead. The child keeps every limit of a late one: it dies with this process,
    runs under the address-space limit from its first instruction, and its time limit
    starts when it has the work. Unused, it is ended by `discard_pdf_child`.
    """
    global _early
    if _early is not None:
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=True)
    child = context.Process(target=_early_child, args=(theirs, ours, os.getpid(), memory), daemon=True)
    child.start()
    theirs.close()
    _early = (child, ours, memory)


def discard_pdf_child() -> None:
    """End the early PDF child if no work came for it."""
    global _early
    if _early is None:
        return
    child, connection, _ = _early
    _early = None
    if child.is_alive():
        child.kill()
    child.join()
    connection.close()


def _take_early(memory: int, function, args, kwargs, timeout: float):
    """Hand the work to the early child and return (process, connection); None when there is
    none for this limit or it cannot take the work (then a new child is forked)."""
    global _early
    if _early is None or _early[2] != memory:
        return None
    child, connection, _ = _early
    _early = None
    try:
        # It says when it has imported; waiting longer than the time limit is the limit's business.
        if not connection.poll(timeout) or connection.recv() != "ready":
            raise OSError("not ready")
        connection.send((function, args, kwargs))
    except Exception:  # noqa: BLE001 - gone, still importing after the limit, or work that cannot be sent
        if child.is_alive():
            child.kill()
        child.join()
        connection.close()
        return None
    return child, connection


def _early_child(connection, other, parent: int, memory: int) -> None:
    import resource

    die_with_parent(parent)
    other.close()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        import weasyprint  # noqa: F401 - the reason to start early
        import weasyprint.text.fonts  # noqa: F401
    except Exception:  # noqa: BLE001 - the work imports it again and reports the failure
        pass
    try:
        connection.send("ready")
        function, args, kwargs = connection.recv()
    except (EOFError, OSError):  # no work came: the build ended before its PDF
        return
    _work(connection, function, args, kwargs)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), however the parent dies.

    CI cancels a job with SIGTERM and then SIGKILL; without this a PDF child would outlive
    `ia build`, outside every time limit, holding the job's output open.
    """
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's SIGTERM handler still ends us
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _child(send, receive, parent: int, function, args, kwargs, memory: int) -> None:
    import resource

    die_with_parent(parent)
    # The fork copied the parent's read end: hold it and a dead parent would never be noticed.
    receive.close()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _work(send, function, args, kwargs)


def _work(send, function, args, kwargs) -> None:
    """Run the work and send its result, or what stopped it, to the parent."""
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
