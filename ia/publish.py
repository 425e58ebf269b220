"""Publish an agreement's outputs as one pair that changes in a single rename.

Layout of an output folder, for agreement `csr-2026`:

    csr-2026.pdf   -> .ia/csr-2026/csr-2026.pdf     (links made once, never changed)
    csr-2026.html  -> .ia/csr-2026/csr-2026.html
    .ia/csr-2026   -> csr-2026.3f9a1c2b7d4e         (the one link a build swaps)
    .ia/csr-2026.3f9a1c2b7d4e/csr-2026.pdf, csr-2026.html

A build writes a fresh generation folder, flushes it, and swaps `.ia/csr-2026` to it with
one `rename`: a reader (or a build killed at any instant, SIGKILL included) sees the old
pair or the new pair, never a new PDF beside an old HTML. Older generations and
temporary names are removed by the next publish. Nothing here follows a link it did not
make itself. Standard library only: the cache check reads outputs through `read`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from ia import paths

FOLDER = ".ia"


def _flags() -> int:
    return os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def _open_or_make(name: str, dir_fd: int) -> int:
    with contextlib.suppress(FileExistsError):
        os.mkdir(name, 0o755, dir_fd=dir_fd)
    return os.open(name, _flags(), dir_fd=dir_fd)


def _readlink(name: str, dir_fd: int) -> str | None:
    try:
        return os.readlink(name, dir_fd=dir_fd)
    except OSError:
        return None


def _link(target: str, name: str, dir_fd: int) -> None:
    """Point `name` at `target` with one rename, replacing whatever was there."""
    temp = f".{name}.{secrets.token_hex(4)}.tmp"
    os.symlink(target, temp, dir_fd=dir_fd)
    try:
        os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=dir_fd)
        raise


def publish(root: Path, out_dir: Path, agreement_id: str, files: dict[str, bytes]) -> list[Path]:
    """Write `files` (name -> bytes) as the agreement's current outputs; return their paths.

    Raises `paths.PathError` (IA902, IA114) when the folder cannot be written.
    """
    shown = paths.rel(out_dir, root)
    out_fd = paths.open_folder(root, out_dir)
    try:
        try:
            store = _open_or_make(FOLDER, out_fd)
        except OSError as error:
            code = "IA114" if os.path.islink(out_dir / FOLDER) else "IA902"
            raise paths.PathError(code, f"{shown}/{FOLDER}", {"target": f"{shown}/{FOLDER}", "link": f"{shown}/{FOLDER}",
                                                             "problem": error.strerror or str(error)}) from None
        try:
            _publish(store, out_fd, agreement_id, files, shown)
        except OSError as error:
            raise paths.PathError("IA902", shown, {"target": shown, "problem": error.strerror or str(error)}) from None
        finally:
            os.close(store)
    finally:
        os.close(out_fd)
    return [out_dir / name for name in sorted(files)]


def _publish(store: int, out_fd: int, agreement_id: str, files: dict[str, bytes], shown: str) -> None:
    generation = f"{agreement_id}.{secrets.token_hex(6)}"
    os.mkdir(generation, 0o755, dir_fd=store)
    try:
        names = _fill(store, generation, agreement_id, files)
    except BaseException:
        _remove(generation, store)  # a failed build leaves no trace
        raise
    _link(generation, agreement_id, store)  # the swap: old pair -> new pair in one step
    os.fsync(store)
    for name in names:
        wanted = f"{FOLDER}/{agreement_id}/{name}"
        if _readlink(name, out_fd) != wanted:
            _refuse_overwriting_folder(name, out_fd, shown)
            _link(wanted, name, out_fd)
    _clean(store, out_fd, agreement_id, keep=generation)


def _fill(store: int, generation: str, agreement_id: str, files: dict[str, bytes]) -> list[str]:
    """Write the files into the new generation folder, flushed to disk; return its names."""
    gen_fd = os.open(generation, _flags(), dir_fd=store)
    try:
        for name, data in files.items():
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=gen_fd)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        # A build of one format keeps the other format of the current pair, as it was.
        current = _readlink(agreement_id, store)
        if current and "/" not in current:
            with contextlib.suppress(OSError):
                for name in os.listdir(f"/proc/self/fd/{store}/{current}"):
                    if name not in files:
                        os.link(f"{current}/{name}", name, src_dir_fd=store, dst_dir_fd=gen_fd, follow_symlinks=False)
        os.fsync(gen_fd)
        return sorted(os.listdir(f"/proc/self/fd/{gen_fd}"))
    finally:
        os.close(gen_fd)


def _refuse_overwriting_folder(name: str, out_fd: int, shown: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.stat(name, dir_fd=out_fd, follow_symlinks=False).st_mode):
            raise paths.PathError("IA902", f"{shown}/{name}", {"target": f"{shown}/{name}", "problem": "er en mappe"})


def _clean(store: int, out_fd: int, agreement_id: str, *, keep: str) -> None:
    """Remove older generations and temporary names left by an earlier, interrupted build."""
    for name in os.listdir(f"/proc/self/fd/{store}"):
        if name.startswith(f"{agreement_id}.") and name != keep:
            _remove(name, store)
        elif name.startswith(f".{agreement_id}.") and name.endswith(".tmp"):
            _remove(name, store)
    for name in os.listdir(f"/proc/self/fd/{out_fd}"):
        # Temporary names of this agreement's outputs (also those of earlier ia versions).
        if name.startswith((f".{agreement_id}.pdf.", f".{agreement_id}.html.")) and name.endswith(".tmp"):
            _remove(name, out_fd)


def _remove(name: str, dir_fd: int) -> None:
    with contextlib.suppress(OSError):
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            fd = os.open(name, _flags(), dir_fd=dir_fd)
            try:
                for inner in os.listdir(f"/proc/self/fd/{fd}"):
                    with contextlib.suppress(OSError):
                        os.unlink(inner, dir_fd=fd)
            finally:
                os.close(fd)
            os.rmdir(name, dir_fd=dir_fd)
        else:
            os.unlink(name, dir_fd=dir_fd)


def _published(out_dir: Path, agreement_id: str, name: str) -> Path | None:
    """The file behind a published output, when the links are exactly as `publish` made them."""
    try:
        if os.readlink(out_dir / name) != f"{FOLDER}/{agreement_id}/{name}":
            return None
        generation = os.readlink(out_dir / FOLDER / agreement_id)
    except OSError:
        return None
    if "/" in generation or not generation.startswith(f"{agreement_id}."):
        return None
    folder = out_dir / FOLDER / generation
    if os.path.islink(out_dir / FOLDER) or os.path.islink(folder):
        return None
    return folder / name


def output_stat(out_dir: Path, agreement_id: str, name: str) -> tuple[int, int, int, int] | None:
    """(device, inode, size, mtime) of a published output, or None."""
    path = _published(out_dir, agreement_id, name)
    try:
        info = os.lstat(path) if path else None
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) if info else None


def read(out_dir: Path, agreement_id: str, name: str) -> bytes | None:
    """Return a published output's bytes, or None unless it is exactly as `publish` left it."""
    try:
        if os.readlink(out_dir / name) != f"{FOLDER}/{agreement_id}/{name}":
            return None
        generation = os.readlink(out_dir / FOLDER / agreement_id)
        if "/" in generation or not generation.startswith(f"{agreement_id}."):
            return None
        folder = out_dir / FOLDER / generation
        if os.path.islink(out_dir / FOLDER) or os.path.islink(folder):
            return None
        return paths.read_bytes(folder, folder / name, limit=1 << 31)
    except (OSError, paths.PathError):
        return None
