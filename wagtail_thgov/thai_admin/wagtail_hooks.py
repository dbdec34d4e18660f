"""The admin's JavaScript texts: Wagtail's catalogue view reads only ``wagtail.admin``'s own ``djangojs``
catalogue, so the overrides are merged into the page's ``django.catalog`` right after it."""

from wagtail import hooks

from .javascript import catalog_script


@hooks.register("insert_global_admin_js")
def thai_javascript_catalog():
    return catalog_script()
