# Set-up and everyday commands. `make build` and `make test` work on a fresh Debian
# machine with Python 3.11: they install WeasyPrint's system libraries when missing,
# create .venv and install the project into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The shared libraries WeasyPrint loads (Pango for text layout, HarfBuzz for font subsetting).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1

.PHONY: build test check schemas golden fonts screenshots system-deps clean

build: $(STAMP)
	$(BIN)/ia build csr-2026

test: $(STAMP)
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/ia check

schemas: $(STAMP)
	$(BIN)/python -m ia.schemas

# Regenerate the golden outlines of every document's text (tests/golden/render/); read the diff.
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden_render.py tests/test_report.py

# The HTML's Lato: WOFF2 subsets of templates/fonts/*.ttf, committed in templates/fonts/web/.
fonts: $(STAMP)
	$(BIN)/python -m ia.render.fonts

# Every agreement's HTML in headless Chromium at 390 px and 1280 px: build/screenshots/*.png.
screenshots: $(STAMP)
	$(BIN)/ia build --all --format html
	$(BIN)/python -m tests.browser build

system-deps:
	@missing=""; \
	for pkg in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

clean:
	rm -rf build $(VENV)
