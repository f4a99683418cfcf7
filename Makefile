# chronique — everything a fresh clone needs goes through these targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= chronique.db

.PHONY: install demo test bench lint audit clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/chronique ingest demo/ --db $(DB)
	$(BIN)/chronique summary --db $(DB)
	@echo ""
	@echo "To browse these events on a map and a timeline: $(BIN)/chronique serve --db $(DB)"
	@echo "then open http://127.0.0.1:8000/ (works offline)."

test: install
	bash scripts/system-deps.sh
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/serve_load.py

lint: install
	$(BIN)/python -m ruff check chronique tests || true

# needs a network that reaches the vulnerability database (PyPI advisories / OSV)
audit: install
	$(BIN)/python -m pip install -q pip-audit
	$(BIN)/python -m pip_audit --skip-editable

clean:
	rm -rf $(VENV) *.egg-info build dist .pytest_cache
