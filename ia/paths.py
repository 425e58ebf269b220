"""One rule for every path `ia` reads or writes, in one place.

- A read resolves the path and refuses it when it lands outside the repository (IA109);
  only regular files are read (a pipe or a device would block or never end: IA113), up
  to a size limit (IA110). Links that stay inside the repository are followed.
- A write never follows a link: every folder from the trusted base down to the file is
  opened with O_NOFOLLOW (IA114 names the link), files are written to a temporary name
  in their folder and renamed into place.
- The trusted base of a write is the repository, or the output folder the user named on
  the command line when it lies outside the repository: a link committed to the
  repository (`build -> /home/…`) is never written through.

Every read can be recorded (`journal()`), with the hash of the bytes read, so the build
cache knows exactly what a build depended on. Standard library only: the cache check
imports this module before anything heavy.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

MAX_FILE_BYTES = 2_000_000
MAX_IMAGE_BYTES = 5_000_000



class Journal(dict):
    """Reads recorded during a build: repository path -> sha256, and in `stats` the
    (device, inode, size, mtime) of each file as it was read, for a cheap later check."""

    def __init__(self) -> None:
        super().__init__()
        self.stats: dict[str, tuple[int, int, int, int]] = {}


_journal: contextvars.ContextVar[Journal | None] = contextvars.ContextVar("ia_read_journal", default=None)


class PathError(Exception):
    """A path the rule refuses, or an operating-system error, as a diagnostic code and its arguments."""

    def __init__(self, code: str, path: str, args: dict[str, object] | None = None):
        super().__init__(f"{code} {path}")
        self.code = code
        self.path = path
        self.args_ = args or {}


def rel(path: Path, root: Path) -> str:
    """Return `path` relative to `root` in POSIX form, without following links."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(os.path.abspath(path)).as_posix()


def inside(root: Path, path: Path) -> bool:
    """Say whether `path`, with every link resolved, lies inside `root`."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def lexically_inside(root: Path, path: Path) -> bool:
    """Say whether `path`, as written (with `..` folded, links not followed), lies inside `root`."""
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root))


@contextlib.contextmanager
def journal() -> Iterator[Journal]:
    """Record every file and folder listing read inside the block: repository path -> sha256."""
    record = Journal()
    token = _journal.set(record)
    try:
        yield record
    finally:
        _journal.reset(token)


def journaling() -> bool:
    """Say whether reads are being recorded (a build whose cache must know what it read)."""
    return _journal.get() is not None


def note(key: str, digest: str, stat_: tuple[int, int, int, int] | None = None) -> None:
    """Add a read to the active journal (for reads that happen elsewhere, such as the PDF child)."""
    record = _journal.get()
    if record is not None:
        record[key] = digest
        if stat_ is not None:
            record.stats[key] = stat_


def read_bytes(root: Path, path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file inside `root`; raise PathError (IA109/IA111/IA113/IA110/IA100) otherwise."""
    shown = rel(path, root)
    try:
        real = os.path.realpath(path)
        if not Path(real).is_relative_to(os.path.realpath(root)):
            raise PathError("IA109", shown, {"target": real})
        # O_NONBLOCK: opening a pipe must not wait for a writer; O_NOFOLLOW: the resolved
        # path has no links left, so a link appearing now is a race and is refused.
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise PathError("IA100", shown, {"reason": error.strerror or str(error)}) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PathError("IA111", shown)
        if not stat.S_ISREG(info.st_mode):
            raise PathError("IA113", shown)
        if info.st_size > limit:
            raise PathError("IA110", shown, {"size": info.st_size, "limit": limit})
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as error:
        raise PathError("IA100", shown, {"reason": error.strerror or str(error)}) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while we read it
        raise PathError("IA110", shown, {"size": len(data), "limit": limit})
    if _journal.get() is not None:
        note(shown, hashlib.sha256(data).hexdigest(), (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns))
    return data


def listing(root: Path, folder: Path) -> list[str]:
    """Return the names in a folder inside `root`, sorted; record the listing in the journal.

    A missing folder, or one that resolves outside the repository, lists as empty.
    """
    names: list[str] = []
    if inside(root, folder) and folder.is_dir():
        with contextlib.suppress(OSError):
            names = sorted(os.listdir(folder))
    note(rel(folder, root) + "/", hashlib.sha256("\0".join(names).encode()).hexdigest())
    return names


def exists(root: Path, path: Path) -> bool:
    """Say whether a path (a link included, even a broken one) exists; record the answer."""
    found = os.path.lexists(path)
    note(rel(path, root) + "?", "1" if found else "0")
    return found


def regular_files(root: Path, folder: Path) -> Iterator[tuple[PurePosixPath, Path]]:
    """Walk a folder without following links: (path relative to the folder, path) of every entry
    that is not a folder, sorted. Links and special files are yielded too, for the caller to
    read through `read_bytes`, which refuses what the rule refuses."""
    for current, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not os.path.islink(os.path.join(current, d)))
        linked_dirs = [d for d in os.listdir(current) if os.path.islink(os.path.join(current, d))
                       and os.path.isdir(os.path.join(current, d))]
        for name in sorted(set(files) | set(linked_dirs)):
            path = Path(current) / name
            yield PurePosixPath(path.relative_to(folder).as_posix()), path


# --- writing -------------------------------------------------------------------------------

def write_base(root: Path, target: Path) -> tuple[Path, PurePosixPath]:
    """Split a target into its trusted base and the part below it that must hold no links.

    Inside the repository the base is the repository itself; elsewhere it is the target's
    folder as the user named it.
    """
    target = Path(os.path.abspath(target))
    base = Path(os.path.abspath(root))
    if target.is_relative_to(base):
        return base, PurePosixPath(target.relative_to(base).as_posix())
    return target.parent, PurePosixPath(target.name)


def _open_folder(base: Path, parts: tuple[str, ...], *, create: bool, shown: str) -> int:
    """Open the folder base/parts… one component at a time, never through a link."""
    try:
        if create:
            os.makedirs(base, exist_ok=True)  # the base is the repository or the folder the user named
        fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        raise PathError("IA902", shown, {"target": shown, "problem": error.strerror or str(error)}) from None
    walked = PurePosixPath()
    try:
        for part in parts:
            walked = walked / part
            if part in ("", ".", ".."):
                raise PathError("IA114", shown, {"target": shown, "link": str(walked)})
            try:
                child = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                try:
                    os.mkdir(part, 0o755, dir_fd=fd)
                except FileExistsError:
                    pass  # a dangling link, or created meanwhile: the open below decides
                child = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd)
            os.close(fd)
            fd = child
    except OSError as error:
        os.close(fd)
        if _is_link(base, walked):
            raise PathError("IA114", shown, {"target": shown, "link": str(walked)}) from None
        raise PathError("IA902", shown, {"target": shown, "problem": error.strerror or str(error)}) from None
    except PathError:
        os.close(fd)
        raise
    return fd


def _is_link(base: Path, walked: PurePosixPath) -> bool:
    return bool(str(walked)) and os.path.islink(base / walked)


def open_folder(root: Path, folder: Path, *, create: bool = True) -> int:
    """Return a descriptor of `folder`, created if missing, reached without following links."""
    base, below = write_base(root, folder / "x")
    return _open_folder(base, below.parent.parts, create=create, shown=rel(folder, root))


def write_files(root: Path, files: dict[Path, bytes]) -> None:
    """Write files atomically and never through a link; raise PathError on the first failure.

    Each file goes to a temporary name in its folder, is flushed to disk, and is renamed
    over the target only when every file has been written, so a failure leaves no partial
    file and the previous files as they were.
    """
    staged: list[tuple[int, str, str, str]] = []  # (folder fd, temporary name, name, shown)
    try:
        for target, data in files.items():
            shown = rel(target, root)
            base, below = write_base(root, target)
            fd = _open_folder(base, below.parent.parts, create=True, shown=shown)
            staged.append((fd, "", below.name, shown))
            temp = f".{below.name}.{secrets.token_hex(4)}.tmp"
            try:
                _refuse_link(fd, below.name, shown)
                out = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=fd)
                staged[-1] = (fd, temp, below.name, shown)
                with os.fdopen(out, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as error:
                raise PathError("IA902", shown, {"target": shown, "problem": error.strerror or str(error)}) from None
        for fd, temp, name, shown in staged:
            try:
                os.replace(temp, name, src_dir_fd=fd, dst_dir_fd=fd)
            except OSError as error:
                raise PathError("IA902", shown, {"target": shown, "problem": error.strerror or str(error)}) from None
    except PathError:
        for fd, temp, _, _ in staged:
            if temp:
                with contextlib.suppress(OSError):
                    os.unlink(temp, dir_fd=fd)
        raise
    finally:
        for fd, *_ in staged:
            with contextlib.suppress(OSError):
                os.close(fd)


def _refuse_link(fd: int, name: str, shown: str) -> None:
    try:
        info = os.stat(name, dir_fd=fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise PathError("IA114", shown, {"target": shown, "link": shown})
    if not stat.S_ISREG(info.st_mode):
        raise PathError("IA902", shown, {"target": shown, "problem": "ikke en almindelig fil"})
