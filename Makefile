# One command to open the journal, one to run the tests; each makes its own .venv.
PYTHON ?= python3
# CI builds one venv per supported Python (.ci/run passes VENV=.venv-3.13, ...).
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run install test test-cli check-fhir-r4 lint screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## make the venv and install spinejournal with its test tools

run: $(STAMP) ## install and open the journal
	$(BIN)/spinejournal $(ARGS)

test: $(STAMP) ## install and run the whole test suite (lint and import contracts included)
	$(BIN)/ruff check spinejournal tests bench scripts
	$(BIN)/ruff format --check spinejournal tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -n auto

test-cli: $(STAMP) ## only the command-line tests (usage errors, help, bad input), e.g. on another Python
	$(BIN)/python -m pytest -q -n auto tests/test_cli.py tests/test_bad_input.py tests/test_trends_cli.py tests/reports/test_cli_export.py

# True FHIR R4 (4.0.1) models are in fhir.resources 6.1.0, which needs pydantic < 2: a venv of their own,
# never a dependency of spinejournal (the suite validates with fhir.resources 8, R4B).
FHIR_R4_VENV ?= .venv-fhir-r4
$(FHIR_R4_VENV)/.installed:
	$(PYTHON) -m venv $(FHIR_R4_VENV)
	$(FHIR_R4_VENV)/bin/python -m pip install --quiet 'fhir.resources==6.1.0' 'pydantic<2'
	touch $@

check-fhir-r4: $(STAMP) $(FHIR_R4_VENV)/.installed ## validate the FHIR exports against the true R4 (4.0.1) models
	$(BIN)/python scripts/check_fhir_r4.py --r4-python $(FHIR_R4_VENV)/bin/python

screenshots: $(STAMP) ## regenerate screenshots/: every screen over the demo journal, and the printed summary (needs chromium)
	$(BIN)/python scripts/screenshots.py
	@if command -v chromium >/dev/null && command -v pdftoppm >/dev/null; then \
	  out=$$(mktemp -d) && SPINEJOURNAL_TODAY=2026-03-15 scripts/check_html_in_browser.sh "" "$$out" && \
	  for size in A4 letter; do pdftoppm -r 80 -png -singlefile "$$out/print-$$size.pdf" screenshots/summary-$$size; done && \
	  rm -rf "$$out" && echo "wrote screenshots/summary-A4.png, screenshots/summary-letter.png"; \
	else echo "chromium or poppler-utils missing: the printed summary's pictures were not redrawn"; fi

bench: $(STAMP) ## measure speed against baselines (not part of the tests); writes bench/results/
	$(BIN)/python bench/run.py $(ARGS)

lint: $(STAMP) ## ruff, mypy (configured in pyproject.toml) and the import contracts, without the tests
	$(BIN)/ruff check spinejournal tests bench scripts
	$(BIN)/ruff format --check spinejournal tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf .venv .venv-3.* .venv-fhir-r4 .pytest_cache .mypy_cache build dist *.egg-info
