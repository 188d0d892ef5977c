"""Resolve each host once, check every address, and remember the answer for the run.

The connection layer connects only to addresses this guard returned, so what was checked is
what is used: there is no second lookup in which DNS could answer differently (rebinding).
A host is refused when any of its addresses is refused, since a round-robin answer that
mixes public and private addresses is exactly what a rebinding attacker serves.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence

from vendorrisk.urlcheck.addresses import AddressPolicy, IPAddress, first_refusal
from vendorrisk.urlcheck.errors import CheckError, FetchFailure, Refusal
from vendorrisk.urlcheck.targets import Target

# (host) -> the addresses it resolves to, as strings. Tests substitute their own.
Resolver = Callable[[str], Awaitable[Sequence[str]]]


async def system_resolve(host: str) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


class AddressGuard:
    """Answers "where may I connect for this host?" or raises Refusal / FetchFailure."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver | None = None) -> None:
        self._policy = policy
        self._resolver: Resolver = resolver or system_resolve
        self._cache: dict[str, asyncio.Future[tuple[IPAddress, ...]]] = {}

    @property
    def policy(self) -> AddressPolicy:
        return self._policy

    async def addresses_for(self, target: Target) -> tuple[IPAddress, ...]:
        if target.address is not None:
            addresses: tuple[IPAddress, ...] = (target.address,)
        else:
            addresses = await self._resolve_once(target.host)
        refused = first_refusal(self._policy, addresses)
        if refused is not None:
            reason, address = refused
            raise Refusal(f"refused-{reason}", url=target.text, address=address)
        return addresses

    async def _resolve_once(self, host: str) -> tuple[IPAddress, ...]:
        future = self._cache.get(host)
        if future is None:
            future = asyncio.ensure_future(self._resolve(host))
            self._cache[host] = future
        # Shielded so that one caller's deadline does not cancel the lookup for the others.
        return await asyncio.shield(future)

    async def _resolve(self, host: str) -> tuple[IPAddress, ...]:
        try:
            raw = await self._resolver(host)
        except (OSError, UnicodeError) as exc:
            raise FetchFailure(CheckError("dns-error", url=host, detail=str(exc))) from None
        addresses: list[IPAddress] = []
        for text in raw:
            try:
                addresses.append(ipaddress.ip_address(text.split("%", 1)[0]))
            except ValueError:
                continue
        if not addresses:
            raise FetchFailure(CheckError("dns-error", url=host, detail="no address"))
        return tuple(addresses)

    def close(self) -> None:
        for future in self._cache.values():
            if not future.done():
                future.cancel()
            elif not future.cancelled():
                future.exception()  # mark retrieved so asyncio does not log it
