"""``demo_site.settings_production``: ``check --deploy`` reports nothing, and it refuses to start unsafe."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MANAGE = ROOT / "example_project" / "manage.py"


def manage(*args, **env):
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "THGOV_SCRATCH"))
    }
    environment.update(
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'example_project'}",
        DJANGO_SETTINGS_MODULE="demo_site.settings_production",
        **env,
    )
    return subprocess.run(
        [sys.executable, str(MANAGE), *args], env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_nothing():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="www.example.go.th,.example.go.th",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "env, message",
    [
        ({"DJANGO_ALLOWED_HOSTS": "www.example.go.th"}, "DJANGO_SECRET_KEY"),
        (
            {
                "DJANGO_SECRET_KEY": "insecure-demo-key-change-me-in-production" + "x" * 20,
                "DJANGO_ALLOWED_HOSTS": "www.example.go.th",
            },
            "DJANGO_SECRET_KEY",
        ),
        ({"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "www.example.go.th"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}, "DJANGO_ALLOWED_HOSTS"),
    ],
    ids=["no secret key", "the demo's key", "short key", "no allowed hosts"],
)
def test_refuses_to_start_with_unsafe_environment(env, message):
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_settings_are_secure():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="www.example.go.th",
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip().splitlines()[-1]
        == "False True True True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    )
