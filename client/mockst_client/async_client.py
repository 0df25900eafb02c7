"""``AsyncServiceTitanClient``: the asyncio client, the twin of ``ServiceTitanClient``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

import httpx

from ._core import DEFAULT_TIMEOUT, ClientCore, encode_params
from .auth import Clock
from .config import ClientConfig, Environment
from .errors import TokenError
from .paging import DEFAULT_PAGE_SIZE, AsyncExportIterator, aiter_pages, check_page_size
from .retry import RetryPolicy

__all__ = ["AsyncServiceTitanClient"]

Json = dict[str, Any]
# Type arguments of the resource helpers for this client: awaitables, async iterators.
_R = Awaitable[Any]
_P = AsyncIterator[Json]
_E = AsyncExportIterator


class AsyncServiceTitanClient(ClientCore[_R, _P, _E]):
    """Asyncio ServiceTitan client for one tenant connection (same arguments as the sync one).

    Give either ``environment`` (``"production"``, the default, or ``"integration"``) or both
    ``auth_url`` and ``api_url`` (a simulator, e.g. ``http://127.0.0.1:8080`` for both).
    ``booking_provider_id`` is the default provider for ``client.bookings``.

    For tests: ``transport`` (e.g. ``httpx.MockTransport``) or a ready ``http_client``; ``clock``
    (seconds, drives token expiry) and ``sleep`` (awaited with every retry wait).
    Share one client per connection within an event loop so the token is shared too.
    """

    def __init__(
        self,
        *,
        tenant_id: int | str,
        app_key: str,
        client_id: str,
        client_secret: str,
        environment: Environment | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        booking_provider_id: int | str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        retry: RetryPolicy | None = None,
        token_margin: float = 60.0,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    ) -> None:
        config = ClientConfig.build(
            tenant_id=tenant_id,
            app_key=app_key,
            client_id=client_id,
            client_secret=client_secret,
            environment=environment,
            auth_url=auth_url,
            api_url=api_url,
            booking_provider_id=booking_provider_id,
        )
        super().__init__(config, clock=clock, token_margin=token_margin, retry=retry)
        self._owns_http = self._owns(transport, http_client)
        self._http = http_client or httpx.AsyncClient(transport=transport, timeout=timeout)
        self._sleep = sleep

    async def aclose(self) -> None:
        """Close the HTTP connection pool, unless it was passed in (then its owner closes it)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncServiceTitanClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- generic calls -----------------------------------------------------------------------

    async def request(
        self,
        method: str,
        module: str,
        resource: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> Any:
        """Call ``/{module}/v2/tenant/{tenant}/{resource}``; the decoded JSON (``None`` if empty).

        Raises an :class:`~mockst_client.errors.ApiError` subclass for a non-2xx answer, after the
        retries the :class:`RetryPolicy` allows.
        """
        response = await self.send(method, self.url(module, resource), params=params, json=json)
        return self._decode(response)

    async def send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        """Send with auth and retries; return the final response, whatever its status."""
        method = method.upper()
        query = encode_params(params)
        attempt = 0
        while True:
            attempt += 1
            outcome: httpx.Response | httpx.TransportError | TokenError
            try:
                outcome = await self._http.request(
                    method, url, params=query, json=json, auth=self.auth
                )
            except (httpx.TransportError, TokenError) as exc:
                outcome = exc
            delay = self._retry_delay(method, url, attempt, outcome)
            if delay is None:
                if isinstance(outcome, Exception):
                    raise outcome
                return outcome
            await self._sleep(delay)

    def iter_pages(
        self,
        module: str,
        resource: str,
        *,
        params: Mapping[str, Any] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Json]:
        """Every page envelope of a list, from page 1 while ``hasMore``."""
        check_page_size(page_size)

        async def fetch(page: int) -> Any:
            query = {**(params or {}), "page": page, "pageSize": page_size}
            return await self.request("GET", module, resource, params=query)

        return aiter_pages(fetch)

    async def iter_all(
        self,
        module: str,
        resource: str,
        *,
        params: Mapping[str, Any] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Json]:
        """Every row of a list, reading as many pages as it takes."""
        async for page in self.iter_pages(module, resource, params=params, page_size=page_size):
            for row in page.get("data") or []:
                yield row

    def export(
        self,
        module: str,
        feed: str,
        *,
        from_: str | None = None,
        include_recent_changes: bool = False,
    ) -> AsyncExportIterator:
        """Iterate ``/{module}/v2/tenant/{tenant}/export/{feed}`` batch by batch from ``from_``
        (a saved ``continueFrom`` token, a date, or ``None`` for the beginning)."""

        async def fetch(token: str | None) -> Any:
            query = {"from": token, "includeRecentChanges": include_recent_changes}
            return await self.request("GET", module, f"export/{feed}", params=query)

        return AsyncExportIterator(fetch, from_)

    # -- setup helpers -----------------------------------------------------------------------

    async def detect_booking_providers(self) -> list[Json]:
        """All of the tenant's booking provider tags, for the user to pick theirs during setup."""
        return [tag async for tag in self.booking_provider_tags.iter_all()]
