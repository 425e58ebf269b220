"""The dev container, as far as a machine without Docker can test it.

`sh .devcontainer/verify.sh` runs the container's install steps on Debian in a fresh venv
and builds a PDF with it (about a minute and a half): CI runs it, and `IA_DEVCONTAINER=1`
runs it here as a test.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess

import pytest

from tests.conftest import ROOT
from tests.jsonc import load_jsonc

FOLDER = ROOT / ".devcontainer"
CONFIG = load_jsonc(FOLDER / "devcontainer.json")


def test_the_image_installs_the_system_libraries_with_the_shared_script():
    assert (FOLDER / CONFIG["build"]["dockerfile"]).is_file()
    steps = [line for line in (FOLDER / "Dockerfile").read_text().splitlines() if line.startswith(("COPY", "RUN"))]
    assert steps == ["COPY install.sh /tmp/ia-install.sh", "RUN sh /tmp/ia-install.sh system && rm /tmp/ia-install.sh"]


def test_creation_makes_the_venv_with_the_same_script():
    assert shlex.split(CONFIG["postCreateCommand"]) == ["sh", ".devcontainer/install.sh", "venv", ".venv"]
    assert CONFIG["remoteEnv"]["PATH"].startswith("${containerWorkspaceFolder}/.venv/bin:")


def test_preview_port_is_forwarded():
    from ia.cli import _parser

    default = _parser().parse_args(["preview", "csr-2026"]).port
    assert default in CONFIG["forwardPorts"]
    assert CONFIG["portsAttributes"][str(default)]["label"] == "ia preview"
    assert "appPort" not in CONFIG  # Docker publishing would not reach a server on 127.0.0.1


def test_the_script_installs_what_the_makefile_installs():
    makefile = re.search(r"^SYSTEM_PACKAGES := (.+)$", (ROOT / "Makefile").read_text(), re.M)[1].split()
    script = re.search(r'^SYSTEM_PACKAGES="(.+)"$', (FOLDER / "install.sh").read_text(), re.M)[1].split()
    assert script == makefile


def test_the_script_refuses_unknown_steps():
    result = subprocess.run(["sh", str(FOLDER / "install.sh"), "everything"], capture_output=True, text=True)
    assert result.returncode == 2 and "usage" in result.stderr


@pytest.mark.skipif(not os.environ.get("IA_DEVCONTAINER"), reason="slow: set IA_DEVCONTAINER=1 (CI runs verify.sh)")
def test_the_install_steps_work_on_this_machine():
    result = subprocess.run(["sh", str(FOLDER / "verify.sh")], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "install steps, ia check and a PDF build succeeded" in result.stdout
