"""The text of each file version, keyed by its SHA-256 (the checksum a certification records)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.search import index

from .extract import REASONS

VERSION_CHARS = 16  # of the SHA-256 in the searchable copy's address: a new file version, a new address


class DocumentText(index.Indexed, models.Model):
    """The text read from one version of a document's file (ข้อความในไฟล์เอกสาร).

    One row per document and SHA-256: when a file is replaced, the old version's row stays (a
    certification may have covered it, ``CertifiedFile.sha256``) and the new one becomes ``is_current``.
    ``index_text`` holds the Thai-segmented, encoded words (``core.thai.words.index_text``), which Wagtail's
    search backend indexes like a page's ``thgov_search_text``.
    """

    PENDING, DONE, REFUSED = "pending", "done", "refused"
    STATUS_CHOICES = [(PENDING, _("waiting to be read")), (DONE, _("read")), (REFUSED, _("refused"))]

    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    is_current = models.BooleanField(_("current version"), default=True)
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES, default=PENDING)
    reason = models.CharField(_("reason refused"), max_length=32, blank=True)
    detail = models.CharField(_("technical detail"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=16, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True)
    pages_without_text = models.PositiveIntegerField(_("pages without text"), default=0)
    ocr_pages = models.PositiveIntegerField(_("pages read by OCR"), default=0)
    ocr_state = models.CharField(_("OCR"), max_length=8, blank=True)
    extractor = models.CharField(_("read with"), max_length=32, blank=True)
    text = models.TextField(_("text"), blank=True)
    ocr_text = models.TextField(_("text read by OCR"), blank=True)
    index_text = models.TextField(_("search words"), blank=True)
    seconds = models.FloatField(_("seconds to read"), null=True)
    # A scanned PDF read by OCR: a copy with the text as an invisible layer (``textlayer``), named by the
    # original's SHA-256 and shared by the rows of the same bytes; the original is never changed.
    searchable_file = models.FileField(
        _("searchable copy (text from OCR)"), upload_to="documents/searchable/", blank=True, max_length=255
    )
    file_sha1 = models.CharField(_("SHA-1 checksum"), max_length=40, blank=True)  # Wagtail's file_hash
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    search_fields = [index.SearchField("index_text"), index.FilterField("is_current")]

    # The text is shown nowhere on a public page but the metadata box's "scanned" note, which is read per
    # cache generation: a finished job must make cached pages stale, so this model stays watched.

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")
        constraints = [
            models.UniqueConstraint(fields=["document", "sha256"], name="thgov_document_text_version")
        ]
        indexes = [
            models.Index(fields=["sha256"], name="thgov_document_text_sha"),
            models.Index(fields=["document", "is_current"], name="thgov_document_text_current"),
        ]

    def __str__(self):
        return f"{self.document_id} · {self.sha256[:12]}"

    @property
    def searchable_url(self) -> str:
        """Where citizens download the searchable copy (``documents.views.searchable_copy``), or ``""``."""
        if not self.searchable_file or not self.sha256:
            return ""
        return reverse("thgov_searchable_document", args=[self.document_id, self.sha256[:VERSION_CHARS]])

    @property
    def is_scanned(self) -> bool:
        """A PDF none of whose pages has a text layer: a scan (what a screen reader cannot read)."""
        return bool(self.page_count) and self.pages_without_text >= self.page_count

    @property
    def is_partly_scanned(self) -> bool:
        return bool(self.page_count) and 0 < self.pages_without_text < self.page_count

    @property
    def reason_message(self) -> str:
        return str(REASONS.get(self.reason, self.reason))

    @property
    def summary(self) -> str:
        """For editors: ``12 pages · scanned, no text · 12 pages read by OCR`` or why it was refused."""
        if self.status == self.REFUSED:
            return self.reason_message
        if self.status == self.PENDING:
            return str(_("waiting to be read"))
        parts = []
        if self.page_count:
            parts.append(
                ngettext("%(count)d page", "%(count)d pages", self.page_count) % {"count": self.page_count}
            )
        if self.is_scanned:
            parts.append(str(_("scanned, no text")))
        elif self.is_partly_scanned:
            parts.append(
                ngettext(
                    "%(count)d page without text", "%(count)d pages without text", self.pages_without_text
                )
                % {"count": self.pages_without_text}
            )
        if self.ocr_pages:
            parts.append(
                ngettext("%(count)d page read by OCR", "%(count)d pages read by OCR", self.ocr_pages)
                % {"count": self.ocr_pages}
            )
            if self.searchable_file:
                parts.append(str(_("searchable copy made")))
        elif self.ocr_state == "off":
            parts.append(str(_("OCR is off")))
        return " · ".join(parts) or str(_("text read"))
