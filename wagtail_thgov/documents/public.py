"""The searchable copy of a scanned PDF, for citizens: ``/documents/ocr/<document id>/<version>/``.

Served on the same terms as the original through Wagtail's ``serve`` view: every ``before_serve_document``
hook runs first (Wagtail's collection privacy, the private files of another municipality), and only the
copy of the document's current file: ``version`` is the start of that file's SHA-256, and a replaced file
makes the old address answer 404 until the new version has been read.
"""

from pathlib import PurePath

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import get_document_model

from .models import VERSION_CHARS, DocumentText

NO_COPY = _("This file has no searchable copy, or its file has been replaced.")


def searchable_copy(request, document_id, version):
    document = get_object_or_404(get_document_model(), pk=document_id)
    text = None
    if len(version) == VERSION_CHARS:
        text = (
            DocumentText.objects.filter(
                document=document, is_current=True, sha256__startswith=version.lower()
            )
            .exclude(searchable_file="")
            .only("searchable_file", "file_sha1", "sha256")
            .first()
        )
    if text is None or (document.file_hash and text.file_sha1 and document.file_hash != text.file_sha1):
        raise Http404(NO_COPY)
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    try:
        stored = text.searchable_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(NO_COPY) from error
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=f"{PurePath(document.filename).stem}-OCR.pdf",
        content_type="application/pdf",
    )
    response["Content-Security-Policy"] = "default-src 'none'"  # as Wagtail serves documents
    response["X-Content-Type-Options"] = "nosniff"
    return response
