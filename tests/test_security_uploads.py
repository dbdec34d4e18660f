"""Uploads through the admin: a document or image must be what its extension says.

Every case goes through Wagtail's own admin views (single upload, multiple upload, replacing the file of
an existing document) as an uploader of the municipality, the role that uploads files day to day.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import PASSWORD, role_users
from tests.security_support import security_site
from thgov_demo.files import pdf_bytes, png_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PE_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF_PROGRAM = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
SCRIPTED_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


GOOD_DOCUMENTS = [
    ("plan.pdf", pdf_bytes("Plan", ["line"])),
    ("budget.xlsx", xlsx_bytes(["a", "b"], [[1, 2]])),
    ("notes.txt", "ประกาศ เทศบาล\n".encode()),
    ("list.csv", "ชื่อ,จำนวน\nก,1\n".encode("cp874")),
    ("photos.zip", _zip({"a.txt": "x"})),
    ("map.png", png_bytes((20, 20))),
]

BAD_DOCUMENTS = [
    # (file name, content, error code)
    ("report.pdf", HTML, "content_mismatch"),
    ("report.pdf", PE_PROGRAM, "executable"),
    ("budget.xlsx", _zip({"evil.html": "<script>alert(1)</script>"}), "content_mismatch"),
    ("budget.xlsx", b"not a zip at all", "content_mismatch"),
    ("old.doc", pdf_bytes("x", ["y"]), "content_mismatch"),
    ("photo.jpg", png_bytes((10, 10)), "content_mismatch"),
    ("notes.txt", HTML, "active_content"),
    ("list.csv", b'name,link\n"a","<a href=javascript:alert(1)>x</a>"\n', "active_content"),
    ("notes.txt", ELF_PROGRAM, "not_text"),
    ("page.html", HTML, "refused_extension"),
    ("logo.svg", SCRIPTED_SVG, "refused_extension"),
    ("setup.exe", PE_PROGRAM, "refused_extension"),
    ("archive.zip", ELF_PROGRAM, "executable"),
]


@pytest.fixture
def uploader(client):
    site = security_site()
    user = role_users(site)["uploader"]
    client.login(username=user.username, password=PASSWORD)
    return user


def _root_collection():
    return Collection.get_first_root_node().pk


@pytest.mark.parametrize(("name", "content"), GOOD_DOCUMENTS, ids=[n for n, _ in GOOD_DOCUMENTS])
def test_genuine_documents_are_accepted_by_the_admin_upload(client, uploader, name, content):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "collection": _root_collection(), "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert Document.objects.filter(title=name).count() == 1


@pytest.mark.parametrize(
    ("name", "content", "code"), BAD_DOCUMENTS, ids=[f"{n}-{c}" for n, _, c in BAD_DOCUMENTS]
)
def test_disguised_documents_are_refused_with_a_message_on_the_field(client, uploader, name, content, code):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "ร่าง", "collection": _root_collection(), "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("file", code) or (code == "refused_extension" and form.has_error("file")), (
        form.errors.as_data()
    )
    # The title the uploader typed is kept for the next try.
    assert form["title"].value() == "ร่าง"
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "code"), BAD_DOCUMENTS[:4], ids=[f"{n}-{c}" for n, _, c in BAD_DOCUMENTS[:4]]
)
def test_multiple_upload_refuses_the_same_files(client, uploader, name, content, code):
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": _root_collection(), "files[]": SimpleUploadedFile(name, content)},
    )
    data = response.json()
    assert data["success"] is False
    assert data["error_message"]
    assert not Document.objects.exists()


def test_replacing_a_documents_file_is_checked_too(client, uploader):
    client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "แผน",
            "collection": _root_collection(),
            "file": SimpleUploadedFile("plan.pdf", pdf_bytes("x", ["y"])),
        },
    )
    document = Document.objects.get()
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "แผน", "collection": _root_collection(), "file": SimpleUploadedFile("plan.pdf", HTML)},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("file", "content_mismatch")
    document.refresh_from_db()
    with document.file.open() as stored:
        assert stored.read().startswith(b"%PDF-")


def test_a_genuine_image_is_accepted(client, uploader):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "ภาพ",
            "collection": _root_collection(),
            "file": SimpleUploadedFile("a.png", png_bytes((30, 30))),
        },
    )
    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", SCRIPTED_SVG),
        ("photo.png", HTML),
        ("photo.jpg", png_bytes((10, 10))),
        ("photo.png", PE_PROGRAM),
    ],
)
def test_images_that_are_not_what_they_claim_are_refused(client, uploader, name, content):
    for url, data in (
        (reverse("wagtailimages:add"), {"title": "ภาพ", "file": SimpleUploadedFile(name, content)}),
        (reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, content)}),
    ):
        response = client.post(url, {"collection": _root_collection(), **data})
        if response.headers.get("Content-Type") == "application/json":
            assert response.json()["success"] is False
        else:
            assert response.status_code == 200
            assert response.context["form"].has_error("file")
    assert not Image.objects.exists()


def test_scripted_svg_is_refused_even_where_svg_images_are_allowed(client, uploader, settings):
    settings.WAGTAILIMAGES_EXTENSIONS = ["png", "svg"]
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "โลโก้",
            "collection": _root_collection(),
            "file": SimpleUploadedFile("logo.svg", SCRIPTED_SVG),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("file", "scripted_svg")
    clean_svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    )
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "โลโก้",
            "collection": _root_collection(),
            "file": SimpleUploadedFile("logo.svg", clean_svg),
        },
    )
    assert response.status_code == 302
