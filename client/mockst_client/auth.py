"""Client-credentials token handling as an ``httpx.Auth`` flow.

ServiceTitan issues 15-minute tokens and throttles the token endpoint, so a well-behaved connector
asks for a token once per lifetime, not once per call and not once per worker. This flow:

* reuses one token until ``margin`` seconds before ``expires_in`` runs out (a request started just
  before expiry must not arrive just after it);
* lets only one caller fetch a token at a time, the others wait and then reuse the fresh token
  (double-checked locking; a ``threading.Lock`` for sync clients, an ``asyncio.Lock`` for async);
* on a 401, fetches a new token once and retries the request once, unless another caller already
  replaced the token that was refused, in which case that newer token is used;
* adds ``ST-App-Key`` to every API request, since ServiceTitan requires it beside the bearer token.

Living in an ``Auth`` flow means the token request goes through the same httpx client (transport,
proxies, timeouts) as the API calls, which is also what lets tests fake both with one transport.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass, field

import httpx

from ._log import logger
from .config import ClientConfig
from .errors import TokenError, token_error_from_response

__all__ = ["Clock", "ServiceTitanAuth"]

Clock = Callable[[], float]

#: ServiceTitan's documented token lifetime, used if a token response omits ``expires_in``.
DEFAULT_EXPIRES_IN = 900.0


@dataclass(frozen=True)
class _Token:
    value: str = field(repr=False)
    refresh_at: float


class ServiceTitanAuth(httpx.Auth):
    """Bearer-token auth for one ServiceTitan connection (client id + secret), plus the app key.

    ``clock`` returns seconds from any fixed origin (default ``time.monotonic``); tests pass a fake
    clock to move through token lifetimes without waiting. The clients build one for you; it also
    works on its own: ``httpx.Client(auth=ServiceTitanAuth(config))``.
    """

    def __init__(
        self, config: ClientConfig, *, clock: Clock = time.monotonic, margin: float = 60.0
    ) -> None:
        self._config = config
        self._clock = clock
        self._margin = margin
        self._token: _Token | None = None
        self._thread_lock = threading.Lock()
        self._async_lock = asyncio.Lock()
        self.tokens_fetched = 0  # for metrics: should grow by about one per lifetime

    def is_token_request(self, request: httpx.Request) -> bool:
        """Whether ``request`` is this flow's token request (a failure there sent no API call)."""
        return request.method == "POST" and request.url == httpx.URL(self._config.token_url)

    def invalidate(self) -> None:
        """Forget the cached token (e.g. after rotating the client secret)."""
        self._token = None

    # -- flows -----------------------------------------------------------------------------

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Authorize ``request``; on a 401, once more with a token other than the refused one.

        The lock is held across the ``yield`` of the token request on purpose: that is what makes
        the other callers wait for this fetch. httpx closes the generator if sending fails, which
        releases the lock.
        """
        refused: _Token | None = None
        for attempt in (1, 2):
            token = self._usable(refused)
            if token is None:
                with self._thread_lock:
                    token = self._usable(refused)
                    if token is None:
                        started = self._clock()
                        response = yield self._token_request(request)
                        response.read()
                        token = self._accept(response, started)
            response = yield self._authorize(request, token)
            if response.status_code != 401 or attempt == 2:
                return
            refused = token
            self._log_refresh(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The same flow as :meth:`sync_auth_flow`, serialised by an ``asyncio.Lock``."""
        refused: _Token | None = None
        for attempt in (1, 2):
            token = self._usable(refused)
            if token is None:
                async with self._async_lock:
                    token = self._usable(refused)
                    if token is None:
                        started = self._clock()
                        response = yield self._token_request(request)
                        await response.aread()
                        token = self._accept(response, started)
            response = yield self._authorize(request, token)
            if response.status_code != 401 or attempt == 2:
                return
            refused = token
            self._log_refresh(request)

    # -- shared steps ----------------------------------------------------------------------

    def _usable(self, refused: _Token | None) -> _Token | None:
        token = self._token
        if token is None or token is refused or self._clock() >= token.refresh_at:
            return None
        return token

    def _token_request(self, api_request: httpx.Request) -> httpx.Request:
        logger.debug("requesting access token from %s", self._config.token_url)
        return httpx.Request(
            "POST",
            self._config.token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": self._config.client_id,
                "client_secret": self._config.client_secret,
            },
            # Same timeouts as the call that needed the token.
            extensions={k: v for k, v in api_request.extensions.items() if k == "timeout"},
        )

    def _accept(self, response: httpx.Response, started: float) -> _Token:
        if response.status_code != 200:
            raise token_error_from_response(response)
        try:
            body = response.json()
            value = body["access_token"]
            expires_in = float(body.get("expires_in", DEFAULT_EXPIRES_IN))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise TokenError(
                "token endpoint answered 200 without a usable access_token",
                status_code=200,
                response=response,
            ) from None
        # Never plan to refresh before half the lifetime, or a short-lived token (or a big
        # margin) would make every single call fetch a new one.
        lifetime = max(expires_in - self._margin, expires_in / 2)
        # Count from when we asked: the server's clock started no later than that.
        token = _Token(value=str(value), refresh_at=started + lifetime)
        self._token = token
        self.tokens_fetched += 1
        logger.info("obtained access token (expires_in=%ss, reuse for %ss)", expires_in, lifetime)
        return token

    def _authorize(self, request: httpx.Request, token: _Token) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.value}"
        request.headers["ST-App-Key"] = self._config.app_key
        return request

    @staticmethod
    def _log_refresh(request: httpx.Request) -> None:
        logger.info(
            "401 on %s %s: fetching a new token and retrying once", request.method, request.url.path
        )
