"""The public search page, ``/search/?query=…&category=…&year=…&page=…``."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site

from ..core.categories import CATEGORIES, CATEGORIES_BY_CODE
from .engine import search_documents, search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 2500 <= year <= 2700 else None


@require_GET
def search(request):
    site = Site.find_for_request(request)
    query = (request.GET.get("query") or "").strip()[:MAX_QUERY_LENGTH]
    category = request.GET.get("category") or ""
    category = category if category in CATEGORIES_BY_CODE else ""
    year = _year(request.GET.get("year"))
    promotions, hits, documents = [], [], []
    if query:
        search_query = Query.get(query)
        search_query.add_hit()
        promotions = [
            promotion
            for promotion in search_query.editors_picks.select_related("page").order_by("sort_order")
            if promotion.page is None
            or (promotion.page.live and (site is None or promotion.page.path.startswith(site.root_page.path)))
        ]
        promoted_ids = {promotion.page_id for promotion in promotions if promotion.page_id}
        hits = [
            hit
            for hit in search_pages(query, site, category=category or None, fiscal_year=year)
            if hit.page.pk not in promoted_ids
        ]
        if not (category or year):
            documents = search_documents(query, site)
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    try:
        results = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        results = paginator.page(1)
    return render(
        request,
        "wagtail_thgov/search/search.html",
        {
            "search_query": query,
            "selected_category": category,
            "selected_year": year,
            "categories": CATEGORIES,
            "promotions": promotions,
            "results": results,
            "result_count": paginator.count,
            "documents": documents,
        },
    )
