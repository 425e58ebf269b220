"""Content hashes of everything a build depends on, for the build cache."""

from __future__ import annotations

import hashlib
from pathlib import Path

import ia


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def fingerprint(folder: Path, *, options: str) -> str:
    """Hash an agreement's folder, its year's rules and shared content, the templates and
    `ia` itself: if none of them changed, the outputs would be byte-identical."""
    year = folder.parent
    package = Path(ia.__file__).resolve().parent
    from ia.render.html import templates_dir

    inputs = [folder, year / "_shared", templates_dir(), package]
    digest = hashlib.sha256(options.encode())
    for base in inputs:
        if not base.exists():
            continue
        for path in _files(base):
            digest.update(str(path.relative_to(base.parent)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    rules = year / "rules.yaml"
    if rules.exists():
        digest.update(b"rules\0" + rules.read_bytes())
    return digest.hexdigest()
