# kg: two commands for a fresh machine.
#   make demo   creates .venv, installs kg, builds the bundled example into out/
#   make test   creates .venv, installs kg with dev extras, checks the code's shape
#               (import-linter layers, ruff lint and format), runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: demo test install clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

demo: install
	$(BIN)/kg build examples/articles -o out

test: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check kg tests bench scripts
	$(BIN)/ruff format --check kg tests bench scripts
	$(BIN)/python -m pytest -q

clean:
	rm -rf out .pytest_cache
