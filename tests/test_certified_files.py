"""Certified files (issue 15, items 3 and 6): a file on a live certified page changes only through a
certified page revision, and the register and inventory show which file version each certification
covered, by name, size and SHA-256 read from the stored file.

Everything goes through the admin views as the roles use them (and as a forged POST would), and the
public side is checked by hashing what a citizen actually downloads.
"""

import hashlib
import io
import json
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, TaskState, WorkflowPage
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import PASSWORD, make_site, make_user, role_users
from thgov_demo.files import pdf_bytes, png_bytes
from wagtail_thgov.certifiedfiles.forms import FROZEN_FIELD_MESSAGE
from wagtail_thgov.certifiedfiles.freeze import freeze_of
from wagtail_thgov.metadata.certified_files import CertifiedFile, stored_facts
from wagtail_thgov.metadata.inventory import build_inventory, live_thgov_pages
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage, PlanDocumentPage
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

VERSION_1 = pdf_bytes("เทศบัญญัติงบประมาณรายจ่าย 2569", ["ฉบับที่ 1 รายจ่ายรวม 45,000,000 บาท"])
VERSION_2 = pdf_bytes("เทศบัญญัติงบประมาณรายจ่าย 2569", ["ฉบับที่ 2 แก้ไขตัวเลข 45,500,000 บาท"])
FORGED = pdf_bytes("ไฟล์ปลอม", ["ตัวเลขที่ไม่ได้รับการรับรอง"])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def users(site):
    return role_users(site)


@pytest.fixture
def agency_index(site):
    index = site.root_page.add_child(instance=AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))
    index.save_revision().publish()
    return index


def client_for(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def collection_for(user, model=Document):
    return policy_registry.get_by_type(model).collections_user_has_permission_for(user, "add").first()


def upload_document(user, title, filename, content):
    """Upload a document through the admin's add form, as ``user`` does."""
    response = client_for(user).post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
            "collection": collection_for(user).pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return Document.objects.get(title=title)


def plan_form(document, action="action-submit"):
    return nested_form_data(
        {
            "title": "เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
            "slug": "budget-2569",
            "kind": "budget",
            "document": document.pk,
            "approved_on": "2025-09-10",
            "summary": rich_text("<p>งบประมาณรายจ่ายทั้งสิ้น</p>"),
            "extra_documents": streamfield([]),
            "fiscal_year": "2569",
            "source_text": "กองคลัง",
            "data_period_start": "2025-10-01",
            "data_period_end": "2026-09-30",
            "keywords": "",
            "comments": inline_formset([]),
            action: "submit",
        }
    )


def approve(user, page):
    """The current task's approve action, posted by ``user`` from the page's workflow menu."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    response = client_for(user).post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


def served_download(page) -> bytes:
    """What a citizen gets: open the public page, follow its one document link, read the download."""
    citizen = Client()
    page.refresh_from_db()
    html = citizen.get(page.url).content.decode()
    links = [doc.url for doc in Document.objects.all() if doc.url in html]
    assert len(links) == 1, links
    response = citizen.get(links[0])
    assert response.status_code == 200
    return b"".join(response.streaming_content)


# The whole story -------------------------------------------------------------------------------------


def test_uploader_replaces_certified_pdf_only_through_both_workflow_steps(site, users, agency_index):
    uploader, webmaster, approver = users[Role.UPLOADER], users[Role.WEBMASTER], users[Role.APPROVER]
    first = upload_document(uploader, "งบประมาณ 2569 ฉบับที่ 1", "budget-2569.pdf", VERSION_1)
    add_url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "plandocumentpage", agency_index.pk))
    assert client_for(uploader).post(add_url, plan_form(first)).status_code == 302
    page = PlanDocumentPage.objects.get(slug="budget-2569")
    approve(webmaster, page)
    approve(approver, page)
    page.refresh_from_db()
    assert page.live and sha256(served_download(page)) == sha256(VERSION_1)

    # Replacing the certified file in place is refused; the citizen still gets the certified bytes.
    response = client_for(uploader).post(
        reverse("wagtaildocs:edit", args=(first.pk,)),
        {"title": first.title, "file": SimpleUploadedFile("budget-2569.pdf", FORGED), "tags": "",
         "collection": first.collection_id},
    )  # fmt: skip
    assert response.status_code == 200
    assert str(FROZEN_FIELD_MESSAGE) in response.context["form"].errors["file"]
    assert sha256(served_download(page)) == sha256(VERSION_1)

    # The certified way: a new file, attached to a new revision, submitted.
    second = upload_document(uploader, "งบประมาณ 2569 ฉบับที่ 2", "budget-2569-v2.pdf", VERSION_2)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert client_for(uploader).post(edit_url, plan_form(second)).status_code == 302
    assert sha256(served_download(page)) == sha256(VERSION_1)  # submitted, not certified
    approve(webmaster, page)
    assert sha256(served_download(page)) == sha256(VERSION_1)  # checked, not yet certified
    approve(approver, page)
    assert sha256(served_download(page)) == sha256(VERSION_2)

    # The register shows both certifications, each with the file version it covered.
    register = client_for(webmaster).get(reverse("thgov_workflows:publication_register"))
    html = register.content.decode()
    assert sha256(VERSION_1) in html and sha256(VERSION_2) in html
    rows = register.context["object_list"]
    assert [[(f.file_name, f.size, f.sha256) for f in row.files] for row in rows] == [
        [("budget-2569-v2.pdf", len(VERSION_2), sha256(VERSION_2))],
        [("budget-2569.pdf", len(VERSION_1), sha256(VERSION_1))],
    ]
    # ... in the export too, and on the printable request form.
    export = client_for(webmaster).get(reverse("thgov_workflows:publication_register") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    cells = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    assert sha256(VERSION_1) in cells and sha256(VERSION_2) in cells
    form = client_for(webmaster).get(reverse("thgov_workflows:publication_request_form", args=(rows[0].pk,)))
    assert sha256(VERSION_2) in form.content.decode()

    # The inventory names the certified version of what is live now.
    [row] = [row for row in build_inventory(live_thgov_pages(site)) if row.page.pk == page.pk]
    assert [(r.file_name, r.sha256) for r in row.certified_files] == [
        ("budget-2569-v2.pdf", sha256(VERSION_2))
    ]
    assert row.as_json()["certified_files"][0]["sha256"] == sha256(VERSION_2)

    # An audit run re-reads the stored files: the live one is the certified one; a swap behind the
    # admin's back (here a superuser's replacement) shows as a mismatch.
    out = io.StringIO()
    call_command("thgov_inventory", "--verify", stdout=out)
    [item] = [item for item in json.loads(out.getvalue()) if item["title"] == page.title]
    assert item["certified_files"][0]["stored_file_matches"] is True
    second.file.save("budget-2569-v2.pdf", ContentFile(FORGED), save=True)
    out = io.StringIO()
    call_command("thgov_inventory", "--verify", stdout=out)
    [item] = [item for item in json.loads(out.getvalue()) if item["title"] == page.title]
    assert item["certified_files"][0]["stored_file_matches"] is False

    # The first version is kept, unchanged, for the record.
    first.refresh_from_db()
    with first.file.open("rb") as stored:
        assert sha256(stored.read()) == sha256(VERSION_1)
    assert freeze_of(first).certified and not freeze_of(first).pages


def test_checksum_is_read_from_the_stored_file_at_certification(site, users, agency_index):
    uploader, webmaster, approver = users[Role.UPLOADER], users[Role.WEBMASTER], users[Role.APPROVER]
    document = upload_document(uploader, "งบประมาณ", "budget.pdf", VERSION_1)
    add_url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "plandocumentpage", agency_index.pk))
    client_for(uploader).post(add_url, plan_form(document))
    page = PlanDocumentPage.objects.get(slug="budget-2569")
    approve(webmaster, page)
    assert not CertifiedFile.objects.exists()  # the completeness check certifies nothing
    # Bytes changed in storage behind the admin's back (a script, a superuser): the record is of the
    # bytes the approver certified, read when the task was approved, not of what was uploaded.
    document.file.save("budget.pdf", ContentFile(VERSION_2), save=True)
    approve(approver, page)
    [record] = CertifiedFile.objects.all()
    assert (record.sha256, record.size, record.object_id) == (
        sha256(VERSION_2),
        len(VERSION_2),
        str(document.pk),
    )


# Every route, for the uploader and the webmaster -----------------------------------------------------


def make_document(owner, title="ประกาศผลการจัดซื้อ", filename="announcement.pdf"):
    """A document ``owner`` uploaded, in the collection ``owner`` uploads to (their site's)."""
    document = Document(title=title, uploaded_by_user=owner, collection=collection_for(owner, Document))
    document.file.save(filename, ContentFile(VERSION_1), save=False)
    document.save()
    return document


def make_image(owner, title="ภาพนายกเทศมนตรี"):
    """An image ``owner`` uploaded, in the collection ``owner`` uploads to (their site's)."""
    image = Image(title=title, uploaded_by_user=owner, collection=collection_for(owner, Image))
    image.file.save(
        "mayor.png", ImageFile(io.BytesIO(png_bytes(size=(60, 75))), name="mayor.png"), save=False
    )
    image.save()
    return image


def live_page_with(agency_index, document=None, image=None, slug="info", live=True):
    """A page carrying the files, published (as after certification) or left as a draft."""
    body = []
    if image is not None:
        body.append({"type": "image", "value": {"image": image.pk, "alt_text": "นายกเทศมนตรี", "caption": ""}})
    if document is not None:
        body.append(
            {
                "type": "downloads",
                "value": {"heading": "", "documents": [{"document": document.pk, "description": ""}]},
            }
        )
    page = agency_index.add_child(
        instance=AgencyInfoPage(title="ข้อมูลทั่วไป", slug=slug, kind="general", body=json.dumps(body), live=live)
    )
    if live:
        page.save_revision().publish()
    return page


@pytest.fixture
def frozen(site, users, agency_index):
    """A document and an image, both uploaded by the uploader and shown on a live page of a certifying site."""
    document = make_document(users[Role.UPLOADER])
    image = make_image(users[Role.UPLOADER])
    live_page_with(agency_index, document=document, image=image)
    assert freeze_of(document).pages and freeze_of(image).pages
    return {"document": document, "image": image}


ROLES = [Role.UPLOADER, Role.WEBMASTER]
KINDS = {
    "document": ("wagtaildocs", "doc", "wagtaildocs", "document"),
    "image": ("wagtailimages", "image", "wagtailimages", "image"),
}


def upload_for(kind, name="replacement"):
    if kind == "document":
        return SimpleUploadedFile(f"{name}.pdf", FORGED, content_type="application/pdf")
    return SimpleUploadedFile(f"{name}.png", png_bytes(size=(80, 80)), content_type="image/png")


def edit_data(obj, **changes):
    data = {"title": obj.title, "tags": "", "collection": obj.collection_id}
    if isinstance(obj, Image):
        data["description"] = obj.description
    data.update(changes)
    return data


def multiple_upload_edit(user, kind, obj, title):
    """POST the multiple-upload page's edit endpoint for ``obj`` (what its per-file form sends); the JSON."""
    namespace, prefix = KINDS[kind][:2]
    fields = {"title": title, "tags": "", "collection": obj.collection_id}
    response = client_for(user).post(
        reverse(f"{namespace}:edit_multiple", args=(obj.pk,)),
        {f"{prefix}-{obj.pk}-{name}": value for name, value in fields.items()},
    )
    return response.json()


def stored_hash(obj):
    obj.refresh_from_db()
    with obj.file.open("rb") as stored:
        return sha256(stored.read())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", KINDS)
def test_edit_form_shows_why_and_refuses_a_new_file(frozen, users, role, kind):
    obj = frozen[kind]
    namespace = KINDS[kind][0]
    client = client_for(users[role])
    before = stored_hash(obj)
    url = reverse(f"{namespace}:edit", args=(obj.pk,))
    page = client.get(url).content.decode()
    assert (
        "ข้อมูลทั่วไป" in page
        and reverse("wagtailadmin_pages:edit", args=(Page.objects.get(slug="info").pk,)) in page
    )
    response = client.post(url, edit_data(obj, file=upload_for(kind)))
    assert response.status_code == 200
    assert str(FROZEN_FIELD_MESSAGE) in response.context["form"].errors["file"]
    assert stored_hash(obj) == before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", KINDS)
def test_forged_post_cannot_retitle(frozen, users, role, kind):
    obj = frozen[kind]
    response = client_for(users[role]).post(
        reverse(f"{KINDS[kind][0]}:edit", args=(obj.pk,)), edit_data(obj, title="ชื่อใหม่ที่ไม่ได้รับรอง")
    )
    assert response.status_code == 200
    obj.refresh_from_db()
    assert obj.title != "ชื่อใหม่ที่ไม่ได้รับรอง"


def test_forged_post_cannot_change_an_images_alternative_text(frozen, users):
    image = frozen["image"]
    client_for(users[Role.WEBMASTER]).post(
        reverse("wagtailimages:edit", args=(image.pk,)), edit_data(image, description="ข้อความแทนภาพที่แก้เอง")
    )
    image.refresh_from_db()
    assert image.description != "ข้อความแทนภาพที่แก้เอง"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", KINDS)
def test_multiple_upload_edit_endpoint_refuses_a_new_title(frozen, users, role, kind):
    obj = frozen[kind]
    assert multiple_upload_edit(users[role], kind, obj, "ชื่อใหม่")["success"] is False
    obj.refresh_from_db()
    assert obj.title != "ชื่อใหม่"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_delete_route_deletes_a_frozen_file(frozen, users, role, kind):
    obj = frozen[kind]
    namespace, _prefix, app_label, model_name = KINDS[kind]
    client = client_for(users[role])
    client.post(reverse(f"{namespace}:delete", args=(obj.pk,)))
    refused = client.post(reverse(f"{namespace}:delete_multiple", args=(obj.pk,)))
    # Wagtail answers a permission failure with 403 or a redirect to the dashboard with a message.
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    bulk = reverse("wagtail_bulk_action", args=(app_label, model_name, "delete"))
    client.post(bulk + "?" + urlencode({"id": obj.pk, "next": reverse(f"{namespace}:index")}))
    assert type(obj).objects.filter(pk=obj.pk).exists()
    # ... and no screen offers a delete button for it.
    assert (
        reverse(f"{namespace}:delete", args=(obj.pk,))
        not in client.get(reverse(f"{namespace}:edit", args=(obj.pk,))).content.decode()
    )


@pytest.mark.parametrize("kind", KINDS)
def test_frozen_file_cannot_be_moved_to_another_collection(frozen, users, kind):
    """A private collection would take the file away from citizens: the edit form and the bulk action refuse."""
    obj = frozen[kind]
    namespace, _prefix, app_label, model_name = KINDS[kind]
    elsewhere = obj.collection.add_child(instance=Collection(name="เอกสารเก่า"))
    webmaster = client_for(users[Role.WEBMASTER])
    response = webmaster.post(
        reverse(f"{namespace}:edit", args=(obj.pk,)), edit_data(obj, collection=elsewhere.pk)
    )
    assert str(FROZEN_FIELD_MESSAGE) in response.context["form"].errors["collection"]
    bulk = reverse("wagtail_bulk_action", args=(app_label, model_name, "add_to_collection"))
    response = webmaster.post(
        bulk + "?" + urlencode({"id": obj.pk, "next": reverse(f"{namespace}:index")}),
        {"collection": elsewhere.pk},
        follow=True,
    )
    [message] = [str(message) for message in response.context["messages"]]
    assert f"“{obj.title}”" in message
    obj.refresh_from_db()
    assert obj.collection_id != elsewhere.pk


def test_unfrozen_file_moves_by_bulk_action(site, users, agency_index):
    document = make_document(users[Role.UPLOADER])
    elsewhere = document.collection.add_child(instance=Collection(name="เอกสารเก่า"))
    bulk = reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "add_to_collection"))
    client_for(users[Role.WEBMASTER]).post(
        bulk + "?" + urlencode({"id": document.pk, "next": reverse("wagtaildocs:index")}),
        {"collection": elsewhere.pk},
    )
    document.refresh_from_db()
    assert document.collection_id == elsewhere.pk


def test_tags_of_a_frozen_document_stay_editable(frozen, users):
    document = frozen["document"]
    response = client_for(users[Role.WEBMASTER]).post(
        reverse("wagtaildocs:edit", args=(document.pk,)), edit_data(document, tags="งบประมาณ")
    )
    assert response.status_code == 302
    assert list(document.tags.names()) == ["งบประมาณ"]


def test_superuser_may_replace_and_delete_a_frozen_file(frozen):
    admin = make_user("admin", superuser=True)
    document = frozen["document"]
    client = client_for(admin)
    response = client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)), edit_data(document, file=upload_for("document"))
    )
    assert response.status_code == 302
    assert stored_hash(document) == sha256(FORGED)
    client.post(reverse("wagtaildocs:delete", args=(document.pk,)))
    assert not Document.objects.filter(pk=document.pk).exists()


# Files no live certified page carries stay free ------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_file_used_by_no_live_page_stays_freely_editable(site, users, agency_index, kind):
    uploader, webmaster = users[Role.UPLOADER], users[Role.WEBMASTER]
    make = make_document if kind == "document" else make_image
    draft_only = make(uploader)
    live_page_with(agency_index, **{kind: draft_only}, slug="draft", live=False)
    namespace, _prefix, app_label, model_name = KINDS[kind]
    assert not freeze_of(draft_only)

    response = client_for(uploader).post(
        reverse(f"{namespace}:edit", args=(draft_only.pk,)),
        edit_data(draft_only, title="ชื่อที่แก้แล้ว", file=upload_for(kind)),
    )
    assert response.status_code == 302
    draft_only.refresh_from_db()
    assert draft_only.title == "ชื่อที่แก้แล้ว"
    assert multiple_upload_edit(uploader, kind, draft_only, "ชื่อที่สอง")["success"] is True

    unused = make(uploader)
    assert (
        client_for(webmaster).post(reverse(f"{namespace}:delete_multiple", args=(unused.pk,))).status_code
        == 200
    )
    bulk = reverse("wagtail_bulk_action", args=(app_label, model_name, "delete"))
    client_for(webmaster).post(
        bulk + "?" + urlencode({"id": draft_only.pk, "next": reverse(f"{namespace}:index")})
    )
    assert not type(draft_only).objects.filter(pk__in=[unused.pk, draft_only.pk]).exists()


def test_file_in_a_submitted_revision_is_frozen_until_changes_are_requested(site, users, agency_index):
    """What the webmaster checked is what the approver certifies: no swap between the two steps."""
    uploader, webmaster = users[Role.UPLOADER], users[Role.WEBMASTER]
    document = upload_document(uploader, "งบประมาณ", "budget.pdf", VERSION_1)
    add_url = reverse("wagtailadmin_pages:add", args=("wagtail_thgov", "plandocumentpage", agency_index.pk))
    client_for(uploader).post(add_url, plan_form(document))
    page = PlanDocumentPage.objects.get(slug="budget-2569")
    approve(webmaster, page)
    freeze = freeze_of(document)
    assert [p.pk for p in freeze.pending_pages] == [page.pk] and not freeze.pages
    edit = client_for(uploader).post(
        reverse("wagtaildocs:edit", args=(document.pk,)), edit_data(document, file=upload_for("document"))
    )
    assert str(FROZEN_FIELD_MESSAGE) in edit.context["form"].errors["file"]
    assert stored_hash(document) == sha256(VERSION_1)

    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    client_for(users[Role.APPROVER]).post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
        {"comment": "แก้ไขตัวเลขในไฟล์"},
    )
    assert not freeze_of(document)  # changes requested: the uploader may correct the file again


def test_file_on_a_live_page_without_certification_workflow_is_free(site, users, agency_index):
    WorkflowPage.objects.filter(page=site.root_page).delete()
    document = make_document(users[Role.UPLOADER])
    live_page_with(agency_index, document=document)
    assert not freeze_of(document)


def test_another_municipalitys_live_page_freezes_its_file_for_everyone(site, users, agency_index):
    """The freeze follows the pages carrying the file, whichever site's user asks."""
    document = make_document(users[Role.UPLOADER])
    live_page_with(agency_index, document=document)
    other = make_site(hostname="other.example.test", title="อบต.ตัวอย่าง", is_default=False)
    outsider = make_user("outsider-webmaster", Role.WEBMASTER, other)
    assert not policy_registry.get_by_type(Document).user_has_permission_for_instance(
        outsider, "delete", document
    )


def test_wrapped_policy_still_answers_everything_else(frozen, users):
    policy = policy_registry.get_by_type(Document)
    uploader = users[Role.UPLOADER]
    assert policy.user_has_permission_for_instance(uploader, "change", frozen["document"])
    assert not policy.user_has_permission_for_instance(uploader, "delete", frozen["document"])
    assert (
        policy.instances_user_has_permission_for(uploader, "change").filter(pk=frozen["document"].pk).exists()
    )
    assert not policy.user_has_permission_for_instance(make_user("nobody"), "change", frozen["document"])


# The record and the settings ------------------------------------------------------------------------


def test_a_file_missing_from_storage_is_recorded_as_missing_not_hashed(site, users):
    document = make_document(users[Role.UPLOADER])
    document.file.storage.delete(document.file.name)
    facts = stored_facts(document.file)
    assert (facts.size, facts.sha256) == (None, "")
    record = CertifiedFile(file_name="announcement.pdf", size=None, sha256="")
    assert "announcement.pdf" in record.label and "SHA-256" not in record.label


def test_system_check_warns_when_the_forms_lack_the_freeze(settings):
    from wagtail_thgov.certifiedfiles.checks import check_certified_file_forms

    assert check_certified_file_forms(None) == []
    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_thgov.security.uploads.SafeDocumentForm"
    assert [warning.id for warning in check_certified_file_forms(None)] == ["wagtail_thgov.W010"]


def test_register_and_inventory_read_certified_files_in_constant_queries(site, users, agency_index):
    """Query counts are part of the design: more certified pages with files, not more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thgov_demo.certify import certify
    from wagtail_thgov.workflows.register import build_entries, page_workflow_states

    def certified_plans(count, start):
        for number in range(start, start + count):
            document = make_document(
                users[Role.UPLOADER], title=f"แผน {number}", filename=f"plan-{number}.pdf"
            )
            plan = agency_index.add_child(
                instance=PlanDocumentPage(
                    title=f"แผน {number}", slug=f"plan-{number}", kind="budget", fiscal_year=2569,
                    source_text="กองคลัง", document=document, live=False,
                )
            )  # fmt: skip
            assert certify(plan, users)

    def queries():
        with CaptureQueriesContext(connection) as register:
            entries = build_entries(page_workflow_states())
        with CaptureQueriesContext(connection) as inventory:
            rows = build_inventory(live_thgov_pages(site))
        plans = [row for row in rows if isinstance(row.page, PlanDocumentPage)]
        assert all(entry.files for entry in entries) and all(row.certified_files for row in plans)
        return len(register), len(inventory)

    certified_plans(2, start=1)
    queries()  # warm Django's and Wagtail's caches (content types, site root paths)
    few = queries()
    certified_plans(4, start=3)
    assert queries() == few
