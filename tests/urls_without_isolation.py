"""A project URLconf that forgot ``wagtail_thgov.isolation.admin_urls``: system check E201 must say so."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("admin/", include(wagtailadmin_urls))]
