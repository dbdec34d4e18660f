"""Documents citizens can read and find: the text of every file a page links, scanned PDFs flagged, OCR.

``extract`` reads a file's text (PDF, DOCX, XLSX, plain text) within limits; ``ocr`` reads the text of
image-only PDF pages with Tesseract when the operator installed it; ``jobs`` runs both in a django-q2 task
queued when a document is uploaded or changed, and stores the result per file version (``models``);
``search`` finds the pages whose files hold a query's words. See docs/documents.md.
"""
