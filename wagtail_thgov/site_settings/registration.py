"""What the site settings register at start-up (``core.registry``): the first ``thgov_setup`` step."""

from ..core.registry import setup_step

setup_step(100, "municipality settings", "wagtail_thgov.site_settings.setup.ensure_municipality_settings")
