"""``ServiceTitanClient``: the synchronous client."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx

from ._core import DEFAULT_TIMEOUT, ClientCore, encode_params
from .auth import Clock
from .config import ClientConfig, Environment
from .errors import TokenError
from .paging import DEFAULT_PAGE_SIZE, ExportIterator, check_page_size, iter_pages
from .retry import RetryPolicy

__all__ = ["ServiceTitanClient"]

Json = dict[str, Any]
# Type arguments of the resource helpers for this client: plain values, iterators.
_R = Any
_P = Iterator[Json]
_E = ExportIterator


class ServiceTitanClient(ClientCore[_R, _P, _E]):
    """Synchronous ServiceTitan client for one tenant connection.

    Give either ``environment`` (``"production"``, the default, or ``"integration"``) or both
    ``auth_url`` and ``api_url`` (a simulator, e.g. ``http://127.0.0.1:8080`` for both).
    ``booking_provider_id`` is the default provider for ``client.bookings``.

    For tests: ``transport`` (e.g. ``httpx.MockTransport``) or a ready ``http_client``; ``clock``
    (seconds, drives token expiry) and ``sleep`` (called with every retry wait).
    The client is thread-safe; share one per connection so the token is shared too.
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
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
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
        self._http = http_client or httpx.Client(transport=transport, timeout=timeout)
        self._sleep = sleep

    def close(self) -> None:
        """Close the HTTP connection pool, unless it was passed in (then its owner closes it)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ServiceTitanClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- generic calls -----------------------------------------------------------------------

    def request(
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
        response = self.send(method, self.url(module, resource), params=params, json=json)
        return self._decode(response)

    def send(
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
                outcome = self._http.request(method, url, params=query, json=json, auth=self.auth)
            except (httpx.TransportError, TokenError) as exc:
                outcome = exc
            delay = self._retry_delay(method, url, attempt, outcome)
            if delay is None:
                if isinstance(outcome, Exception):
                    raise outcome
                return outcome
            self._sleep(delay)

    def iter_pages(
        self,
        module: str,
        resource: str,
        *,
        params: Mapping[str, Any] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Json]:
        """Every page envelope of a list, from page 1 while ``hasMore``."""
        check_page_size(page_size)

        def fetch(page: int) -> Any:
            query = {**(params or {}), "page": page, "pageSize": page_size}
            return self.request("GET", module, resource, params=query)

        return iter_pages(fetch)

    def iter_all(
        self,
        module: str,
        resource: str,
        *,
        params: Mapping[str, Any] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Json]:
        """Every row of a list, reading as many pages as it takes."""
        for page in self.iter_pages(module, resource, params=params, page_size=page_size):
            yield from page.get("data") or []

    def export(
        self,
        module: str,
        feed: str,
        *,
        from_: str | None = None,
        include_recent_changes: bool = False,
    ) -> ExportIterator:
        """Iterate ``/{module}/v2/tenant/{tenant}/export/{feed}`` batch by batch from ``from_``
        (a saved ``continueFrom`` token, a date, or ``None`` for the beginning)."""

        def fetch(token: str | None) -> Any:
            query = {"from": token, "includeRecentChanges": include_recent_changes}
            return self.request("GET", module, f"export/{feed}", params=query)

        return ExportIterator(fetch, from_)

    # -- setup helpers -----------------------------------------------------------------------

    def detect_booking_providers(self) -> list[Json]:
        """All of the tenant's booking provider tags, for the user to pick theirs during setup."""
        return list(self.booking_provider_tags.iter_all())
