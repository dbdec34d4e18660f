"""What the compliance checklist registers at start-up (``core.registry``): loading the bundled standards."""

from ..core.registry import setup_step

setup_step(600, "standards", "wagtail_thgov.compliance.loader.load_standards")
