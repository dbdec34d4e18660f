"""The citizen's form: the webmaster's questions (Wagtail's form builder) plus the fixed part every
e-Service asks — name, e-mail, telephone, attachments, PDPA consent — and a honeypot for robots."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .uploads import MAX_FILES, SUPPORTED, content_matches, extension_of

MULTILINE_MAX_LENGTH = 5000
SINGLELINE_MAX_LENGTH = 255
HONEYPOT = "website"
FIXED_FIELDS = ("thgov_name", "thgov_email", "thgov_phone", "thgov_files", "thgov_consent", HONEYPOT)

REQUIRED = _("Please fill in this item.")
TOO_LONG = _("Please shorten this to at most %(limit_value)d characters (it has %(show_value)d).")
MESSAGES = {
    "form_errors": _("Your request has not been sent yet. Please correct the items marked below."),
    "consent": _("Please consent to the processing of your personal data to send this request."),
    "contact": _("Give an e-mail address or a telephone number, so that you can follow your request."),
    "phone": _("Enter a Thai telephone number of 9 or 10 digits, e.g. 081 234 5678."),
    "refused": _("Your request could not be accepted. Please try again."),
    "rate_limited": _(
        "Too many requests have been sent from your connection. Please wait a few minutes and try again."
    ),
    "too_many_files": _("Attach at most %(max)d files."),
    "no_attachments": _("This service does not accept attachments."),
    "file_type": _("“%(name)s”: files of this type are not accepted. Accepted types: %(allowed)s."),
    "file_size": _("“%(name)s” is larger than %(max)d MB."),
    "file_empty": _("“%(name)s” is empty."),
    "file_content": _(
        "“%(name)s” is not really a %(extension)s file: its content does not match its name. "
        "Save it again as %(extension)s and attach it once more."
    ),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each checked by the form."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def normalise_phone(value: str) -> str:
    """Digits only; "+66 81 234 5678" → "0812345678"."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("66") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


class CitizenRequestForm(BaseForm):
    """The fixed part of every e-Service form. ``self.page`` is the EServicePage."""

    thgov_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": REQUIRED, "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    thgov_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("We send the tracking code and every reply to this address."),
        error_messages={
            "invalid": _("Enter an e-mail address such as name@example.com."),
            "max_length": TOO_LONG,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    thgov_phone = forms.CharField(
        label=_("Telephone"),
        required=False,
        max_length=20,
        error_messages={"max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    thgov_files = MultipleFileField(label=_("Attachments"), required=False)
    thgov_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and consent to the processing of my personal data for this request."
        ),
        error_messages={"required": MESSAGES["consent"]},
    )
    # Hidden from people by CSS and from assistive technology; robots fill every text input in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        extensions = self.page.extensions if self.page is not None else []
        if not extensions:
            del self.fields["thgov_files"]
        else:
            self.fields["thgov_files"].help_text = _(
                "Up to %(count)d files, each at most %(max)d MB. Accepted types: %(types)s."
            ) % {"count": MAX_FILES, "max": self.page.max_attachment_mb, "types": ", ".join(extensions)}
            self.fields["thgov_files"].widget.attrs["accept"] = ",".join(f".{e}" for e in extensions)
        # Order: the service's own questions, then the fixed part.
        own = [name for name in self.fields if name not in FIXED_FIELDS]
        self.order_fields(own + [name for name in FIXED_FIELDS if name in self.fields])

    @property
    def honeypot_tripped(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def service_fields(self):
        return [self[name] for name in self.fields if name not in FIXED_FIELDS]

    def contact_fields(self):
        return [self[name] for name in ("thgov_name", "thgov_email", "thgov_phone")]

    def clean_thgov_name(self):
        return self.cleaned_data["thgov_name"].strip()

    def clean_thgov_phone(self):
        value = self.cleaned_data.get("thgov_phone", "")
        if not value.strip():
            return ""
        digits = normalise_phone(value)
        if not (len(digits) in (9, 10) and digits.startswith("0")):
            raise ValidationError(MESSAGES["phone"], code="phone")
        return digits

    def clean_thgov_files(self):
        uploads = self.cleaned_data.get("thgov_files") or []
        page = self.page
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                MESSAGES["too_many_files"], params={"max": MAX_FILES}, code="too_many_files"
            )
        allowed = page.extensions
        errors = []
        for upload in uploads:
            name = upload.name
            extension = extension_of(name)
            if extension not in allowed or extension not in SUPPORTED:
                errors.append(
                    ValidationError(
                        MESSAGES["file_type"],
                        params={"name": name, "allowed": ", ".join(allowed)},
                        code="file_type",
                    )
                )
            elif upload.size > page.max_attachment_mb * 1024 * 1024:
                errors.append(
                    ValidationError(
                        MESSAGES["file_size"],
                        params={"name": name, "max": page.max_attachment_mb},
                        code="file_size",
                    )
                )
            elif upload.size == 0:
                errors.append(
                    ValidationError(MESSAGES["file_empty"], params={"name": name}, code="file_empty")
                )
            elif not content_matches(upload, extension):
                errors.append(
                    ValidationError(
                        MESSAGES["file_content"],
                        params={"name": name, "extension": extension.upper()},
                        code="file_content",
                    )
                )
        if errors:
            raise ValidationError(errors)
        return uploads

    def clean(self):
        cleaned = super().clean()
        if self.honeypot_tripped:
            raise ValidationError(MESSAGES["refused"], code="honeypot")
        if (
            not cleaned.get("thgov_email")
            and not cleaned.get("thgov_phone")
            and not (self.has_error("thgov_email") or self.has_error("thgov_phone"))
        ):
            self.add_error("thgov_email", ValidationError(MESSAGES["contact"], code="contact"))
        return cleaned

    def answers(self) -> list[dict]:
        """The answers to the service's own questions, with their labels as the citizen saw them."""
        return [
            {"name": field.name, "label": str(field.label), "value": self.cleaned_data.get(field.name)}
            for field in self.service_fields()
        ]


class EServiceFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits and Thai-translatable messages on every field."""

    def __init__(self, fields, page=None):
        super().__init__(fields)
        self.page = page

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        options.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        return forms.CharField(**options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {"required": REQUIRED, "max_length": TOO_LONG}
        return options

    def get_form_class(self):
        return type("EServiceForm", (CitizenRequestForm,), self.formfields)
