"""The three roles of the guideline, as data: default Thai group names and what each may do.

Page permissions are granted on the site's root page; collection permissions on the site's own
collection (``sitefiles``), never on the root collection. Uploaders never get "publish"; nobody but
superusers does: publishing happens when the certification task is approved (see ``actions.publish_certified``).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """ผู้นำข้อมูลขึ้นเผยแพร่, ผู้ดูแลเว็บไซต์, ผู้อนุมัติรับรองข้อมูล."""

    UPLOADER = "uploader", _("Uploader (ผู้นำข้อมูลขึ้นเผยแพร่)")
    WEBMASTER = "webmaster", _("Webmaster (ผู้ดูแลเว็บไซต์)")
    APPROVER = "approver", _("Certifying approver (ผู้อนุมัติรับรองข้อมูล)")


@dataclass(frozen=True)
class RoleSpec:
    """Default group name and the permissions one role needs."""

    group_name: str
    page_permissions: tuple[str, ...]
    collection_permissions: tuple[tuple[str, str], ...]  # (app_label, codename) on the site's collection
    model_permissions: tuple[str, ...]  # "app_label.codename"


_DOCS_AND_IMAGES_EDIT = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)

ROLE_SPECS = {
    Role.UPLOADER: RoleSpec(
        group_name="ผู้นำข้อมูลขึ้นเผยแพร่",
        page_permissions=("add", "change"),
        collection_permissions=_DOCS_AND_IMAGES_EDIT,
        model_permissions=("wagtailadmin.access_admin", "wagtail_thgov.view_informationsource"),
    ),
    Role.WEBMASTER: RoleSpec(
        group_name="ผู้ดูแลเว็บไซต์",
        page_permissions=("add", "change", "lock", "unlock"),
        collection_permissions=_DOCS_AND_IMAGES_EDIT
        + (("wagtaildocs", "delete_document"), ("wagtailimages", "delete_image")),
        model_permissions=(
            "wagtailadmin.access_admin",
            "wagtail_thgov.add_informationsource",
            "wagtail_thgov.change_informationsource",
            "wagtail_thgov.delete_informationsource",
            "wagtail_thgov.view_informationsource",
            "wagtail_thgov.change_municipalitysettings",
            "wagtail_thgov.view_publication_register",
            "wagtail_thgov.view_compliance_report",
            "wagtail_thgov.add_manualevidence",
            "wagtail_thgov.change_manualevidence",
            "wagtail_thgov.delete_manualevidence",
            "wagtail_thgov.view_manualevidence",
            "wagtail_thgov.add_checklistitem",
            "wagtail_thgov.change_checklistitem",
            "wagtail_thgov.delete_checklistitem",
            "wagtail_thgov.view_checklistitem",
            "wagtail_thgov.change_compliancesettings",
            "wagtail_thgov.receive_currency_digest",
            "wagtail_thgov.add_expirydefault",
            "wagtail_thgov.change_expirydefault",
            "wagtail_thgov.delete_expirydefault",
            "wagtail_thgov.view_expirydefault",
            "wagtail_thgov.change_publishingsettings",
            # e-Service requests (issue 8): handle them, see their statistics, set the retention period.
            "wagtail_thgov.view_servicerequest",
            "wagtail_thgov.change_servicerequest",
            "wagtail_thgov.view_eservice_statistics",
            "wagtail_thgov.change_eservicesettings",
            # Open data (issue 22): the catalogue's defaults of the webmaster's own site (a site permission).
            "wagtail_thgov.change_opendatasettings",
        ),
    ),
    Role.APPROVER: RoleSpec(
        group_name="ผู้อนุมัติรับรองข้อมูล",
        page_permissions=("change",),
        collection_permissions=(("wagtaildocs", "choose_document"), ("wagtailimages", "choose_image")),
        model_permissions=("wagtailadmin.access_admin", "wagtail_thgov.view_publication_register"),
    ),
}


def role_permissions(role) -> tuple[str, ...]:
    """Every "app_label.codename" model permission of ``role``."""
    return ROLE_SPECS[role].model_permissions
