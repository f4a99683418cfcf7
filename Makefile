# chronique — everything a fresh clone needs goes through these targets.
# Two installs, two stamps: `make demo` installs what chronique needs to run (the package,
# its models and data, the web server); `make test` adds the test tools and the optional
# back-ends the tests exercise (PostgreSQL client, pyarrow, pyspark, Playwright, deptry).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-stamp
TEST_STAMP    := $(VENV)/.test-stamp
DB     ?= chronique.db

.PHONY: install install-test demo test train bench lint audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(RUNTIME_STAMP)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(RUNTIME_STAMP)

install-test: $(TEST_STAMP)

demo: install
	$(BIN)/chronique ingest demo/ --db $(DB)
	$(BIN)/chronique summary --db $(DB)
	@echo ""
	@echo "To browse these events on a map and a timeline: $(BIN)/chronique serve --db $(DB)"
	@echo "then open http://127.0.0.1:8000/ (works offline)."

# tests/conftest.py points chronique's cache, settings file, XDG folders and TMPDIR at a fresh
# folder for the run (removed after it); -p no:cacheprovider keeps .pytest_cache out of the clone.
test: install-test
	bash scripts/system-deps.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install-test
	$(BIN)/python bench/run.py
	$(BIN)/python bench/serve_load.py
	$(BIN)/python bench/map_draw.py
	$(BIN)/python bench/merge_cost.py
	$(BIN)/python bench/long_article.py

# rebuild the shipped event detectors (chronique/data/models/events-{fr,en}) from train/events/: labels + config, seeded
train: install
	$(BIN)/python train/events/train.py --lang fr
	$(BIN)/python train/events/train.py --lang en
	$(BIN)/python train/parties/train.py --lang fr

lint: install-test
	$(BIN)/python -m ruff check chronique tests || true

# needs a network that reaches the vulnerability database (PyPI advisories / OSV)
audit: install
	$(BIN)/python -m pip install -q pip-audit
	$(BIN)/python -m pip_audit --skip-editable

clean:
	rm -rf $(VENV) *.egg-info build dist .pytest_cache
