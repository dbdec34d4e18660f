"""The current text row of documents, for the admin panels, the report and the public metadata box."""

from .models import DocumentText


def current_texts(document_ids) -> dict[int, DocumentText]:
    """Current ``DocumentText`` of each document id, in one query (without the text columns)."""
    ids = [int(pk) for pk in document_ids if pk is not None]
    if not ids:
        return {}
    rows = DocumentText.objects.filter(document_id__in=ids, is_current=True).defer(
        "text", "ocr_text", "index_text"
    )
    return {row.document_id: row for row in rows}
