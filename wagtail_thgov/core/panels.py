"""Panels that capabilities contribute to the page edit form, so that pages import none of them.

A capability registers a panel factory for a tab when its module is loaded, e.g. compliance adds the
checklist tick boxes to the Metadata tab::

    contribute_panel("metadata", ChecklistItemsPanel)

``pages.base`` builds each page type's tabs when the edit form is first asked for (after every app and
its admin hooks are loaded) and appends ``contributed_panels(tab)`` to the tab's own panels, in the
order the capabilities registered them.
"""

from collections import defaultdict

_factories: dict[str, list] = defaultdict(list)


def contribute_panel(tab: str, factory):
    """Add the panel that ``factory()`` makes to tab ``tab`` ("metadata", …) of every thgov page type."""
    if factory not in _factories[tab]:
        _factories[tab].append(factory)
    return factory


def contributed_panels(tab: str) -> list:
    """New panels for tab ``tab``, one from each registered factory."""
    return [factory() for factory in _factories[tab]]
