"""Uploading real files and linking them from pages, for the tests of wagtail_thgov.documents."""

import datetime as dt

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from wagtail_thgov.pages.news import NewsPage


def upload(capture, title, name, data, document=None):
    """Save a document as the admin does; the text job it queues on commit runs (sync django-q2)."""
    document = document or get_document_model()(title=title)
    with capture(execute=True):
        document.file.save(name, ContentFile(data), save=False)
        document.save()
    return document


def link_page(parent, title, slug, *documents, publish=True, capture=None):
    """A news page whose body links ``documents``; published through a revision, as editors do."""
    links = " ".join(
        f'<a linktype="document" id="{document.pk}">{document.title}</a>' for document in documents
    )
    page = parent.add_child(
        instance=NewsPage(
            title=title,
            slug=slug,
            news_date=dt.date(2025, 1, 1),
            body=[("paragraph", f"<p>ดาวน์โหลดเอกสาร {links}</p>")],
            live=False,
        )
    )
    if publish:
        if capture is not None:
            with capture(execute=True):
                page.save_revision().publish()
        else:
            page.save_revision().publish()
        page.refresh_from_db()
    return page
