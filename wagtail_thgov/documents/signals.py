"""What queues the text job: a document saved, a page published (``jobs``). Connected in ``apps.ready``."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from .jobs import delete_unused_searchable_file, on_document_saved, on_page_published
from .models import DocumentText


def connect():
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="thgov_documents_text")
    page_published.connect(on_page_published, dispatch_uid="thgov_documents_page_files")
    post_delete.connect(
        delete_unused_searchable_file, sender=DocumentText, dispatch_uid="thgov_documents_searchable_copy"
    )
