"""Which IP addresses the checker may connect to (the SSRF rules).

Every address a host resolves to is classified here, after unwrapping the IPv6 forms that
carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo), because an
attacker who controls DNS can hand out ``::ffff:127.0.0.1`` as easily as ``127.0.0.1``.
Host names spelt as numbers (``2130706433``, ``0x7f.1``, ``0177.0.0.1``) are normalised
first, the way ``inet_aton`` and browsers read them, so that the check and the connection
agree on what the address is.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Refusal categories that --allow-private opens. The others (unspecified, multicast,
# broadcast, reserved, cloud metadata) are never a vendor's web server, so they stay closed
# unless a network is listed explicitly.
PRIVATE_CATEGORIES = frozenset(
    {"loopback", "private", "cgnat", "link-local", "unique-local", "documentation", "benchmarking"}
)

# Cloud instance metadata services: the classic SSRF prize, refused even with --allow-private.
METADATA_ADDRESSES = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),
        ipaddress.ip_address("169.254.170.2"),
        ipaddress.ip_address("fd00:ec2::254"),
    }
)

_N = ipaddress.ip_network

# Order matters: the first match names the category (0.0.0.0 is "unspecified" before it is
# "this-network"; 255.255.255.255 is "broadcast" before it is "reserved").
_V4_RANGES: tuple[tuple[IPNetwork, str], ...] = (
    (_N("0.0.0.0/32"), "unspecified"),
    (_N("255.255.255.255/32"), "broadcast"),
    (_N("0.0.0.0/8"), "reserved"),
    (_N("10.0.0.0/8"), "private"),
    (_N("172.16.0.0/12"), "private"),
    (_N("192.168.0.0/16"), "private"),
    (_N("100.64.0.0/10"), "cgnat"),
    (_N("127.0.0.0/8"), "loopback"),
    (_N("169.254.0.0/16"), "link-local"),
    (_N("192.0.0.0/24"), "reserved"),  # IETF protocol assignments
    (_N("192.0.2.0/24"), "documentation"),
    (_N("198.51.100.0/24"), "documentation"),
    (_N("203.0.113.0/24"), "documentation"),
    (_N("198.18.0.0/15"), "benchmarking"),
    (_N("192.88.99.0/24"), "reserved"),  # deprecated 6to4 relay anycast
    (_N("224.0.0.0/4"), "multicast"),
    (_N("240.0.0.0/4"), "reserved"),
)

_V6_RANGES: tuple[tuple[IPNetwork, str], ...] = (
    (_N("::/128"), "unspecified"),
    (_N("::1/128"), "loopback"),
    (_N("64:ff9b:1::/48"), "private"),  # NAT64 for local use (RFC 8215)
    (_N("100::/64"), "reserved"),  # discard-only
    (_N("2001:2::/48"), "benchmarking"),
    (_N("2001:db8::/32"), "documentation"),
    (_N("3fff::/20"), "documentation"),
    (_N("fc00::/7"), "unique-local"),
    (_N("fe80::/10"), "link-local"),
    (_N("fec0::/10"), "private"),  # deprecated site-local
    (_N("ff00::/8"), "multicast"),
)

_NAT64 = _N("64:ff9b::/96")
_COMPAT = _N("::/96")


def unwrap(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 transition address leads to, or the address itself."""
    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        # The client is the end that receives the traffic; the server only relays.
        return address.teredo[1]
    if address in _NAT64 or (address in _COMPAT and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def category(address: IPAddress) -> str | None:
    """The refusal category of an address, or None when it is a public unicast address."""
    inner = unwrap(address)
    if inner in METADATA_ADDRESSES or address in METADATA_ADDRESSES:
        return "metadata"
    table = _V4_RANGES if isinstance(inner, ipaddress.IPv4Address) else _V6_RANGES
    for network, name in table:
        if inner in network:
            return name
    # Anything else the IANA registries do not call globally reachable.
    if not inner.is_global:
        return "reserved"
    return None


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """What may be connected to: public addresses always, others only when opened."""

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_strings(cls, allow_private: bool, networks: Iterable[str]) -> AddressPolicy:
        """Raises ValueError for a network that is not a valid CIDR."""
        parsed = tuple(ipaddress.ip_network(n.strip(), strict=False) for n in networks)
        return cls(allow_private=allow_private, allowed_networks=parsed)

    def refusal(self, address: IPAddress) -> str | None:
        """The refusal category if this address may not be used, else None."""
        inner = unwrap(address)
        if any(address in net or inner in net for net in self.allowed_networks):
            return None
        found = category(address)
        if found is None:
            return None
        if self.allow_private and found in PRIVATE_CATEGORIES:
            return None
        return found


def parse_ipv4_number(host: str) -> ipaddress.IPv4Address | None:
    """Read a host the way inet_aton and the WHATWG URL parser do.

    ``None`` means "not a number-like host" (a name to resolve). Raises ValueError for a host
    that ends in a number but is not a valid IPv4 address (``256.0.0.1``, ``1.2.3.4.5``),
    which browsers reject too.
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts = parts[:-1]
    if not parts or not _is_number_like(parts[-1]):
        return None
    if len(parts) > 4:
        raise ValueError(host)
    numbers = [_parse_part(p, host) for p in parts]
    *leading, last = numbers
    if any(n > 255 for n in leading) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(host)
    value = last
    for i, n in enumerate(leading):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _is_number_like(part: str) -> bool:
    if part.isascii() and part.isdigit():
        return True
    lowered = part.lower()
    return lowered.startswith("0x") and all(c in "0123456789abcdef" for c in lowered[2:])


def _parse_part(part: str, host: str) -> int:
    lowered = part.lower()
    try:
        if lowered.startswith("0x"):
            return int(lowered[2:] or "0", 16)
        if len(part) > 1 and part.startswith("0"):
            return int(part, 8)
        if not (part.isascii() and part.isdigit()):
            raise ValueError(host)
        return int(part, 10)
    except ValueError:
        raise ValueError(host) from None


def parse_address(text: str) -> IPAddress | None:
    """An IP literal (IPv6 without brackets, or any IPv4 spelling), or None for a name."""
    stripped = text.strip("[]")
    if ":" in stripped:
        try:
            return ipaddress.IPv6Address(stripped.split("%", 1)[0])
        except ValueError:
            raise ValueError(text) from None
    return parse_ipv4_number(stripped)


def first_refusal(policy: AddressPolicy, addresses: Sequence[IPAddress]) -> tuple[str, str] | None:
    """(category, address) of the first address that is refused, if any."""
    for address in addresses:
        found = policy.refusal(address)
        if found is not None:
            return found, str(address)
    return None
