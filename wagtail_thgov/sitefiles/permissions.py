"""The permission policy of documents and images: Wagtail's collection-ownership policy, with "delete"
kept apart from "change".

Wagtail treats "delete" as "change" for collection members, so an uploader (who may change the site's
files) could delete any of them although only webmasters are granted ``delete_document`` and
``delete_image``. Here deleting needs that permission on the file's collection, or an uploader's own
upload ("add" on the collection and owner of the file), as for pages.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy


class SiteFilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Collection permissions (per site, see ``sitefiles``) with "delete" as its own permission."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return self._check_perm(user, ["delete", "add"])
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = set(actions) - {"delete"}
        if "delete" in actions and self._may_delete(user, instance):
            return True
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def _may_delete(self, user, instance):
        collection = instance.collection
        return self._check_perm(user, ["delete"], collection=collection) or (
            getattr(instance, self.owner_field_name) == user
            and self._check_perm(user, ["add"], collection=collection)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        others = set(actions) - {"delete"}
        manager = self.model._default_manager
        if "delete" not in actions or (user.is_active and user.is_superuser) or not user.is_authenticated:
            return super().instances_user_has_any_permission_for(user, actions)
        deletable = manager.filter(
            collection__in=self._collections_with_perm(user, ["delete"])
        ) | manager.filter(
            collection__in=self._collections_with_perm(user, ["add"]),
            **{self.owner_field_name: user},
        )
        if not others:
            return deletable
        return super().instances_user_has_any_permission_for(user, others) | deletable


def register_file_permission_policies():
    """Use the policy for the document and image models (called once, from ``wagtail_hooks``).

    Registered for the exact class: the registry prefers that to Wagtail's own registration, whichever of
    the two runs first (``wagtail_hooks`` may be imported before ``wagtail.documents`` is ready)."""
    models = ((get_document_model(), "wagtaildocs.Document"), (get_image_model(), "wagtailimages.Image"))
    for model, auth_model in models:
        policy = SiteFilePermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)
