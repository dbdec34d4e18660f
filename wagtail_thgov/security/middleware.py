"""Security headers on every response: a strict Content-Security-Policy for the public theme, a looser
one for Wagtail's admin, and the usual hardening headers. Headers a view already set are kept."""

from functools import cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from . import headers


@cache
def _admin_prefixes():
    prefixes = []
    for name in ("wagtailadmin_home", "admin:index"):
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


def is_admin_path(path):
    """Whether ``path`` is under Wagtail's admin (or Django's) rather than the public site."""
    extra = tuple(getattr(settings, "THGOV_ADMIN_PATH_PREFIXES", ()))
    return path.startswith(_admin_prefixes() + extra)


class SecurityHeadersMiddleware:
    """Put it right after Django's ``SecurityMiddleware``. ``THGOV_CSP_REPORT_ONLY = True`` sends the
    public policy as ``Content-Security-Policy-Report-Only`` while a custom theme is being checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_path(request.path_info):
            policy, header = headers.admin_csp(), "Content-Security-Policy"
        else:
            policy = headers.public_csp()
            report_only = getattr(settings, "THGOV_CSP_REPORT_ONLY", False)
            header = "Content-Security-Policy-Report-Only" if report_only else "Content-Security-Policy"
        # A view's own policy (Wagtail's document serving sends ``default-src 'none'``) is stricter: keep it.
        if policy and "Content-Security-Policy" not in response and header not in response:
            response[header] = policy
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", headers.REFERRER_POLICY)
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault(
            "Permissions-Policy", headers.serialize_permissions_policy(headers.PERMISSIONS_POLICY)
        )
        return response
