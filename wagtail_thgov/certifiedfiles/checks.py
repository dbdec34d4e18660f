"""System check: the document and image forms must carry the certified-file freeze."""

from django.core.checks import Warning, register
from wagtail.documents.forms import get_document_base_form
from wagtail.images.forms import get_image_base_form

from .forms import CertifiedFileFormMixin

FORM_SETTINGS = {
    "WAGTAILDOCS_DOCUMENT_FORM_BASE": (
        "wagtail_thgov.certifiedfiles.forms.CertifiedDocumentForm",
        get_document_base_form,
    ),
    "WAGTAILIMAGES_IMAGE_FORM_BASE": (
        "wagtail_thgov.certifiedfiles.forms.CertifiedImageForm",
        get_image_base_form,
    ),
}


@register()
def check_certified_file_forms(app_configs, **kwargs):
    """Without these forms an uploader could replace a certified file in place (Wagtail allows it)."""
    return [
        Warning(
            f"{setting} does not refuse changes to certified files.",
            hint=f'Set {setting} = "{form}" (or a subclass of it).',
            id="wagtail_thgov.W010",
        )
        for setting, (form, base_form) in FORM_SETTINGS.items()
        if not issubclass(base_form(), CertifiedFileFormMixin)
    ]
