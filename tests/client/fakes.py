"""A small fake ServiceTitan for driving the client through ``httpx.MockTransport``.

It knows just enough to exercise the client's behaviour: a token endpoint whose tokens expire by
an injectable clock, auth checks on every API call, a paged customer list, a customer export feed,
and scripted outcomes (429, 5xx, 401, network errors) consumed before normal handling. Every
request is recorded so tests can count what the server really saw. Anything it does not model
answers with an echo of the request, which is how helper paths are checked.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import httpx
from mockst_client import AsyncServiceTitanClient, ServiceTitanClient

TENANT = 4242
APP_KEY = "ak1.app-key-VALUE-must-not-leak"
CLIENT_ID = "cid.fakeclient01"
CLIENT_SECRET = "cs1.client-secret-VALUE-must-not-leak"
AUTH_URL = "https://auth.fake.test"
API_URL = "https://api.fake.test"
TOKEN_PREFIX = "tok.VALUE-must-not-leak-"

Outcome = int | httpx.Response | Exception


class FakeClock:
    """Seconds that only move when a test says so (kept in integer milliseconds: no drift)."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.ms = round(start * 1000)

    def __call__(self) -> float:
        return self.ms / 1000

    def advance(self, seconds: float) -> None:
        self.ms += round(seconds * 1000)


def api_error(
    status: int, title: str, errors: dict[str, list[str]] | None = None
) -> httpx.Response:
    return httpx.Response(
        status,
        json={
            "type": f"https://httpstatuses.io/{status}",
            "title": title,
            "status": status,
            "traceId": f"trace-{status}",
            "errors": errors or {},
            "data": {},
        },
    )


def rate_limited(retry_after: str | None) -> httpx.Response:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return httpx.Response(429, headers=headers, json={"title": "Too Many Requests", "status": 429})


@dataclass
class Seen:
    """One API request as the server received it."""

    method: str
    module: str
    resource: str  # the path after /{module}/v2/tenant/{tenant}/
    params: dict[str, str]
    headers: httpx.Headers
    body: Any


class FakeServiceTitan:
    def __init__(
        self,
        clock: FakeClock | None = None,
        *,
        token_lifetime: int = 900,
        token_delay: float = 0.0,
        export_batch: int = 10,
    ) -> None:
        self.clock = clock or FakeClock()
        self.token_lifetime = token_lifetime
        self.token_delay = token_delay  # real seconds the token endpoint takes (widens races)
        self.export_batch = export_batch
        self.tokens: dict[str, float] = {}  # token -> expiry on self.clock
        self.token_requests = 0
        self.seen: list[Seen] = []
        self.customers: list[dict[str, Any]] = []
        self.tags: list[dict[str, Any]] = []
        self._scripts: dict[tuple[str, str], deque[Outcome]] = defaultdict(deque)
        self._lock = threading.Lock()

    # -- test controls -----------------------------------------------------------------------

    def script(self, method: str, resource: str, *outcomes: Outcome) -> None:
        """Queue outcomes for ``method resource`` (``resource`` "token" = the token endpoint)."""
        self._scripts[(method, resource)].extend(outcomes)

    def add_customers(self, count: int) -> None:
        for _ in range(count):
            number = len(self.customers) + 1
            self.customers.append({"id": number, "name": f"Customer {number}", "active": True})

    def revoke_tokens(self) -> None:
        self.tokens.clear()

    def count(self, method: str, resource: str | None = None) -> int:
        return sum(1 for s in self.seen if s.method == method and resource in (None, s.resource))

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def async_transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.ahandle)

    # -- handlers ----------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/connect/token" and self.token_delay:
            time.sleep(self.token_delay)
        return self._dispatch(request)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/connect/token" and self.token_delay:
            await asyncio.sleep(self.token_delay)
        return self._dispatch(request)

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            if request.url.path == "/connect/token":
                return self._token(request)
            return self._api(request)

    def _scripted(self, method: str, resource: str) -> httpx.Response | None:
        queue = self._scripts.get((method, resource))
        if not queue:
            return None
        outcome = queue.popleft()
        if isinstance(outcome, Exception):
            raise outcome
        if isinstance(outcome, int):
            return api_error(outcome, f"scripted {outcome}")
        return outcome

    def _token(self, request: httpx.Request) -> httpx.Response:
        self.token_requests += 1
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        scripted = self._scripted("POST", "token")
        if scripted is not None:
            return scripted
        if form.get("grant_type") != "client_credentials":
            return httpx.Response(400, json={"error": "unsupported_grant_type"})
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return httpx.Response(400, json={"error": "invalid_client"})
        token = f"{TOKEN_PREFIX}{self.token_requests}"
        self.tokens[token] = self.clock() + self.token_lifetime
        return httpx.Response(
            200,
            json={
                "access_token": token,
                "expires_in": self.token_lifetime,
                "token_type": "Bearer",
                "scope": "tn.crm.customers:r tn.crm.customers:w",
            },
        )

    def _api(self, request: httpx.Request) -> httpx.Response:
        parts = request.url.path.strip("/").split("/", 4)
        if len(parts) < 5 or parts[1:4] != ["v2", "tenant", str(TENANT)]:
            return api_error(404, "Not Found")
        resource = parts[4]
        seen = Seen(
            method=request.method,
            module=parts[0],
            resource=resource,
            params=dict(request.url.params),
            headers=request.headers,
            body=json.loads(request.content) if request.content else None,
        )
        self.seen.append(seen)
        if request.headers.get("ST-App-Key") != APP_KEY:
            return api_error(401, "Unauthorized: app key")
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if self.tokens.get(token, float("-inf")) <= self.clock():
            return api_error(401, "Unauthorized: token")
        scripted = self._scripted(request.method, resource)
        if scripted is not None:
            return scripted
        return self._route(seen)

    def _route(self, seen: Seen) -> httpx.Response:
        parts = seen.resource.split("/")
        if seen.module != "crm":
            return self._echo(seen)
        if seen.method == "GET" and parts == ["customers"]:
            return self._page(self.customers, seen.params)
        if seen.method == "GET" and parts == ["booking-provider-tags"]:
            return self._page(self.tags, seen.params)
        if seen.method == "GET" and parts[0] == "customers" and len(parts) == 2:
            for customer in self.customers:
                if str(customer["id"]) == parts[1]:
                    return httpx.Response(200, json=customer)
            return api_error(404, "Customer not found")
        if seen.method == "GET" and parts == ["export", "customers"]:
            return self._export(seen.params)
        if seen.method == "DELETE":
            return httpx.Response(200)
        return self._echo(seen)

    @staticmethod
    def _echo(seen: Seen) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "method": seen.method,
                "module": seen.module,
                "resource": seen.resource,
                "params": seen.params,
                "body": seen.body,
            },
        )

    @staticmethod
    def _page(rows: list[dict[str, Any]], params: dict[str, str]) -> httpx.Response:
        page, size = int(params.get("page", 1)), int(params.get("pageSize", 50))
        chunk = rows[(page - 1) * size : page * size]
        envelope = {
            "page": page,
            "pageSize": size,
            "hasMore": page * size < len(rows),
            "totalCount": len(rows) if params.get("includeTotal") == "true" else None,
            "data": chunk,
        }
        return httpx.Response(200, json=envelope)

    def _export(self, params: dict[str, str]) -> httpx.Response:
        token = params.get("from")
        # A token we issued resumes after it; no token or a date starts from the beginning.
        start = int(token.removeprefix("cursor-")) if token and token.startswith("cursor-") else 0
        end = min(start + self.export_batch, len(self.customers))
        return httpx.Response(
            200,
            json={
                "hasMore": end < len(self.customers),
                "continueFrom": f"cursor-{end}",
                "data": self.customers[start:end],
            },
        )


class Sleeps(list[float]):
    """A ``sleep`` that records the wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


class AsyncSleeps(list[float]):
    """The async twin of :class:`Sleeps`."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def credentials() -> dict[str, Any]:
    return {
        "tenant_id": TENANT,
        "app_key": APP_KEY,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "auth_url": AUTH_URL,
        "api_url": API_URL,
    }


def sync_client(fake: FakeServiceTitan, **options: Any) -> tuple[ServiceTitanClient, Sleeps]:
    """A client wired to ``fake``, its clock, and a recording sleep."""
    sleeps = Sleeps()
    options = {**credentials(), "clock": fake.clock, "sleep": sleeps, **options}
    client = ServiceTitanClient(transport=fake.transport(), **options)
    return client, sleeps


def async_client(
    fake: FakeServiceTitan, **options: Any
) -> tuple[AsyncServiceTitanClient, AsyncSleeps]:
    sleeps = AsyncSleeps()
    options = {**credentials(), "clock": fake.clock, "sleep": sleeps, **options}
    client = AsyncServiceTitanClient(transport=fake.async_transport(), **options)
    return client, sleeps
