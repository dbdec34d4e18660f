"""The satisfaction widget: public summary of ratings, and the checks a submitted rating must pass."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import conf
from .models import COMMENT_MAX_LENGTH, RATING_CHOICES, SatisfactionRating  # noqa: F401
from .visitors import address_hash, request_digest, visitor_hash

FORM_MARKER = "thgov_satisfaction"
HONEYPOT = "website"  # hidden from people; robots fill it in
RESULT_PARAMETER = "thgov_rating"

MESSAGES = {
    "thanks": _("Thank you. Your rating has been recorded."),
    "already": _("You have already rated this today. You can rate it again tomorrow."),
    "invalid": _("Please choose a rating from 1 to 5."),
    "too_long": _("The comment is too long (at most 1,000 characters)."),
    "refused": _("Your rating could not be accepted."),
    "forged": _("Your rating was not sent from this website's own form, so it was not accepted."),
    "limit": _(
        "This website has received as many ratings from your network today as it accepts. "
        "Please try again tomorrow."
    ),
}


@dataclass
class Summary:
    count: int
    average: float | None
    distribution: list  # (rating, label, count, percent) from 5 down to 1


def ratings_for(site, page=None):
    ratings = SatisfactionRating.objects.filter(site=site)
    return ratings.filter(page=page) if page is not None else ratings.filter(page__isnull=True)


def summary(site, page=None) -> Summary:
    """Average, number and distribution of the ratings of ``page`` (or of the site as a whole): 2 queries."""
    ratings = ratings_for(site, page)
    counts = dict(ratings.values_list("rating").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    average = ratings.aggregate(avg=Avg("rating"))["avg"] if total else None
    distribution = [
        (value, label, counts.get(value, 0), round(100 * counts.get(value, 0) / total) if total else 0)
        for value, label in RATING_CHOICES
    ]
    return Summary(
        count=total, average=round(average, 2) if average is not None else None, distribution=distribution
    )


def submit(request, site, page=None) -> str:
    """Store the posted rating if it passes every check; return the key of the message to show."""
    data = request.POST
    if data.get(HONEYPOT):
        return "refused"
    try:
        rating = int(data.get("rating", ""))
    except ValueError:
        return "invalid"
    if not 1 <= rating <= 5:
        return "invalid"
    comment = data.get("comment", "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        return "too_long"
    today = timezone.localdate()
    visitor = visitor_hash(request_digest(request), today)
    address = address_hash(request, today)
    try:
        with transaction.atomic():
            used = SatisfactionRating.objects.filter(site=site, date=today, address_hash=address).count()
            if used >= conf.ratings_per_address():
                return "limit"
            SatisfactionRating.objects.create(
                site=site,
                page=page,
                date=today,
                visitor_hash=visitor,
                address_hash=address,
                rating=rating,
                comment=comment,
            )
    except IntegrityError:  # the unique constraints: one rating per page (or site) per visitor a day
        return "already"
    return "thanks"


def _origin_of(url: str) -> str | None:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(request) -> bool:
    """Whether a POST comes from a page of this website (the widget's form carries no CSRF token).

    The ``Origin`` header (sent by browsers with every form POST) must be this request's own origin or one
    of ``CSRF_TRUSTED_ORIGINS``; without ``Origin``, the ``Referer`` must be. Neither: refused. This is
    OWASP's "verifying origin with standard headers", the check Django's CSRF middleware also makes.
    """
    from django.conf import settings
    from django.core.exceptions import DisallowedHost
    from django.utils.http import is_same_domain

    try:
        own = f"{request.scheme}://{request.get_host()}".lower()
    except DisallowedHost:
        return False
    claimed = request.META.get("HTTP_ORIGIN")
    if claimed is None:
        claimed = request.META.get("HTTP_REFERER")
    origin = _origin_of(claimed) if claimed and claimed != "null" else None
    if origin is None:
        return False
    if origin == own:
        return True
    for trusted in getattr(settings, "CSRF_TRUSTED_ORIGINS", []):
        trusted = trusted.lower()
        if origin == trusted:
            return True
        if "*" in trusted:  # https://*.example.go.th, as Django allows
            scheme, _sep, host = trusted.partition("://")
            candidate_scheme, _sep, candidate_host = origin.partition("://")
            if scheme == candidate_scheme and is_same_domain(candidate_host, host.replace("*", "", 1)):
                return True
    return False
