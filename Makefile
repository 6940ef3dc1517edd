# news-ingest: `make demo` runs the job end to end on an embedded broker; `make test` installs
# everything and runs the whole suite (lint, types, unit, contract and real-broker tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
JARS   := $(VENV)/.kafka-jars-$(shell cksum kafka/pom.xml | cut -d' ' -f1)

.PHONY: native install demo test lint faults bench clean help

help:  ## list targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*; touch $@

$(JARS): kafka/pom.xml $(STAMP)
	$(BIN)/python -m worker.broker.embedded_jars
	@rm -f $(VENV)/.kafka-jars-*; touch $@

native: $(STAMP)  ## compile the hot pure packages with mypyc (plain Python if that fails or is stale)
	@$(BIN)/python -m worker.native ensure

install: $(STAMP) $(JARS) native  ## venv, Python packages, the Kafka broker jars, the compiled parser

demo: install  ## end to end: local broker, topics, corpus, worker, summary
	$(BIN)/news-ingest demo

lint: $(STAMP) native  ## ruff, ruff format, mypy --strict, schemas up to date
	$(BIN)/ruff check worker tests
	$(BIN)/ruff format --check worker tests
	$(BIN)/mypy --strict worker tests
	$(BIN)/news-ingest schemas --check

test: install lint  ## install everything and pass the whole test suite
	$(BIN)/pytest -q -m "not slow"

faults: install  ## the six fault scenarios at full size (20,000 messages) against real brokers: a table
	$(BIN)/python -m tests.faults.run

bench: install  ## single-core parse and enrich throughput on the dev corpus
	$(BIN)/news-ingest bench parse ../shared/data/dev/articles.jsonl
	$(BIN)/news-ingest bench enrich ../shared/data/dev/articles.jsonl

clean:  ## remove the venv (the jar cache in ~/.cache/news-ingest stays)
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
