"""Helpers of the compliance tests: a municipality site (as migrations would leave the database), pages
published through the ORM, and certification through the real two-step workflow."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import get_supported_language_variant
from wagtail.documents import get_document_model
from wagtail.models import Locale

from tests.factories import make_site
from wagtail_thgov.compliance.models import ComplianceSettings
from wagtail_thgov.workflows.roles import Role


def compliance_site(hostname="localhost", title="เทศบาลตำบลทดสอบ", is_default=True, certification=True):
    """A site with roles, workflow and the bundled standards (``thgov_setup``); ``certification=False``
    counts published pages without certification, as the demo does."""
    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    site = make_site(hostname=hostname, title=title, is_default=is_default)
    if not certification:
        ComplianceSettings.objects.update_or_create(site=site, defaults={"require_certification": False})
    return site


def publish(parent, model, slug, **fields):
    """A live child page of ``parent``, published once, reloaded as its type."""
    page = parent.add_child(instance=model(slug=slug, title=fields.pop("title", slug), **fields))
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def document(title="แผน", filename="plan.pdf"):
    doc = get_document_model()(title=title)
    doc.file.save(filename, ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    return doc


def certify(page, users):
    """Run the page's latest revision through check (webmaster) and certification (approver)."""
    page.save_revision(user=users[Role.UPLOADER])
    state = page.get_workflow().start(page, users[Role.UPLOADER])
    for role in (Role.WEBMASTER, Role.APPROVER):
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, users[role], "approve")
        state.refresh_from_db()
    return type(page).objects.get(pk=page.pk)
