# EoLC Together — the front door. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: help install assets migrate demo run worker test test-fast lint format check bench clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

eolc/static/vendor/.built: node_modules/.package-lock.json scripts/build_assets.mjs
	mkdir -p var
	npm run --silent build
	touch $@

install: $(STAMP) eolc/static/vendor/.built ## Install Python and front-end dependencies (skipped when current)
	bash scripts/ensure_system_packages.sh

assets: eolc/static/vendor/.built ## Build the design-system assets into eolc/static/vendor

migrate: install ## Apply database migrations (SQLite under var/ unless DATABASE_URL is set)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py createcachetable

demo: migrate ## Load the demo programmes and people (safe to run again)
	$(PY) manage.py load_demo

run: demo ## Install, migrate, load demo data, then serve on http://127.0.0.1:$(PORT) with the task worker
	@$(PY) manage.py demo_sign_ins
	@trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py db_worker --interval 1 & \
	$(PY) manage.py send_event_reminders --every 300 & \
	$(PY) manage.py send_action_plan_reminders --every 300 & \
	$(PY) manage.py refresh_rollups --all --every 20 & \
	$(PY) manage.py send_survey_invitations --every 300 & \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: install ## Run only the background task worker
	$(PY) manage.py db_worker

lint: install ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) scripts/lint_views.py

format: install ## Apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django system checks and missing-migration check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

test: lint check ## Everything CI runs: lint, checks, the suite on SQLite and on PostgreSQL, browser tests
	bash scripts/test.sh

test-fast: install ## The suite on SQLite without browser tests
	$(PY) -m pytest -m "not system" -q

bench: install ## Run the benchmarks (BENCH=<name> for one) and write docs/benchmarks.md
	bash scripts/bench.sh

clean: ## Remove installed dependencies, built assets and local data
	rm -rf $(VENV) node_modules eolc/static/vendor staticfiles var
