"""Uploaded files must be what their extension says.

Wagtail checks a document's extension against ``WAGTAILDOCS_EXTENSIONS`` and an image's format with
Willow; neither looks inside a document. A ``report.pdf`` that is really a web page or a program, or an
SVG carrying a script, would then be served from the municipality's own domain. ``SafeDocumentForm`` and
``SafeImageForm`` (set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` / ``WAGTAILIMAGES_IMAGE_FORM_BASE``) read the
first bytes of every upload, in the admin's single and multiple upload views alike, against the
signatures of ``core.sniffing``.
"""

import os
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from ..core.sniffing import SIGNATURES, ZIP_MEMBERS, has_signature, is_executable, read_head, zip_members

TEXT_EXTENSIONS = {"txt", "csv"}

# Never accepted, whatever WAGTAILDOCS_EXTENSIONS says: a browser or the server would run them.
REFUSED_EXTENSIONS = {
    "htm", "html", "xhtml", "shtml", "svg", "svgz", "xml", "js", "mjs", "php", "phtml", "asp", "aspx",
    "jsp", "cgi", "pl", "py", "sh", "bat", "cmd", "com", "exe", "dll", "msi", "scr", "jar", "vbs", "ps1",
    "hta", "swf", "apk",
}  # fmt: skip

# Markup a browser would render as a page or run as a script.
ACTIVE_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta|link|form)\b"
    rb"|\bon[a-z]+\s*=|javascript\s*:",
    re.IGNORECASE,
)

SVG_SCRIPT = re.compile(
    rb"<\s*(?:script|foreignobject|iframe|embed|object)\b|\bon[a-z]+\s*=|(?:href|src)\s*=\s*[\"']?\s*javascript:",
    re.IGNORECASE,
)

HEAD_BYTES = 64 * 1024

REFUSED_TYPE = _("Files of type .%(extension)s cannot be uploaded: they could run in visitors' browsers.")
EXECUTABLE = _("This file is a program. Programs cannot be uploaded.")
MISMATCH = _(
    "This file is not a real .%(extension)s file: its content does not match its extension. "
    "Save it again as .%(extension)s and upload that file."
)
ACTIVE_TEXT = _("This text file contains web page code or script. Upload it as PDF or plain text instead.")
NOT_TEXT = _("This .%(extension)s file is not plain text.")
SCRIPTED_SVG = _("This SVG image contains a script or event handler and cannot be uploaded.")


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _read_head(uploaded):
    return read_head(uploaded, HEAD_BYTES)


def _is_text(head):
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp874"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            # The head may cut a multi-byte character in two at its end.
            if encoding == "utf-8" and error.start >= len(head) - 3 and len(head) == HEAD_BYTES:
                return True
    return False


def document_problem(uploaded):
    """Why ``uploaded`` may not be stored as a document, as a ``ValidationError``, or ``None``."""
    extension = _extension(uploaded.name)
    if extension in REFUSED_EXTENSIONS:
        return ValidationError(REFUSED_TYPE, code="refused_extension", params={"extension": extension})
    head = _read_head(uploaded)
    if extension in TEXT_EXTENSIONS:
        # Served as text/plain with nosniff: only markup a browser might still render is refused.
        if not _is_text(head):
            return ValidationError(NOT_TEXT, code="not_text", params={"extension": extension})
        if ACTIVE_MARKUP.search(head):
            return ValidationError(ACTIVE_TEXT, code="active_content")
        return None
    if is_executable(head):
        return ValidationError(EXECUTABLE, code="executable")
    if extension not in SIGNATURES:
        # An extension the integrator allowed that we know nothing of: at least no page or script.
        if ACTIVE_MARKUP.search(head[:1024]):
            return ValidationError(ACTIVE_TEXT, code="active_content")
        return None
    mismatch = ValidationError(MISMATCH, code="content_mismatch", params={"extension": extension})
    if not has_signature(head, extension):
        return mismatch
    if extension in ZIP_MEMBERS:
        members = zip_members(uploaded)
        if members is None or ZIP_MEMBERS[extension] not in members:
            return mismatch
    elif extension == "zip" and zip_members(uploaded) is None:
        return mismatch
    return None


def svg_problem(uploaded):
    """A ``ValidationError`` when an SVG image carries a script or an event handler."""
    if _extension(uploaded.name) not in {"svg", "svgz"}:
        return None
    uploaded.seek(0)
    content = uploaded.read()
    uploaded.seek(0)
    if SVG_SCRIPT.search(content) or b"<!ENTITY" in content:
        return ValidationError(SCRIPTED_SVG, code="scripted_svg")
    return None


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a new upload has bytes to read; an unchanged file was checked when it came in.
        if uploaded and "file" in self.changed_data and hasattr(uploaded, "content_type"):
            problem = document_problem(uploaded)
            if problem:
                raise problem
        return uploaded


class SafeImageForm(BaseImageForm):
    """Wagtail's image form (Willow already checks the format), refusing SVG with scripts when SVG is on."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data and hasattr(uploaded, "content_type"):
            problem = svg_problem(uploaded) or _image_executable(uploaded)
            if problem:
                raise problem
        return uploaded


def _image_executable(uploaded):
    if is_executable(_read_head(uploaded)):
        return ValidationError(EXECUTABLE, code="executable")
    return None
