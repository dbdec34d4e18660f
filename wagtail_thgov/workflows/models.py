"""Workflow task types: the completeness check and the certification.

Both are ``AbstractGroupApprovalTask`` subclasses, so Wagtail's group membership checks, dashboard
panels and group notification e-mails work for them unchanged.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from ..metadata.completeness import missing_metadata
from .roles import Role


def _revision_object(task_state):
    return (
        task_state.revision.as_object()
        if task_state.revision_id
        else task_state.workflow_state.content_object
    )


def _latest_object(obj):
    latest = getattr(obj, "get_latest_revision_as_object", None)
    return latest() if latest else obj


class CompletenessCheckTask(AbstractGroupApprovalTask):
    """Step 1 (webmasters): approval is refused while required metadata is missing."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not missing_metadata(_latest_object(obj)):
            return actions
        # Keep "request changes"; replace both approve actions by one that explains what is missing.
        return [action for action in actions if action[0] != "approve"] + [
            ("approve", _("Approve (blocked: metadata missing)"), True)
        ]

    def get_template_for_action(self, action):
        if action == "approve":
            return "wagtail_thgov/workflows/completeness_approve_modal.html"
        return super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and missing_metadata(_revision_object(task_state)):
            # Refused whatever route the request took (modal, edit view or a forged POST).
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Webmasters check that the required metadata is complete before certification.")

    class Meta:
        verbose_name = _("completeness check task")
        verbose_name_plural = _("completeness check tasks")


class CertificationTask(AbstractGroupApprovalTask):
    """Step 2 (approvers): the certifying approver (ผู้อนุมัติรับรองข้อมูล) approves; the page goes live."""

    @classmethod
    def get_description(cls):
        return _("Certifying approvers certify the information; approval publishes the page.")

    class Meta:
        verbose_name = _("certification task")
        verbose_name_plural = _("certification tasks")


class RoleGroup(models.Model):
    """Which Django group plays a role on a site; set by ``thgov_setup`` so names can change freely."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    group = models.ForeignKey(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("role group")
        verbose_name_plural = _("role groups")
        constraints = [
            models.UniqueConstraint(fields=["site", "role"], name="thgov_one_group_per_role_and_site")
        ]
        permissions = [("view_publication_register", _("Can view the publication register"))]

    def __str__(self):
        return f"{self.site} – {self.get_role_display()}: {self.group}"
