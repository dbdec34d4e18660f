"""Public URLs the plugin adds: ``/sitemap.xml`` (Wagtail's sitemaps), ``/robots.txt``, ``/rss.xml`` (news)
and ``/search/``.

Include them before Wagtail's catch-all: ``path("", include("wagtail_thgov.urls"))``.
"""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

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
