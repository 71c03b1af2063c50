# The two set-up commands of the README: `make run` and `make test`.
# Needs only Python 3.11+ and make; everything else is installed into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: run test screenshots install lint format messages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "grfnet needs Python 3.11 or newer (set PYTHON=python3.x)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Run the app on SQLite with the seed data and demo accounts, at http://$(HOST)
run: export DEBUG = True
run: export GRFNET_PUBLIC_DASHBOARD ?= True
run: export GRFNET_SITE_URL ?= http://$(HOST)
run: install
	@$(BIN)/python manage.py migrate --no-input --verbosity 0
	@$(BIN)/python manage.py load_seed_data
	@$(BIN)/python manage.py create_demo_accounts
	@echo ""
	@echo "grfnet is starting at http://$(HOST)/"
	@echo "  Focal points (editors) and the secretariat sign in at http://$(HOST)/accounts/login/"
	@echo "  The secretariat's admin is at http://$(HOST)/admin/ and its review queue at http://$(HOST)/review/"
	@echo "  The demo accounts above share one password; stop the server with Ctrl+C."
	@echo ""
	@$(BIN)/python manage.py runserver $(HOST)

## Run the whole test suite (browser tests skip where Debian's Chromium is missing), one
## process per CPU (pytest-xdist); each takes the next test that is waiting (worksteal)
test: install
	$(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

## The browser tests again, saving what they see in artifacts/screenshots/ (both languages)
screenshots: install
	GRFNET_SCREENSHOTS=1 $(BIN)/python -m pytest -n auto --dist worksteal tests/browser $(PYTEST_ARGS)

## Lint: ruff, the import layers (import-linter), the templates (djLint) and the house rules
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint templates --lint

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Refresh the Japanese catalogue after changing UI text (needs gettext)
messages: install
	$(BIN)/python manage.py makemessages -l ja --ignore=.venv --ignore=tests --ignore=staticfiles --ignore=artifacts
	$(BIN)/python manage.py compilemessages -l ja --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles artifacts
