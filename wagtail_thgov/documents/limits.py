"""The limits of text extraction, read at call time (settings, else the environment: ``core.conf``)."""

from dataclasses import dataclass

from ..core.conf import flag, setting

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much one job may read: bytes and pages per file, seconds per job, what a zip may unpack to."""

    max_bytes: int = 50 * MB
    max_pages: int = 500
    seconds: float = 120.0
    # A PDF page with fewer visible characters than this has no real text layer (a scan, maybe a stamp).
    min_chars_per_page: int = 20
    # An Office file (a zip) may unpack to at most this many bytes, at most ``max_ratio`` times its size.
    max_unzipped_bytes: int = 200 * MB
    max_ratio: int = 100
    # Characters kept per file: the rest is neither stored nor indexed.
    max_chars: int = 2_000_000

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            max_bytes=int(setting("THGOV_DOCUMENTS_MAX_BYTES", cls.max_bytes)),
            max_pages=int(setting("THGOV_DOCUMENTS_MAX_PAGES", cls.max_pages)),
            seconds=float(setting("THGOV_DOCUMENTS_JOB_SECONDS", cls.seconds)),
            min_chars_per_page=int(setting("THGOV_DOCUMENTS_MIN_CHARS_PER_PAGE", cls.min_chars_per_page)),
            max_unzipped_bytes=int(setting("THGOV_DOCUMENTS_MAX_UNZIPPED_BYTES", cls.max_unzipped_bytes)),
            max_ratio=int(setting("THGOV_DOCUMENTS_MAX_ZIP_RATIO", cls.max_ratio)),
            max_chars=int(setting("THGOV_DOCUMENTS_MAX_CHARS", cls.max_chars)),
        )


def extraction_enabled() -> bool:
    """``THGOV_DOCUMENTS_TEXT`` (default on): whether uploads queue the text job at all."""
    return flag("THGOV_DOCUMENTS_TEXT", True)


def ocr_wanted() -> bool:
    """``THGOV_DOCUMENTS_OCR`` (default on): use Tesseract when it is installed."""
    return flag("THGOV_DOCUMENTS_OCR", True)
