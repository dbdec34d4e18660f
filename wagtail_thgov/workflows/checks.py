"""System checks of the workflow subpackage."""

from django.conf import settings
from django.core.checks import Warning, register

FINISH_ACTION = "wagtail_thgov.workflows.actions.publish_certified"


@register()
def check_finish_workflow_action(app_configs, **kwargs):
    """Approvers hold no publish permission, so the workflow must publish through our action."""
    if getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None) == FINISH_ACTION:
        return []
    return [
        Warning(
            "WAGTAIL_FINISH_WORKFLOW_ACTION is not set to the wagtail-thgov certification action.",
            hint=f'Add WAGTAIL_FINISH_WORKFLOW_ACTION = "{FINISH_ACTION}" to your settings, or approvers '
            "(who hold no publish permission) cannot finish the publication workflow.",
            id="wagtail_thgov.W001",
        )
    ]
