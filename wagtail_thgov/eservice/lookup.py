"""Finding a request for a citizen: the tracking code and a second factor, or nothing.

Every failure — unknown code, wrong factor, erased personal data — gives the same ``None``, so the
answer never tells whether a code exists.
"""

import hmac
import re

from .models import ServiceRequest
from .tracking import normalise_code


def factor_matches(service_request, factor: str) -> bool:
    """The last 4 digits of the telephone number, or the e-mail address (any letter case)."""
    factor = (factor or "").strip()
    if re.fullmatch(r"\d{4}", factor):
        phone = service_request.citizen_phone
        return len(phone) >= 4 and hmac.compare_digest(phone[-4:], factor)
    email = service_request.citizen_email.strip().lower()
    return bool(email) and hmac.compare_digest(email.encode(), factor.lower().encode())


def find_request(site, code: str, factor: str):
    """The request of ``site`` with ``code`` whose second factor is ``factor``, else ``None``."""
    code = normalise_code(code)
    if not code or not factor:
        return None
    service_request = ServiceRequest.objects.filter(
        site=site, tracking_code=code, erased_at__isnull=True
    ).first()
    if service_request is None or not factor_matches(service_request, factor):
        return None
    return service_request
