"""Helpers of the CRM customer and location tests: an onboarded tenant's API and body builders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.testclient import TestClient

from mockst.api.operation import TenantContext
from mockst.store.world import World
from mockst.testing import api_headers, take_token


def address(**overrides: Any) -> dict[str, Any]:
    return {
        "street": "1 Main St",
        "unit": None,
        "city": "Austin",
        "state": "TX",
        "zip": "78701",
        "country": "USA",
        **overrides,
    }


def new_location(name: str = "Home", **overrides: Any) -> dict[str, Any]:
    return {"name": name, "address": address(), **overrides}


def new_customer(name: str = "Ada Lovelace", **overrides: Any) -> dict[str, Any]:
    return {"name": name, "address": address(), "locations": [new_location()], **overrides}


@dataclass
class Crm:
    """One onboarded tenant's CRM API, called in-process."""

    http: TestClient
    world: World
    creds: dict[str, Any]

    @property
    def tenant(self) -> int:
        return int(self.creds["tenantId"])

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        url = f"/crm/v2/tenant/{self.tenant}{path}"
        return self.http.request(method, url, headers=self.creds["headers"], **kwargs)

    def get(self, path: str, **params: Any) -> Any:
        return self.call("GET", path, params=params)

    def post(self, path: str, body: Any = None) -> Any:
        return self.call("POST", path, json=body)

    def patch(self, path: str, body: Any) -> Any:
        return self.call("PATCH", path, json=body)

    def put(self, path: str, body: Any) -> Any:
        return self.call("PUT", path, json=body)

    def delete(self, path: str, body: Any = None) -> Any:
        return self.call("DELETE", path, json=body)

    def advance(self, seconds: float) -> None:
        """Move the simulator's clock, and take a fresh token when the old one would expire."""
        self.world.clock.advance(seconds)
        if seconds >= 600:
            token = take_token(self.http, self.creds["clientId"], self.creds["clientSecret"])
            self.creds["headers"] = api_headers(self.creds, token)

    def ok(self, response: Any) -> Any:
        assert response.status_code == 200, response.text
        return response.json() if response.content else None

    def customer(self, name: str = "Ada Lovelace", **overrides: Any) -> dict[str, Any]:
        return self.ok(self.post("/customers", new_customer(name, **overrides)))

    def location(self, customer_id: int, name: str = "Cabin", **overrides: Any) -> dict[str, Any]:
        body = {**new_location(name, **overrides), "customerId": customer_id}
        return self.ok(self.post("/locations", body))

    def ids(self, path: str, **params: Any) -> list[int]:
        return [row["id"] for row in self.ok(self.get(path, pageSize=5000, **params))["data"]]

    def feed(self, path: str, token: str | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"includeRecentChanges": "true"}
        if token is not None:
            params["from"] = token
        return self.ok(self.get(path, **params))

    def context(self) -> TenantContext:
        """The tenant's tables, for writes a test makes behind the API (inside a transaction)."""
        world = self.world
        return TenantContext(world, world.tenant_data(self.tenant), world.clock.now())

    def seed(self, table: str, rows: list[dict[str, Any]]) -> list[int]:
        """Rows written straight into one of the tenant's tables (Settings data, custom fields)."""
        ids = []
        with self.world.transaction():
            ctx = TenantContext(
                self.world, self.world.tenant_data(self.tenant), self.world.clock.now()
            )
            for data in rows:
                ident = self.world.new_id()
                stamp = "2024-01-01T00:00:00Z"
                record = {"id": ident, "createdOn": stamp, "modifiedOn": stamp, **data}
                ctx.table(table).insert(ident, record, ctx.now)
                ids.append(ident)
        return ids
