"""``{% thgov_file_notes page files as rows %}``: each download with what the documents capability knows
of its text (pages, "scanned, no text") and the address of its searchable copy when OCR made one, for the
public metadata box."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..cache.sitedata import per_page
from ..documents.facts import current_texts

register = template.Library()


def public_note(text) -> str:
    """``12 pages · scanned, no text`` for citizens (nothing about refusals or OCR)."""
    if text is None or text.status != text.DONE:
        return ""
    parts = []
    if text.page_count:
        parts.append(
            ngettext("%(count)d page", "%(count)d pages", text.page_count) % {"count": text.page_count}
        )
    if text.is_scanned:
        parts.append(_("scanned, no text"))
    elif text.is_partly_scanned:
        parts.append(
            ngettext("%(count)d page without text", "%(count)d pages without text", text.pages_without_text)
            % {"count": text.pages_without_text}
        )
    return " · ".join(parts)


@register.simple_tag(takes_context=True)
def thgov_file_notes(context, page, files):
    """``[(file, note, searchable copy's URL or ""), ...]``: read once per cache generation (a finished text
    job saves a ``DocumentText``, which makes cached pages stale)."""
    if not files:
        return []
    request = context.get("request")
    pks = [file.pk for file in files if getattr(file, "pk", None)]

    def compute():
        return {
            pk: (public_note(text), text.searchable_url if text.status == text.DONE else "")
            for pk, text in current_texts(pks).items()
        }

    notes = (
        per_page(request, page, "file_notes_and_copies", compute) if getattr(page, "pk", None) else compute()
    )
    return [(file, *notes.get(getattr(file, "pk", None), ("", ""))) for file in files]


@register.simple_tag
def thgov_document_text(document):
    """The current ``DocumentText`` of ``document`` (Wagtail's document edit screen), or ``None``."""
    pk = getattr(document, "pk", None)
    return current_texts([pk]).get(pk) if pk is not None else None
