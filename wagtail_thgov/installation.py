"""What ``thgov_setup`` does: the idempotent steps the capabilities registered (``core.registry``).

Every step takes the command's ``stdout`` writer and returns how many rows it created or changed,
so that a second run can prove it changed nothing. A capability registers its steps in its
``registration`` module, imported by ``WagtailThgovConfig.ready()``.
"""

from .core.registry import setup_steps


def run_setup(write=lambda message: None) -> int:
    """Run every registered setup step in order; return the total number of rows created or changed."""
    return sum(step.run(write) for step in setup_steps())
