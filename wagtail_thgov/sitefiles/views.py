"""Wagtail's document and image views that do not go through the collection permission policy for every
object they show, made to: bulk actions (their confirmation page listed the titles of any ids in the URL,
another site's included) and the admin API (it listed every file of the installation)."""

from django.shortcuts import get_list_or_404
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views.bulk_actions import add_tags as document_tags
from wagtail.documents.views.bulk_actions import add_to_collection as document_move
from wagtail.documents.views.bulk_actions import delete as document_delete
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views.bulk_actions import add_tags as image_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_move
from wagtail.images.views.bulk_actions import delete as image_delete
from wagtail.permissions import policy_registry

# Files a user may see at all: those of the collections where they may change or choose files.
VISIBLE = ("change", "choose")


def visible_files(model, user):
    """The documents or images of the collections ``user`` works with (every file for a superuser)."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, VISIBLE)


class _VisibleFilesOnly:
    """A bulk action on files: ids of files the user may not see are "not found", never listed by title."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(visible_files(model, self.request.user), pk__in=object_ids)


BULK_ACTIONS = [
    type(action.__name__, (_VisibleFilesOnly, action), {"__module__": __name__})
    for action in (
        document_delete.DeleteBulkAction,
        document_tags.AddTagsBulkAction,
        document_move.AddToCollectionBulkAction,
        image_delete.DeleteBulkAction,
        image_tags.AddTagsBulkAction,
        image_move.AddToCollectionBulkAction,
    )
]


class _VisibleFilesAPIMixin:
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=visible_files(self.model, self.request.user).values("pk"))


class DocumentsAPIViewSet(_VisibleFilesAPIMixin, DocumentsAdminAPIViewSet):
    """The admin API's documents: those of the user's own collections."""


class ImagesAPIViewSet(_VisibleFilesAPIMixin, ImagesAdminAPIViewSet):
    """The admin API's images: those of the user's own collections."""


def register_admin_api_endpoints(router):
    """``construct_admin_api`` hook, run after Wagtail's: the same endpoint names, scoped."""
    router.register_endpoint("documents", DocumentsAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)
