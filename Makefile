# Developer entry points of wagtail-thgov.
#
#   make demo      run the demo municipality site (web server + django-q2 worker) on http://127.0.0.1:8000
#   make test      the whole test suite on SQLite, then again on PostgreSQL + Redis when
#                  THGOV_TEST_DATABASE_URL and THGOV_TEST_REDIS_URL are set (.ci/run sets them)
#   make lint      ruff and the import-linter contracts (one-way imports, pyproject.toml)
#   make messages  refresh and compile the Thai translations of the plugin
#
# Every target first makes sure .venv exists and holds the package installed editable with its dev extras.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install: pip runs again only when pyproject.toml is newer than it.
STAMP := $(VENV)/.thgov-installed
MANAGE := $(BIN)/python example_project/manage.py
# Extra pytest arguments for both passes, e.g. `make test PYTEST_ARGS="-x -k thai"`.
PYTEST_ARGS ?=
# pytest-xdist workers: one per core; whole test files stay on one worker (module fixtures are shared).
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help demo test lint messages

help:
	@sed -n '3,7s/^# \{0,1\}//p' Makefile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[dev]'
	touch $@

demo: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) thgov_setup
	$(MANAGE) thgov_demo --users
	@# No collectstatic: WhiteNoise serves static files straight from the finders (WHITENOISE_USE_FINDERS);
	@# it only wants STATIC_ROOT to exist.
	mkdir -p example_project/static_collected
	$(BIN)/python example_project/run_demo.py

# One pytest pass. $(1): its name, printed as a header; $(2): `env` arguments that select the databases.
# pytest's exit code 5 means it collected no tests: for a whole-suite pass that means something is broken
# (a wrong path, a conftest that skips everything), so the pass fails instead of passing silently.
define pytest_pass
	@echo "== $(1) =="
	@env $(2) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then \
		echo "make test: $(1) FAILED: pytest collected no tests (exit code 5)." >&2; exit 1; \
	fi; \
	exit $$status
endef

test: $(STAMP)
	@# CI must run both passes: a CI machine without PostgreSQL or Redis must not go green on SQLite alone.
	@if [ "$${CI:-}" = "true" ] && [ -z "$${THGOV_TEST_DATABASE_URL:-}" -o -z "$${THGOV_TEST_REDIS_URL:-}" ]; then \
		echo "make test: CI=true but THGOV_TEST_DATABASE_URL and/or THGOV_TEST_REDIS_URL is not set;" \
			"the PostgreSQL + Redis pass cannot run. Use .ci/run, which starts both and sets them." >&2; \
		exit 1; \
	fi
	@if [ -n "$${THGOV_TEST_DATABASE_URL:-}" ] && [ -z "$${THGOV_TEST_REDIS_URL:-}" ]; then \
		echo "make test: THGOV_TEST_DATABASE_URL is set but THGOV_TEST_REDIS_URL is not; set both." >&2; \
		exit 1; \
	fi
	$(call pytest_pass,SQLite pass,-u DATABASE_URL -u REDIS_URL)
	@if [ -z "$${THGOV_TEST_DATABASE_URL:-}" ]; then \
		echo "== PostgreSQL + Redis pass == not run: THGOV_TEST_DATABASE_URL is not set (see .ci/run)."; \
	fi
	$(if $(THGOV_TEST_DATABASE_URL),$(call pytest_pass,PostgreSQL + Redis pass,DATABASE_URL="$$THGOV_TEST_DATABASE_URL" REDIS_URL="$$THGOV_TEST_REDIS_URL"))

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# makemessages run from inside the app directory writes to the app's own locale/ folder (which must
# exist: git does not keep an empty one), and compilemessages run there compiles only that folder.
# Neither needs the demo site's settings.
messages: $(STAMP)
	mkdir -p wagtail_thgov/locale
	cd wagtail_thgov && ../$(BIN)/django-admin makemessages -l th --no-wrap --no-obsolete
	cd wagtail_thgov && ../$(BIN)/django-admin compilemessages -l th
