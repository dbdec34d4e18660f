"""The document and image forms of wagtail-thgov: upload checks plus the certified-file freeze.

Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and ``WAGTAILIMAGES_IMAGE_FORM_BASE``. Wagtail builds the
single edit form and the multiple-upload edit form from these bases, so a forged POST to either is
refused the same way as the form a person fills in.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..security.uploads import SafeDocumentForm, SafeImageForm
from .freeze import Freeze, freeze_of

FROZEN_FIELD_MESSAGE = _(
    "This file is on a certified page or waiting for certification, so it cannot be changed here. Upload the new version "
    "as a new file, attach it to the page and submit the page for checking and certification; the "
    "page keeps showing this file until the new version is certified."
)

# What citizens see of a file: the bytes, the title, an image's alternative text and its crop, and the
# collection (moving the file into a private collection would take it away from citizens). Tags stay free.
FROZEN_FIELDS = (
    "file",
    "title",
    "collection",
    "description",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)


class CertifiedFileFormMixin:
    """Refuses changes to what citizens see of a frozen file, unless a superuser is editing."""

    frozen_fields = FROZEN_FIELDS

    def __init__(self, *args, **kwargs):
        self.editing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    @cached_property
    def certified_freeze(self) -> Freeze:
        user = self.editing_user
        if user is not None and user.is_active and user.is_superuser:
            return Freeze()
        return freeze_of(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        changed = [name for name in self.frozen_fields if name in self.fields and name in self.changed_data]
        if changed and self.certified_freeze:
            for name in changed:
                self.add_error(name, FROZEN_FIELD_MESSAGE)
        return cleaned_data


class CertifiedDocumentForm(CertifiedFileFormMixin, SafeDocumentForm):
    """Wagtail's document form with content checks on upload and the certified-file freeze."""


class CertifiedImageForm(CertifiedFileFormMixin, SafeImageForm):
    """Wagtail's image form with content checks on upload and the certified-file freeze."""
