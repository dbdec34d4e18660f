"""Admin wiring of Thai editing: slugs that keep vowel and tone marks (``slugs.py`` beside it holds the server side)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def thai_slug_js():
    return format_html('<script src="{}"></script>', static("wagtail_thgov/js/thai-slug.js"))
