# Two commands for a fresh machine: `make run` and `make test`.
#
# Every install comes from the lock: uv.lock holds the exact version and hashes of every
# dependency (runtime, test and build tools); tools/uv.txt holds uv itself, with hashes.
# Nothing is taken from an open range, so a new release elsewhere changes nothing here
# until someone runs `make lock` on purpose.
ifeq ($(OS),Windows_NT)
PYTHON ?= py -3
BIN_DIR := Scripts
EXE := .exe
else
PYTHON ?= python3
BIN_DIR := bin
EXE :=
endif
VENV := .venv
BIN := $(VENV)/$(BIN_DIR)
UV := $(BIN)/uv$(EXE)
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist

# uv: the project's own .venv, copies instead of hard links (the cache may sit on another
# disk), and no virtual environment of the caller's shell.
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy
unexport VIRTUAL_ENV
# --frozen: install exactly uv.lock, never re-resolve; --inexact: keep uv and pip in .venv.
SYNC = $(UV) sync --frozen --inexact --quiet

.PHONY: run test demo catalogs lint lock dist smoke bench clean

$(UV): tools/uv.txt
	@echo "Trede: setting up $(VENV) with the locked versions from uv.lock (a minute or two, once)…"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r tools/uv.txt
	@touch $@

$(STAMP): uv.lock pyproject.toml | $(UV)
	@$(SYNC)
	@touch $@

$(TEST_STAMP): uv.lock pyproject.toml | $(UV)
	@$(SYNC) --group test
	@touch $(STAMP) $@

$(DIST_STAMP): uv.lock pyproject.toml | $(UV)
	@$(SYNC) --group dist
	@touch $(STAMP) $@

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

## lint: ruff and mypy on the whole tree
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## lock: refresh uv.lock and tools/uv.txt to the newest releases that pyproject.toml allows.
## On purpose only: then run `make test` and `make bench`, and commit both files together.
lock: | $(UV)
	$(UV) lock --upgrade
	$(UV) pip compile --quiet --universal --generate-hashes --upgrade \
		--custom-compile-command "make lock" tools/uv.in -o tools/uv.txt

## dist: the frozen program in dist/trede/ (one folder, runs without Python; see README "For IT")
dist: $(DIST_STAMP)
	@echo "Trede: building the frozen program in dist/trede/ …"
	@$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/trede.spec
	@echo "Trede: dist/trede/ is ready."

## smoke: run the frozen program of `make dist` through its first steps (tests/frozen)
smoke: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m frozen tests/frozen $(PYTEST_ARGS)

## bench: speed and memory at 100,000 clients as ratios to a floor (not part of `make test`);
## builds the demo databases in bench/data/ once, prints one table, writes bench/results.json
bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
