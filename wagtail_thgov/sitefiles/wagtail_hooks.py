"""Admin wiring of each municipality's own file library: per-site permission policies, the scoped bulk
actions and admin API endpoints, and the refusal to serve another site's private documents."""

from wagtail import hooks

from .permissions import register_file_permission_policies
from .serving import refuse_other_sites_private_documents
from .views import BULK_ACTIONS, register_admin_api_endpoints

register_file_permission_policies()
# Registered after Wagtail's own (a higher order): the same action types and endpoint names, scoped.
for _action in BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=100)
hooks.register("construct_admin_api", register_admin_api_endpoints, order=100)
hooks.register("before_serve_document", refuse_other_sites_private_documents)
