"""``/rss.xml``: the news of the request's municipality as an RSS feed (GWS 2.0 F06), never another's."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .pages.news import NewsPage

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The newest live, public news pages of the site the request is for."""

    description = _("News and announcements of the municipality.")

    def get_object(self, request):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        self.request = request
        return site

    def title(self, site):
        return _("News of %(site)s") % {"site": site.site_name or site.hostname}

    def link(self, site):
        return site.root_url + "/"

    def items(self, site):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .order_by("-news_date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_url(request=self.request)

    def item_pubdate(self, page):
        return dt.datetime.combine(page.news_date, dt.time(), tzinfo=dt.UTC) if page.news_date else None
