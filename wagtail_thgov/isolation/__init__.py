"""Keeps municipalities apart in Wagtail's own admin views, for every user who is not a superuser.

Wagtail's page chooser, its page reports (page types usage, locked pages, site history, workflows),
the page explorer's filters and the snippet choosers were written for one organisation per
installation; on a host of many municipalities they named other sites' pages, staff and sources.
This subpackage narrows each of them to the sites the user works on (``core.sites.sites_for(user, EDIT)``):

- ``scope``: which pages and which staff a user may see; the one place the rules live.
- ``chooser``: the page chooser's ``construct_page_chooser_queryset`` hook and its "chosen" view.
- ``explorer``: the page viewset whose listing filters (owner, edited by, site) name only one's own.
- ``reports``: Wagtail's page reports with their rows and filter choices narrowed the same way.
- ``admin_urls``: the views above at Wagtail's own addresses; include it before Wagtail's admin URLs.
- ``checks``: a system check that fails while Wagtail's unscoped views still answer those addresses.

See docs/multisite.md, "Wagtail's own admin views".
"""
