"""Outbound safety: which webhook URLs may be called (http/https, public addresses only)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class TargetRefused(ValueError):
    """The URL may not be a webhook target; the message says why."""


def _refused_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def check_target(url: str, *, allow_private: bool, resolve: bool = True) -> None:
    """Raise ``TargetRefused`` unless ``url`` is http(s) with a host whose every address is public.

    Loopback, link-local (cloud metadata at 169.254.169.254), private, shared and reserved ranges
    are refused unless ``allow_private`` (TATHYA_WEBHOOK_ALLOW_PRIVATE). Checked when a
    subscription is made and again before each send (a name may be re-pointed later).
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise TargetRefused(f"Not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise TargetRefused("Only http and https URLs can receive webhooks.")
    if not parts.hostname:
        raise TargetRefused("The URL needs a host.")
    if parts.username or parts.password:
        raise TargetRefused("Credentials in the URL are not accepted: verify the signature instead.")
    if allow_private or not resolve:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        # Not resolvable now is no address to refuse: the send fails as a network error and is
        # retried, and the name is checked again before every attempt.
        return
    if any(_refused_address(info[4][0]) for info in infos):
        raise TargetRefused(
            "The host resolves to a loopback, link-local or private address "
            "(allowed only with TATHYA_WEBHOOK_ALLOW_PRIVATE)."
        )
