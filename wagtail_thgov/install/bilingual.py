"""Messages for integrators in Thai and English at once: a check's hint or a command's output is read by
a Thai IT officer and by a hosting vendor's engineer, whatever the project's ``LANGUAGE_CODE``."""

from django.utils import translation


def thai_and_english(message, **params) -> str:
    """``message`` (a lazy gettext string with ``%(name)s`` placeholders) in Thai, then in English."""
    with translation.override("th"):
        thai = str(message) % params
    with translation.override("en"):
        english = str(message) % params
    return thai if thai == english else f"{thai} / {english}"
