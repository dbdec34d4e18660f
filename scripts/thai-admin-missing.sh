#!/usr/bin/env bash
# Wagtail's admin texts that the Thai override catalogue (wagtail_thgov.thai_admin) does not translate yet,
# written as a .po to fill in; run it after upgrading Wagtail. See docs/translations.md.
#
#   scripts/thai-admin-missing.sh [django|djangojs] > missing.po
#   (fill in every msgstr, then)  msgcat --use-first --no-wrap missing.po OVERRIDES -o OVERRIDES && msgfmt ...
set -euo pipefail
domain="${1:-django}"
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
[ -x "$python" ] || python=/work/main/.venv/bin/python
wagtail="$("$python" -c 'import os, wagtail; print(os.path.dirname(wagtail.__file__))')"
overrides="$here/wagtail_thgov/thai_admin/locale/th/LC_MESSAGES/$domain.po"
# The Wagtail apps municipal staff meet in the admin (the same list as tests/test_thai_admin.py).
apps=(. admin documents images snippets users contrib/forms contrib/settings)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for app in "${apps[@]}"; do
    english="$wagtail/$app/locale/en/LC_MESSAGES/$domain.po"
    [ -f "$english" ] || continue
    name="$(echo "$app" | tr '/.' '__')"
    msgmerge --quiet --no-wrap --no-fuzzy-matching "$overrides" "$english" -o "$tmp/$name.po"
    msgattrib --no-wrap --untranslated --no-obsolete "$tmp/$name.po" -o "$tmp/$name-missing.po"
done
msgcat --no-wrap --use-first "$tmp"/*-missing.po 2>/dev/null | msgattrib --no-wrap --untranslated || true
