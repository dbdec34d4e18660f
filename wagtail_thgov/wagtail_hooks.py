"""Wiring only: each capability registers its own admin hooks in its ``wagtail_hooks`` module.

Wagtail imports the ``wagtail_hooks`` module of each installed app, and the plugin is one app, so this
module imports the capabilities' modules; their ``@hooks.register`` run on import. Admin URLs live under
one namespace per capability (``thgov_metadata:inventory``, ...); see each capability's ``admin_urls``.
"""

from importlib import import_module

# Imported in this order. It matters in one place: sitefiles installs the per-site permission policies of
# documents and images before certifiedfiles wraps them.
CAPABILITIES = (
    "metadata",
    "people",
    "workflows",
    "publishing",
    "compliance",
    "stats",
    "eservice",
    "sitefiles",
    "isolation",
    "certifiedfiles",
    "documents",
    "core.thai",
)

for capability in CAPABILITIES:
    import_module(f"{__package__}.{capability}.wagtail_hooks")
