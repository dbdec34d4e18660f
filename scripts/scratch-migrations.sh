#!/usr/bin/env bash
# Development aid: make throw-away migrations of the current models in $1 (default /tmp/thgov-scratch),
# so tests can run before the real migration is written. Usage:
#   scripts/scratch-migrations.sh /tmp/mine && THGOV_SCRATCH_MIGRATIONS=/tmp/mine .venv/bin/python -m pytest ...
set -euo pipefail
dir=${1:-/tmp/thgov-scratch}
rm -rf "$dir/thgov_scratch_migrations"
mkdir -p "$dir/thgov_scratch_migrations"
touch "$dir/thgov_scratch_migrations/__init__.py"
cd "$(dirname "$0")/.."
THGOV_SCRATCH_MIGRATIONS="$dir" DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=.:example_project \
  .venv/bin/python -m django makemigrations wagtail_thgov -v0
