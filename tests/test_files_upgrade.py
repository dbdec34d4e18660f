"""Upgrading an installation whose files all sit in the root collection (as before per-site collections).

``thgov_setup`` moves each file to the collection of the one site whose pages, site-scoped snippets or
site settings link it (Wagtail's reference index), removes the role groups' old grants on the root
collection, and lists the files it cannot place (linked from several sites, or from none) without
touching them.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, ReferenceIndex

from thgov_demo.files import pdf_bytes, png_bytes
from wagtail_thgov.pages.law import LawKind, LawPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.site_settings.models import MunicipalitySettings
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.sitefiles.upgrade import plan_moves
from wagtail_thgov.workflows.roles import ROLE_SPECS, Role
from wagtail_thgov.workflows.setup import _permission, role_group

from .factories import make_site

Document = get_document_model()
Image = get_image_model()


# --- the decision, as a table -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "linked_from, expected",
    [
        ({1}, "moves to 1"),
        ({2}, "moves to 2"),
        ({1, 2}, "shared"),
        (set(), "unlinked"),
    ],
)
def test_a_file_moves_only_when_exactly_one_site_links_it(linked_from, expected):
    plan = plan_moves([7], {7: linked_from} if linked_from else {})
    outcome = f"moves to {plan.moves[7]}" if 7 in plan.moves else "shared" if 7 in plan.shared else "unlinked"
    assert outcome == expected


# --- the whole upgrade, on a database ------------------------------------------------------------------------
def _document(title, collection):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title}.pdf", ContentFile(pdf_bytes("old", ["old"])))
    return document


def _image(title, collection):
    return Image.objects.create(
        title=title, collection=collection, file=ImageFile(ContentFile(png_bytes((30, 20))), name="old.png")
    )


def _law(home, slug, document):
    law = LawPage(
        title=f"กฎหมาย {slug}",
        slug=slug,
        kind=list(LawKind)[0],
        source_reference="ราชกิจจานุเบกษา",
        source_url="https://example.test/law",
        document=document,
    )
    home.add_child(instance=law)
    return law


@pytest.fixture
def old_installation(db):
    """Two sites, set up, then put back the way an older thgov_setup left them: every file in the root
    collection and the role groups' collection permissions on the root."""
    a = make_site("a.localhost", title="เทศบาล ก")
    b = make_site("b.localhost", title="เทศบาล ข", is_default=False)
    root = Collection.get_first_root_node()
    hand_made = root.add_child(instance=Collection(name="คลังกลางของจังหวัด"))
    files = {
        "a_law": _document("ข้อบัญญัติของ ก", root),
        "b_law": _document("ข้อบัญญัติของ ข", root),
        "shared": _document("ระเบียบกลางที่ทั้งสองแห่งใช้", root),
        "orphan": _document("ไฟล์ที่ไม่มีหน้าใดใช้", root),
        "kept": _document("แบบฟอร์มกลางของจังหวัด", hand_made),
        "a_logo": _image("ตราเทศบาล ก", root),
        "b_photo": _image("ภาพนายกเทศมนตรี ข", root),
    }
    _law(a.root_page, "a-law", files["a_law"])
    _law(b.root_page, "b-law", files["b_law"])
    _law(a.root_page, "a-shared", files["shared"])
    _law(b.root_page, "b-shared", files["shared"])
    _law(a.root_page, "a-kept", files["kept"])
    MunicipalitySettings.objects.filter(site=a).update(logo=files["a_logo"])
    Person.objects.create(site=b, name="นายกเทศมนตรี", position="นายกเทศมนตรี", photo=files["b_photo"])
    # Like an installation older than the settings' registration with the reference index: no row
    # records the logo (update() sends no save signal either); the upgrade has to index the settings.
    ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(MunicipalitySettings)
    ).delete()
    for site in (a, b):
        for role in Role:
            group = role_group(site, role)
            GroupCollectionPermission.objects.filter(group=group).delete()
            for app_label, codename in ROLE_SPECS[role].collection_permissions:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root, permission=_permission(app_label, codename)
                )
    return {"a": a, "b": b, "root": root, "hand_made": hand_made, "files": files}


def _setup():
    out = io.StringIO()
    call_command("thgov_setup", stdout=out)
    return out.getvalue()


def _collection_of(obj):
    return type(obj).objects.get(pk=obj.pk).collection


def test_upgrade_moves_each_file_to_the_one_site_that_links_it_and_reports_the_rest(old_installation):
    world = old_installation
    a, b, files = world["a"], world["b"], world["files"]
    output = _setup()

    assert _collection_of(files["a_law"]) == site_collection(a)
    assert _collection_of(files["b_law"]) == site_collection(b)
    assert _collection_of(files["a_logo"]) == site_collection(a)  # linked from A's site settings
    assert _collection_of(files["b_photo"]) == site_collection(b)  # linked from B's person (a snippet)
    # Not guessed: left in place and named in the output.
    assert _collection_of(files["shared"]) == world["root"]
    assert _collection_of(files["orphan"]) == world["root"]
    assert "linked from several sites (a.localhost, b.localhost)" in output
    assert f"#{files['shared'].pk} {files['shared'].title}" in output
    assert f"linked from no site: #{files['orphan'].pk} {files['orphan'].title}" in output
    assert "files: 4 moved to their site's collection" in output
    # A collection the host made by hand keeps its files.
    assert _collection_of(files["kept"]) == world["hand_made"]

    # The role groups now hold their permissions on their own site's collection, none on the root.
    for site in (a, b):
        for role in Role:
            grants = GroupCollectionPermission.objects.filter(group=role_group(site, role))
            assert set(grants.values_list("collection", flat=True)) == {site_collection(site).pk}

    # A second run changes nothing and still lists what needs a person's decision.
    again = _setup()
    assert "already up to date; nothing changed" in again
    assert files["orphan"].title in again and files["shared"].title in again


def test_setup_is_idempotent_for_a_new_site_and_gives_it_its_own_collection(db):
    a = make_site("a.localhost", title="เทศบาล ก")
    first = site_collection(a)
    _setup()
    assert site_collection(a) == first
    b = make_site("b.localhost", title="เทศบาล ข", is_default=False)  # make_site runs thgov_setup
    assert site_collection(b) not in (None, first)
    assert site_collection(b).get_parent() == Collection.get_first_root_node()
    assert "nothing changed" in _setup()
