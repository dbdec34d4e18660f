"""The public pages of the catalogue: the Thai list of datasets (``/opendata/``) and DCAT
(``/catalog.ttl``, ``/catalog.jsonld``). Each answers for the request's site only."""

import datetime as dt
from urllib.parse import urlsplit

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from ..core.thai import thai_date
from . import dcat
from .catalogue import catalogue_for


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


@require_safe
def catalogue_page(request):
    """The site's datasets in Thai, each with its files, formats, update frequency and licence."""
    site = _site(request)
    catalogue = catalogue_for(request, site)
    datasets = []
    for package in catalogue.packages:
        details = catalogue.details[package["id"]]
        start, end = details["temporal_start"], details["temporal_end"]
        datasets.append(
            {
                **package,
                # Links on this site's own page: by path, whatever address the site record holds (the
                # catalogue's absolute URLs are for harvesters).
                "link": _path(package["url"]),
                "resource_links": [
                    {**resource, "link": _path(resource["url"])} for resource in package["resources"]
                ],
                "updated_label": _thai(package["last_updated_date"]),
                "frequency_label": _frequency(package),
                "period_label": f"{_thai(start)} – {_thai(end)}" if start or end else "",
                "certified_label": _thai(details["certified_at"][:10]) if details["certified_at"] else "",
            }
        )
    return render(
        request,
        "wagtail_thgov/opendata/catalogue.html",
        {
            "datasets": datasets,
            "organization": catalogue.organization,
            "api_url": reverse("thgov_opendata_action", args=["package_search"]),
            "turtle_url": reverse("thgov_opendata_turtle"),
            "jsonld_url": reverse("thgov_opendata_jsonld"),
        },
    )


# Units that read "<unit>ละ <n> ครั้ง" (ปีละ 1 ครั้ง, เดือนละ 2 ครั้ง); any other unit is shown as it is.
_PER_UNIT = {"ปี", "ครึ่งปี", "ไตรมาส", "เดือน", "สัปดาห์", "วัน", "วันทำการ", "ชั่วโมง", "นาที"}


def _frequency(package):
    unit, interval = package["update_frequency_unit"], package["update_frequency_interval"]
    if unit == "อื่นๆ":
        return package["update_frequency_unit_other"] or unit
    if unit in _PER_UNIT and interval:
        return f"{unit}ละ {interval} ครั้ง"
    return unit


def _path(url):
    """``https://host/news/item/?a=1`` as ``/news/item/?a=1``."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _thai(text):
    """``2025-10-01`` as a Thai date, ``1 ตุลาคม 2568``."""
    return thai_date(dt.date.fromisoformat(text)) if text else ""


def _graph(request):
    site = _site(request)
    catalogue = catalogue_for(request, site)
    return dcat.catalogue_graph(catalogue, site, site.root_url + reverse("thgov_opendata_catalogue"))


def _rdf_response(text, content_type):
    response = HttpResponse(text, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def catalogue_turtle(request):
    return _rdf_response(dcat.turtle(_graph(request)), "text/turtle; charset=utf-8")


@require_safe
def catalogue_jsonld(request):
    return _rdf_response(dcat.json_ld(_graph(request)), "application/ld+json; charset=utf-8")
