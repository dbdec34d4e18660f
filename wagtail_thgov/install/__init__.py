"""The integrator's path: settings and URL helpers for an existing Wagtail project, the
``thgov_municipality`` command's work, the site root that carries the workflow and roles, and the system
checks that catch a broken install. ``settings`` imports nothing from Django, so a project's settings
module can import it."""
