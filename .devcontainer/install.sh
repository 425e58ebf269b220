#!/bin/sh
# Install what `ia` needs, in two steps that the dev container runs at different times:
#
#   install.sh system       WeasyPrint's system libraries (Pango, HarfBuzz, Fontconfig) with
#                           apt-get; run as root by the Dockerfile when the image is built.
#   install.sh venv DIR     a virtual environment in DIR with `ia` installed from this
#                           repository (editable); run by postCreateCommand once the
#                           repository is mounted. Then DIR/bin/ia works.
#
# The package list is the Makefile's SYSTEM_PACKAGES (tests/test_devcontainer.py keeps the
# two equal). tests/test_devcontainer.py runs both steps on a Debian machine.
set -eu

SYSTEM_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1"
REPO=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

case "${1:-}" in
  system)
    missing=""
    for pkg in $SYSTEM_PACKAGES; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
    done
    if [ -n "$missing" ]; then
      if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
      $SUDO apt-get update -q
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
      $SUDO rm -rf /var/lib/apt/lists/*
    fi
    ;;
  venv)
    venv="${2:?install.sh venv DIR}"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e "$REPO[test]"
    touch "$venv/.installed"  # the Makefile's stamp: `make test` does not install again
    ;;
  *)
    echo "usage: install.sh system | install.sh venv DIR" >&2
    exit 2
    ;;
esac
