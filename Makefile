# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test demo catalogs lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

## run: set up the virtual environment and open the window on the default database
run: $(STAMP)
	$(BIN)/trede $(ARGS)

## test: set up the same environment with the test tools and run every test offscreen
test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## demo: open the window on a fresh synthetic caseload
demo: $(STAMP)
	$(BIN)/trede --demo

## catalogs: extract marked text, update the .po files and compile them
catalogs: $(TEST_STAMP)
	$(BIN)/python -m resources.catalogs

## lint: ruff on the whole tree
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## bench: speed and memory at 100,000 clients as ratios to a floor (not part of `make test`);
## builds the demo databases in bench/data/ once, prints one table, writes bench/results.json
.PHONY: bench
bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
