"""CRM Contacts v2: contact methods, the search across them, and their preferences."""

from __future__ import annotations

import functools
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.clock import Clock
from mockst.config import Config
from mockst.control.models import Quickstart
from mockst.control.quickstart import quickstart
from mockst.store.world import World

START = datetime(2026, 2, 2, 9, 30, tzinfo=UTC)
TYPES = ["Phone", "Email", "Fax", "MobilePhone"]


class Tenant:
    """One onboarded tenant; request helpers under /crm/v2/tenant/{id}."""

    def __init__(self, client: TestClient, world: World) -> None:
        self.client, self.world = client, world
        creds = quickstart(world, Config(), Quickstart(), "http://testserver")
        token = client.post("/connect/token", data={
            "grant_type": "client_credentials",
            "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"],
        }).json()["access_token"]
        self.headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        self.base = f"/crm/v2/tenant/{creds['tenantId']}"

    def call(self, method: str, path: str, **kw: Any) -> Any:
        return self.client.request(method, self.base + path, headers=self.headers, **kw)

    def ok(self, method: str, path: str, **kw: Any) -> Any:
        response = self.call(method, path, **kw)
        assert response.status_code == 200, response.text
        return response.json() if response.content else None

    def contact(self, **body: Any) -> str:
        return str(self.ok("POST", "/contacts", json=body)["id"])

    def method(self, contact_id: str, **body: Any) -> dict[str, Any]:
        return self.ok("POST", f"/contacts/{contact_id}/contact-methods", json=body)


@functools.cache
def shared() -> tuple[World, TestClient]:
    world = World(clock=Clock(frozen_at=START))
    return world, TestClient(create_app(world, Config()))


@pytest.fixture
def api() -> Tenant:
    world, client = shared()
    world.clock.set(START, frozen=True)
    return Tenant(client, world)


def errors_of(response: Any) -> dict[str, list[str]]:
    body = response.json()
    assert body["status"] == response.status_code
    return body["errors"]


# -- contact methods -------------------------------------------------------------------------


def test_create_get_patch_delete(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    created = api.method(contact, type="Email", value="ada@example.com", referenceId="m-1")
    assert list(created) == [
        "id", "contactId", "referenceId", "type", "value", "memo",
        "createdOn", "createdBy", "modifiedOn", "modifiedBy",
    ]
    assert created["contactId"] == contact and created["memo"] is None
    assert created["type"] == "Email" and created["createdBy"] == 10_000_000
    path = f"/contacts/{contact}/contact-methods/{created['id']}"
    assert api.ok("GET", path) == created

    api.world.clock.advance(30)
    patched = api.ok("PATCH", path, json={"memo": "work"})
    assert patched["memo"] == "work" and patched["value"] == "ada@example.com"
    assert patched["referenceId"] == "m-1" and patched["type"] == "Email"
    assert patched["modifiedOn"] == "2026-02-02T09:30:30Z"
    assert patched["createdOn"] == created["createdOn"]
    patched = api.ok("PATCH", path, json={"value": "ada@work.example"})
    assert (patched["value"], patched["memo"]) == ("ada@work.example", "work")

    assert api.call("DELETE", path).content == b""
    assert api.call("GET", path).status_code == 404
    assert api.call("PATCH", path, json={"memo": "x"}).status_code == 404
    assert api.call("DELETE", path).status_code == 404
    assert api.ok("GET", f"/contacts/{contact}/contact-methods")["data"] == []


def test_not_found_and_malformed(api: Tenant) -> None:
    ada, grace = api.contact(name="Ada"), api.contact(name="Grace")
    method = api.method(ada, type="Phone", value="5550001111")
    # A method is only found under its own contact.
    theirs = api.call("GET", f"/contacts/{grace}/contact-methods/{method['id']}")
    assert theirs.status_code == 404 and theirs.json()["title"] == "Contact method not found."
    nobody = api.call("GET", f"/contacts/{uuid.uuid4()}/contact-methods/{method['id']}")
    assert nobody.status_code == 404 and nobody.json()["title"] == "Contact not found."
    for method_name, path in (
        ("GET", f"/contacts/{uuid.uuid4()}/contact-methods"),
        ("POST", f"/contacts/{uuid.uuid4()}/contact-methods"),
    ):
        response = api.call(method_name, path, json={"type": "Fax", "value": "1"})
        assert response.status_code == 404, path
    bad_contact = api.call("GET", f"/contacts/xyz/contact-methods/{method['id']}")
    assert bad_contact.status_code == 400 and "contactId" in errors_of(bad_contact)
    bad_method = api.call("DELETE", f"/contacts/{ada}/contact-methods/12")
    assert bad_method.status_code == 400 and "contactMethodId" in errors_of(bad_method)
    assert api.ok("GET", f"/contacts/{ada}/contact-methods/{method['id'].upper()}")


@pytest.mark.parametrize("body,field", [
    ({"value": "x"}, "type"),
    ({"type": "Pager", "value": "x"}, "type"),
    ({"type": "email", "value": "x"}, "type"),
    ({"type": "Email"}, "value"),
    ({"type": "Email", "value": "   "}, "value"),
    ({"type": "Email", "value": 5}, "value"),
    ({"type": "Email", "value": "x", "memo": 1}, "memo"),
])
def test_bad_bodies_create_nothing(api: Tenant, body: dict[str, Any], field: str) -> None:
    contact = api.contact()
    for method, path in (
        ("POST", f"/contacts/{contact}/contact-methods"),
        ("PUT", f"/contacts/{contact}/contact-methods/{uuid.uuid4()}"),
    ):
        response = api.call(method, path, json=body)
        assert response.status_code == 400, (method, body)
        assert field in errors_of(response)
    assert api.ok("GET", "/contacts/contact-methods")["data"] == []


def test_patch_validation(api: Tenant) -> None:
    contact = api.contact()
    method = api.method(contact, type="Phone", value="5550001111", memo="home")
    path = f"/contacts/{contact}/contact-methods/{method['id']}"
    for body in ({"value": ""}, {"value": None}, {"memo": None}, {"value": 7}):
        assert api.call("PATCH", path, json=body).status_code == 400, body
    # type is not part of the official update request: it is ignored.
    same = api.ok("PATCH", path, json={"type": "Email"})
    assert same["type"] == "Phone" and same["memo"] == "home"


def test_upsert_creates_then_replaces(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    ident = str(uuid.uuid4())
    path = f"/contacts/{contact}/contact-methods/{ident.upper()}"
    created = api.ok("PUT", path, json={
        "type": "MobilePhone", "value": "5551112222", "memo": "cell", "referenceId": "x-1",
    })
    assert created["id"] == ident and created["contactId"] == contact
    assert created["createdOn"] == created["modifiedOn"]
    api.world.clock.advance(60)
    replaced = api.ok("PUT", path, json={"type": "Phone", "value": "5553334444"})
    assert replaced["id"] == ident
    assert (replaced["type"], replaced["value"], replaced["memo"], replaced["referenceId"]) == (
        "Phone", "5553334444", None, None,
    )
    assert replaced["createdOn"] == created["createdOn"]
    assert replaced["modifiedOn"] > created["modifiedOn"]
    listed = api.ok("GET", f"/contacts/{contact}/contact-methods")["data"]
    assert [m["id"] for m in listed] == [ident]

    # Someone else's method id, and a deleted one, cannot be upserted.
    grace = api.contact(name="Grace")
    taken = api.call("PUT", f"/contacts/{grace}/contact-methods/{ident}", json={
        "type": "Email", "value": "g@example.com",
    })
    assert taken.status_code == 400 and "contactMethodId" in errors_of(taken)
    api.ok("DELETE", path)
    reused = api.call("PUT", path, json={"type": "Email", "value": "a@example.com"})
    assert reused.status_code == 400 and "contactMethodId" in errors_of(reused)
    unknown = api.call("PUT", f"/contacts/{uuid.uuid4()}/contact-methods/{uuid.uuid4()}", json={
        "type": "Email", "value": "a@example.com",
    })
    assert unknown.status_code == 404


def test_list_filters_and_search(api: Tenant) -> None:
    ada, grace = api.contact(name="Ada"), api.contact(name="Grace")
    phone = api.method(ada, type="Phone", value="5550001111", referenceId="P-1")
    api.world.clock.advance(60)
    email = api.method(ada, type="Email", value="Ada@Example.com")
    api.world.clock.advance(60)
    mobile = api.method(grace, type="MobilePhone", value="5550001111")

    def ids(path: str, **params: Any) -> list[str]:
        return sorted(m["id"] for m in api.ok("GET", path, params=params)["data"])

    mine = f"/contacts/{ada}/contact-methods"
    assert ids(mine) == sorted([phone["id"], email["id"]])
    assert ids(mine, type="email") == [email["id"]]
    assert ids(mine, type="MOBILEPHONE") == []
    assert ids(mine, value="ada@example.com") == [email["id"]]
    assert ids(mine, referenceId="p-1") == [phone["id"]]
    assert ids(mine, referenceId="") == sorted([phone["id"], email["id"]])
    assert ids(mine, createdOnOrAfter="2026-02-02T09:31:00Z") == [email["id"]]
    assert ids(mine, modifiedBefore="2026-02-02T09:31:00Z") == [phone["id"]]
    bad = api.call("GET", mine, params={"type": "Pager"})
    assert bad.status_code == 400 and "type" in errors_of(bad)
    page = api.ok("GET", mine, params={"pageSize": 1, "includeTotal": True, "sort": "-Id"})
    assert page["hasMore"] is True and page["totalCount"] == 2
    assert page["data"][0]["id"] == max(phone["id"], email["id"])

    search = "/contacts/contact-methods"
    assert ids(search) == sorted([phone["id"], email["id"], mobile["id"]])
    assert ids(search, value="5550001111") == sorted([phone["id"], mobile["id"]])
    assert ids(search, contactId=grace) == [mobile["id"]]
    assert ids(search, contactId=grace.upper(), type="Phone") == []
    assert ids(search, contactId=str(uuid.uuid4())) == []
    newest = api.ok("GET", search, params={"sort": "-CreatedOn", "pageSize": 1})["data"]
    assert [m["id"] for m in newest] == [mobile["id"]]
    malformed = api.call("GET", search, params={"contactId": "ada"})
    assert malformed.status_code == 400 and "contactId" in errors_of(malformed)


# -- preferences -----------------------------------------------------------------------------


def test_preference_metadata(api: Tenant) -> None:
    catalogue = api.ok("GET", "/contacts/preferences")
    assert [p["name"] for p in catalogue] == [
        "TransactionalSms", "MarketingSms", "TransactionalEmail", "MarketingEmail",
    ]
    for pref in catalogue:
        assert list(pref) == ["id", "name", "description", "dataType"]
        assert pref["dataType"] == "Bool" and pref["description"]
        assert str(uuid.UUID(pref["id"])) == pref["id"]
    # Fixed ids: the same for every tenant.
    other = Tenant(api.client, api.world)
    assert other.ok("GET", "/contacts/preferences") == catalogue


def test_method_preferences(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    email = api.method(contact, type="Email", value="ada@example.com")
    phone = api.method(contact, type="MobilePhone", value="5550001111")
    fax = api.method(contact, type="Fax", value="5550002222")
    prefs = f"/contacts/{contact}/contact-methods/{email['id']}/preferences"
    assert api.ok("GET", prefs) == [
        {"name": "TransactionalEmail", "dataType": "Bool", "value": "true"},
        {"name": "MarketingEmail", "dataType": "Bool", "value": "false"},
    ]
    sms = api.ok("GET", f"/contacts/{contact}/contact-methods/{phone['id']}/preferences")
    assert [p["name"] for p in sms] == ["TransactionalSms", "MarketingSms"]
    assert api.ok("GET", f"/contacts/{contact}/contact-methods/{fax['id']}/preferences") == []

    one = api.ok("GET", f"{prefs}/marketingemail")
    assert one == {"name": "MarketingEmail", "dataType": "Bool", "value": "false"}
    for name in ("MarketingSms", "Newsletter"):
        response = api.call("GET", f"{prefs}/{name}")
        assert response.status_code == 404 and "preferenceName" in errors_of(response)
        assert api.call("PATCH", f"{prefs}/{name}", json={"value": "true"}).status_code == 404

    api.world.clock.advance(45)
    updated = api.ok("PATCH", f"{prefs}/MarketingEmail", json={"value": "TRUE"})
    assert updated == {"name": "MarketingEmail", "dataType": "Bool", "value": "true"}
    assert api.ok("GET", f"{prefs}/MarketingEmail")["value"] == "true"
    after = api.ok("GET", f"/contacts/{contact}/contact-methods/{email['id']}")
    assert after["modifiedOn"] == "2026-02-02T09:30:45Z"
    api.ok("PATCH", f"{prefs}/TransactionalEmail", json={"value": "false"})
    assert [p["value"] for p in api.ok("GET", prefs)] == ["false", "true"]

    for body in ({"value": "yes"}, {"value": ""}, {}, {"value": None}, {"value": True}):
        response = api.call("PATCH", f"{prefs}/MarketingEmail", json=body)
        assert response.status_code == 400, body
    assert api.ok("GET", f"{prefs}/MarketingEmail")["value"] == "true"
    # A replace that changes the type starts from that type's defaults.
    method_path = f"/contacts/{contact}/contact-methods/{email['id']}"
    api.ok("PUT", method_path, json={"type": "Phone", "value": "5550003333"})
    assert [p["value"] for p in api.ok("GET", prefs)] == ["true", "false"]
    api.ok("PUT", method_path, json={"type": "Email", "value": "ada@example.com"})
    assert [p["value"] for p in api.ok("GET", prefs)] == ["true", "false"]
    # Another method's preferences are its own.
    other = api.method(contact, type="Email", value="ada@work.example")
    other_prefs = f"/contacts/{contact}/contact-methods/{other['id']}/preferences"
    assert [p["value"] for p in api.ok("GET", other_prefs)] == ["true", "false"]


def test_preferences_of_missing_things(api: Tenant) -> None:
    contact = api.contact()
    method = api.method(contact, type="Phone", value="5550001111")
    base = f"/contacts/{contact}/contact-methods"
    for path in (
        f"{base}/{uuid.uuid4()}/preferences",
        f"{base}/{uuid.uuid4()}/preferences/MarketingSms",
        f"/contacts/{uuid.uuid4()}/contact-methods/{method['id']}/preferences",
    ):
        assert api.call("GET", path).status_code == 404, path
    assert api.call("GET", f"{base}/nope/preferences").status_code == 400
    api.ok("DELETE", f"{base}/{method['id']}")
    gone = api.call("PATCH", f"{base}/{method['id']}/preferences/MarketingSms",
                    json={"value": "true"})
    assert gone.status_code == 404


# -- a random walk against a model -------------------------------------------------------------


TEXT = st.text(alphabet="abc@.123 ", min_size=1, max_size=8).filter(lambda s: s.strip() != "")


class MethodMachine(RuleBasedStateMachine):
    """Create/upsert/patch/delete sequences on two contacts' methods agree with a dict model."""

    known = Bundle("known")

    def __init__(self) -> None:
        super().__init__()
        world, client = shared()
        world.clock.set(START, frozen=True)
        self.api = Tenant(client, world)
        self.contacts = [self.api.contact(name="A"), self.api.contact(name="B")]
        self.model: dict[str, dict[str, Any]] = {}
        self.deleted: set[str] = set()

    @rule(target=known, owner=st.integers(0, 1), kind=st.sampled_from(TYPES), value=TEXT)
    def create(self, owner: int, kind: str, value: str) -> str:
        body = self.api.method(self.contacts[owner], type=kind, value=value)
        self.model[body["id"]] = {"contactId": self.contacts[owner], "type": kind,
                                  "value": value, "memo": None}
        return str(body["id"])

    @rule(target=known, owner=st.integers(0, 1), ident=st.one_of(known, st.uuids().map(str)),
          kind=st.sampled_from(TYPES), value=TEXT, memo=st.one_of(st.none(), TEXT))
    def upsert(self, owner: int, ident: str, kind: str, value: str, memo: Any) -> str:
        contact = self.contacts[owner]
        response = self.api.call("PUT", f"/contacts/{contact}/contact-methods/{ident}", json={
            "type": kind, "value": value, "memo": memo,
        })
        current = self.model.get(ident)
        if ident in self.deleted or (current and current["contactId"] != contact):
            assert response.status_code == 400
        else:
            assert response.status_code == 200, response.text
            self.model[ident] = {"contactId": contact, "type": kind, "value": value, "memo": memo}
        return ident

    @rule(ident=known, owner=st.integers(0, 1), changes=st.fixed_dictionaries(
        {}, optional={"value": TEXT, "memo": TEXT}))
    def patch(self, ident: str, owner: int, changes: dict[str, Any]) -> None:
        contact = self.contacts[owner]
        response = self.api.call("PATCH", f"/contacts/{contact}/contact-methods/{ident}",
                                 json=changes)
        current = self.model.get(ident)
        if current is None or current["contactId"] != contact:
            assert response.status_code == 404
            return
        assert response.status_code == 200, response.text
        current.update(changes)

    @rule(ident=known, owner=st.integers(0, 1))
    def delete(self, ident: str, owner: int) -> None:
        contact = self.contacts[owner]
        response = self.api.call("DELETE", f"/contacts/{contact}/contact-methods/{ident}")
        current = self.model.get(ident)
        if current is None or current["contactId"] != contact:
            assert response.status_code == 404
            return
        assert response.status_code == 200
        del self.model[ident]
        self.deleted.add(ident)

    @invariant()
    def search_matches_model(self) -> None:
        rows = self.api.ok("GET", "/contacts/contact-methods", params={"pageSize": 500})["data"]
        seen = {m["id"]: {k: m[k] for k in ("contactId", "type", "value", "memo")} for m in rows}
        assert seen == self.model


TestMethodMachine = MethodMachine.TestCase
TestMethodMachine.settings = settings(
    max_examples=15, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
