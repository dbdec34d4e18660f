"""A site's catalogue: its listed datasets as CKAN package dicts, with the field names and values of the
DGA's schema (``schema``), and its organisation.

Listed: the datasets of the site's live pages whose live revision is certified (the certification task
approved it), outside any view restriction, aliases left out. Everything but the dataset's own fields is
derived from the page: title, description, keywords, source, formats (from the files), dates, contact
(the responsible department), the organisation (the municipality's settings).

The whole catalogue of a site is computed at once and kept per site generation (``cache.sitedata``):
publishing, certifying or unpublishing a page, or saving the settings, makes the next request compute it
again. Identifiers are stable: made from the site's address and the page (and file) numbers.
"""

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, TaskState

from ..cache.sitedata import per_site, public
from ..core.categories import category_of
from ..core.thai import fiscal_year_of
from ..metadata.files import file_info, page_files, referenced_document_ids
from ..metadata.models import GovMetadataMixin, Licence
from ..metadata.structured import page_summary
from ..site_settings.models import MunicipalitySettings
from ..workflows.models import CertificationTask
from . import schema
from .models import Dataset, OpenDataSettings

DESCRIPTION_LENGTH = 2000

# A page's own licence (metadata) as the schema's value; "all rights reserved" is the schema's OTHER.
PAGE_LICENCES = {
    Licence.OPEN_DATA_COMMON: ("Open Data Common", ""),
    Licence.CC_BY: ("Creative Commons Attributions", ""),
    Licence.CC_BY_SA: ("Creative Commons Attribution Share-Alike", ""),
    Licence.CC_BY_NC: ("Creative Commons Non-Commercial (Any)", ""),
    Licence.ALL_RIGHTS_RESERVED: (schema.OTHER, "สงวนลิขสิทธิ์"),
}

# File extensions as the schema's data formats; anything else is OTHER with the extension as its text.
FORMATS = {
    "pdf": "PDF",
    "xls": "XLS",
    "xlsx": "XLS",
    "csv": "CSV",
    "json": "JSON",
    "geojson": "JSON",
    "xml": "XML",
    "rdf": "RDF",
    "ttl": "RDF",
    "jsonld": "RDF",
    "txt": "Text",
    "html": "HTML",
    "htm": "HTML",
    "jpg": "Image",
    "jpeg": "Image",
    "png": "Image",
    "gif": "Image",
    "webp": "Image",
    "mp4": "Video",
    "webm": "Video",
    "mp3": "Audio",
    "wav": "Audio",
    "shp": "Shapefile",
    "gml": "GML",
    "tif": "GeoTiff",
    "tiff": "GeoTiff",
}
# Not in the copy of the schema checked (schema.DATA_FORMATS): sent as OTHER with this text.
OTHER_FORMAT_NAMES = {"doc": "DOC/DOCX", "docx": "DOC/DOCX"}


@dataclass(frozen=True)
class Catalogue:
    """One site's catalogue: its organisation and its packages, in the order of the site's tree."""

    site_id: int
    organization: dict
    packages: list
    # Beyond the schema, by package id, for DCAT and the public page (a harvester gets only schema fields):
    # the period the data covers and when the page was certified.
    details: dict

    def by_id(self, key: str) -> dict | None:
        """The package whose ``id`` or ``name`` is ``key`` (as CKAN's ``package_show``)."""
        return next((p for p in self.packages if key in (p["id"], p["name"])), None)


def _uuid(*parts) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(part) for part in parts)))


def organisation_name(site, settings) -> str:
    """The organisation's CKAN name: the setting, else the site's host name as lower-case Latin letters."""
    name = settings.organisation_name or slugify(site.hostname.replace(".", "-")) or f"site-{site.pk}"
    return re.sub(r"[^a-z0-9_-]", "-", name.lower())[:100]


def ckan_time(value) -> str | None:
    """A time as CKAN writes ``metadata_modified``: UTC, no zone, microseconds."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    return dt.datetime.combine(value, dt.time()).isoformat(timespec="microseconds")


def local_date(value) -> str:
    """A date as YYYY-MM-DD (Bangkok's date of a time)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value.isoformat()


def certified_live_pages(site, request=None):
    """The site's live, certified, public pages that have a dataset (specific, in tree order)."""
    root = site.root_page
    certified_at = Subquery(
        TaskState.objects.filter(
            revision_id=OuterRef("live_revision_id"),
            status=TaskState.STATUS_APPROVED,
            task__in=CertificationTask.objects.all(),
        )
        .order_by("-finished_at", "-pk")
        .values("finished_at")[:1]
    )
    with_datasets = Dataset.objects.filter(page__path__startswith=root.path).values("page_id")
    pages = (
        Page.objects.live()
        .filter(path__startswith=root.path, alias_of__isnull=True, pk__in=with_datasets)
        .annotate(thgov_certified_at=certified_at)
        .filter(thgov_certified_at__isnull=False)
        .order_by("path")
    )
    return public(pages, request).specific()


@dataclass(frozen=True)
class _Context:
    site: object
    settings: OpenDataSettings
    municipality: MunicipalitySettings
    organization: dict

    @property
    def root_url(self) -> str:
        return self.site.root_url


def _absolute(root_url, url) -> str:
    return url if url.startswith(("http://", "https://")) else root_url + url


def _formats(files):
    """The schema's data formats of these files and the text of the OTHER ones."""
    formats, others = [], []
    for info in files:
        extension = info.extension.lower().lstrip(".")
        value = FORMATS.get(extension)
        if value is None:
            value = schema.OTHER
            other = OTHER_FORMAT_NAMES.get(extension, extension.upper() or "?")
            if other not in others:
                others.append(other)
        if value not in formats:
            formats.append(value)
    return formats or ["HTML"], ", ".join(others)


def _pick(dataset, settings, name):
    """The dataset's value of ``name``, else the site's default; with the ``_other`` text that goes with it."""
    value = getattr(dataset, name) or settings.default(name)
    other_name = schema.OTHER_FIELDS.get(name)
    other = ""
    if other_name:
        other = getattr(dataset, other_name) if getattr(dataset, name) else getattr(settings, other_name)
    return value, other


def _licence(dataset, page, settings):
    if dataset.license_id:
        return dataset.license_id, dataset.license_id_other
    if getattr(page, "licence", ""):
        return PAGE_LICENCES[page.licence]
    return settings.default("license_id"), settings.license_id_other


def _contact(dataset, page, context):
    department = getattr(page, "responsible_department", None)
    maintainer = (
        dataset.maintainer
        or (department.name if department else "")
        or context.settings.maintainer
        or context.municipality.display_name
    )
    email = (
        dataset.maintainer_email
        or (department.email if department else "")
        or context.settings.maintainer_email
        or context.municipality.email
    )
    return maintainer, email


def _keywords(page):
    names = list(getattr(page, "keyword_names", []))
    if not names:
        category = category_of(page)
        names = [category.name_th] if category else []
    return names


def _years(page):
    """First and last Buddhist-Era fiscal year of a statistics dataset's data (schema's free text)."""
    start, end = getattr(page, "data_period_start", None), getattr(page, "data_period_end", None)
    fiscal_year = getattr(page, "fiscal_year", None)
    first = fiscal_year_of(start) if start else fiscal_year
    last = fiscal_year_of(end) if end else fiscal_year
    return (str(first) if first else ""), (str(last) if last else "")


def package_dict(dataset, page, files, context: _Context) -> dict:
    """One dataset as a CKAN package dict with the schema's field names and values."""
    document = dataset.document
    key = f"{page.pk}" + (f"/file/{document.pk}" if document else "")
    package_id = _uuid(context.root_url, "opendata", "dataset", key)
    org = context.organization
    name = f"{org['name']}-{page.pk}" + (f"-{document.pk}" if document else "")
    files = [file_info(document)] if document else files
    page_url = page.get_full_url()
    title = dataset.title or (document.title if document else page.title)
    data_type, data_type_other = _pick(dataset, context.settings, "data_type")
    objective, objective_other = _pick(dataset, context.settings, "objective")
    unit, unit_other = _pick(dataset, context.settings, "update_frequency_unit")
    interval = dataset.update_frequency_interval or context.settings.update_frequency_interval
    coverage, coverage_other = _pick(dataset, context.settings, "geo_coverage")
    category, _none = _pick(dataset, context.settings, "data_category")
    license_id, license_other = _licence(dataset, page, context.settings)
    maintainer, email = _contact(dataset, page, context)
    formats, formats_other = _formats(files)
    keywords = _keywords(page)
    language = context.settings.default("data_language")
    published, modified = page.publication_date, page.last_updated
    package = {
        "id": package_id,
        "name": name,
        "title": title,
        "type": "dataset",
        "state": "active",
        "private": False,
        "owner_org": org["id"],
        "organization": {key: org[key] for key in ("id", "name", "title", "type", "is_organization")},
        "notes": page_summary(page, DESCRIPTION_LENGTH) or title,
        "url": page_url,
        "author": "",
        "author_email": "",
        "maintainer": maintainer,
        "maintainer_email": email,
        "license_id": license_id,
        "license_title": license_id,
        "license_id_other": license_other,
        "tags": [{"name": word, "display_name": word, "state": "active"} for word in keywords],
        "num_tags": len(keywords),
        "tag_string": ",".join(keywords),
        "data_type": data_type,
        "data_type_other": data_type_other,
        "objective": [objective],
        "objective_other": objective_other,
        "update_frequency_unit": unit,
        "update_frequency_unit_other": unit_other,
        "update_frequency_interval": str(interval) if interval else "",
        "geo_coverage": coverage,
        "geo_coverage_other": coverage_other,
        "data_source": page.source_name or context.municipality.display_name,
        "data_format": formats,
        "data_format_other": formats_other,
        "data_category": category,
        "data_language": [language],
        "data_language_other": "",
        "allow_harvest": "True" if context.settings.allow_harvest else "False",
        "created_date": local_date(published),
        "last_updated_date": local_date(modified),
        "metadata_created": ckan_time(page.first_published_at or published),
        "metadata_modified": ckan_time(modified),
        "groups": [],
        "extras": [],
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }
    if data_type == schema.STATISTICAL:
        package["first_year_of_data"], package["last_year_of_data"] = _years(page)
    package["resources"] = [
        {
            "id": _uuid(package_id, "resource", position, info.url),
            "package_id": package_id,
            "position": position,
            "name": info.title,
            "description": "",
            "url": _absolute(context.root_url, info.url),
            "format": info.extension.upper(),
            "mimetype": info.mime_type,
            "size": info.size,
            "state": "active",
            "url_type": None,
        }
        for position, info in enumerate(files)
    ] or [
        {
            "id": _uuid(package_id, "resource", 0, page_url),
            "package_id": package_id,
            "position": 0,
            "name": page.title,
            "description": "",
            "url": page_url,
            "format": "HTML",
            "mimetype": "text/html",
            "size": None,
            "state": "active",
            "url_type": None,
        }
    ]
    package["num_resources"] = len(package["resources"])
    return package


def package_details(page) -> dict:
    """What DCAT and the public page add to a package: the data period and the certification time."""
    return {
        "temporal_start": local_date(getattr(page, "data_period_start", None)),
        "temporal_end": local_date(getattr(page, "data_period_end", None)),
        "certified_at": ckan_time(page.thgov_certified_at),
    }


def organization_dict(site, settings, municipality) -> dict:
    logo = municipality.logo
    return {
        "id": _uuid(site.root_url, "opendata", "organization"),
        "name": organisation_name(site, settings),
        "title": municipality.display_name,
        "display_name": municipality.display_name,
        "description": municipality.address,
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": _absolute(site.root_url, logo.file.url) if logo else "",
        "created": ckan_time(site.root_page.first_published_at),
    }


def build_catalogue(site, request=None) -> Catalogue:
    """Compute the catalogue of ``site`` (no cache)."""
    settings = OpenDataSettings.for_site(site)
    municipality = MunicipalitySettings.for_site(site)
    organization = organization_dict(site, settings, municipality)
    context = _Context(site, settings, municipality, organization)
    packages, details = [], {}
    pages = list(certified_live_pages(site, request))
    datasets = {}
    for dataset in Dataset.objects.filter(page__in=[p.pk for p in pages]).select_related("document"):
        datasets.setdefault(dataset.page_id, []).append(dataset)
    for page in pages:
        if not isinstance(page, GovMetadataMixin):  # only thgov pages carry the metadata a dataset needs
            continue
        files = page_files(page)
        on_page = {int(pk) for pk in referenced_document_ids(page)}
        for dataset in sorted(datasets.get(page.pk, []), key=lambda d: (d.sort_order or 0, d.pk)):
            if dataset.document_id is not None and dataset.document_id not in on_page:
                dataset.document = None  # a file no longer on the page: the page is the dataset
            package = package_dict(dataset, page, files, context)
            if package["id"] in details:  # the same file named twice on one page
                continue
            details[package["id"]] = package_details(page)
            packages.append(package)
    organization["package_count"] = len(packages)
    return Catalogue(site.pk, organization, packages, details)


def catalogue_for(request, site) -> Catalogue:
    """The catalogue of ``site``, kept per site generation."""
    return per_site(request, "opendata_catalogue", lambda: build_catalogue(site, request), site_id=site.pk)
