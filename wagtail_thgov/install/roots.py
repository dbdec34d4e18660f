"""The site root carries the publication workflow and the role groups' page permissions.

``thgov_setup`` attaches both to a site's root page as it is at that moment. When the root changes later
(in Settings → Sites, or in code with ``site.save()``), :func:`follow_site_root` moves them to the new
root: the same workflow (not a copy, so its renamed tasks and history stay) goes onto the new root unless
that already has one, and the site's role groups get their page permissions there and lose them on the
old root, unless another site still uses it. Sites that ``thgov_setup`` never saw are left to it.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.models import GroupPagePermission, Site, WorkflowPage

from ..pages.home import MunicipalityHomePage
from ..workflows.models import CertificationTask, RoleGroup
from ..workflows.roles import ROLE_SPECS
from ..workflows.setup import setup_site_workflow


def follow_site_root(site, old_root_id, write=lambda message: None) -> int:
    """After ``site``'s root changed from the page ``old_root_id``: workflow and permissions follow it."""
    groups = {link.role: link.group_id for link in RoleGroup.objects.filter(site=site)}
    if not groups:
        return 0  # thgov_setup has not set this site up yet; it will, on the root as it is then
    changed = 0
    old_link = WorkflowPage.objects.filter(page_id=old_root_id).select_related("workflow").first()
    if old_link is not None and not WorkflowPage.objects.filter(page_id=site.root_page_id).exists():
        WorkflowPage.objects.create(page_id=site.root_page_id, workflow=old_link.workflow)
        write(f"workflow {old_link.workflow.name} → {site.root_page}")
        changed += 1
    if not Site.objects.filter(root_page_id=old_root_id).exclude(pk=site.pk).exists():
        removed, _ = GroupPagePermission.objects.filter(
            group_id__in=groups.values(), page_id=old_root_id
        ).delete()
        changed += removed
    return changed + setup_site_workflow(site, write)


def _remember_old_root(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    instance._thgov_old_root_id = (
        Site.objects.filter(pk=instance.pk).values_list("root_page_id", flat=True).first()
    )


def _follow_new_root(sender, instance, created, raw=False, **kwargs):
    old_root_id = getattr(instance, "_thgov_old_root_id", None)
    instance._thgov_old_root_id = None
    if raw or created or old_root_id is None or old_root_id == instance.root_page_id:
        return
    follow_site_root(instance, old_root_id)


def connect():
    """Called from the app's ``ready()``."""
    pre_save.connect(_remember_old_root, sender=Site, dispatch_uid="thgov_site_root_before")
    post_save.connect(_follow_new_root, sender=Site, dispatch_uid="thgov_site_root_after")


def _has_publication_workflow(page) -> bool:
    workflow = page.get_workflow()
    return (
        workflow is not None
        and CertificationTask.objects.filter(workflow_tasks__workflow=workflow, active=True).exists()
    )


def _roles_can_edit(site, page) -> bool:
    """Every role group of ``site`` that edits pages holds a permission on ``page`` or an ancestor."""
    pages = page.get_ancestors(inclusive=True)
    for link in RoleGroup.objects.filter(site=site):
        if (
            ROLE_SPECS[link.role].page_permissions
            and not GroupPagePermission.objects.filter(group_id=link.group_id, page__in=pages).exists()
        ):
            return False
    return RoleGroup.objects.filter(site=site).exists()


def root_problems() -> dict:
    """Sites whose root is not a municipality home page, and sites whose root lacks the workflow or roles."""
    problems = {"not_municipality": [], "no_workflow": []}
    for site in Site.objects.select_related("root_page").order_by("hostname", "port"):
        root = site.root_page
        if not issubclass(root.specific_class or type(root), MunicipalityHomePage):
            problems["not_municipality"].append(site)
        if not (_has_publication_workflow(root) and _roles_can_edit(site, root)):
            problems["no_workflow"].append(site)
    return problems
