"""A read-only CKAN action API of the request site's catalogue, at ``/api/3/action/<action>``.

What a CKAN harvester (ckanext-harvest's CKAN harvester, as the GD-Catalog runs) asks: ``package_search``
paged with ``rows``/``start`` and sorted by ``id asc``, with ``fq`` for the datasets modified since the
last harvest; ``package_show`` and ``package_list``; ``organization_show``/``organization_list``;
``status_show``. Answers are CKAN's envelope ``{"help", "success", "result"}``; errors are
``{"success": false, "error": {"__type", "message", ...}}`` with CKAN's HTTP status: 400 for an unknown
action, 404 for an unknown dataset or organisation, 409 for a bad parameter. Nothing here answers 500 for
anything a client sends.
"""

import datetime as dt
import re

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .catalogue import catalogue_for

DEFAULT_ROWS = 10
MAX_ROWS = 1000  # CKAN's default ``ckan.search.rows_max``
MAX_QUERY_LENGTH = 1000
MAX_FILTER_LENGTH = 1000
SORT_FIELDS = {"id", "name", "title_string", "metadata_modified", "metadata_created", "score"}
DEFAULT_SORT = "score desc, metadata_modified desc"
API_VERSION = "2.9.0"  # the version of CKAN's action API whose answers these follow


class ActionError(Exception):
    """An error answered as CKAN does: its ``__type``, HTTP status and message (fields for validation)."""

    def __init__(self, kind, status, message, fields=None):
        super().__init__(message)
        self.kind, self.status, self.message, self.fields = kind, status, message, fields or {}


def validation_error(field, message):
    return ActionError("Validation Error", 409, message, {field: [message]})


def not_found(message):
    return ActionError("Not Found Error", 404, message)


def _integer(params, name, default, minimum, maximum=None):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:  # also a number too long to read
        raise validation_error(name, _("Invalid integer / ค่าต้องเป็นจำนวนเต็ม")) from None
    if value < minimum:
        raise validation_error(
            name, _("Must be %(minimum)s or more / ต้องไม่น้อยกว่า %(minimum)s") % {"minimum": minimum}
        )
    if maximum is not None and value > maximum:
        raise validation_error(
            name, _("Must be %(maximum)s or less / ต้องไม่เกิน %(maximum)s") % {"maximum": maximum}
        )
    return value


def _text(params, name, limit):
    value = params.get(name, "")
    if len(value) > limit:
        raise validation_error(
            name,
            _("Too long: at most %(limit)s characters / ยาวเกิน %(limit)s ตัวอักษร") % {"limit": limit},
        )
    return value.strip()


# -- search --------------------------------------------------------------------------------------------

_SEARCHED = ("title", "name", "notes", "tag_string", "data_source", "maintainer", "data_type")


def matches_query(package, query) -> bool:
    """Every word of ``query`` appears (case-insensitive) in a searched field; ``*:*`` or nothing is all."""
    if query in ("", "*:*", "*"):
        return True
    text = " ".join(str(package.get(field, "")) for field in _SEARCHED).casefold()
    return all(word.casefold() in text for word in query.split())


_TERM = re.compile(r'([+-]?)([a-z_]+):(\[[^\]]*\]|"[^"]*"|\S+)')
_RANGE = re.compile(r"^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$")


def _solr_time(value: str) -> str | None:
    """A Solr date (``2024-01-02T03:04:05.678Z``, ``NOW``, ``*``) as CKAN's ``metadata_modified`` text."""
    if value == "*":
        return None
    if value.upper().startswith("NOW"):
        return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    try:
        parsed = dt.datetime.fromisoformat(value.rstrip("Z"))
    except ValueError:
        raise ActionError(
            "Search Query Error", 409, _("Invalid date in fq / วันที่ใน fq ไม่ถูกต้อง: %s") % value[:40]
        ) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC)
    return parsed.replace(tzinfo=None).isoformat(timespec="microseconds")


def _term_test(field, value):
    """A test of one ``field:value`` filter term on a package dict."""
    value = value.strip('"')
    if field in ("metadata_modified", "metadata_created"):
        found = _RANGE.match(value)
        if not found:
            raise ActionError("Search Query Error", 409, _("Use a range: %s:[FROM TO TO]") % field)
        low, high = _solr_time(found[1]), _solr_time(found[2])
        return lambda p: (
            (low is None or (p[field] or "") >= low) and (high is None or (p[field] or "") <= high)
        )
    if field == "organization":
        return lambda p: value in (p["organization"]["name"], p["organization"]["id"])
    if field in ("dataset_type", "type"):
        return lambda p: value == p["type"]
    if field in ("id", "name", "data_type", "data_category", "license_id", "geo_coverage"):
        return lambda p: value == p.get(field)
    if field in ("tags", "res_format", "data_format"):
        key = {"tags": "tag_string"}.get(field, "data_format")
        return lambda p: value in (p[key].split(",") if key == "tag_string" else p[key])
    raise ActionError(
        "Search Query Error", 409, _("Cannot filter on %(field)s / กรองด้วย %(field)s ไม่ได้") % {"field": field}
    )


def filter_test(fq: str):
    """``fq`` (Solr filter terms, as a harvester sends them) as a test of a package dict.

    Terms are joined by AND; ``a OR b`` joins alternatives; ``-term`` excludes; ``+term`` requires.
    """
    alternatives, pending_or = [], False
    rest = fq
    while rest.strip():
        rest = rest.strip()
        if rest.startswith("OR "):
            pending_or, rest = True, rest[3:]
            continue
        if rest.startswith("AND "):
            rest = rest[4:]
            continue
        found = _TERM.match(rest)
        if not found:
            raise ActionError("Search Query Error", 409, _("Cannot read fq / อ่านค่า fq ไม่ได้"))
        sign, field, value = found.groups()
        test = _term_test(field, value)
        if sign == "-":
            test = (lambda inner: lambda p: not inner(p))(test)
        if pending_or and alternatives:
            alternatives[-1].append(test)
        else:
            alternatives.append([test])
        pending_or = False
        rest = rest[found.end() :]
    return lambda package: all(any(test(package) for test in clause) for clause in alternatives)


def sort_key(sort: str):
    """``sort`` (``"id asc"``, ``"metadata_modified desc, name asc"``) as ``[(field, descending)]``."""
    order = []
    for part in (sort or DEFAULT_SORT).split(","):
        words = part.split()
        if not words:
            continue
        field, direction = words[0], (words[1].lower() if len(words) > 1 else "asc")
        if field not in SORT_FIELDS or direction not in ("asc", "desc") or len(words) > 2:
            raise ActionError(
                "Search Query Error",
                409,
                _("Cannot sort by %(sort)s / เรียงตาม %(sort)s ไม่ได้") % {"sort": part.strip()[:80]},
            )
        order.append((field, direction == "desc"))
    return order


def sorted_packages(packages, order):
    result = list(packages)  # "score" keeps the catalogue's order (the site's tree)
    for field, descending in reversed(order):
        if field == "score":
            continue
        name = "title" if field == "title_string" else field
        result.sort(key=lambda p: p.get(name) or "", reverse=descending)
    return result


# -- actions -------------------------------------------------------------------------------------------


def package_list(catalogue, params):
    """The names of every dataset (``limit``, ``offset``)."""
    limit = _integer(params, "limit", None, 0)
    offset = _integer(params, "offset", 0, 0)
    names = sorted(p["name"] for p in catalogue.packages)
    return names[offset : offset + limit if limit is not None else None]


def package_show(catalogue, params):
    """One dataset by its ``id`` or name."""
    key = params.get("id") or params.get("name_or_id") or ""
    if not key:
        raise validation_error("id", _("Missing value / ต้องระบุค่า"))
    package = catalogue.by_id(key[:200])
    if package is None:
        raise not_found(_("Dataset not found / ไม่พบชุดข้อมูล"))
    return package


def package_search(catalogue, params):
    """Datasets matching ``q`` (words) and ``fq`` (filters), sorted by ``sort``, ``rows`` from ``start``."""
    query = _text(params, "q", MAX_QUERY_LENGTH)
    fq = _text(params, "fq", MAX_FILTER_LENGTH)
    rows = _integer(params, "rows", DEFAULT_ROWS, 0, MAX_ROWS)
    start = _integer(params, "start", 0, 0)
    sort = _text(params, "sort", 200)
    order = sort_key(sort)
    test = filter_test(fq) if fq else None
    found = [p for p in catalogue.packages if matches_query(p, query) and (test is None or test(p))]
    found = sorted_packages(found, order)
    return {
        "count": len(found),
        "results": found[start : start + rows],
        "sort": sort or DEFAULT_SORT,
        "facets": {},
        "search_facets": {},
    }


def _organisation_key_matches(catalogue, params):
    key = params.get("id") or ""
    if not key:
        raise validation_error("id", _("Missing value / ต้องระบุค่า"))
    if key not in (catalogue.organization["id"], catalogue.organization["name"]):
        raise not_found(_("Organization not found / ไม่พบหน่วยงาน"))


def organization_show(catalogue, params):
    """The municipality as the catalogue's organisation (``id``; ``include_datasets``)."""
    _organisation_key_matches(catalogue, params)
    organization = dict(catalogue.organization)
    if params.get("include_datasets", "").lower() in ("true", "1"):
        organization["packages"] = catalogue.packages[:MAX_ROWS]
    return organization


def organization_list(catalogue, params):
    """The one organisation of this catalogue (``all_fields``)."""
    if params.get("all_fields", "").lower() in ("true", "1"):
        return [catalogue.organization]
    return [catalogue.organization["name"]]


def status_show(catalogue, params, site=None, request=None):
    """What this catalogue is."""
    return {
        "ckan_version": API_VERSION,
        "site_title": catalogue.organization["title"],
        "site_description": _("Open data catalogue of %(name)s") % {"name": catalogue.organization["title"]},
        "site_url": site.root_url if site else "",
        "locale_default": "th",
        "extensions": ["wagtail-thgov opendata (read-only)"],
    }


def help_show(catalogue, params):
    """What an action does (``name``)."""
    action = ACTIONS.get(params.get("name", ""))
    if action is None:
        raise not_found(_("Action not found / ไม่พบคำสั่ง"))
    return action.__doc__


ACTIONS = {
    "help_show": help_show,
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search,
    "organization_show": organization_show,
    "organization_list": organization_list,
    "status_show": status_show,
}


def _help_url(request, action):
    return request.build_absolute_uri(f"/api/3/action/help_show?name={action}")


def _answer(body, status=200):
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300" if status == 200 else "no-cache"
    return response


def error_answer(request, action, error: ActionError):
    body = {"__type": error.kind, "message": error.message, **error.fields}
    return _answer(
        {
            "help": _help_url(request, action if action in ACTIONS else "help_show"),
            "success": False,
            "error": body,
        },
        error.status,
    )


@require_safe
def action_view(request, action):
    """``/api/3/action/<action>``: one read-only CKAN action on the request site's catalogue."""
    try:
        if action not in ACTIONS:
            raise ActionError(
                "Bad Request",
                400,
                _("Bad request - Action name not known: %(action)s") % {"action": action[:80]},
            )
        site = Site.find_for_request(request)
        if site is None:
            raise not_found(_("No catalogue at this address / ไม่มีบัญชีข้อมูลที่ที่อยู่นี้"))
        catalogue = catalogue_for(request, site)
        params = request.GET
        if action == "status_show":
            result = status_show(catalogue, params, site, request)
        else:
            result = ACTIONS[action](catalogue, params)
    except ActionError as error:
        return error_answer(request, action, error)
    return _answer({"help": _help_url(request, action), "success": True, "result": result})
