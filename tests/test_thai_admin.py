"""The Thai admin catalogues (wagtail_thgov.thai_admin): Wagtail's own texts reach a Thai officer in Thai."""

import ast
import re
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from tests.factories import PASSWORD, make_site, role_users
from wagtail_thgov.thai_admin import checks as thai_admin_checks
from wagtail_thgov.thai_admin.javascript import catalog_script
from wagtail_thgov.workflows.roles import Role

APP_DIR = Path(thai_admin_checks.__file__).resolve().parent
WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent
# Wagtail's apps a municipal officer meets in the admin, whose Thai the plugin takes over.
WAGTAIL_APPS = ["", "admin", "documents", "images", "snippets", "users", "contrib/forms", "contrib/settings"]
# Spellings that are wrong or not the Royal Institute's transliteration, as found in Wagtail's catalogue.
AWKWARD = ["ดาวโหลด", "เว็บไซด์", "อัพโหลด", "อัพเดท", "ลิงค์", "ล็อค", "เซฟ", "ก๊อปปี้", "ฟิลด์", "เวอร์ชั่น", "คลิ๊ก"]


ENTRY = re.compile(r'^(?:msgctxt ((?:".*"\n)+))?msgid ((?:".*"\n)+)(?:msgid_plural ((?:".*"\n)+))?', re.M)


def _unquote(lines):
    return "".join(ast.literal_eval(line) for line in lines.strip().split("\n")) if lines else None


def wagtail_messages(domain="django"):
    """Every (context, msgid, plural) of the English catalogues of the Wagtail apps officers meet."""
    messages = set()
    for app in WAGTAIL_APPS:
        po = WAGTAIL_DIR / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not po.is_file():
            continue
        for match in ENTRY.finditer(po.read_text(encoding="utf-8")):
            context, msgid, plural = (_unquote(group) for group in match.groups())
            if msgid:
                messages.add((context, msgid, plural))
    return messages


def in_thai(context, msgid, plural):
    """What a Thai officer reads for one message (a plural message read for a count of 2)."""
    with translation.override("th"):
        if plural:
            if context:
                return translation.npgettext(context, msgid, plural, 2)
            return translation.ngettext(msgid, plural, 2)
        return translation.pgettext(context, msgid) if context else translation.gettext(msgid)


@pytest.mark.parametrize(
    "english, thai",
    [
        ("Reports", "รายงาน"),
        ("Request changes", "ส่งกลับให้แก้ไข"),
        ("Autosave is paused", "การบันทึกอัตโนมัติหยุดชั่วคราว"),
        ("Promote", "การแสดงผลและการค้นหา"),  # the editor's tab
        ("For search engines", "สำหรับเครื่องมือค้นหา"),  # ... and its sections
        ("Tags can only consist of a single word, no spaces allowed.", "แท็กต้องเป็นคำเดียว ห้ามมีช่องว่าง"),
        ("Download CSV", "ดาวน์โหลด CSV"),
        ("This field is required.", "ต้องกรอกช่องนี้"),
    ],
)
def test_wagtail_admin_texts_are_thai_for_a_thai_officer(english, thai):
    with translation.override("th"):
        assert translation.gettext(english) == thai


def test_validation_error_on_create_tells_the_officer_what_to_do():
    with translation.override("th"):
        message = translation.gettext("The page could not be created due to validation errors.")
    assert message.startswith("สร้างหน้าไม่สำเร็จ") and "กรุณาตรวจสอบ" in message


def test_no_awkward_thai_spelling_reaches_an_officer():
    awkward = {}
    for message in wagtail_messages():
        text = in_thai(*message)
        found = [word for word in AWKWARD if word in text]
        if found:
            awkward[message[1]] = (text, found)
    assert not awkward, awkward


def test_every_wagtail_admin_text_an_officer_meets_has_thai():
    """Each msgid of the admin's catalogues translates to something other than itself (names excepted)."""
    untranslated = []
    for message in wagtail_messages():
        msgid, plural = message[1], message[2]
        if in_thai(*message) in (msgid, plural) and re.search(
            r"[A-Za-z]{3,}", re.sub(r"%\(\w+\)\w|\{\w+\}|<[^>]+>", "", msgid)
        ):
            untranslated.append(msgid)
    # A standard abbreviation the plugin's own catalogue keeps (it wins over the overrides).
    untranslated = [msgid for msgid in untranslated if msgid != "URL"]
    assert not untranslated, (
        f"{len(untranslated)} of Wagtail's admin texts still in English: {untranslated[:20]}"
    )


def test_every_javascript_text_of_the_admin_has_thai():
    """What the browser reads: Wagtail's djangojs catalogue with the plugin's merged over it."""
    localedirs = [str(WAGTAIL_DIR / "admin" / "locale"), str(APP_DIR / "locale")]
    merged = DjangoTranslation("th", domain="djangojs", localedirs=localedirs)
    untranslated = [
        msgid
        for context, msgid, plural in wagtail_messages("djangojs")
        if (merged.ngettext(msgid, plural, 2) if plural else merged.gettext(msgid)) in (msgid, plural)
        and re.search(r"[A-Za-z]{3,}", re.sub(r"%\(\w+\)\w", "", msgid))
    ]
    assert not untranslated, untranslated


def test_javascript_texts_are_merged_after_wagtails_catalogue():
    script = catalog_script("th")
    assert script.startswith("<script>") and "django.catalog" not in script or "d.catalog[k]" in script
    assert "ไม่พบผลลัพธ์" in script  # "No results", awkward ("ไม่พบ") in Wagtail's catalogue
    assert "บันทึก" in script  # "Save" ("เซฟ,เก็บข้อมูล" in Wagtail's)
    assert "</" not in script.split(">", 1)[1].rsplit("<", 1)[0], "a text could close the <script> element"


def test_javascript_catalogue_is_empty_for_other_languages():
    assert catalog_script("en") == ""


@pytest.mark.django_db
def test_admin_page_carries_the_thai_javascript_texts(client, settings):
    settings.LANGUAGE_CODE = "th"
    webmaster = role_users(make_site())[Role.WEBMASTER]
    client.login(username=webmaster.username, password=PASSWORD)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    catalogue = html.index(reverse("wagtailadmin_javascript_catalog"))
    assert catalogue < html.index("d.catalog[k] = c[k]"), "the overrides must come after Wagtail's catalogue"
    assert "แสดง/ซ่อนแถบเมนูด้านข้าง" in html  # "Toggle sidebar"


def test_placement_check_accepts_the_documented_order():
    names = ["wagtail_thgov", "wagtail_thgov.thai_admin", "wagtail.contrib.forms", "wagtail.admin", "wagtail"]
    assert thai_admin_checks.placement_problems(names) == []


def test_placement_check_warns_when_wagtail_comes_first():
    names = ["wagtail.admin", "wagtail_thgov", "wagtail_thgov.thai_admin", "wagtail"]
    [warning] = thai_admin_checks.placement_problems(names)
    assert warning.id == "wagtail_thgov.W201" and "wagtail.admin" in warning.msg


def test_placement_check_warns_when_the_app_is_missing():
    [warning] = thai_admin_checks.placement_problems(["wagtail_thgov", "wagtail.admin"])
    assert warning.id == "wagtail_thgov.W200"


def test_the_app_holds_no_translatable_source_text():
    """makemessages would rebuild the override catalogue from such text and drop every override."""
    for path in APP_DIR.rglob("*"):
        if path.suffix in {".py", ".html", ".txt"}:
            source = path.read_text(encoding="utf-8")
            literal = r"\b(?:n|p|np)?gettext(?:_lazy|_noop)?\(\s*[\"']|\b_\(\s*[\"']"
            assert not re.search(literal + r"|{% *(trans|translate|blocktrans)", source), path


@pytest.mark.django_db
def test_log_in_form_labels_the_password_in_thai(client, settings):
    settings.LANGUAGE_CODE = "th"
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert 'for="id_password"' in html
    label = re.search(r'<label[^>]*for="id_password"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "รหัสผ่าน" in label and "Password" not in label


def test_workflow_dialog_comment_label_follows_the_officers_language():
    from wagtail.forms import TaskStateCommentForm

    with translation.override("th"):
        assert str(TaskStateCommentForm().fields["comment"].label) == "ความคิดเห็น"
    with translation.override("en"):
        assert str(TaskStateCommentForm().fields["comment"].label) == "Comment"
