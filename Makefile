# The two commands a new machine needs (Python 3.10+ and the package registries):
#   make build   install the project and build the graph of seeds/ into exports/
#   make test    install everything the tests need (Python extras, Debian's Chromium) and run them
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install install-test build test

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }

build: install
	$(BIN)/kg build --docs seeds --out exports

test: install-test
	$(BIN)/python -m pytest -q
