"""The client's address, as seen through the reverse proxies the operator trusts.

Behind nginx every request comes from the proxy's address (``REMOTE_ADDR``); the citizen's own address is in
``X-Forwarded-For``, which anyone can also send. ``THGOV_TRUSTED_PROXIES`` (a list of addresses or networks,
or a comma-separated environment variable of the same name) names the proxies: only when the request comes
from one of them is ``X-Forwarded-For`` read, from the right, skipping the trusted proxies; the first
address that is not one of them is the client. A request from anywhere else is taken at its
``REMOTE_ADDR``, whatever it claims. Used by page-view counting, the satisfaction and survey limits and the
e-Service rate limits; see docs/deployment.md.
"""

import ipaddress
import os

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_proxies: dict = {}


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting == "THGOV_TRUSTED_PROXIES":
        _proxies.clear()


def trusted_proxies() -> tuple:
    """The networks of ``THGOV_TRUSTED_PROXIES`` (default: none, so ``X-Forwarded-For`` is never read)."""
    try:
        return _proxies["networks"]
    except KeyError:
        pass
    value = getattr(settings, "THGOV_TRUSTED_PROXIES", None)
    if value is None:
        value = os.environ.get("THGOV_TRUSTED_PROXIES", "")
    if isinstance(value, str):
        value = value.split(",")
    networks = tuple(ipaddress.ip_network(item.strip(), strict=False) for item in value if item.strip())
    _proxies["networks"] = networks
    return networks


def _parse(text):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_address(request) -> str:
    """The address of the client that sent ``request`` (never a forged ``X-Forwarded-For`` hop)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_proxies()
    if not networks:
        return remote
    address = _parse(remote)
    if address is None or not _trusted(address, networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        parsed = _parse(hop)
        if parsed is None:  # garbage left of our proxies' own entries: the last good hop is the client
            break
        address = parsed
        if not _trusted(parsed, networks):
            break
    return str(address)


def address_group(address: str) -> str:
    """What limits count as one client: an IPv4 address, or the /64 network of an IPv6 address.

    A home or mobile connection gets a whole IPv6 /64, so counting single IPv6 addresses would let one
    client take as many turns as it likes.
    """
    parsed = _parse(address)
    if parsed is None or parsed.version == 4:
        return address
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
