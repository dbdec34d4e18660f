"""The functions django-q2 runs on schedule (registered in ``publishing.registration``)."""

import io

from django.core.management import call_command

from .digest import send_daily_digests
from .unpublish import expire_due_pages


def run_publish_scheduled() -> str:
    """Every minute: expire due pages in batches, then Wagtail's ``publish_scheduled`` publishes what is
    due to go live and expires any other draft-state models (snippets)."""
    expired = expire_due_pages()
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return f"expired pages: {expired}\n{output.getvalue()}"


def send_daily_digest() -> int:
    """Every morning: the currency digest to each site's webmasters; returns the number of e-mails."""
    return send_daily_digests()
