"""``thgov_setup`` step: per site, the three role groups with their permissions (pages under the site's
root, documents and images in the site's own collection) and the two-task workflow on the site root. Idempotent; after setup, code finds groups through ``RoleGroup`` and the
workflow through the site root, never by name, so both can be renamed in the admin."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from ..sitefiles.libraries import ensure_site_collection
from .models import CertificationTask, CompletenessCheckTask, RoleGroup
from .roles import ROLE_SPECS, Role, role_permissions

WORKFLOW_NAME = "เผยแพร่ข้อมูลต่อสาธารณะ"
CHECK_TASK_NAME = "ตรวจสอบความครบถ้วนของข้อมูล"
CERTIFICATION_TASK_NAME = "อนุมัติรับรองข้อมูล"


def _site_suffix(site) -> str:
    return "" if site.is_default_site else f" ({site.site_name or site.hostname})"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{codename}_page"
    )


def ensure_role_group(site, role) -> tuple[Group, int]:
    """The group playing ``role`` on ``site``, created with its default Thai name if missing."""
    link = RoleGroup.objects.filter(site=site, role=role).select_related("group").first()
    if link is not None:
        return link.group, 0
    group, _ = Group.objects.get_or_create(name=ROLE_SPECS[role].group_name + _site_suffix(site))
    RoleGroup.objects.create(site=site, role=role, group=group)
    return group, 1


def grant_role_permissions(group, role, site) -> int:
    """Give ``group`` every permission ``role`` needs on ``site``; return how many were missing."""
    spec = ROLE_SPECS[role]
    added = 0
    for codename in spec.page_permissions:
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=site.root_page, permission=_page_permission(codename)
        )
        added += created
    collection, created = ensure_site_collection(site)
    added += created
    root_collection = Collection.get_first_root_node()
    for app_label, codename in spec.collection_permissions:
        permission = _permission(app_label, codename)
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        added += created
        # Installations set up before per-site collections granted these on the root collection, which
        # opened every municipality's files to every municipality's staff.
        removed, _ = GroupCollectionPermission.objects.filter(
            group=group, collection=root_collection, permission=permission
        ).delete()
        added += removed
    have = set(group.permissions.values_list("content_type__app_label", "codename"))
    for name in role_permissions(role):
        app_label, codename = name.split(".")
        permission = _permission(app_label, codename)
        if _is_site_setting(permission):
            # Settings of one municipality only: a global "change" would open every site's settings.
            group.permissions.remove(permission)
            _, created = GroupSitePermission.objects.get_or_create(
                group=group, site=site, permission=permission
            )
            added += created
        elif (app_label, codename) not in have:
            group.permissions.add(permission)
            added += 1
    return added


def _is_site_setting(permission) -> bool:
    model = permission.content_type.model_class()
    return model is not None and issubclass(model, BaseSiteSetting)


def ensure_workflow(site, groups) -> int:
    """The two-task workflow on the site root, unless the root already has a workflow."""
    if WorkflowPage.objects.filter(page=site.root_page).exists():
        return 0
    suffix = _site_suffix(site)
    check = CompletenessCheckTask.objects.create(name=CHECK_TASK_NAME + suffix)
    check.groups.set([groups[Role.WEBMASTER]])
    certification = CertificationTask.objects.create(name=CERTIFICATION_TASK_NAME + suffix)
    certification.groups.set([groups[Role.APPROVER]])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME + suffix)
    WorkflowTask.objects.create(workflow=workflow, task=check, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=certification, sort_order=1)
    WorkflowPage.objects.create(page=site.root_page, workflow=workflow)
    return 1


def setup_site_workflow(site, write=lambda message: None) -> int:
    """Groups, permissions and workflow for one site."""
    changed = 0
    groups = {}
    for role in Role:
        group, created = ensure_role_group(site, role)
        groups[role] = group
        changed += created + grant_role_permissions(group, role, site)
    workflow_created = ensure_workflow(site, groups)
    if changed or workflow_created:
        write(f"workflow and roles for {site}: {changed + workflow_created} changes")
    return changed + workflow_created


def ensure_workflows(write) -> int:
    """thgov_setup step: every site gets its roles and workflow."""
    return sum(setup_site_workflow(site, write) for site in Site.objects.select_related("root_page"))


def role_group(site, role) -> Group | None:
    """The group playing ``role`` on ``site`` (after setup)."""
    link = RoleGroup.objects.filter(site=site, role=role).select_related("group").first()
    return link.group if link else None
