"""The plain page: ``wagtail.models.Page`` with a rich-text body and a trivial template."""

from wagtail.fields import RichTextField
from wagtail.models import Page


class PlainPage(Page):
    body = RichTextField(blank=True)
    template = "benchpages/plain_page.html"
