"""Private files of a site: a document in a site's collection restricted to "logged-in users" is served to
that site's staff only.

On a shared installation every municipality's staff are logged-in users, so Wagtail's own check
(``check_view_restrictions``) would let A's uploader download B's internal files. Password and group
restrictions keep Wagtail's meaning; so do restricted collections outside any site's collection.
"""

from django.template.response import TemplateResponse
from wagtail.models import BaseViewRestriction
from wagtail.permissions import policy_registry

from .libraries import site_id_of_collection

STAFF_ACTIONS = ["add", "change", "choose", "delete"]


def refuse_other_sites_private_documents(document, request):
    """``before_serve_document`` hook: a 403 page saying why, for a logged-in user who works with none of
    the file's site's collections. Anonymous visitors are left to Wagtail, which sends them to log in."""
    user = request.user
    if not user.is_authenticated or user.is_superuser:
        return None
    restrictions = document.collection.get_view_restrictions()
    if not any(r.restriction_type == BaseViewRestriction.LOGIN for r in restrictions):
        return None
    if site_id_of_collection(document.collection) is None:
        return None
    collections = policy_registry.get_by_type(type(document)).collections_user_has_any_permission_for(
        user, STAFF_ACTIONS
    )
    if not collections.filter(pk=document.collection_id).exists():
        return TemplateResponse(request, "wagtail_thgov/sitefiles/private_file_refused.html", status=403)
    return None
