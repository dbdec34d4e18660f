"""Public URLs the plugin adds: ``/sitemap.xml`` (Wagtail's sitemaps), ``/robots.txt``, ``/rss.xml`` (news)
and ``/search/``, and Wagtail's page-serving pattern widened to Thai slugs.

Include them before Wagtail's catch-all: ``path("", include("wagtail_thgov.urls"))``.
"""

from django.urls import path, re_path
from wagtail import views as wagtail_views
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.coreutils import WAGTAIL_APPEND_SLASH

from .feeds import NewsFeed
from .search.views import search
from .views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, name="thgov_sitemap"),
    path("robots.txt", robots_txt, name="thgov_robots_txt"),
    path("search/", search, name="thgov_search"),
    path("rss.xml", NewsFeed(), name="thgov_news_feed"),
]

# --- e-Service (issue 8): the citizen's status page ---
from .eservice.views import status_lookup  # noqa: E402

urlpatterns += [path("e-service/status/", status_lookup, name="thgov_eservice_status")]

# --- Documents (issue 21): the searchable copy of a scanned PDF, under documents/ like the original ---
from .documents.public import searchable_copy  # noqa: E402

urlpatterns += [
    path("documents/ocr/<int:document_id>/<str:version>/", searchable_copy, name="thgov_searchable_document")
]

# --- Open data (issue 22): the CKAN action API, DCAT and the public catalogue page of the request's site ---
from .opendata.urls import urlpatterns as opendata_urls  # noqa: E402

urlpatterns += opendata_urls

# --- Thai slugs (thai/slugs.py): Wagtail's serve pattern is ``[\w\-]``, and Python's ``\w`` leaves out
# the vowel and tone marks a Thai slug keeps, so those pages could be neither served nor reversed. The
# same view under the same name, with the Thai block and Latin combining marks allowed; it comes last so
# that every URL above still wins, and Wagtail's own pattern still serves everything else.
_SLUG_CHARS = r"[\w\-\u0300-\u036f\u0e00-\u0e7f]"
_SERVE_PATTERN = rf"^((?:{_SLUG_CHARS}+/)*)$" if WAGTAIL_APPEND_SLASH else rf"^((?:{_SLUG_CHARS}|/)*)$"
urlpatterns += [re_path(_SERVE_PATTERN, wagtail_views.serve, name="wagtail_serve")]
