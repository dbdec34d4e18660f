"""Bulk "Add to collection" of frozen files is refused with the reason, before anything moves.

The bulk action asks only for "change" permission, which stays granted (tags remain editable), so the
``before_bulk_action`` hook is where the move of a frozen file is stopped.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from ..metadata.files import file_models
from .freeze import may_change_freely

GUARDED_BULK_ACTIONS = {"add_to_collection"}
FROZEN_MOVE_MESSAGE = _(
    "Nothing was moved: %(titles)s is published on a certified page. Moving it to another collection "
    "could take it away from citizens; only a superuser may do that."
)


def refuse_moving_frozen_files(request, action_type, objects, action):
    """``before_bulk_action`` hook: stop the whole action when one of its files is frozen."""
    if action_type not in GUARDED_BULK_ACTIONS or not issubclass(action.model, file_models()):
        return None
    frozen = [obj for obj in objects if not may_change_freely(request.user, obj)]
    if not frozen:
        return None
    messages.error(request, FROZEN_MOVE_MESSAGE % {"titles": ", ".join(f"“{obj.title}”" for obj in frozen)})
    return redirect(action.next_url)
