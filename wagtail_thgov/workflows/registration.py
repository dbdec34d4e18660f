"""What the workflows register at start-up (``core.registry``): roles, workflow and collection of each site."""

from ..core.registry import setup_step

setup_step(200, "workflows", "wagtail_thgov.workflows.setup.ensure_workflows")
