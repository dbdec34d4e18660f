"""``manage.py thgov_compliance [--standard CODE[:EDITION]] [--site HOST[:PORT]] --format json|xlsx [--output FILE]``

The compliance checklist of one site for cron jobs and scripts: JSON on stdout (or to a file), or the
workbook the admin report downloads.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from wagtail_thgov.compliance.export import write_workbook
from wagtail_thgov.compliance.results import edition_label, find_standards, site_results
from wagtail_thgov.compliance.views import site_display_name


def _iso(value):
    return value.isoformat() if value else None


def evidence_json(finding) -> dict:
    """What a met finding rests on: a page (certified), a file or a live link (a note), or a measurement."""
    evidence = finding.evidence
    return {
        "source": evidence.source,
        "title": evidence.title,
        "url": evidence.url,
        "certified_at": _iso(evidence.certified_at),
        "certified_by": evidence.certifier_name,
        "recorded_by": evidence.recorded_by,
        "has_file": evidence.has_file,
        "link_live": evidence.link_live,
        "fiscal_year": evidence.fiscal_year,
        "period": [_iso(evidence.period_start), _iso(evidence.period_end)],
        "last_updated": _iso(evidence.last_updated),
        "review_by": _iso(evidence.review_by),
    }


def status_json(status) -> dict:
    """One item (or part) as plain data."""
    return {
        "code": status.item.code,
        "name": status.item.name_th,
        "local": status.item.is_local,
        "confidence": status.item.confidence or "local",
        "period": status.item.fiscal_year_rule,
        "status": status.status,
        "reason_code": status.reason_code,
        "reason": status.reason,
        "evidence_urls": status.evidence_urls,
        "met_evidence_urls": [
            finding.evidence.url for finding in status.met_findings if finding.evidence.url
        ],
        "met_evidence": [evidence_json(finding) for finding in status.met_findings],
        "evidence_count": status.evidence_count,
        "parts": [status_json(part) for part in status.parts],
    }


def result_json(result) -> dict:
    """One standard's result as plain data."""
    standard = result.standard
    return {
        "standard": standard.code,
        "edition": standard.edition,
        "edition_label": edition_label(standard),
        "loaded_by_municipality": standard.loaded_by_municipality,
        "edition_warning": result.edition_warning,
        "title": standard.title_th,
        "item_count": result.score.total,
        "met": result.score.met,
        "score_percent": result.score.percent,
        "by_status": result.score.by_status,
        "unconfirmed_count": result.unconfirmed_count,
        "items": [status_json(status) for status in result.statuses],
    }


class Command(BaseCommand):
    help = "Evaluate the compliance checklist of a site; print JSON or write the .xlsx workbook."

    def add_arguments(self, parser):
        parser.add_argument("--standard", help="CODE (every edition) or CODE:EDITION, e.g. ita_oit:2568.")
        parser.add_argument("--site", help="Hostname, or hostname:port (default: the default site).")
        parser.add_argument("--format", choices=["json", "xlsx"], required=True)
        parser.add_argument(
            "--output", help="File to write (required for xlsx; JSON goes to stdout by default)."
        )

    def handle(self, *args, standard=None, site=None, format="json", output=None, **options):
        site_obj = self.site(site)
        standards = list(find_standards(standard, site_obj))
        if not standards:
            raise CommandError(f"No standard matches {standard!r}; did thgov_setup run?")
        results = site_results(site_obj, standards)
        if format == "xlsx":
            if not output:
                raise CommandError("--format xlsx needs --output FILE.")
            write_workbook(output, results, site_display_name(site_obj), timezone.now())
            self.stderr.write(f"thgov_compliance: wrote {output}")
            return
        data = {
            "site": {
                "hostname": site_obj.hostname,
                "port": site_obj.port,
                "name": site_display_name(site_obj),
            },
            "generated_at": timezone.now().isoformat(),
            "standards": [result_json(result) for result in results],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
        else:
            self.stdout.write(text)

    def site(self, name):
        if not name:
            site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
            if site is None:
                raise CommandError("There is no Wagtail site.")
            return site
        hostname, _sep, port = name.partition(":")
        sites = Site.objects.filter(hostname=hostname)
        if port:
            sites = sites.filter(port=int(port))
        site = sites.first()
        if site is None:
            raise CommandError(f"No site with hostname {name!r}.")
        return site
