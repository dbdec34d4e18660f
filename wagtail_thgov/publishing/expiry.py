"""Default expiry of a page: which default applies, and when the page then expires (Bangkok time).

The defaults shipped with the plugin are declared by each category (``core.categories``,
``Category.default_periods``); ``thgov_setup`` copies them into ``ExpiryDefault`` rows once, and
webmasters change them in the admin from then on.
"""

import datetime as dt

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone

from ..core.categories import default_periods
from ..core.thai.dates import BANGKOK, to_bangkok
from .models import CountedFrom, ExpiryDefault

# Items expire at the end of their last day, in Bangkok: "until 30 September" means 23:59 that day.
END_OF_DAY = dt.time(23, 59)

# The shipped defaults, from the category table (agency information, plans and laws have none: they stay
# until replaced).
INSTALLATION_DEFAULTS = default_periods()


def end_of_day(day: dt.date) -> dt.datetime:
    """23:59 on ``day`` in Bangkok, as an aware datetime."""
    return dt.datetime.combine(day, END_OF_DAY, tzinfo=BANGKOK)


def bangkok_date(value) -> dt.date:
    """The Bangkok calendar date of an aware datetime (or a date)."""
    value = to_bangkok(value)
    return value.date() if isinstance(value, dt.datetime) else value


def period_end_field(model) -> str | None:
    """The name of the field ending ``model``'s own period (its ``thgov_period_end_field``, e.g.
    ``application_end``), or ``None``."""
    return getattr(model, "thgov_period_end_field", None) if model is not None else None


def kind_choices(model) -> list[tuple[str, str]]:
    """The choices of ``model``'s ``kind`` field, or ``[]`` when the page type has no kinds."""
    if model is None:
        return []
    try:
        field = model._meta.get_field("kind")
    except FieldDoesNotExist:
        return []
    return list(field.flatchoices) if field.choices else []


def expiry_default_for(site, model, kind: str = "") -> ExpiryDefault | None:
    """The default that applies: the site's own before the installation's, a kind's before the type's."""
    content_type = ContentType.objects.get_for_model(model)
    candidates = ExpiryDefault.objects.filter(page_type=content_type, kind__in={"", kind or ""}).filter(
        Q(site=site) | Q(site__isnull=True) if site is not None else Q(site__isnull=True)
    )
    return max(candidates, key=lambda row: (row.site_id is not None, row.kind != ""), default=None)


def expiry_from(default: ExpiryDefault | None, start: dt.date | None) -> dt.datetime | None:
    """When a page expires under ``default`` if its period starts on ``start``; ``None`` for no expiry."""
    if default is None or default.days is None or start is None:
        return None
    return end_of_day(start + dt.timedelta(days=default.days))


def default_expiry(site, model, values, now=None) -> tuple[dt.datetime | None, ExpiryDefault | None]:
    """The default expiry of a page of ``model`` whose field values are ``values`` (a mapping).

    Counted from the go-live date (or today) or from the end of the page's own period; a default
    that would already have passed by ``now`` is not applied.
    """
    now = now or timezone.now()
    default = expiry_default_for(site, model, values.get("kind") or "")
    if default is None:
        return None, None
    if default.counted_from == CountedFrom.PERIOD_END:
        field = period_end_field(model)
        start = values.get(field) if field else None
    else:
        start = bangkok_date(values.get("go_live_at") or now)
    expire_at = expiry_from(default, start)
    if expire_at is None or expire_at <= now:
        return None, default
    return expire_at, default


def ensure_expiry_defaults(write) -> int:
    """thgov_setup step: the shipped defaults as installation rows, created once, never overwritten."""
    created = 0
    for item in INSTALLATION_DEFAULTS:
        try:
            model = apps.get_model(item.model)
        except LookupError:
            continue  # a page type this installation does not have
        content_type = ContentType.objects.get_for_model(model)
        if ExpiryDefault.objects.filter(site__isnull=True, page_type=content_type, kind=item.kind).exists():
            continue
        ExpiryDefault.objects.create(
            page_type=content_type, kind=item.kind, counted_from=item.counted_from, days=item.days
        )
        created += 1
    if created:
        write(f"default publication periods: {created} created")
    return created
