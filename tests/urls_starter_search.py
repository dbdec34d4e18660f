"""A `wagtail start` project's URLconf after the plugin was added, but with its own search page left in:
system check E305 must say that /search/ is not the plugin's."""

from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from wagtail_thgov.install.urls import add_thgov_urls


def search(request):
    """Stands for the starter project's English search page."""
    return HttpResponse("Search")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
]
urlpatterns = add_thgov_urls(urlpatterns)
