# Two entry points for a fresh machine with Python 3.11 and make: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DATA ?= ../shared/data

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

DEMO_DB ?= demo.db
PORT ?= 8000

demo: $(VENV)/.installed  ## store examples/ in $(DEMO_DB), print the report, serve the app
	$(BIN)/claimgraph ingest examples/ --db sqlite:///$(DEMO_DB)
	$(BIN)/claimgraph analyze examples/seed.txt
	$(BIN)/claimgraph serve --db sqlite:///$(DEMO_DB) --port $(PORT)

test: $(VENV)/.installed-dev  ## run the whole test suite
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-dev  ## run the benchmarks against $(DATA) and refresh bench/results
	$(BIN)/python bench/throughput.py --data $(DATA)/polnear --split dev
	$(BIN)/python bench/quotes.py --data $(DATA)/polnear --split dev
	$(BIN)/python bench/ggt.py --data $(DATA)/ggt-dev
	$(BIN)/python bench/hedges.py --data $(DATA)/szeged-wikiweasel --split dev
	$(BIN)/python bench/quantities.py --data $(DATA)/polnear
	$(BIN)/python bench/extraction.py --data $(DATA)/article-extraction-benchmark
	$(BIN)/python bench/dedup.py --data $(DATA)/article-extraction-benchmark --ecbplus $(DATA)/ecbplus
	$(BIN)/python bench/clustering.py --data $(DATA)/ecbplus --split dev
	$(BIN)/python bench/bad_input.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
