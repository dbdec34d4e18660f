"""Security headers: a strict CSP on public pages, a workable one in the admin, and hardening headers."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tests.security_support import security_site
from wagtail_thgov.security import headers

pytestmark = pytest.mark.django_db


def directives(header_value):
    """``"default-src 'self'; img-src 'self' data:"`` -> ``{"default-src": ["'self'"], ...}``."""
    parsed = {}
    for part in header_value.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.fixture
def site():
    return security_site()


def test_public_page_gets_a_strict_content_security_policy(client, site):
    response = client.get("/")
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:"]


def test_public_policy_lets_the_video_block_providers_play(client, site):
    frame_src = directives(client.get("/")["Content-Security-Policy"])["frame-src"]
    assert "https://www.youtube.com" in frame_src
    assert "https://player.vimeo.com" in frame_src


def test_hardening_headers_on_public_pages(client, site):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_404_and_search_pages_carry_the_policy_too(client, site):
    assert client.get("/no-such-page/").status_code == 404
    assert "Content-Security-Policy" in client.get("/no-such-page/")
    assert directives(client.get("/search/?query=x")["Content-Security-Policy"])["script-src"] == ["'self'"]


def test_admin_gets_its_own_policy_without_breaking_inline_code(client, site):
    make_user("root", superuser=True)
    client.login(username="root", password=PASSWORD)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "script-src" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_login_page_is_not_frameable_by_others(client, site):
    response = client.get(reverse("wagtailadmin_login"))
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_settings_replace_directives_and_add_frame_sources(client, site, settings):
    settings.THGOV_CSP = {"img-src": ["'self'", "https://maps.example.test"]}
    settings.THGOV_CSP_FRAME_SOURCES = ["https://www.google.com"]
    csp = directives(client.get("/")["Content-Security-Policy"])
    assert csp["img-src"] == ["'self'", "https://maps.example.test"]
    assert csp["frame-src"][-1] == "https://www.google.com"
    assert csp["script-src"] == ["'self'"]


def test_report_only_mode_for_checking_a_custom_theme(client, site, settings):
    settings.THGOV_CSP_REPORT_ONLY = True
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert directives(response["Content-Security-Policy-Report-Only"])["default-src"] == ["'self'"]


def test_admin_policy_can_be_switched_off(client, site, settings):
    settings.THGOV_ADMIN_CSP = {}
    response = client.get(reverse("wagtailadmin_login"))
    assert "Content-Security-Policy" not in response


def test_a_views_own_stricter_policy_is_kept(client, site):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from thgov_demo.files import pdf_bytes

    document = Document.objects.create(
        title="Plan", file=ContentFile(pdf_bytes("Plan", ["x"]), name="plan.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_serialisation_of_the_policies():
    assert headers.serialize_csp({"a": ["'self'"], "b": ["x", "y"]}) == "a 'self'; b x y"
    assert headers.serialize_permissions_policy({"camera": [], "fullscreen": ["self"]}) == (
        "camera=(), fullscreen=(self)"
    )


def test_not_found_page_is_in_the_theme_with_a_main_landmark(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<main id="main-content"' in html
    assert "<h1>Page not found</h1>" in html
    assert '<html lang="en">' in html  # the test settings' language; Thai on the demo site
