"""Helpers for running the simulator inside tests: a real server on a free port, and onboarding.

The contract kit's pytest plugin builds on these; the project's own tests use them directly.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette

# The ``onboard`` fixture: quickstart a tenant, return credentials with ready headers.
Onboard = Callable[..., dict[str, Any]]


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_executable() -> str | None:
    """The browser the inspector's tests and benchmark drive: ``MOCKST_CHROMIUM``, else the first
    Chromium on ``PATH`` (Debian's is /usr/bin/chromium), else None."""
    given = os.environ.get("MOCKST_CHROMIUM")
    if given:
        return given if os.path.exists(given) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: Starlette, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Run ``app`` on uvicorn in a background thread; yields its base URL."""
    port = port or free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="error", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the simulator did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def take_token(client: httpx.Client, client_id: str, client_secret: str) -> str:
    response = client.post(
        "/connect/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
        },
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def api_headers(creds: dict[str, Any], token: str) -> dict[str, str]:
    return {"ST-App-Key": str(creds["appKey"]), "Authorization": f"Bearer {token}"}


def operation_url(operation_id: str, tenant_id: int | str, **path: Any) -> tuple[str, str]:
    """(method, URL path) of a declared operation for one tenant, its other path parameters
    filled in: tests name operations as ServiceTitan's documents do, not by hand-written paths."""
    from mockst.api import registry

    for op in registry.operations():
        if op.operation_id == operation_id:
            url = op.full_path.replace("{tenant}", str(tenant_id))
            for name, value in path.items():
                url = url.replace("{" + name + "}", str(value))
            if "{" in url:
                raise TypeError(f"{operation_id} needs path parameters: {url}")
            return op.method, url
    raise KeyError(f"no operation {operation_id!r}")


class TenantApi:
    """One onboarded tenant's API, called by operationId (the tests' shared API fixture)."""

    def __init__(self, client: httpx.Client, creds: dict[str, Any]) -> None:
        self.client = client
        self.creds = creds
        self.tenant_id = int(creds["tenantId"])
        self.headers: dict[str, str] = creds["headers"]

    @classmethod
    def quickstart(cls, client: httpx.Client, **options: Any) -> TenantApi:
        """A new quickstarted tenant (``options`` as ``POST /_mock/quickstart`` takes them), its
        token taken: what a state machine starts each example with."""
        answer = client.post("/_mock/quickstart", json=options)
        answer.raise_for_status()
        creds = answer.json()
        token = take_token(client, creds["clientId"], creds["clientSecret"])
        return cls(client, {**creds, "headers": api_headers(creds, token)})

    def url(self, operation_id: str, **path: Any) -> str:
        return operation_url(operation_id, self.tenant_id, **path)[1]

    def call(
        self,
        operation_id: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        **path: Any,
    ) -> httpx.Response:
        method, url = operation_url(operation_id, self.tenant_id, **path)
        return self.client.request(
            method,
            url,
            json=json,
            params=params,
            headers=self.headers if headers is None else headers,
        )
