"""The ``djangojs`` overrides as an inline script that adds them to the page's ``django.catalog``."""

import json
from functools import lru_cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# What json_script escapes, so that no text can close the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@lru_cache
def _catalog(language):
    """``{msgid: msgstr}`` of the override catalogue for one language; empty when it has none."""
    # Django's own catalogue view does the reading (plural forms included); it is only given our folder.
    view = JavaScriptCatalog()
    view.translation = DjangoTranslation(language, domain="djangojs", localedirs=[str(LOCALE_DIR)])
    return view.get_catalog()


def catalog_script(language=None):
    """``<script>`` merging the active language's overrides into ``django.catalog`` (nothing if none)."""
    catalog = _catalog(language or get_language() or "")
    if not catalog:
        return ""
    data = json.dumps(catalog, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)
    return format_html(
        "<script>(function (c) {{ var d = window.django; if (!d) {{ return; }} "
        "for (var k in c) {{ d.catalog[k] = c[k]; }} }})({});</script>",
        mark_safe(data),  # noqa: S308 - JSON with the characters that could end the element escaped
    )
