"""Refuse to fetch from the local network: every connection is checked after DNS resolution.

A URL in a feed or a redirect could otherwise make claimgraph read from the user's router,
a cloud metadata service (169.254.169.254) or a database on localhost. The check sits in the
HTTP connection itself, so every redirect hop is checked, and the connection is made to the
very address that was checked, so a second, different DNS answer cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Sequence

import httpcore

from claimgraph.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def blocked_kind(ip: IPAddress) -> str | None:
    """What kind of non-public address ``ip`` is ('loopback', 'private', ...), None if public."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return kind
    return None if ip.is_global else "private"


def resolve(host: str, port: int, timeout: float) -> list[str]:
    """The addresses ``host`` resolves to, within ``timeout`` seconds.

    getaddrinfo has no timeout of its own, so it runs in a daemon thread that is abandoned if
    the resolver hangs.
    """
    found: list = []
    failure: list[OSError] = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as err:
            failure.append(err)

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise FetchError(f"DNS lookup timed out ({host}, after {timeout:g} s)")
    if failure:
        raise FetchError(f"cannot resolve host ({host}: {failure[0].strerror or failure[0]})")
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in found:
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    if not addresses:
        raise FetchError(f"host has no address ({host})")
    return addresses


class AddressGuard:
    """Which addresses may be connected to."""

    def __init__(self, allow_private: bool = False, allowed_networks: Sequence[IPNetwork] = ()):
        self.allow_private = allow_private
        self.allowed_networks = tuple(allowed_networks)

    def check(self, host: str, port: int, timeout: float) -> list[str]:
        """The addresses of ``host`` to connect to; FetchError if any of them is refused.

        One refused address refuses the host: a name that resolves to both a public and a
        private address is a known way around checks that look at one answer only.
        """
        addresses = resolve(host, port, timeout)
        if self.allow_private:
            return addresses
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            kind = blocked_kind(ip)
            if kind and not any(ip in net for net in self.allowed_networks):
                shown = host if host == address else f"{host} is {address}"
                raise FetchError(
                    f"{kind} address refused ({shown}; use --allow-private to fetch from the "
                    "local network)"
                )
        return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the guard accepts."""

    def __init__(self, guard: AddressGuard):
        self.guard = guard

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = self.guard.check(host, port, timeout or 10.0)
        # Like socket.create_connection: try each address in turn, the last one's error stands.
        for address in addresses[:-1]:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue
        return super().connect_tcp(addresses[-1], port, timeout, local_address, socket_options)
