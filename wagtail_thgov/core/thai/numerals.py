"""Thai numerals (๐–๙), through PyThaiNLP's digit conversion."""

from pythainlp.util import arabic_digit_to_thai_digit


def thai_digits(value) -> str:
    """Return ``value`` as text with Arabic digits replaced by Thai digits; ``None`` gives ``""``."""
    if value is None:
        return ""
    text = str(value)
    return arabic_digit_to_thai_digit(text) if text else text
