"""Deleting a frozen file is refused by the permission policy, so every delete route is covered.

Wagtail's document and image views (single delete, multiple-upload delete, bulk delete, and the
"Delete" buttons they show) all ask the registered permission policy. ``CertifiedFilePolicy`` wraps
the policy registered for the model (Wagtail's collection policy, or a host's own) and answers "no" to
"delete" on a frozen file for everyone but superusers; every other answer is the wrapped policy's.
"""

from django.utils.functional import cached_property
from wagtail.permissions import policy_registry

from .freeze import may_change_freely

GUARDED_ACTIONS = {"delete"}


def _registered_policy(model):
    """The policy registered for ``model`` or its nearest ancestor (not for the exact class: that is ours).

    Wagtail's documents and images apps register theirs in ``ready()``, which may run after our hooks
    are loaded, so the wrapped policy is looked up when first used, not when wrapping.
    """
    for ancestor in model.mro():
        policy = policy_registry.values_by_class.get(ancestor)
        if policy is not None:
            return policy
    raise LookupError(f"No permission policy registered for {model._meta.label}")


class CertifiedFilePolicy:
    """A permission policy that delegates to the registered one but protects frozen files from deletion."""

    def __init__(self, model, inner=None):
        self.model = model
        if inner is not None:
            self.__dict__["inner"] = inner  # the policy registered for exactly this class before ours

    @cached_property
    def inner(self):
        return _registered_policy(self.model)

    def __getattr__(self, name):
        if name.startswith("__") or name in ("model", "inner"):
            raise AttributeError(name)  # copying or unpickling: no delegation before __init__ ran
        return getattr(self.inner, name)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in GUARDED_ACTIONS and not may_change_freely(user, instance):
            return False
        return self.inner.user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


def protect_file_models(models):
    """Register the wrapper for exactly each model: an exact-class entry wins over any app's registration."""
    for model in models:
        existing = policy_registry.values_by_exact_class.get(model)
        if not isinstance(existing, CertifiedFilePolicy):
            # Wraps an exact-class policy registered earlier (the per-site policy of ``sitefiles``), else
            # the one registered for the class or an ancestor, looked up when first used.
            policy_registry.register(model, CertifiedFilePolicy(model, inner=existing), exact_class=True)
