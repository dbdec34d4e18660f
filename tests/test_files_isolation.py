"""Documents and images of one municipality are out of reach of another's staff (issue 15, items 1-2).

Two municipalities, A (``a.localhost``) and B (``b.localhost``), are set up by ``thgov_setup``: each has its own
collection holding a document, an image and, in a sub-collection open to "logged-in users" only, a
private document, every title carrying the site's tag (``FILE-a`` …). Then, from the outside:

- every listing, chooser, search and admin API answer of A's staff shows A's files and none of B's
  (``LISTINGS``);
- every URL of one of B's files answers 403/404 (or a redirect away) to A's uploader and webmaster, and
  never shows B's title (``FOREIGN``); forged POSTs change nothing of B's and put nothing into B's library;
- inside one site, each role reaches what its permissions give and nothing more (``ROLE_MATRIX``).
"""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
)

from thgov_demo.files import pdf_bytes, png_bytes
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

from .factories import PASSWORD, built_once, make_site, make_user

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
CODES = ("a", "b")


def tag(code):
    return f"FILE-{code}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Two municipalities with their files, built once and rolled back after the module."""
    with built_once(django_db_blocker):
        yield _build_world()


def _document(title, collection, filename="file.pdf"):
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(pdf_bytes("test", [title.encode("ascii", "ignore").decode()])))
    return document


def _image(title, collection):
    return Image.objects.create(
        title=title, collection=collection, file=ImageFile(ContentFile(png_bytes((40, 30))), name="pic.png")
    )


def _build_world():
    world = {}
    for number, code in enumerate(CODES):
        site = make_site(f"{code}.localhost", title=f"เทศบาลตำบลทดสอบ {tag(code)}", is_default=number == 0)
        collection = site_collection(site)
        private = collection.add_child(instance=Collection(name=f"ภายใน {code}"))
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=BaseViewRestriction.LOGIN
        )
        world[code] = {
            "site": site,
            "collection": collection,
            "users": {role: make_user(f"{code}-{role.value}", role, site) for role in Role},
            "document": _document(f"เอกสาร {tag(code)}", collection, f"notice-{code}.pdf"),
            "image": _image(f"ภาพ {tag(code)}", collection),
            "private": _document(f"ภายใน {tag(code)}", private, f"internal-{code}.pdf"),
        }
    return world


def client_for(world, code, role):
    client = Client(HTTP_HOST=world[code]["site"].hostname)
    if role is not None:
        assert client.login(username=world[code]["users"][role].username, password=PASSWORD)
    return client


def text_of(response):
    """The body as text; JSON (choosers, admin API) with its Thai unescaped."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode(errors="replace")
    if "json" in response.get("Content-Type", ""):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


# --- Setup: one collection per site; the role groups' permissions sit on it, never on the root ----------


def test_each_site_has_its_own_collection_and_its_groups_hold_permissions_only_there(world):
    root = Collection.get_first_root_node()
    assert world["a"]["collection"] != world["b"]["collection"]
    for code in CODES:
        collection = world[code]["collection"]
        assert collection.get_parent() == root
        for role in Role:
            grants = GroupCollectionPermission.objects.filter(group=role_group(world[code]["site"], role))
            assert grants.exists(), (code, role)
            assert set(grants.values_list("collection", flat=True)) == {collection.pk}, (code, role)
    role_groups = [role_group(world[code]["site"], role) for code in CODES for role in Role]
    assert not GroupCollectionPermission.objects.filter(collection=root, group__in=role_groups).exists()


def test_upload_by_the_uploader_lands_in_their_sites_collection_and_bs_is_refused(world):
    client = client_for(world, "a", Role.UPLOADER)
    data = {"title": "ประกาศที่อัปโหลดเอง", "file": SimpleUploadedFile("own.pdf", pdf_bytes("own", ["own"]))}
    response = client.post(reverse("wagtaildocs:add"), {**data, "collection": world["b"]["collection"].pk})
    assert response.status_code == 200
    assert "collection" in response.context["form"].errors  # the form again, with the reason
    assert not Document.objects.filter(title="ประกาศที่อัปโหลดเอง").exists()
    data["file"].seek(0)
    response = client.post(reverse("wagtaildocs:add"), {**data, "collection": world["a"]["collection"].pk})
    assert response.status_code == 302
    assert Document.objects.get(title="ประกาศที่อัปโหลดเอง").collection == world["a"]["collection"]


# --- Listings, choosers, search and the admin API: A's files only ---------------------------------------
# (label, URL name, query, roles of A that use it)
# fmt: off
STAFF = (Role.UPLOADER, Role.WEBMASTER)
LISTINGS = [
    ("documents", "wagtaildocs:index", {}, STAFF),
    ("documents search", "wagtaildocs:index", {"q": "FILE"}, STAFF),
    ("documents results", "wagtaildocs:index_results", {"q": "FILE"}, STAFF),
    ("images", "wagtailimages:index", {}, STAFF),
    ("images search", "wagtailimages:index", {"q": "FILE"}, STAFF),
    ("images results", "wagtailimages:index_results", {"q": "FILE"}, STAFF),
    ("document chooser", "wagtaildocs_chooser:choose", {}, tuple(Role)),
    ("document chooser search", "wagtaildocs_chooser:choose_results", {"q": "FILE"}, tuple(Role)),
    ("image chooser", "wagtailimages_chooser:choose", {}, tuple(Role)),
    ("image chooser search", "wagtailimages_chooser:choose_results", {"q": "FILE"}, tuple(Role)),
    ("admin API documents", "wagtailadmin_api:documents:listing", {}, tuple(Role)),
    ("admin API documents search", "wagtailadmin_api:documents:listing", {"search": "FILE"}, tuple(Role)),
    ("admin API images", "wagtailadmin_api:images:listing", {}, tuple(Role)),
]
# fmt: on
LISTING_CASES = [(label, name, query, role) for label, name, query, roles in LISTINGS for role in roles]


@pytest.mark.parametrize(
    "label, name, query, role", LISTING_CASES, ids=[f"{c[0]}-{c[3].value}" for c in LISTING_CASES]
)
def test_listings_choosers_and_search_show_only_the_users_own_files(world, label, name, query, role):
    response = client_for(world, "a", role).get(reverse(name), query)
    assert response.status_code == 200, (label, response.status_code)
    text = text_of(response)
    expected = "ภาพ" if "image" in name else "เอกสาร"
    assert f"{expected} {tag('a')}" in text, f"{label}: A's own file is missing"
    assert tag("b") not in text, f"{label}: shows B's file to A's {role.value}"


def test_filtering_the_listing_by_bs_collection_shows_nothing_of_b(world):
    client = client_for(world, "a", Role.WEBMASTER)
    for name in ("wagtaildocs:index", "wagtailimages:index"):
        response = client.get(reverse(name), {"collection_id": world["b"]["collection"].pk})
        assert tag("b") not in text_of(response), name


def test_superuser_sees_every_sites_files(world):
    make_user("files-admin", superuser=True)
    client = Client(HTTP_HOST="a.localhost")
    client.login(username="files-admin", password=PASSWORD)
    for name in ("wagtaildocs:index", "wagtailimages:index", "wagtaildocs_chooser:choose"):
        text = text_of(client.get(reverse(name)))
        assert tag("a") in text and tag("b") in text, name


# --- B's files, asked for by A's staff -------------------------------------------------------------------
def _bulk(model, action, obj):
    return reverse("wagtail_bulk_action", args=(model._meta.app_label, model._meta.model_name, action)) + (
        f"?id={obj.pk}"
    )


# (label, URL builder from B's data, method, POST data)
# fmt: off
FOREIGN = [
    ("edit document", lambda b: reverse("wagtaildocs:edit", args=[b["document"].pk]), "get", None),
    ("change document", lambda b: reverse("wagtaildocs:edit", args=[b["document"].pk]), "post", {"title": "hijacked"}),
    ("delete document", lambda b: reverse("wagtaildocs:delete", args=[b["document"].pk]), "get", None),
    ("delete document, post", lambda b: reverse("wagtaildocs:delete", args=[b["document"].pk]), "post", {}),
    ("document usage", lambda b: reverse("wagtaildocs:document_usage", args=[b["document"].pk]), "get", None),
    ("multiple-upload edit of document", lambda b: reverse("wagtaildocs:edit_multiple", args=[b["document"].pk]), "post", {"title": "hijacked"}),
    ("multiple-upload delete of document", lambda b: reverse("wagtaildocs:delete_multiple", args=[b["document"].pk]), "post", {}),
    ("document chosen", lambda b: reverse("wagtaildocs_chooser:chosen", args=[b["document"].pk]), "get", None),
    ("document chosen, several", lambda b: reverse("wagtaildocs_chooser:chosen_multiple") + f"?id={b['document'].pk}", "get", None),
    ("document admin API detail", lambda b: reverse("wagtailadmin_api:documents:detail", args=[b["document"].pk]), "get", None),
    ("bulk delete documents", lambda b: _bulk(Document, "delete", b["document"]), "get", None),
    ("bulk delete documents, post", lambda b: _bulk(Document, "delete", b["document"]), "post", {}),
    ("bulk tag documents", lambda b: _bulk(Document, "add_tags", b["document"]), "get", None),
    ("bulk move documents", lambda b: _bulk(Document, "add_to_collection", b["document"]), "get", None),
    ("serve private document", lambda b: b["private"].url, "get", None),
    ("edit image", lambda b: reverse("wagtailimages:edit", args=[b["image"].pk]), "get", None),
    ("change image", lambda b: reverse("wagtailimages:edit", args=[b["image"].pk]), "post", {"title": "hijacked"}),
    ("delete image", lambda b: reverse("wagtailimages:delete", args=[b["image"].pk]), "get", None),
    ("delete image, post", lambda b: reverse("wagtailimages:delete", args=[b["image"].pk]), "post", {}),
    ("image usage", lambda b: reverse("wagtailimages:image_usage", args=[b["image"].pk]), "get", None),
    ("image URL generator", lambda b: reverse("wagtailimages:url_generator", args=[b["image"].pk]), "get", None),
    ("image URL generator output", lambda b: reverse("wagtailimages:url_generator_output", args=[b["image"].pk]), "get", None),
    ("image preview", lambda b: reverse("wagtailimages:preview", args=[b["image"].pk, "original"]), "get", None),
    ("multiple-upload edit of image", lambda b: reverse("wagtailimages:edit_multiple", args=[b["image"].pk]), "post", {"title": "hijacked"}),
    ("multiple-upload delete of image", lambda b: reverse("wagtailimages:delete_multiple", args=[b["image"].pk]), "post", {}),
    ("image chosen", lambda b: reverse("wagtailimages_chooser:chosen", args=[b["image"].pk]), "get", None),
    ("image chosen, several", lambda b: reverse("wagtailimages_chooser:chosen_multiple") + f"?id={b['image'].pk}", "get", None),
    ("image format", lambda b: reverse("wagtailimages_chooser:select_format", args=[b["image"].pk]), "get", None),
    ("image admin API detail", lambda b: reverse("wagtailadmin_api:images:detail", args=[b["image"].pk]), "get", None),
    ("bulk delete images", lambda b: _bulk(Image, "delete", b["image"]), "get", None),
    ("bulk delete images, post", lambda b: _bulk(Image, "delete", b["image"]), "post", {}),
    ("bulk tag images", lambda b: _bulk(Image, "add_tags", b["image"]), "get", None),
    ("bulk move images", lambda b: _bulk(Image, "add_to_collection", b["image"]), "get", None),
]
# fmt: on
# These answer with the visible subset of the ids asked for: nothing, for B's files.
ANSWERS_WITH_WHAT_IS_VISIBLE = {"document chosen, several", "image chosen, several"}
FOREIGN_CASES = [(*row, role) for row in FOREIGN for role in Role]


@pytest.mark.parametrize(
    "label, url, method, data, role", FOREIGN_CASES, ids=[f"{c[0]}-{c[4].value}" for c in FOREIGN_CASES]
)
def test_another_sites_files_are_out_of_reach(world, label, url, method, data, role):
    target = url(world["b"])
    client = client_for(world, "a", role)
    response = getattr(client, method)(target, data or {})
    assert tag("b") not in text_of(response), label
    if response.status_code == 302:
        assert response["Location"].split("?")[0] not in (target.split("?")[0], ""), label
    elif label in ANSWERS_WITH_WHAT_IS_VISIBLE:
        assert (
            response.status_code == 200
            and text_of(response) in ("[]", '{"result": []}')
            or (json.loads(text_of(response)).get("result") == [])
        ), label
    else:
        assert response.status_code in (403, 404), (label, response.status_code)


def test_nothing_of_b_changed_or_went_away_through_forged_posts(world):
    b = world["b"]
    for role in Role:
        client = client_for(world, "a", role)
        for _label, url, method, data in FOREIGN:
            if method == "post":
                client.post(url(b), data or {})
        client.post(
            _bulk(Document, "add_to_collection", b["document"]), {"collection": world["a"]["collection"].pk}
        )
        client.post(_bulk(Image, "add_tags", b["image"]), {"tags": "hijacked"})
    document = Document.objects.get(pk=b["document"].pk)
    image = Image.objects.get(pk=b["image"].pk)
    assert document.title == f"เอกสาร {tag('b')}" and document.collection == b["collection"]
    assert image.title == f"ภาพ {tag('b')}" and not image.tags.exists()


@pytest.mark.parametrize(
    "name",
    [
        "wagtaildocs:add_multiple",
        "wagtailimages:add_multiple",
        "wagtaildocs_chooser:create",
        "wagtailimages_chooser:create",
    ],
)
def test_uploads_cannot_be_put_into_another_sites_collection(world, name):
    client = client_for(world, "a", Role.WEBMASTER)
    is_image = "image" in name
    upload = (
        SimpleUploadedFile("forged.png", png_bytes((20, 20)), content_type="image/png")
        if is_image
        else SimpleUploadedFile("forged.pdf", pdf_bytes("forged", ["x"]), content_type="application/pdf")
    )
    model = Image if is_image else Document
    before = set(model.objects.values_list("pk", flat=True))
    if "chooser" in name:
        prefix = "image-chooser-upload" if is_image else "document-chooser-upload"
        data = {
            f"{prefix}-title": "ส่งปลอม",
            f"{prefix}-file": upload,
            f"{prefix}-collection": world["b"]["collection"].pk,
        }
    else:
        data = {"files[]": upload, "collection": world["b"]["collection"].pk}
    client.post(reverse(name), data)
    created = model.objects.exclude(pk__in=before)
    assert not created.filter(collection=world["b"]["collection"]).exists()
    created.delete()


def test_private_file_is_served_to_its_own_sites_staff_only(world):
    a, b = world["a"], world["b"]
    for role in Role:
        assert client_for(world, "b", role).get(b["private"].url).status_code == 200, role
        refused = client_for(world, "a", role).get(b["private"].url)
        assert refused.status_code == 403, role
        assert "File not available" in text_of(refused)  # a page that says why, in the site's theme
    anonymous = Client(HTTP_HOST="b.localhost").get(b["private"].url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    # A public file of either site is what citizens download from the pages: anyone may have it.
    assert Client().get(a["document"].url).status_code == 200


# --- Inside one site: what each role may do with its own site's files -----------------------------------
# (label, URL builder from A's data, roles allowed); anonymous visitors are sent to the log-in page.
U, W, P = Role.UPLOADER, Role.WEBMASTER, Role.APPROVER
# fmt: off
ROLE_MATRIX = [
    ("documents", lambda a: reverse("wagtaildocs:index"), {U, W}),
    ("edit document", lambda a: reverse("wagtaildocs:edit", args=[a["document"].pk]), {U, W}),
    ("delete document", lambda a: reverse("wagtaildocs:delete", args=[a["document"].pk]), {W}),
    ("document usage", lambda a: reverse("wagtaildocs:document_usage", args=[a["document"].pk]), {U, W}),
    ("upload documents", lambda a: reverse("wagtaildocs:add_multiple"), {U, W}),
    ("document chooser", lambda a: reverse("wagtaildocs_chooser:choose"), {U, W, P}),
    ("document chosen", lambda a: reverse("wagtaildocs_chooser:chosen", args=[a["document"].pk]), {U, W, P}),
    ("serve private document", lambda a: a["private"].url, {U, W, P}),
    ("images", lambda a: reverse("wagtailimages:index"), {U, W}),
    ("edit image", lambda a: reverse("wagtailimages:edit", args=[a["image"].pk]), {U, W}),
    ("delete image", lambda a: reverse("wagtailimages:delete", args=[a["image"].pk]), {W}),
    ("image usage", lambda a: reverse("wagtailimages:image_usage", args=[a["image"].pk]), {U, W}),
    ("upload images", lambda a: reverse("wagtailimages:add_multiple"), {U, W}),
    ("image chooser", lambda a: reverse("wagtailimages_chooser:choose"), {U, W, P}),
    ("image chosen", lambda a: reverse("wagtailimages_chooser:chosen", args=[a["image"].pk]), {U, W, P}),
]
# fmt: on
MATRIX_CASES = [(label, url, allowed, role) for label, url, allowed in ROLE_MATRIX for role in (*Role, None)]


@pytest.mark.parametrize(
    "label, url, allowed, role",
    MATRIX_CASES,
    ids=[f"{c[0]}-{c[3].value if c[3] else 'anonymous'}" for c in MATRIX_CASES],
)
def test_each_role_reaches_what_its_permissions_give(world, label, url, allowed, role):
    target = url(world["a"])
    response = client_for(world, "a", role).get(target)
    if role in allowed:
        assert response.status_code == 200, (label, role, response.status_code)
    elif role is None:
        assert response.status_code == 302 and "login" in response["Location"], (label, response.status_code)
    else:
        assert response.status_code in (302, 403, 404), (label, role, response.status_code)
        if response.status_code == 302:
            assert response["Location"].split("?")[0] != target.split("?")[0]


def test_bulk_delete_removes_only_what_the_role_may_delete(world):
    a = world["a"]
    doomed = _document("ลบได้", a["collection"], "doomed.pdf")
    client_for(world, "a", Role.UPLOADER).post(_bulk(Document, "delete", doomed), {})
    assert Document.objects.filter(pk=doomed.pk).exists()  # uploaders may not delete others' files
    client_for(world, "a", Role.WEBMASTER).post(_bulk(Document, "delete", doomed), {})
    assert not Document.objects.filter(pk=doomed.pk).exists()


def test_uploader_may_delete_their_own_upload(world):
    a = world["a"]
    own = _document("ร่างที่อัปโหลดผิด", a["collection"], "wrong-upload.pdf")
    own.uploaded_by_user = a["users"][Role.UPLOADER]
    own.save()
    response = client_for(world, "a", Role.UPLOADER).post(reverse("wagtaildocs:delete", args=[own.pk]))
    assert response.status_code == 302
    assert not Document.objects.filter(pk=own.pk).exists()
