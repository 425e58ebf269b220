"""The build cache: say whether an agreement's outputs are up to date, before anything heavy is imported.

A record in `<out>/.cache/<id>.json` holds:
- `inputs`: every file the build read (path -> sha256 of the bytes read, as the path rule
  journalled them), every folder listing it consulted ('path/' -> hash of the names) and
  every existence it tested ('path?' -> '1' or '0');
- `environment`: what changes the output without being a source file: the formats and
  PDF variant, SOURCE_DATE_EPOCH, the Python version, `ia`'s own files and templates, and
  the installed distributions (WeasyPrint, matplotlib …);
- `outputs`: the sha256 of each output file as published;
- `signature`: an HMAC with a key private to the user (`~/.cache/ia/cache-key`), so a
  record committed to the repository by a pull request is never trusted.

A hit needs all three to match now: the inputs re-read through the path rule, the
environment recomputed, and the outputs re-hashed where they are published. A record
that cannot be read, or is not what this version writes, is a miss. Records are written
atomically through the path rule, never through a link.

Standard library and `ia.paths`/`ia.publish` only: `ia build` decides here, before
importing pydantic, Jinja, markdown-it, WeasyPrint or matplotlib.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import secrets
import sys
import time
from pathlib import Path

from ia import paths, publish

FOLDER = ".cache"
FORMAT = 3  # the record's layout; records of another layout are misses
SETTLE_NS = 2_000_000_000  # a file's stat proves nothing if it was modified this close to the recording
MAX_RECORD = 4_000_000


def record_path(out_dir: Path, agreement_id: str) -> Path:
    return out_dir / FOLDER / f"{agreement_id}.json"


def _base(root: Path, out_dir: Path) -> Path:
    """The folder reads of the cache stay inside: the repository, or the output folder the user named."""
    return root if paths.lexically_inside(root, out_dir) else out_dir


def _package() -> Path:
    return Path(__file__).resolve().parent


def _templates() -> Path:
    from ia.resources import templates_dir

    return templates_dir()


@functools.lru_cache(maxsize=8)
def _tree_signature(folder: Path) -> str:
    """Name, size and modification time of every file under `folder`: `ia`'s own code and
    templates are not input from a pull request, so their stat is enough, and cheap."""
    digest = hashlib.sha256()
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            info = os.stat(os.path.join(current, name))
            digest.update(f"{os.path.relpath(os.path.join(current, name), folder)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _distributions() -> str:
    """The installed distributions with their versions (the names of their .dist-info folders)."""
    names: list[str] = []
    for entry in sys.path:
        if entry.endswith("site-packages") and os.path.isdir(entry):
            names += [n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info"))]
    return hashlib.sha256("\n".join(sorted(names)).encode()).hexdigest()


def environment(*, formats: tuple[str, ...], variant: str | None) -> dict[str, str]:
    """Everything besides the sources that changes what a build writes."""
    return {
        "formats": ",".join(sorted(formats)),
        "variant": str(variant),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", ""),
        "python": sys.version,
        "ia": _tree_signature(_package()),
        "templates": _tree_signature(_templates()) if _templates().is_dir() else "",
        "distributions": _distributions(),
    }


def _current(root: Path, key: str) -> str | None:
    """Recompute one journal entry as it stands now."""
    if key.endswith("/"):
        names = paths.listing(root, root / key[:-1])
        return hashlib.sha256("\0".join(names).encode()).hexdigest()
    if key.endswith("?"):
        return "1" if os.path.lexists(root / key[:-1]) else "0"
    try:
        return hashlib.sha256(paths.read_bytes(root, root / key, limit=paths.MAX_IMAGE_BYTES)).hexdigest()
    except paths.PathError:
        return None


def lookup(root: Path, out_dir: Path, agreement_id: str, *, formats: tuple[str, ...],
           variant: str | None) -> dict | None:
    """Return the stored record when the outputs are up to date, else None (a miss)."""
    base = _base(root, out_dir)
    try:
        record = json.loads(paths.read_bytes(base, record_path(out_dir, agreement_id), limit=MAX_RECORD))
    except (paths.PathError, ValueError):  # missing, a link out, cut short, not JSON: rebuild
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return None
    signature = record.pop("signature", None)
    key = _key(create=False)
    if key is None or not isinstance(signature, str) or not hmac.compare_digest(signature, _sign(key, record)):
        return None  # not written by this user's ia: a record committed to the repository is not trusted
    inputs, outputs = record.get("inputs"), record.get("outputs")
    if not isinstance(inputs, dict) or not isinstance(outputs, dict) or not outputs or not inputs:
        return None
    if record.get("environment") != environment(formats=formats, variant=variant):
        return None
    stats, settled = record.get("stats") or {}, int(record.get("recorded") or 0) - SETTLE_NS
    for key, digest in inputs.items():
        if not isinstance(key, str) or ".." in key.split("/") or key.startswith("/"):
            return None
        if _unchanged(stats.get(key), _stat(root / key), settled):
            continue  # same file, same size, same time, and not touched near the recording: as git's index
        if _current(root, key) != digest:
            return None
    output_stats = record.get("output_stats") or {}
    for name, digest in outputs.items():
        if not isinstance(name, str):
            return None
        if _unchanged(output_stats.get(name), publish.output_stat(out_dir, agreement_id, name), settled):
            continue
        data = publish.read(out_dir, agreement_id, name)
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            return None
    return record


def _stat(path: Path) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _unchanged(recorded, now: tuple[int, int, int, int] | None, settled: int) -> bool:
    """Say whether a file's stat proves it unchanged: equal to what was recorded when it was
    read, and last modified well before the record was written (a file modified within the
    clock's granularity of the recording could change without changing its time)."""
    return (isinstance(recorded, list) and now is not None and tuple(recorded) == now
            and now[3] < settled)


def store(root: Path, out_dir: Path, agreement_id: str, *, formats: tuple[str, ...], variant: str | None,
          inputs: dict[str, str], outputs: list[str], pages: int | None, warnings: int) -> None:
    """Write the record of a successful build; raise `paths.PathError` (IA902, IA114) when it cannot be.

    `inputs` is the build's journal (`paths.journal()`); its `stats` are the files' stats as
    they were read, so a later lookup can skip re-hashing a file that provably did not change.
    """
    hashes, output_stats = {}, {}
    for name in outputs:
        before = publish.output_stat(out_dir, agreement_id, name)
        data = publish.read(out_dir, agreement_id, name)
        if data is None or before is None or publish.output_stat(out_dir, agreement_id, name) != before:
            return  # not published as this version publishes, or changing: nothing to vouch for
        hashes[name] = hashlib.sha256(data).hexdigest()
        output_stats[name] = list(before)
    stats = getattr(inputs, "stats", {})
    record = {"format": FORMAT, "environment": environment(formats=formats, variant=variant),
              "inputs": dict(sorted(inputs.items())), "stats": {k: list(v) for k, v in sorted(stats.items())},
              "outputs": hashes, "output_stats": output_stats, "recorded": time.time_ns(),
              "pages": pages, "warnings": warnings}
    key = _key(create=True)
    if key is None:
        return  # no private place for the key: the cache stays off, builds stay correct
    record["signature"] = _sign(key, record)
    paths.write_files(_base(root, out_dir), {record_path(out_dir, agreement_id): (json.dumps(record, indent=1) + "\n").encode()})


def _key_file() -> Path:
    if os.environ.get("IA_CACHE_KEY"):
        return Path(os.environ["IA_CACHE_KEY"])
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "ia" / "cache-key"


def _key(*, create: bool) -> bytes | None:
    """This user's secret for signing records, kept outside every repository.

    A pull request can commit `build/` with a forged PDF and a record that matches the
    sources; without the signature CI would call the forgery up to date and publish it.
    """
    path = _key_file()
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    if not create:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        return path.read_bytes()
    except OSError:
        try:  # another process made it meanwhile
            data = path.read_bytes()
            return data if len(data) >= 32 else None
        except OSError:
            return None


def _sign(key: bytes, record: dict) -> str:
    return hmac.new(key, json.dumps(record, sort_keys=True).encode(), hashlib.sha256).hexdigest()
