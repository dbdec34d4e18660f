"""The citizen's status page: tracking code + second factor, one answer for every failure, rate-limited."""

import re

import pytest
from django.utils.html import escape

from tests.eservice_support import citizen_client, make_eservice_site, make_request, make_service
from wagtail_thgov.eservice.models import RequestEvent
from wagtail_thgov.eservice.views import NOT_FOUND, TOO_MANY

URL = "/e-service/status/"


@pytest.fixture
def answered(db):
    site = make_eservice_site()
    page = make_service(site)
    request = make_request(page, status="in_progress")
    RequestEvent.objects.create(
        request=request,
        old_status="received",
        new_status="in_progress",
        message_to_citizen="ช่างไฟฟ้าจะเข้าซ่อมภายในวันพฤหัสบดีนี้",
        internal_note="ผู้ร้องเคยร้องเรียนเรื่องเดียวกันเมื่อปีที่แล้ว",
    )
    return request


def look_up(client, code, factor):
    return client.post(URL, {"code": code, "factor": factor})


def without_token(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_get_shows_the_form_and_is_never_cached(answered):
    response = citizen_client().get(URL)
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode() and 'name="factor"' in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("factor", ["4567", "somying@example.test", "SomYing@Example.TEST"])
def test_code_and_second_factor_show_history_and_replies_but_never_internal_notes(answered, factor):
    response = look_up(citizen_client(), answered.tracking_code.lower(), factor)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ช่างไฟฟ้าจะเข้าซ่อมภายในวันพฤหัสบดีนี้" in html
    assert "In progress" in html and answered.tracking_code in html
    assert "ผู้ร้องเคยร้องเรียน" not in html
    assert "สมหญิง" not in html  # no personal data either
    assert "no-store" in response["Cache-Control"]


def test_wrong_factor_unknown_code_and_bad_input_all_get_the_same_answer(answered):
    answers = [
        look_up(citizen_client(), answered.tracking_code, "1111"),
        look_up(citizen_client(), answered.tracking_code, "other@example.test"),
        look_up(citizen_client(), answered.tracking_code[:-4] + "AAAA", "4567"),
        look_up(citizen_client(), "CMP-2569-999999-ZZZZ", "4567"),
        look_up(citizen_client(), "CMP-2569-999999-ZZZZ", "4567' OR 1=1 --"),
    ]
    bodies = {
        without_token(response.content.decode()).replace(escape("4567' OR 1=1 --"), "")
        for response in answers
    }
    assert {response.status_code for response in answers} == {200}
    for response in answers:
        html = response.content.decode()
        assert escape(str(NOT_FOUND)) in html
        assert "ช่างไฟฟ้า" not in html
    assert len({re.sub(r'value="[^"]*"', "", body) for body in bodies}) == 1


def test_erased_request_is_not_found(answered):
    from django.utils import timezone

    type(answered).objects.filter(pk=answered.pk).update(erased_at=timezone.now())
    response = look_up(citizen_client(), answered.tracking_code, "4567")
    assert escape(str(NOT_FOUND)) in response.content.decode()


def test_look_ups_are_rate_limited_per_client(answered, settings):
    settings.THGOV_ESERVICE_LOOKUP_LIMIT = (3, 600)
    client = citizen_client()
    for _ in range(3):
        look_up(client, answered.tracking_code, "0000")
    response = look_up(client, answered.tracking_code, "4567")  # right this time, but too late
    assert response.status_code == 429
    html = response.content.decode()
    assert escape(str(TOO_MANY)) in html and "ช่างไฟฟ้า" not in html
    assert "ช่างไฟฟ้า" in look_up(citizen_client(), answered.tracking_code, "4567").content.decode()


def test_requests_of_another_site_are_not_found(answered, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example.test"]
    other = make_eservice_site("other.example.test", is_default=False)
    client = citizen_client(HTTP_HOST="other.example.test")
    response = look_up(client, answered.tracking_code, "4567")
    assert other.hostname == "other.example.test"
    assert escape(str(NOT_FOUND)) in response.content.decode()


def test_citizen_text_is_escaped(answered):
    RequestEvent.objects.create(request=answered, message_to_citizen="<script>alert(1)</script>")
    html = look_up(citizen_client(), answered.tracking_code, "4567").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
