"""What happens when the publication workflow finishes: the certified revision goes live.

Set ``WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail_thgov.workflows.actions.publish_certified"``.
Wagtail's default publishes as the approving user and so needs that user to hold the page
"publish" permission; with it, an approver could also publish directly and skip the completeness
check. Here approvers hold no publish permission: finishing the workflow is what publishes.
"""


def publish_certified(workflow_state, user=None):
    """Publish the latest revision (the one just certified), or schedule it if it has a future go-live."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
