"""No side door around the booking-provider restriction.

A connection restricted to its own provider shares a tenant with a rival provider whose booking
carries a marker in every text field. The restricted connection names the rival's booking and tag
everywhere an id goes (path, query, body) in every operation: it never sees the marker, never
changes the rival's rows, and the operations that reach them by id are refused with the guard's
403. The explicit tests are the side doors once found open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient
from test_bookings import Conn, make_client, onboard

from mockst.api import registry
from mockst.config import Config
from mockst.control.models import every_scope
from mockst.crm.contacts import RELATIONSHIPS_TABLE
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.store.world import World

MARKER = "Rivalmark"
SCOPES = every_scope()
NO_LIMITS = Config(rate_limit=0, token_rate_limit=0)


@dataclass
class Tenant:
    world: World
    owner: Conn  # unrestricted, writing the rival provider's bookings
    restricted: Conn  # restricted to its own provider
    rival: int  # the rival provider's tag id
    rival_booking: int
    rival_contact: int  # a booking contact of the rival's booking
    contact: str  # a Contacts v2 contact related to the rival's booking
    own_booking: int

    def rival_rows(self) -> dict[str, Any]:
        """The rival's tag, booking, booking contacts and relationships, as stored."""
        data = self.world.tenant_data(self.owner.tenant)
        return {
            name: {
                r.id: dict(r.data)
                for r in data.table(name).rows()
                if r.id in (self.rival, self.rival_booking)
                or r.get("bookingId") == self.rival_booking
                or r.get("relatedEntityId") == self.rival_booking
            }
            for name in (BOOKING_PROVIDER_TAGS, "bookings", "booking_contacts", RELATIONSHIPS_TABLE)
            if name in data.tables
        }


def _setup(http: TestClient, world: World) -> Tenant:
    restricted = onboard(
        http, bookingProviderTag="Own Bookings", restrictToBookingProvider=True
    )
    rival = http.post(
        f"/_mock/tenants/{restricted.tenant}/booking-provider-tags",
        json={"tagName": f"{MARKER} Bookings"},
    ).json()["id"]
    app = http.post("/_mock/apps", json={"name": "Owner App", "scopes": SCOPES}).json()
    allow = {"appId": app["id"], "tenantId": restricted.tenant, "allow": True}
    connection = http.post("/_mock/connections", json=allow).json()
    secret = http.post(f"/_mock/connections/{connection['clientId']}/secrets").json()
    connection["clientSecret"] = secret["clientSecret"]
    owner = Conn(http, {**connection, "tenantId": restricted.tenant, "appKey": app["appKey"],
                        "bookingProviderId": rival})  # fmt: skip
    owner.refresh()
    address = {"street": f"1 {MARKER} St", "city": MARKER, "state": "CA", "zip": "94000",
               "country": "USA"}  # fmt: skip
    booking = owner.create_booking(
        name=f"{MARKER} Customer",
        summary=f"{MARKER} summary",
        externalId=MARKER,
        address=address,
        contacts=[{"type": "Email", "value": f"{MARKER}@example.com", "memo": MARKER}],
    )
    rival_contact = owner.get(f"{owner.pb()}/{booking['id']}/contacts").json()["data"][0]["id"]
    contact = owner.post("/contacts", {"name": "Shared contact"})
    assert contact.status_code == 200, contact.text
    contact_id = contact.json()["id"]
    linked = owner.post(f"/contacts/{contact_id}/relationships/{booking['id']}/booking")
    assert linked.status_code == 200, linked.text
    own = restricted.create_booking()
    return Tenant(
        world, owner, restricted, owner.provider, int(booking["id"]), int(rival_contact),
        contact_id, int(own["id"]),
    )  # fmt: skip


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[TestClient, World]]:
    world = World()
    with make_client(world, NO_LIMITS) as http:
        yield http, world


@pytest.fixture
def tenant(shared: tuple[TestClient, World]) -> Tenant:
    return _setup(*shared)


def _refused(response: Any) -> None:
    assert response.status_code == 403, response.text
    assert response.json()["data"]["reason"] == "booking_provider_restricted"
    assert MARKER not in response.text


def test_a_lead_from_another_providers_booking_is_refused(tenant: Tenant) -> None:
    lead = {"campaignId": 1, "summary": "Follow up", "callReasonId": 1}
    before = tenant.rival_rows()
    _refused(tenant.restricted.post("/leads", {**lead, "bookingId": tenant.rival_booking}))
    assert tenant.rival_rows() == before  # the rival's booking is not dismissed
    own = tenant.restricted.post("/leads", {**lead, "bookingId": tenant.own_booking})
    assert own.status_code == 200, own.text


def test_a_lead_made_from_another_providers_booking_stays_hidden(tenant: Tenant) -> None:
    """The owner turns the rival's booking into a lead (it copies the booking's name and
    address): a restricted connection neither lists, exports, reads nor changes that lead."""
    lead = {"campaignId": 1, "summary": "Follow up", "callReasonId": 1}
    made = tenant.owner.post("/leads", {**lead, "bookingId": tenant.rival_booking})
    assert made.status_code == 200, made.text
    rival_lead = made.json()["id"]
    own = tenant.restricted.post("/leads", {**lead, "bookingId": tenant.own_booking}).json()["id"]
    r = tenant.restricted
    listed = r.get("/leads", pageSize=500, includeRecentChanges="true")
    assert {x["id"] for x in listed.json()["data"]} >= {own}
    assert rival_lead not in {x["id"] for x in listed.json()["data"]}
    assert MARKER not in listed.text
    exported = r.get("/export/leads", includeRecentChanges="true")
    assert exported.status_code == 200 and MARKER not in exported.text
    assert own in {x["id"] for x in exported.json()["data"]}
    _refused(r.get(f"/leads/{rival_lead}"))
    _refused(r.patch(f"/leads/{rival_lead}", {"summary": "Mine now"}))
    _refused(r.get(f"/leads/{rival_lead}/notes"))
    assert tenant.owner.get(f"/leads/{rival_lead}").status_code == 200


def test_another_providers_tag_is_neither_read_nor_changed(tenant: Tenant) -> None:
    r = tenant.restricted
    before = tenant.rival_rows()
    _refused(r.patch(f"/booking-provider-tags/{tenant.rival}", {"tagName": "Renamed"}))
    _refused(r.get(f"/booking-provider-tags/{tenant.rival}"))
    _refused(r.post("/booking-provider-tags", {"tagName": "New", "description": "x"}))
    listed = r.get("/booking-provider-tags")
    assert [t["id"] for t in listed.json()["data"]] == [r.provider]
    assert tenant.rival_rows() == before
    assert r.patch(f"/booking-provider-tags/{r.provider}", {"description": "ok"}).status_code == 200
    # An unrestricted connection still sees and manages every tag.
    assert len(tenant.owner.get("/booking-provider-tags").json()["data"]) == 2


def test_contacts_v2_reach_no_booking_of_another_provider(tenant: Tenant) -> None:
    r = tenant.restricted
    before = tenant.rival_rows()
    link = f"/contacts/{tenant.contact}/relationships/{tenant.rival_booking}/booking"
    _refused(r.post(link))
    _refused(r.delete(link))
    _refused(r.get(f"/contacts/relationships/{tenant.rival_booking}"))
    listed = r.get(f"/contacts/{tenant.contact}/relationships").json()["data"]
    assert all(row["relatedEntityId"] != tenant.rival_booking for row in listed)
    assert tenant.rival_rows() == before
    own = f"/contacts/{tenant.contact}/relationships/{tenant.own_booking}/booking"
    assert r.post(own).status_code == 200
    # Opening tenant-scoped booking reads opens this read too; writes stay refused.
    world = tenant.world
    with make_client(world, Config(rate_limit=0, restricted_tenant_bookings="allow")) as http:
        opened = Conn(http, r.creds, r.headers)
        assert opened.get(f"/contacts/relationships/{tenant.rival_booking}").status_code == 200
        _refused(opened.post(link))


# -- every operation, every id --------------------------------------------------------------

# Simulated operations: a planned one holds no rows and answers a placeholder (501 by design).
OPERATIONS = sorted(
    (op for op in registry.operations() if not op.planned), key=lambda op: op.operation_id
)
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _field_kind(annotation: Any) -> str | None:
    """"id", "text" or None (a list, an object, an enum, a date: left to the defaults)."""
    text = repr(annotation)
    if text.startswith("list") or "list[" in text:
        return None
    if "int" in text:
        return "id"
    return "text" if "str" in text and "Enum" not in text and "date" not in text else None


def _calls(t: Tenant) -> st.SearchStrategy[tuple[str, str, dict[str, Any], Any]]:
    # The rival's ids twice: they are what a side door would be found with.
    rival = [t.rival, t.rival_booking, t.rival_contact]
    ids = st.sampled_from([*rival, *rival, t.restricted.provider, t.own_booking, 1])
    values = {"id": ids, "text": st.sampled_from(["Own", "x", "booking"])}
    path_values = {"typeSlug": st.sampled_from(["booking", "customer"]),
                   "contactId": st.just(t.contact)}  # fmt: skip

    @st.composite
    def call(draw: st.DrawFn) -> tuple[str, str, dict[str, Any], Any]:
        op = draw(st.sampled_from(OPERATIONS))
        path = op.full_path.replace("{tenant}", str(t.restricted.tenant), 1)
        for name in PLACEHOLDER.findall(path):
            value = draw(path_values.get(name, ids))
            path = path.replace(f"{{{name}}}", str(value), 1)
        names = [p.name for p in op.query]
        chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=3)) if names else []
        query = {name: draw(ids) for name in chosen}
        body = None
        if op.body is not None:
            # Every id and text field filled (a body that passes validation reaches the rules),
            # then up to two left out.
            kinds = {n: _field_kind(f.annotation) for n, f in op.body.model_fields.items()}
            body = {n: draw(values[k]) for n, k in kinds.items() if k is not None}
            if body:
                dropped = draw(st.sets(st.sampled_from(sorted(body)), max_size=2))
                body = {k: v for k, v in body.items() if k not in dropped}
        return op.method, path, query, body

    return call()


def test_a_restricted_connection_never_reads_or_changes_another_provider(
    shared: tuple[TestClient, World],
) -> None:
    t = _setup(*shared)
    before = t.rival_rows()
    http = t.restricted.http

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(_calls(t), min_size=1, max_size=4))
    def run(calls: list[tuple[str, str, dict[str, Any], Any]]) -> None:
        for method, path, query, body in calls:
            response = http.request(
                method, path, params=query, json=body, headers=t.restricted.headers
            )
            assert response.status_code < 500, (method, path, response.text)
            assert MARKER not in response.text, (method, path, query, body, response.text)
        assert t.rival_rows() == before, calls

    run()


# A body that passes validation and the common rules, so a rival id in one slot reaches the
# operation's own rules: the required fields, plus what a lead needs besides them.
NEUTRAL = {"id": 1, "text": "Own"}
RULE_FIELDS = {"callReasonId": 1}


def _slots(op: Any, t: Tenant) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(path, query, body) with one rival id in one slot, every slot and rival id in turn."""
    names = PLACEHOLDER.findall(op.full_path)[1:]  # the tenant is the restricted one's own
    own_path = {"booking_provider": t.restricted.provider, "contactId": t.contact,
                "typeSlug": "booking"}  # fmt: skip
    body: dict[str, Any] | None = None
    id_fields: list[str] = []
    if op.body is not None:
        body = {}
        for name, info in op.body.model_fields.items():
            kind = _field_kind(info.annotation)
            if kind == "id":
                id_fields.append(name)
            if kind is not None and (info.is_required() or name in RULE_FIELDS):
                body[name] = RULE_FIELDS.get(name, NEUTRAL[kind])

    def path_with(slot: str | None, value: Any) -> str:
        path = op.full_path.replace("{tenant}", str(t.restricted.tenant), 1)
        for name in names:
            chosen = value if name == slot else own_path.get(name, t.own_booking)
            path = path.replace(f"{{{name}}}", str(chosen), 1)
        return path

    for rival in (t.rival, t.rival_booking, t.rival_contact):
        for name in names:
            if name not in ("contactId", "typeSlug"):
                yield path_with(name, rival), {}, body
        for param in op.query:
            yield path_with(None, None), {param.name: rival}, body
        for name in id_fields:
            yield path_with(None, None), {}, {**(body or {}), name: rival}


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_no_operation_reaches_another_provider_through_any_id(
    op: Any, shared: tuple[TestClient, World]
) -> None:
    t = _setup(*shared)
    before = t.rival_rows()
    for path, query, body in _slots(op, t):
        response = t.restricted.http.request(
            op.method, path, params=query, json=body, headers=t.restricted.headers
        )
        assert response.status_code < 500, (path, query, body, response.text)
        assert MARKER not in response.text, (path, query, body, response.text)
        assert t.rival_rows() == before, (path, query, body, response.text)
