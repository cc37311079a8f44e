"""Where the server may send a request it makes on a caller's behalf: one policy, one transport.

Webhook deliveries, provider base URLs typed into a connect form and attachment ``file_url`` fetches all name a
destination chosen by someone outside the operator's trust (a tenant, an end user). Left alone, such a request is
a server-side request forgery: the server reads its own network (an admin port on loopback, a database on the
private network, the cloud metadata service at 169.254.169.254) and the caller reads the answer back through a
delivery log or a passthrough. Here:

- the host is resolved **once**, by the system resolver (``getaddrinfo``, which also reads the odd spellings a
  browser would: ``127.1``, ``0x7f.1``, ``2130706433``); every address it resolves to must be allowed, else the
  request is refused before any connection is opened;
- an address is allowed when it is globally routable unicast: loopback, private, shared (CGNAT), link-local,
  multicast, unspecified, reserved, documentation and cloud metadata addresses are refused, for IPv4 and IPv6,
  including IPv4 carried inside IPv6 (``::ffff:127.0.0.1``, ``::127.0.0.1``, 6to4, NAT64, Teredo);
- an operator may allow more with ``Settings.egress_allow_networks`` (``LEDGERBRIDGE_EGRESS_ALLOW_NETWORKS``): CIDR
  networks and single addresses, or host names whose every address is then allowed (the demo allows its own
  sandboxes on loopback). Nothing else can widen the policy;
- the connection goes to the address that was checked (:class:`EgressTransport`): the URL's host travels in the
  ``Host`` header and as TLS SNI (the certificate is verified against it), so a DNS answer that changes between
  the check and the connection (rebinding) cannot move the request. Connections are not kept alive, so a TLS
  session set up for one name is never reused for another name at the same address;
- redirects are never followed by the clients that use this policy; if a client did follow one, every hop would
  pass the transport's check again.

Classification is the standard library's :mod:`ipaddress`; nothing here parses addresses by hand.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_DEFAULT_PORTS = {"http": 80, "https": 443}
#: addresses cloud platforms serve instance metadata or platform services at, refused even where they are routable
METADATA = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "168.63.129.16", "192.0.0.192", "fd00:ec2::254",
))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class EgressRefused(httpx.TransportError):
    """The destination is not one the server may reach for a caller; the message is safe to show that caller.

    A transport error, so every client that handles "could not connect" handles a refusal the same way — and the
    refused address is never contacted.
    """


class Unresolvable(EgressRefused):
    """The host has no address (yet): nothing can be sent, but nothing was found wrong with it either."""


#: host, port → the addresses to try (the system resolver; tests swap it for a fake DNS)
Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolve(host: str, port: int) -> list[str]:
    infos: list[Any] = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


resolve: Resolver = system_resolve


def numeric_address(host: str) -> IPAddress | None:
    """The address a numeric host spells, in any spelling the C library accepts (``127.1``, ``0x7f.1``,
    ``2130706433``, ``::ffff:127.0.0.1``); None for a name. Never queries DNS."""
    host = host.strip("[]").removesuffix(".")
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    return _address(str(infos[0][4][0])) if infos else None


def _address(text: str) -> IPAddress:
    return ipaddress.ip_address(text.partition("%")[0])  # drop an IPv6 zone (fe80::1%eth0)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries to an IPv4 host (mapped, compatible, 6to4, NAT64, Teredo)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """Globally routable unicast, and not a metadata address (nor carrying a non-public IPv4 inside IPv6)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
        if address.is_site_local:
            return False
    return address.is_global and not (
        address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
        or address.is_reserved or address.is_unspecified or address in METADATA
    )


def _is_loopback_name(host: str) -> bool:
    """``localhost`` and its subdomains always mean this machine (RFC 6761), whatever DNS says."""
    return host == "localhost" or host.endswith(".localhost")


@dataclass(frozen=True)
class Target:
    """A checked destination: the URL as given, and the address the connection must go to."""

    url: httpx.URL
    address: IPAddress


class EgressPolicy:
    """Which addresses the server may connect to for a caller: public ones, plus what the operator allows."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.networks: list[IPNetwork] = []
        self.hosts: set[str] = set()
        for entry in allow:
            entry = entry.strip()
            if not entry:
                continue
            try:
                self.networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self.hosts.add(entry.lower().removesuffix("."))

    @classmethod
    def from_settings(cls, settings: Any, *, extra: Iterable[str] = ()) -> EgressPolicy:
        return cls([*settings.egress_allow_networks, *extra])

    def allows(self, address: IPAddress) -> bool:
        if any(address in network for network in self.networks if network.version == address.version):
            return True
        mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
        if mapped is not None and any(mapped in n for n in self.networks if n.version == 4):
            return True
        return is_public(address)

    def _parse(self, url: str | httpx.URL) -> httpx.URL:
        try:
            parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise EgressRefused(f"is not a valid URL ({exc})") from None
        if parsed.scheme not in _DEFAULT_PORTS or not parsed.host:
            raise EgressRefused("must be an absolute http:// or https:// URL")
        if parsed.userinfo:
            raise EgressRefused("must not carry credentials")
        return parsed

    def _refused(self, host: str, address: IPAddress) -> EgressRefused:
        # A name's addresses are not shown: the message must not turn internal DNS into something callers can read.
        what = f"is {address}," if numeric_address(host) is not None else "resolves to"
        return EgressRefused(f"host {host!r} {what} a private, loopback or reserved address (or link-local, "
                             "multicast, metadata), which Ledgerbridge does not send requests to (an operator may "
                             "allow it with LEDGERBRIDGE_EGRESS_ALLOW_NETWORKS)")

    def check_static(self, url: str | httpx.URL) -> httpx.URL:
        """What can be told without DNS: the URL's shape, and a host that is an address (in any spelling) or a
        ``localhost`` name. For checks that cannot wait for a resolver (model validation); :meth:`check` is the
        full one."""
        parsed = self._parse(url)
        host = parsed.host.lower().removesuffix(".")
        if host in self.hosts:
            return parsed
        address = numeric_address(host)
        if address is not None and not self.allows(address):
            raise self._refused(host, address)
        if address is None and _is_loopback_name(host):
            raise self._refused(host, ipaddress.ip_address("127.0.0.1"))
        return parsed

    async def check(self, url: str | httpx.URL) -> Target:
        """Resolve the URL's host once; the address to connect to when every address it has is allowed."""
        parsed = self.check_static(url)
        host = parsed.host.lower().removesuffix(".")
        port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
        numeric = numeric_address(host)
        if numeric is not None:
            addresses = [numeric]
        else:
            try:
                addresses = list(dict.fromkeys(_address(a) for a in await resolve(host, port)))
            except (OSError, UnicodeError, ValueError):
                raise Unresolvable(f"host {host!r} could not be resolved") from None
        if not addresses:
            raise Unresolvable(f"host {host!r} could not be resolved")
        if host not in self.hosts:
            for address in addresses:
                if not self.allows(address):
                    raise self._refused(host, address)
        return Target(parsed, addresses[0])


def pinned(request: httpx.Request, address: IPAddress) -> httpx.Request:
    """The same request, sent to ``address``: ``Host`` keeps the name (set when the request was built), and TLS
    verifies the certificate against it (SNI)."""
    extensions = dict(request.extensions)
    if request.url.scheme == "https":
        extensions.setdefault("sni_hostname", request.url.host)
    headers = httpx.Headers(request.headers)
    if "host" not in headers:
        headers["Host"] = request.url.netloc.decode("ascii")
    return httpx.Request(request.method, request.url.copy_with(host=str(address)), headers=headers,
                         stream=request.stream, extensions=extensions)


class EgressTransport(httpx.AsyncBaseTransport):
    """Checks every request against the policy and sends it to the checked address (see the module's notes).

    ``inner`` is what actually sends (tests inject a mock; it is theirs to close); by default an HTTP transport
    without keep-alive, closed with this one.
    """

    def __init__(self, policy: EgressPolicy, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.policy = policy
        self._owned = inner is None
        self._inner = inner or httpx.AsyncHTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            target = await self.policy.check(request.url)
        except EgressRefused as refused:
            raise EgressRefused(str(refused), request=request) from None
        return await self._inner.handle_async_request(pinned(request, target.address))

    async def aclose(self) -> None:
        if self._owned:
            await self._inner.aclose()


def client(policy: EgressPolicy, inner: httpx.AsyncBaseTransport | None = None, *,
           timeout: httpx.Timeout | float = 30.0) -> httpx.AsyncClient:
    """A client for requests made on a caller's behalf: egress-checked, pinned, no redirects, no proxy from the
    environment (a proxy would do the resolving, past the check)."""
    return httpx.AsyncClient(transport=EgressTransport(policy, inner), timeout=timeout, follow_redirects=False,
                             trust_env=False, headers={"User-Agent": "ledgerbridge/0.1"})
