"""Public URLs of the open data catalogue, included by the plugin's public URLconf (``wagtail_thgov.urls``)."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("api/3/action/<str:action>", api.action_view, name="thgov_opendata_action"),
    path("api/action/<str:action>", api.action_view),  # CKAN answers without the version too
    path("catalog.ttl", views.catalogue_turtle, name="thgov_opendata_turtle"),
    path("catalog.jsonld", views.catalogue_jsonld, name="thgov_opendata_jsonld"),
    path("opendata/", views.catalogue_page, name="thgov_opendata_catalogue"),
]
