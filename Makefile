# Grappe — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/grappe_ci
PYTEST_ARGS ?=

.PHONY: install demo serve test test-pg lint format messages clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p var
	$(BIN)/grappe migrate --noinput
	$(BIN)/grappe demo
	$(BIN)/grappe runserver 127.0.0.1:8000

serve: install
	$(BIN)/grappe runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

test-pg: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

messages: install
	cd src/grappe && ../../$(BIN)/grappe makemessages -l fr -l en --no-obsolete --ignore 'static/*' && ../../$(BIN)/grappe compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
