#!/bin/sh
# Run the dev container's install steps on this machine (Debian), as far as it can
# without Docker: the system step the Dockerfile runs, the venv step postCreateCommand
# runs (in a fresh venv under /tmp), then `ia check` and a PDF build of the test fixture
# with that venv's `ia`, which needs WeasyPrint's system libraries to work.
# Usage: sh .devcontainer/verify.sh   (tests/test_devcontainer.py runs it)
set -eu
REPO=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/ia-devcontainer-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

sh "$REPO/.devcontainer/install.sh" system
sh "$REPO/.devcontainer/install.sh" venv "$WORK/venv"
cp -r "$REPO/tests/fixtures/tiny" "$WORK/repo"
cd "$WORK/repo"
"$WORK/venv/bin/ia" check
"$WORK/venv/bin/ia" build demo-2026 --format pdf --out "$WORK/out"
test -s "$WORK/out/demo-2026.pdf"
echo "verify.sh: install steps, ia check and a PDF build succeeded with $WORK/venv/bin/ia"
