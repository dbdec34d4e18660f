"""The daily currency digest: to each site's webmasters, in Thai, what expires within a week, what is
past its review date and what is out of date for the fiscal year; nothing is sent when all is current."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Site

from ..site_settings.models import MunicipalitySettings
from .currency import EXPIRING_SOON_DAYS, currency_report
from .webmasters import webmaster_users

DIGEST_LANGUAGE = "th"
TEMPLATE_PREFIX = "wagtail_thgov/publishing/digest"


def _admin_url(site, path):
    base = (get_admin_base_url() or site.root_url or "").rstrip("/")
    return base + path


def digest_context(site, report):
    """What the digest templates show: the report's lists with absolute links to the admin."""
    municipality = MunicipalitySettings.for_site(site)

    def edit_url(page):
        return _admin_url(site, reverse("wagtailadmin_pages:edit", args=[page.pk]))

    return {
        "site": site,
        "site_name": municipality.display_name or site.site_name or site.hostname,
        "report": report,
        "days": EXPIRING_SOON_DAYS,
        "expiring": [(page, edit_url(page)) for page in report.expiring],
        "stale": [(page, edit_url(page)) for page in report.stale],
        "out_of_date": [(item, edit_url(item.page)) for item in report.out_of_date],
        "extra": [
            (label, [(page, detail, edit_url(page)) for page, detail in pages])
            for label, pages in report.extra_sections
        ],
        "report_url": _admin_url(site, reverse("thgov_publishing:currency_report")),
    }


def send_currency_digest(site, now=None, connection=None) -> int:
    """Send ``site``'s digest to each of its webmasters; return the number of e-mails sent."""
    with translation.override(DIGEST_LANGUAGE):  # the details of registered checks are written in it
        report = currency_report(site, now)
    if report.is_empty:
        return 0
    recipients = [user.email for user in webmaster_users(site)]
    if not recipients:
        return 0
    with translation.override(DIGEST_LANGUAGE):
        context = digest_context(site, report)
        subject = " ".join(render_to_string(f"{TEMPLATE_PREFIX}_subject.txt", context).split())
        text = render_to_string(f"{TEMPLATE_PREFIX}.txt", context)
        html = render_to_string(f"{TEMPLATE_PREFIX}.html", context)
    from_email = (
        getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL
    )
    messages = []
    for address in recipients:
        message = EmailMultiAlternatives(subject, text, from_email, [address], connection=connection)
        message.attach_alternative(html, "text/html")
        messages.append(message)
    return (connection or get_connection()).send_messages(messages) or 0


def send_daily_digests(now=None) -> int:
    """Every site's digest; return the number of e-mails sent."""
    connection = get_connection()
    return sum(
        send_currency_digest(site, now, connection) for site in Site.objects.select_related("root_page")
    )
