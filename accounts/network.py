"""The client's IP address, seen through a known number of trusted reverse proxies."""

import ipaddress

from django.http import HttpRequest

from accounts.conf import accounts_settings


def valid_ip(text: str) -> str | None:
    """Return `text` as a normalised IP address, or None if it is not one.

    An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, RFC 4291 §2.5.5.2, what a server
    listening on `[::]` sees for IPv4 clients) is the IPv4 address it maps: otherwise
    every IPv4 client would share the one `::ffff:0:0/64` in the per-network limits.
    """
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.compressed
    return address.compressed


def client_ip(request: HttpRequest) -> str | None:
    """Return the client's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.

    With N trusted proxies (`ACCOUNTS["TRUSTED_PROXIES"]`), each of them appended the
    address it received the request from, so the client is the Nth address from the
    right; anything further left was written by the client and is ignored. With 0 (the
    default) the header is ignored entirely, so sending it changes nothing.
    """
    remote = valid_ip(request.META.get("REMOTE_ADDR") or "")
    proxies = accounts_settings.TRUSTED_PROXIES
    if not proxies:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return remote
    return valid_ip(forwarded[-proxies]) or remote


def network_of(address: str) -> str:
    """The unit a limit counts: the address itself, or its /64 for IPv6.

    One IPv6 subscriber usually holds a whole /64; counting single addresses would let
    them rotate through billions of them.
    """
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        return ipaddress.ip_network(f"{address}/64", strict=False).compressed
    return ip.compressed


def lockout_network(address: str) -> str:
    """The network the lockout treats as one client: the /24 of IPv4, the /64 of IPv6."""
    prefix = 24 if ipaddress.ip_address(address).version == 4 else 64
    return ipaddress.ip_network(f"{address}/{prefix}", strict=False).compressed
