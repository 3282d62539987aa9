# Grappe — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/grappe_ci
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo serve test test-pg lint format messages clean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Grappe needs Python 3.11 or newer ($(PYTHON) is $$($(PYTHON) --version 2>&1))."; exit 1; }
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv $(VENV) \
		|| { echo "Could not create $(VENV): on Debian or Ubuntu, run 'sudo apt install python3-venv'."; exit 1; }
	@echo "Installing Grappe and its pinned dependencies (constraints.txt) in $(VENV)…"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/grappe migrate --noinput
	$(BIN)/grappe demo
	@echo "Grappe is served at http://$(HOST):$(PORT)/ (Ctrl+C to stop)."
	$(BIN)/grappe runserver $(HOST):$(PORT)

serve: install
	$(BIN)/grappe runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

# The scheduler's tests touch no database: `make test` runs them, the PostgreSQL run skips them.
test-pg: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest --ignore=tests/scheduling $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

messages: install
	cd src/grappe && ../../$(BIN)/grappe makemessages -l fr --no-obsolete --ignore 'static/*' --ignore 'migrations/*' && ../../$(BIN)/grappe compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
