# One command to open the journal, one to run the tests; each makes its own .venv.
PYTHON ?= python3
# CI builds one venv per supported Python (.ci/run passes VENV=.venv-3.13, ...).
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run install test test-cli lint screenshots bench clean

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

screenshots: $(STAMP) ## regenerate screenshots/*.svg: every screen over the demo journal, on a pinned date
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP) ## measure speed against baselines (not part of the tests); writes bench/results/
	$(BIN)/python bench/run.py $(ARGS)

lint: $(STAMP) ## ruff, mypy (configured in pyproject.toml) and the import contracts, without the tests
	$(BIN)/ruff check spinejournal tests bench scripts
	$(BIN)/ruff format --check spinejournal tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf .venv .venv-3.* .pytest_cache .mypy_cache build dist *.egg-info
