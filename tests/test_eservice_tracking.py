"""Tracking codes, due dates and file sniffing: readable, unique, unguessable; working days; real bytes."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.utils import timezone

from tests.eservice_support import (
    a_jpeg,
    a_pdf,
    a_png,
    an_xlsx,
    docx_bytes,
    make_eservice_site,
    make_request,
    make_service,
)
from wagtail_thgov.eservice.deadlines import add_working_days
from wagtail_thgov.eservice.lookup import find_request
from wagtail_thgov.eservice.models import TrackingCounter
from wagtail_thgov.eservice.tracking import ALPHABET, allocate, format_code, normalise_code, prefix_for
from wagtail_thgov.eservice.uploads import parse_extensions, sniff_bytes

CODE = re.compile(r"(CMP|INF|SRV)-(25\d\d)-(\d{6})-([A-Z2-9]{4})")


def test_alphabet_has_no_characters_people_confuse():
    assert not set("01OIL") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 31


def test_code_format_and_prefix_per_kind(settings):
    assert format_code("CMP", 2569, 123, "K7QX") == "CMP-2569-000123-K7QX"
    assert [prefix_for(k) for k in ("complaint", "information_request", "service_request")] == [
        "CMP",
        "INF",
        "SRV",
    ]
    settings.THGOV_ESERVICE_PREFIXES = {"complaint": "RT"}
    assert prefix_for("complaint") == "RT" and prefix_for("service_request") == "SRV"


def test_typed_codes_are_normalised():
    assert normalise_code("  cmp-2569–000123 -k7qx ") == "CMP-2569-000123-K7QX"


@pytest.mark.django_db
def test_ten_thousand_codes_are_unique_and_do_not_reveal_the_next():
    site = make_eservice_site()
    when = timezone.now()
    codes = [allocate(site, "complaint", when)[0] for _ in range(10_000)]
    assert len(set(codes)) == 10_000
    parts = [CODE.fullmatch(code).groups() for code in codes]
    sequences = [int(sequence) for _prefix, _year, sequence, _random in parts]
    assert sequences == list(range(1, 10_001))  # readable and countable ...
    randoms = [random for *_rest, random in parts]
    # ... but the random part is not: each code's random part is independent of the previous one.
    same_as_previous = sum(1 for before, after in zip(randoms, randoms[1:], strict=False) if before == after)
    assert same_as_previous <= 3  # expected 10,000 / 31**4 ≈ 0.01
    assert len(set(randoms)) > 9_800  # birthday bound: ≈ 9,946 distinct of 923,521 possible
    # Every character of the alphabet appears in every position with roughly equal frequency.
    for position in range(4):
        counts = Counter(random[position] for random in randoms)
        assert set(counts) == set(ALPHABET)
        assert max(counts.values()) < 2 * 10_000 / 31
    assert TrackingCounter.objects.get(site=site).last == 10_000


@pytest.mark.django_db
def test_sequence_is_per_site_and_per_buddhist_year():
    site = make_eservice_site()
    other = make_eservice_site("other.example.test", is_default=False)
    new_year_bangkok = dt.datetime(2026, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert allocate(site, "complaint", new_year_bangkok)[1:] == (2569, 1)
    assert allocate(site, "complaint", new_year_bangkok - dt.timedelta(hours=1))[1:] == (2568, 1)
    assert allocate(site, "complaint", new_year_bangkok)[1:] == (2569, 2)
    assert allocate(other, "complaint", new_year_bangkok)[1:] == (2569, 1)


@pytest.mark.django_db
def test_the_sequence_alone_does_not_find_a_request():
    site = make_eservice_site()
    request = make_request(make_service(site))
    prefix, year, sequence, random = CODE.fullmatch(request.tracking_code).groups()
    guessed = [format_code(prefix, int(year), int(sequence), other) for other in ("AAAA", "ZZZZ", "2345")]
    for code in guessed:
        if code != request.tracking_code:
            assert find_request(site, code, "4567") is None
    assert find_request(site, request.tracking_code, "4567") == request


@pytest.mark.parametrize(
    "start, days, due",
    [
        (dt.date(2026, 11, 23), 1, dt.date(2026, 11, 24)),  # Monday → Tuesday
        (dt.date(2026, 11, 27), 1, dt.date(2026, 11, 30)),  # Friday → Monday
        (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30)),  # sent on Saturday → Monday
        (dt.date(2026, 11, 23), 5, dt.date(2026, 11, 30)),  # a working week
        (dt.date(2026, 11, 23), 15, dt.date(2026, 12, 14)),
    ],
)
def test_due_date_counts_working_days_monday_to_friday(start, days, due):
    assert add_working_days(start, days) == due


def test_extensions_are_parsed_from_what_a_webmaster_types():
    assert parse_extensions("PDF, .jpg;png  pdf") == ["pdf", "jpg", "png"]


@pytest.mark.parametrize(
    "make, extension",
    [(a_pdf, "pdf"), (a_png, "png"), (a_jpeg, "jpg"), (a_jpeg, "jpeg"), (an_xlsx, "xlsx")],
)
def test_real_files_are_recognised(make, extension):
    assert sniff_bytes(make().read(), extension)


def test_office_packages_are_told_apart():
    assert sniff_bytes(docx_bytes(), "docx")
    assert not sniff_bytes(docx_bytes(), "xlsx")
    assert not sniff_bytes(an_xlsx().read(), "docx")


@pytest.mark.parametrize("extension", ["pdf", "png", "jpg", "docx", "xlsx", "exe", ""])
def test_text_is_never_recognised_as_a_document(extension):
    assert not sniff_bytes(b"<script>alert(1)</script>", extension)
