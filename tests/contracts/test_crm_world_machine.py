"""A hypothesis state machine over the CRM world, against a small reference model.

Random sequences of customer, location, booking, lead and tag operations over three tenants, each
with two booking providers and two connections (one unrestricted, one restricted to the second
provider), with clock advances. After every step the simulator agrees with the model: each tenant
holds exactly its own customers (tenants stay isolated), each booking is visible under its own
provider only, and the customers export, read from the last continueFrom, delivers each changed
customer exactly once, in change order, and holds back changes younger than 15 minutes unless
``includeRecentChanges`` is set.

The clock is frozen (it moves only when a rule advances it), so "younger than 15 minutes" is exact.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from mockst_contracts import strategies as sts
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.encoding import parse_datetime
from mockst.store.world import World

RECENT = 900  # seconds an export holds a change back
EXAMPLES = int(os.environ.get("MOCKST_WORLD_EXAMPLES", "10"))
STEPS = int(os.environ.get("MOCKST_WORLD_STEPS", "16"))
SEED = int(os.environ.get("MOCKST_WORLD_SEED", "20240611"))
TENANTS = 3


class Connection:
    """One connection's credentials; takes a new token when the clock expired the old one."""

    def __init__(self, http: TestClient, creds: dict[str, Any]) -> None:
        self.http = http
        self.creds = creds
        self.token: str | None = None

    def call(self, method: str, path: str, **kwargs: Any):
        for _ in range(2):
            if self.token is None:
                response = self.http.post(
                    "/connect/token",
                    data={
                        "grant_type": "client_credentials",
                        "client_id": self.creds["clientId"],
                        "client_secret": self.creds["clientSecret"],
                    },
                )
                assert response.status_code == 200, response.text
                self.token = response.json()["access_token"]
            headers = {"ST-App-Key": self.creds["appKey"], "Authorization": f"Bearer {self.token}"}
            response = self.http.request(method, path, headers=headers, **kwargs)
            if response.status_code == 401 and "expired" in response.text:
                self.token = None
                continue
            return response
        raise AssertionError("token refused twice")


@dataclass
class TenantModel:
    id: int
    crm: str
    own: Connection  # unrestricted, booking provider ``own_provider``
    restricted: Connection  # restricted to ``other_provider``
    own_provider: int
    other_provider: int
    customers: dict[int, str] = field(default_factory=dict)  # id -> name
    customer_tags: dict[int, set[int]] = field(default_factory=dict)
    locations: dict[int, int] = field(default_factory=dict)  # id -> customer id
    bookings: dict[int, int] = field(default_factory=dict)  # id -> provider
    leads: set[int] = field(default_factory=set)
    tag_types: list[int] = field(default_factory=list)
    # customers export: change order and instants, and what the feed delivered so far
    change_seq: dict[int, int] = field(default_factory=dict)
    change_time: dict[int, float] = field(default_factory=dict)
    delivered_seq: int = 0  # change number the stored continueFrom stands after
    cursor: str | None = None
    next_change: int = 0

    def changed(self, customer_id: int, modified_on: str) -> None:
        self.next_change += 1
        self.change_seq[customer_id] = self.next_change
        self.change_time[customer_id] = parse_datetime(modified_on).timestamp()


@pytest.fixture(scope="module")
def crm_world():
    world = World()
    config = Config(rate_limit=0, token_rate_limit=0, export_batch_size=4)
    with TestClient(create_app(world, config)) as http:
        yield http, world


def test_crm_world_agrees_with_the_model(crm_world):
    http, world = crm_world
    names = iter(range(1, 10**9))

    @seed(SEED)
    class CrmWorld(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.models: list[TenantModel] = []
            http.put("/_mock/clock", json={"frozen": True}).raise_for_status()

        @initialize(first=st.lists(sts.customers(st.just(1)), min_size=TENANTS, max_size=TENANTS))
        def onboard_tenants(self, first):
            for body in first:
                self.models.append(self._onboard())
                self._create_customer(self.models[-1], body)

        def _onboard(self) -> TenantModel:
            n = next(names)
            creds = http.post(
                "/_mock/quickstart", json={"tenantName": f"World {n}", "appName": f"App {n}"}
            ).json()
            tenant = creds["tenantId"]
            other = http.post(
                f"/_mock/tenants/{tenant}/booking-provider-tags", json={"tagName": "Other"}
            ).json()["id"]
            app = http.post("/_mock/apps", json={"name": f"Partner {n}"}).json()
            restricted = http.post(
                "/_mock/connections",
                json={"appId": app["id"], "tenantId": tenant, "bookingProviderId": other},
            ).json()
            if "clientSecret" not in restricted:  # the developer generates it (portal mode)
                secret = http.post(f"/_mock/connections/{restricted['clientId']}/secrets")
                restricted["clientSecret"] = secret.json()["clientSecret"]
            restricted["appKey"] = app["appKey"]
            return TenantModel(
                id=tenant,
                crm=f"/crm/v2/tenant/{tenant}",
                own=Connection(http, creds),
                restricted=Connection(http, restricted),
                own_provider=creds["bookingProviderId"],
                other_provider=other,
            )

        def pick(self, data: st.DataObject) -> TenantModel:
            return self.models[data.draw(st.integers(0, len(self.models) - 1), label="tenant")]

        # -- customers and locations ---------------------------------------------------------

        @rule(data=st.data(), body=sts.customers(st.integers(1, 2)))
        def create_customer(self, data, body):
            self._create_customer(self.pick(data), body)

        def _create_customer(self, t: TenantModel, body: dict) -> None:
            response = t.own.call("POST", f"{t.crm}/customers", json=body)
            assert response.status_code == 200, response.text
            created = response.json()
            t.customers[created["id"]] = created["name"]
            t.customer_tags[created["id"]] = set()
            for location in created["locations"]:
                t.locations[location["id"]] = created["id"]
            t.changed(created["id"], created["modifiedOn"])

        @rule(data=st.data(), name=sts.names())
        def rename_customer(self, data, name):
            t = self.pick(data)
            if not t.customers:
                return
            customer = data.draw(st.sampled_from(sorted(t.customers)), label="customer")
            response = t.own.call("PATCH", f"{t.crm}/customers/{customer}", json={"name": name})
            assert response.status_code == 200, response.text
            t.customers[customer] = name
            t.changed(customer, response.json()["modifiedOn"])

        @rule(data=st.data(), address=sts.addresses())
        def add_location(self, data, address):
            t = self.pick(data)
            if not t.customers:
                return
            customer = data.draw(st.sampled_from(sorted(t.customers)), label="customer")
            body = {"customerId": customer, "name": "Extra site", "address": address}
            response = t.own.call("POST", f"{t.crm}/locations", json=body)
            assert response.status_code == 200, response.text
            t.locations[response.json()["id"]] = customer

        @rule(data=st.data())
        def foreign_customer_is_invisible(self, data):
            t, other = self.pick(data), self.pick(data)
            if other is t or not other.customers:
                return
            customer = data.draw(st.sampled_from(sorted(other.customers)), label="customer")
            # Through our own tenant's path the other tenant's id names nothing...
            assert t.own.call("GET", f"{t.crm}/customers/{customer}").status_code == 404
            # ...and our token opens no other tenant's path.
            assert t.own.call("GET", f"{other.crm}/customers/{customer}").status_code == 403

        # -- tags ----------------------------------------------------------------------------

        @rule(data=st.data())
        def create_tag_type(self, data):
            t = self.pick(data)
            body = {"name": f"Tag {next(names)}", "color": "#3366ff"}
            response = t.own.call("POST", f"/settings/v2/tenant/{t.id}/tag-types", json=body)
            assert response.status_code == 200, response.text
            t.tag_types.append(response.json()["id"])

        @rule(data=st.data())
        def toggle_customer_tag(self, data):
            t = self.pick(data)
            if not t.customers or not t.tag_types:
                return
            customer = data.draw(st.sampled_from(sorted(t.customers)), label="customer")
            tag = data.draw(st.sampled_from(t.tag_types), label="tag")
            path = f"{t.crm}/customers/{customer}/tags/{tag}"
            if tag in t.customer_tags[customer]:
                assert t.own.call("DELETE", path).status_code == 200
                t.customer_tags[customer].discard(tag)
            else:
                response = t.own.call("POST", path)
                assert response.status_code == 200, response.text
                t.customer_tags[customer].add(tag)
            modified = t.own.call("GET", f"{t.crm}/customers/{customer}").json()["modifiedOn"]
            t.changed(customer, modified)

        @rule(data=st.data())
        def bulk_tag(self, data):
            t = self.pick(data)
            if not t.customers or not t.tag_types:
                return
            customers = data.draw(
                st.lists(st.sampled_from(sorted(t.customers)), min_size=1, max_size=3, unique=True)
            )
            tag = data.draw(st.sampled_from(t.tag_types), label="tag")
            body = {"customerIds": customers, "tagTypeIds": [tag]}
            assert t.own.call("PUT", f"{t.crm}/tags", json=body).status_code == 200
            for customer in customers:  # the simulator changes them in the body's order
                if tag not in t.customer_tags[customer]:
                    t.customer_tags[customer].add(tag)
                    row = t.own.call("GET", f"{t.crm}/customers/{customer}").json()
                    t.changed(customer, row["modifiedOn"])

        # -- bookings and leads ----------------------------------------------------------------

        @rule(data=st.data(), body=sts.bookings(), by_partner=st.booleans())
        def create_booking(self, data, body, by_partner):
            t = self.pick(data)
            connection, provider = (
                (t.restricted, t.other_provider) if by_partner else (t.own, t.own_provider)
            )
            path = f"{t.crm}/booking-provider/{provider}/bookings"
            response = connection.call("POST", path, json=body)
            assert response.status_code == 200, response.text
            assert response.json()["bookingProviderId"] == provider
            t.bookings[response.json()["id"]] = provider

        @rule(data=st.data(), body=sts.bookings())
        def restricted_connection_stays_in_its_provider(self, data, body):
            t = self.pick(data)
            path = f"{t.crm}/booking-provider/{t.own_provider}/bookings"
            assert t.restricted.call("POST", path, json=body).status_code == 403
            assert t.restricted.call("GET", f"{t.crm}/bookings").status_code == 403

        @rule(data=st.data(), body=sts.leads())
        def create_lead(self, data, body):
            t = self.pick(data)
            response = t.own.call("POST", f"{t.crm}/leads", json=body)
            assert response.status_code == 200, response.text
            t.leads.add(response.json()["id"])

        # -- time and the export ---------------------------------------------------------------

        @rule(minutes=st.sampled_from([16, 1, 15, 45]))
        def advance_clock(self, minutes):
            http.post("/_mock/clock/advance", json={"seconds": minutes * 60}).raise_for_status()

        @rule(data=st.data())
        def read_recent_changes(self, data):
            self.read_export(self.pick(data), recent=True)

        def read_export(self, t: TenantModel, recent: bool) -> None:
            """Read the customers export from the stored continueFrom to the end."""
            now = world.clock.now().timestamp()
            pending = sorted(
                (seq, cid) for cid, seq in t.change_seq.items() if seq > t.delivered_seq
            )
            expected = []
            for seq, cid in pending:
                if not recent and t.change_time[cid] > now - RECENT:
                    break  # this change and every later one wait
                expected.append((seq, cid))
            delivered = []
            while True:
                params = {"includeRecentChanges": recent}
                if t.cursor:
                    params["from"] = t.cursor
                response = t.own.call("GET", f"{t.crm}/export/customers", params=params)
                assert response.status_code == 200, response.text
                body = response.json()
                delivered.extend(row["id"] for row in body["data"])
                for row in body["data"]:
                    assert row["name"] == t.customers[row["id"]]
                t.cursor = body["continueFrom"]
                if not body["hasMore"]:
                    break
            assert delivered == [cid for _, cid in expected]
            if expected:
                t.delivered_seq = expected[-1][0]

        # -- invariants --------------------------------------------------------------------------

        @invariant()
        def exports_deliver_settled_changes_once_in_order(self):
            for t in self.models:
                self.read_export(t, recent=False)

        @invariant()
        def each_tenant_holds_exactly_its_customers(self):
            for t in self.models:
                body = t.own.call(
                    "GET", f"{t.crm}/customers", params={"pageSize": 500, "active": "Any"}
                ).json()
                assert {c["id"]: c["name"] for c in body["data"]} == t.customers
                tags = {c["id"]: set(c["tagTypeIds"]) for c in body["data"]}
                assert tags == t.customer_tags
                locations = t.own.call(
                    "GET", f"{t.crm}/locations", params={"pageSize": 500, "active": "Any"}
                ).json()["data"]
                assert {loc["id"]: loc["customerId"] for loc in locations} == t.locations

        @invariant()
        def bookings_stay_inside_their_provider(self):
            for t in self.models:
                seen = {}
                for connection, provider in (
                    (t.own, t.own_provider),
                    (t.restricted, t.other_provider),
                ):
                    path = f"{t.crm}/booking-provider/{provider}/bookings"
                    rows = connection.call("GET", path, params={"pageSize": 500}).json()["data"]
                    assert all(r["bookingProviderId"] == provider for r in rows)
                    seen.update({r["id"]: provider for r in rows})
                assert seen == t.bookings
                every = t.own.call("GET", f"{t.crm}/bookings", params={"pageSize": 500}).json()
                assert {r["id"] for r in every["data"]} == set(t.bookings)
                leads = t.own.call("GET", f"{t.crm}/leads", params={"pageSize": 500}).json()
                assert {r["id"] for r in leads["data"]} == t.leads

    try:
        run_state_machine_as_test(
            CrmWorld,
            settings=settings(
                max_examples=EXAMPLES,
                stateful_step_count=STEPS,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        http.put("/_mock/clock", json={"frozen": False})
