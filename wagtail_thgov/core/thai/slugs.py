"""Thai page slugs that keep every vowel and tone mark: "หมู่ที่ 5" → ``หมู่ที่-5``, not ``หมท-5``.

Django's ``slugify`` and Wagtail's ``w-slug`` controller keep letters and digits only; Thai above and below
vowels and tone marks are combining marks (Unicode category M), so both dropped them, and Django's
``validate_unicode_slug`` refused a slug that kept them. ``thai_slugify`` keeps marks; ``validate_thai_slug``
allows them and nothing else beyond what a Unicode slug allows.
"""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

INVALID_SLUG = _(
    "Use only letters (Thai letters with their vowels and tone marks included), numbers, "
    "underscores or hyphens in the web address."
)


def _kept(char: str) -> bool:
    return char.isalnum() or char in "_-" or char.isspace() or unicodedata.category(char).startswith("M")


def thai_slugify(value) -> str:
    """A URL slug of ``value`` that keeps Thai (and any other) combining marks; lower-cased, hyphenated."""
    value = unicodedata.normalize("NFC", str(value)).lower()
    value = "".join(char for char in value if _kept(char))
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def is_thai_slug(value: str) -> bool:
    """Whether ``value`` is a valid slug: letters, marks, digits, underscores and hyphens only."""
    return bool(value) and all(_kept(char) and not char.isspace() for char in value)


def validate_thai_slug(value):
    """Django validator: a Unicode slug that may also hold combining marks."""
    if not is_thai_slug(value):
        raise ValidationError(INVALID_SLUG, code="invalid")


class ThaiSlugFormField(forms.SlugField):
    """A slug form field that accepts combining marks when Unicode slugs are allowed."""

    def __init__(self, *, allow_unicode=False, **kwargs):
        super().__init__(allow_unicode=allow_unicode, **kwargs)
        if allow_unicode:
            self.validators = [
                validate_thai_slug if validator is validators.validate_unicode_slug else validator
                for validator in self.validators
            ]


def use_thai_slugs():
    """Let page slugs keep Thai marks (when ``WAGTAIL_ALLOW_UNICODE_SLUGS`` is on, Wagtail's default):
    the admin's slug form field, and the validator of ``Page.slug`` that ``full_clean`` runs."""
    if not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
        return
    # Imported here: called from the app config once models are loaded.
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.widgets import SlugInput
    from wagtail.models import Page

    register_form_field_override(
        models.SlugField, override={"form_class": ThaiSlugFormField, "widget": SlugInput}
    )
    slug = Page._meta.get_field("slug")
    slug.default_validators = [validate_thai_slug]
    slug.__dict__.pop("validators", None)  # Django caches the field's validator list
