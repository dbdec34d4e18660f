"""System check I401: whether OCR of scanned PDFs is on, and what to install when it is off."""

from django.core.checks import Info, register

from . import ocr


@register()
def check_ocr(app_configs, **kwargs):
    current = ocr.status()
    if current.available:
        return []
    return [
        Info(
            f"OCR of scanned PDFs is off: {current.reason}. Scanned files are still flagged, but their text "
            "is not searchable. / ปิดการอ่านข้อความจากไฟล์สแกน (OCR) อยู่ ไฟล์สแกนยังแสดงว่าเป็นไฟล์สแกน "
            "แต่ค้นหาข้อความในไฟล์ไม่ได้",
            hint="apt install tesseract-ocr tesseract-ocr-tha poppler-utils (ติดตั้ง Tesseract พร้อมข้อมูลภาษาไทย), "
            "or set THGOV_DOCUMENTS_OCR = True.",
            id="wagtail_thgov.I401",
        )
    ]
