"""CRM Contacts v2: contacts and relationships, and every declaration against crm-v2.json."""

from __future__ import annotations

import functools
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule
from starlette.testclient import TestClient

from mockst.api.operation import TenantContext
from mockst.app import create_app
from mockst.clock import Clock
from mockst.config import Config
from mockst.control.models import Quickstart, every_scope
from mockst.control.quickstart import quickstart
from mockst.store import snapshot
from mockst.store.world import World

START = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
CONTACT_OPS = {
    "Contacts_Get", "Contacts_Replace", "Contacts_DeleteContact", "Contacts_Update",
    "Contacts_GetByRelationshipId", "Contacts_GetList", "Contacts_Create",
    "Contacts_DeleteContactRelationship", "Contacts_CreateContactRelationship",
    "Contacts_GetContactRelationshipList", "Contacts_GetPreferenceMetadataList",
    "Contacts_SearchContactMethods", "ContactMethods_GetContactMethods",
    "ContactMethods_CreateContactMethod", "ContactMethods_GetContactMethod",
    "ContactMethods_UpsertContactMethod", "ContactMethods_UpdateContactMethod",
    "ContactMethods_DeleteContactMethod", "ContactPreferences_GetContactMethodPreferences",
    "ContactPreferences_GetContactMethodPreference",
    "ContactPreferences_UpdateContactMethodPreference",
}


# -- harness ---------------------------------------------------------------------------------


class Tenant:
    """One onboarded tenant seen through one connection: request helpers under /crm/v2."""

    def __init__(self, client: TestClient, world: World, scopes: list[str] | None = None) -> None:
        self.client, self.world = client, world
        request = Quickstart() if scopes is None else Quickstart(scopes=scopes)
        creds = quickstart(world, Config(), request, "http://testserver")
        token = client.post("/connect/token", data={
            "grant_type": "client_credentials",
            "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"],
        }).json()["access_token"]
        self.id = creds["tenantId"]
        self.headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        self.base = f"/crm/v2/tenant/{self.id}"

    def call(self, method: str, path: str, headers: dict[str, str] | None = None, **kw: Any) -> Any:
        headers = {**self.headers, **(headers or {})}
        return self.client.request(method, self.base + path, headers=headers, **kw)

    def ok(self, method: str, path: str, **kw: Any) -> Any:
        response = self.call(method, path, **kw)
        assert response.status_code == 200, response.text
        return response.json() if response.content else None

    def contact(self, **body: Any) -> dict[str, Any]:
        return self.ok("POST", "/contacts", json=body)

    def entity(self, table: str, **data: Any) -> int:
        """A row in another family's table (customers, locations, bookings), inserted directly."""
        with self.world.transaction():
            ctx = TenantContext(self.world, self.world.tenant_data(self.id), self.world.clock.now())
            ident = self.world.new_id()
            ctx.table(table).insert(ident, {"id": ident, **data}, ctx.now)
        return ident

    def drop(self, table: str, ident: int) -> None:
        with self.world.transaction():
            self.world.tenant_data(self.id).table(table).delete(ident, self.world.clock.now())


@functools.cache
def shared() -> tuple[World, TestClient]:
    """One app for the whole module (building one costs more than a test); a tenant per test."""
    world = World(clock=Clock(frozen_at=START))
    return world, TestClient(create_app(world, Config()))


@pytest.fixture
def world() -> World:
    world = shared()[0]
    world.clock.set(START, frozen=True)
    return world


@pytest.fixture
def client(world: World) -> TestClient:
    return shared()[1]


@pytest.fixture
def api(client: TestClient, world: World) -> Tenant:
    return Tenant(client, world)


def errors_of(response: Any) -> dict[str, list[str]]:
    body = response.json()
    assert set(body) == {"type", "title", "status", "traceId", "errors", "data"}
    assert body["status"] == response.status_code
    return body["errors"]


# -- contacts --------------------------------------------------------------------------------


def test_create_get_and_shape(api: Tenant) -> None:
    created = api.contact(name="Ada Lovelace", title="Homeowner", referenceId="crm-1")
    assert list(created) == [
        "id", "referenceId", "name", "title", "isArchived",
        "createdOn", "createdBy", "modifiedOn", "modifiedBy",
    ]
    assert str(uuid.UUID(created["id"])) == created["id"]
    assert created["isArchived"] is False
    assert created["createdOn"] == created["modifiedOn"] == "2026-01-05T12:00:00Z"
    assert created["createdBy"] == created["modifiedBy"] == 10_000_000
    assert api.ok("GET", f"/contacts/{created['id']}") == created
    # GUIDs bind in any case.
    assert api.ok("GET", f"/contacts/{created['id'].upper()}")["id"] == created["id"]
    assert api.contact()["name"] is None


def test_patch_changes_only_present_fields(api: Tenant) -> None:
    contact = api.contact(name="Ada", title="Owner", referenceId="r1")
    api.world.clock.advance(60)
    patched = api.ok("PATCH", f"/contacts/{contact['id']}", json={
        "title": "Tenant", "isArchived": True,
    })
    assert patched["name"] == "Ada" and patched["referenceId"] == "r1"
    assert patched["title"] == "Tenant" and patched["isArchived"] is True
    assert patched["createdOn"] == contact["createdOn"]
    assert patched["modifiedOn"] == "2026-01-05T12:01:00Z"
    cleared = api.ok("PATCH", f"/contacts/{contact['id']}", json={
        "name": None, "isArchived": False,
    })
    assert cleared["name"] is None and cleared["title"] == "Tenant"
    # The official UpdateContactRequest requires isArchived.
    response = api.call("PATCH", f"/contacts/{contact['id']}", json={"name": "x"})
    assert response.status_code == 400 and "isArchived" in errors_of(response)
    assert api.ok("GET", f"/contacts/{contact['id']}")["name"] is None


def test_replace_sets_every_field(api: Tenant) -> None:
    contact = api.contact(name="Ada", title="Owner", referenceId="r1")
    replaced = api.ok("PUT", f"/contacts/{contact['id']}", json={
        "name": "Grace", "isArchived": True,
    })
    assert (replaced["name"], replaced["title"], replaced["referenceId"]) == ("Grace", None, None)
    assert replaced["isArchived"] is True
    missing = api.call("PUT", f"/contacts/{uuid.uuid4()}", json={"isArchived": False})
    assert missing.status_code == 404
    bad = api.call("PUT", f"/contacts/{contact['id']}", json={"name": "x"})
    assert bad.status_code == 400 and "isArchived" in errors_of(bad)
    wrong_type = api.call("PUT", f"/contacts/{contact['id']}", json={"isArchived": "yes"})
    assert wrong_type.status_code == 400


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_malformed_and_unknown_guids(api: Tenant, method: str) -> None:
    body = {"isArchived": False} if method in ("PUT", "PATCH") else None
    bad = api.call(method, "/contacts/not-a-guid", json=body)
    assert bad.status_code == 400
    assert "not-a-guid" in errors_of(bad)["id"][0]
    unknown = api.call(method, f"/contacts/{uuid.uuid4()}", json=body)
    assert unknown.status_code == 404
    assert unknown.json()["title"] == "Contact not found."


def test_bad_bodies_are_400(api: Tenant) -> None:
    assert api.call("POST", "/contacts", json={"name": 5}).status_code == 400
    broken = api.call(
        "POST", "/contacts", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400
    assert api.call("POST", "/contacts").status_code == 400
    assert api.ok("GET", "/contacts", params={"includeTotal": "true"})["totalCount"] == 0


def test_list_filters_sort_and_paging(api: Tenant) -> None:
    ada = api.contact(name="Ada Lovelace", title="Homeowner", referenceId="REF-1")
    api.world.clock.advance(300)
    grace = api.contact(name="Grace Hopper", title="Property Manager", referenceId="ref-2")
    api.world.clock.advance(300)
    alan = api.contact(name="Alan Turing", title="Homeowner")
    api.ok("PATCH", f"/contacts/{alan['id']}", json={"isArchived": True})

    def names(**params: Any) -> list[str]:
        page = api.ok("GET", "/contacts", params=params)
        return sorted(row["name"] for row in page["data"])

    assert names() == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert names(name="lo") == ["Ada Lovelace"]
    assert names(name="a") == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert names(title="homeowner") == ["Ada Lovelace", "Alan Turing"]
    assert names(referenceId="ref-1") == ["Ada Lovelace"]
    assert names(referenceId="ref") == []
    assert names(referenceId="") == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert names(isArchived="true") == ["Alan Turing"]
    assert names(isArchived="False") == ["Ada Lovelace", "Grace Hopper"]
    bad = api.call("GET", "/contacts", params={"isArchived": "maybe"})
    assert bad.status_code == 400 and "isArchived" in errors_of(bad)
    assert names(createdOnOrAfter="2026-01-05T12:05:00Z") == ["Alan Turing", "Grace Hopper"]
    assert names(createdBefore="2026-01-05T12:05:00Z") == ["Ada Lovelace"]
    assert names(modifiedOnOrAfter="2026-01-05T12:10:00Z") == ["Alan Turing"]
    assert names(modifiedBefore="2026-01-05T12:10:00Z") == ["Ada Lovelace", "Grace Hopper"]
    bad_date = api.call("GET", "/contacts", params={"createdBefore": "yesterday"})
    assert bad_date.status_code == 400 and "createdBefore" in errors_of(bad_date)

    ids = sorted(c["id"] for c in (ada, grace, alan))
    up = api.ok("GET", "/contacts", params={"sort": "+Id"})["data"]
    assert [c["id"] for c in up] == ids
    down = api.ok("GET", "/contacts", params={"sort": "-id"})["data"]
    assert [c["id"] for c in down] == ids[::-1]
    by_created = api.ok("GET", "/contacts", params={"sort": "-CreatedOn"})["data"]
    assert [c["name"] for c in by_created] == ["Alan Turing", "Grace Hopper", "Ada Lovelace"]
    bad_sort = api.call("GET", "/contacts", params={"sort": "Name"})
    assert bad_sort.status_code == 400 and "sort" in errors_of(bad_sort)

    first = api.ok("GET", "/contacts", params={"pageSize": 2, "includeTotal": True})
    assert (first["page"], first["pageSize"], first["hasMore"], first["totalCount"]) == (
        1, 2, True, 3,
    )
    second = api.ok("GET", "/contacts", params={"pageSize": 2, "page": 2})
    assert second["hasMore"] is False and second["totalCount"] is None
    assert [c["id"] for c in first["data"] + second["data"]] == ids
    assert api.call("GET", "/contacts", params={"page": 0}).status_code == 400


def test_delete_removes_contact_and_its_methods(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    keep = api.contact(name="Grace")
    method = api.ok("POST", f"/contacts/{contact['id']}/contact-methods", json={
        "type": "Email", "value": "ada@example.com",
    })
    other = api.ok("POST", f"/contacts/{keep['id']}/contact-methods", json={
        "type": "Phone", "value": "5551234567",
    })
    response = api.call("DELETE", f"/contacts/{contact['id']}")
    assert response.status_code == 200 and response.content == b""
    assert api.call("GET", f"/contacts/{contact['id']}").status_code == 404
    assert api.call("DELETE", f"/contacts/{contact['id']}").status_code == 404
    assert [c["id"] for c in api.ok("GET", "/contacts")["data"]] == [keep["id"]]
    path = f"/contacts/{contact['id']}/contact-methods/{method['id']}"
    assert api.call("GET", path).status_code == 404
    search = api.ok("GET", "/contacts/contact-methods")["data"]
    assert [m["id"] for m in search] == [other["id"]]


def test_delete_with_relationships_is_409_and_changes_nothing(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    customer = api.entity("customers", name="Ada's house")
    api.ok("POST", f"/contacts/{contact['id']}/contact-methods", json={
        "type": "Email", "value": "ada@example.com",
    })
    api.ok("POST", f"/contacts/{contact['id']}/relationships/{customer}/customer")
    response = api.call("DELETE", f"/contacts/{contact['id']}")
    assert response.status_code == 409
    assert f"customer {customer}" in response.json()["title"]
    assert api.ok("GET", f"/contacts/{contact['id']}/contact-methods")["data"]
    api.ok("DELETE", f"/contacts/{contact['id']}/relationships/{customer}/customer")
    api.ok("DELETE", f"/contacts/{contact['id']}")


# -- relationships ---------------------------------------------------------------------------


def test_relationships_create_list_delete(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    customer = api.entity("customers", name="Ada's house")
    api.world.clock.advance(60)
    location = api.entity("locations", name="Main St")
    booking = api.entity("bookings", name="Leak")
    base = f"/contacts/{contact['id']}/relationships"
    assert api.call("POST", f"{base}/{customer}/customer").content == b""
    api.world.clock.advance(60)
    api.ok("POST", f"{base}/{location}/Location")  # the slug binds in any case
    api.world.clock.advance(60)
    api.ok("POST", f"{base}/{booking}/booking")

    page = api.ok("GET", base, params={"includeTotal": True})
    assert page["totalCount"] == 3
    rows = {row["typeSlug"]: row for row in page["data"]}
    assert set(rows) == {"customer", "location", "booking"}
    assert list(rows["customer"]) == [
        "id", "relatedEntityId", "typeName", "typeSlug", "createdOn", "createdBy",
    ]
    assert rows["location"]["typeName"] == "Location"
    assert rows["location"]["relatedEntityId"] == location
    assert rows["booking"]["createdOn"] == "2026-01-05T12:03:00Z"
    assert rows["customer"]["createdBy"] == 10_000_000

    def slugs(**params: Any) -> list[str]:
        return sorted(r["typeSlug"] for r in api.ok("GET", base, params=params)["data"])

    assert slugs(typeSlug="LOCATION") == ["location"]
    assert slugs(typeName="booking") == ["booking"]
    assert slugs(relatedEntityId=customer) == ["customer"]
    assert slugs(relatedEntityId=customer, typeSlug="booking") == []
    assert slugs(createdOnOrAfter="2026-01-05T12:02:00Z") == ["booking", "location"]
    assert slugs(createdBefore="2026-01-05T12:02:00Z") == ["customer"]
    assert slugs(sort="-CreatedOn", pageSize=1) == ["booking"]
    for params in ({"typeSlug": "job"}, {"typeName": "Job"}, {"relatedEntityId": "x"}):
        assert api.call("GET", base, params=params).status_code == 400
    assert api.call("GET", base, params={"modifiedBefore": "bad"}).status_code == 200

    assert api.call("DELETE", f"{base}/{location}/location").content == b""
    assert slugs() == ["booking", "customer"]
    again = api.call("DELETE", f"{base}/{location}/location")
    assert again.status_code == 409 and again.json()["title"] == "Contact relationship not found."
    # The relation can be made again after it was removed.
    api.ok("POST", f"{base}/{location}/location")
    assert slugs() == ["booking", "customer", "location"]


def test_relationship_rules(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    customer = api.entity("customers", name="Ada's house")
    base = f"/contacts/{contact['id']}/relationships"

    unknown_type = api.call("POST", f"{base}/{customer}/job")
    assert unknown_type.status_code == 409
    assert unknown_type.json()["title"] == "Unknown Contact Relationship Type"
    assert api.call("DELETE", f"{base}/{customer}/job").status_code == 409

    # The entity must exist in the table of its type, and be live.
    wrong_table = api.call("POST", f"{base}/{customer}/location")
    assert wrong_table.status_code == 404
    assert wrong_table.json()["title"] == "External entity not found."
    assert "relatedEntityId" in errors_of(wrong_table)
    assert api.call("POST", f"{base}/99999999/customer").status_code == 404
    gone = api.entity("customers", name="Merged away")
    api.drop("customers", gone)
    assert api.call("POST", f"{base}/{gone}/customer").status_code == 404

    api.ok("POST", f"{base}/{customer}/customer")
    duplicate = api.call("POST", f"{base}/{customer}/CUSTOMER")
    assert duplicate.status_code == 409
    assert api.ok("GET", base, params={"includeTotal": True})["totalCount"] == 1

    stranger = f"/contacts/{uuid.uuid4()}/relationships"
    for method, path in (
        ("POST", f"{stranger}/{customer}/customer"),
        ("DELETE", f"{stranger}/{customer}/customer"),
        ("GET", stranger),
    ):
        response = api.call(method, path)
        assert response.status_code == 409, (method, path)
        assert response.json()["title"] == "Contact not found."
    malformed = api.call("POST", f"/contacts/nope/relationships/{customer}/customer")
    assert malformed.status_code == 400 and "contactId" in errors_of(malformed)
    not_int = api.call("POST", f"{base}/abc/customer")
    assert not_int.status_code == 400 and "relatedEntityId" in errors_of(not_int)


def test_contacts_by_related_entity(api: Tenant) -> None:
    customer = api.entity("customers", name="House")
    lonely = api.entity("locations", name="Empty lot")
    ada = api.contact(name="Ada", title="Homeowner")
    grace = api.contact(name="Grace", title="Tenant")
    api.contact(name="Alan")
    for contact in (ada, grace):
        api.ok("POST", f"/contacts/{contact['id']}/relationships/{customer}/customer")

    page = api.ok("GET", f"/contacts/relationships/{customer}", params={"includeTotal": True})
    assert page["totalCount"] == 2
    assert sorted(c["name"] for c in page["data"]) == ["Ada", "Grace"]
    assert set(page["data"][0]) == set(ada)
    filtered = api.ok("GET", f"/contacts/relationships/{customer}", params={"title": "tenant"})
    assert [c["name"] for c in filtered["data"]] == ["Grace"]
    # A known entity without contacts is an empty page; an unknown id is a 404.
    assert api.ok("GET", f"/contacts/relationships/{lonely}")["data"] == []
    assert api.call("GET", "/contacts/relationships/123").status_code == 404
    assert api.call("GET", "/contacts/relationships/abc").status_code == 400
    # Deleting the relationship removes the contact from the list.
    api.ok("DELETE", f"/contacts/{grace['id']}/relationships/{customer}/customer")
    names = [c["name"] for c in api.ok("GET", f"/contacts/relationships/{customer}")["data"]]
    assert names == ["Ada"]


# -- auth and tenants ------------------------------------------------------------------------


def test_scopes_are_enforced(client: TestClient, world: World) -> None:
    owner = Tenant(client, world)
    contact = owner.contact(name="Ada")
    read_only = [s for s in every_scope() if s != "tn.crm.contacts:w"]
    reader = Tenant(client, world, scopes=read_only)
    assert reader.ok("GET", "/contacts")["data"] == []
    cid = str(uuid.uuid4())
    mid = str(uuid.uuid4())
    writes = [
        ("POST", "/contacts", {}),
        ("PUT", f"/contacts/{cid}", {"isArchived": False}),
        ("PATCH", f"/contacts/{cid}", {"isArchived": False}),
        ("DELETE", f"/contacts/{cid}", None),
        ("POST", f"/contacts/{cid}/relationships/1/customer", None),
        ("DELETE", f"/contacts/{cid}/relationships/1/customer", None),
        ("POST", f"/contacts/{cid}/contact-methods", {"type": "Email", "value": "a@b"}),
        ("PUT", f"/contacts/{cid}/contact-methods/{mid}", {"type": "Email", "value": "a@b"}),
        ("PATCH", f"/contacts/{cid}/contact-methods/{mid}", {"value": "a@b"}),
        ("DELETE", f"/contacts/{cid}/contact-methods/{mid}", None),
        ("PATCH", f"/contacts/{cid}/contact-methods/{mid}/preferences/MarketingSms",
         {"value": "true"}),
    ]
    for method, path, body in writes:
        response = reader.call(method, path, json=body)
        assert response.status_code == 403, (method, path)
    blind = Tenant(client, world, scopes=["tn.crm.customers:r"])
    for path in ("/contacts", f"/contacts/{cid}", "/contacts/preferences",
                 "/contacts/contact-methods", "/contacts/relationships/5"):
        assert blind.call("GET", path).status_code == 403, path
    # The other tenant's token does not open this tenant's contacts.
    wrong_tenant = client.get(f"{owner.base}/contacts/{contact['id']}", headers=reader.headers)
    assert wrong_tenant.status_code == 403


def test_tenants_are_isolated(client: TestClient, world: World) -> None:
    one, two = Tenant(client, world), Tenant(client, world)
    contact = one.contact(name="Ada")
    customer = one.entity("customers", name="House")
    method = one.ok("POST", f"/contacts/{contact['id']}/contact-methods", json={
        "type": "Phone", "value": "5551234567",
    })
    assert two.ok("GET", "/contacts")["data"] == []
    assert two.call("GET", f"/contacts/{contact['id']}").status_code == 404
    assert two.call("DELETE", f"/contacts/{contact['id']}").status_code == 404
    assert two.ok("GET", "/contacts/contact-methods")["data"] == []
    theirs = two.contact(name="Grace")
    linked = two.call("POST", f"/contacts/{theirs['id']}/relationships/{customer}/customer")
    assert linked.status_code == 404
    assert two.call("GET", f"/contacts/relationships/{customer}").status_code == 404
    assert [c["name"] for c in one.ok("GET", "/contacts")["data"]] == ["Ada"]
    path = f"/contacts/{contact['id']}/contact-methods/{method['id']}"
    assert one.ok("GET", path)["value"] == "5551234567"


# -- a random walk against a model -------------------------------------------------------------


FIELDS = st.one_of(st.none(), st.text(max_size=12))


class ContactMachine(RuleBasedStateMachine):
    """Random create/replace/patch/delete sequences agree with a dict of expected contacts."""

    contacts = Bundle("contacts")

    def __init__(self) -> None:
        super().__init__()
        world, client = shared()
        world.clock.set(START, frozen=True)
        self.api = Tenant(client, world)
        self.model: dict[str, dict[str, Any]] = {}

    @rule(target=contacts, name=FIELDS, title=FIELDS, ref=FIELDS)
    def create(self, name: Any, title: Any, ref: Any) -> str:
        body = self.api.contact(name=name, title=title, referenceId=ref)
        self.model[body["id"]] = {
            "name": name, "title": title, "referenceId": ref, "isArchived": False,
        }
        return body["id"]

    @rule(ident=contacts, name=FIELDS, archived=st.booleans())
    def replace(self, ident: str, name: Any, archived: bool) -> None:
        response = self.api.call("PUT", f"/contacts/{ident}", json={
            "name": name, "isArchived": archived,
        })
        if ident not in self.model:
            assert response.status_code == 404
            return
        assert response.status_code == 200
        self.model[ident] = {"name": name, "title": None, "referenceId": None,
                             "isArchived": archived}

    @rule(ident=contacts, changes=st.fixed_dictionaries(
        {"isArchived": st.booleans()}, optional={"title": FIELDS, "referenceId": FIELDS},
    ))
    def patch(self, ident: str, changes: dict[str, Any]) -> None:
        response = self.api.call("PATCH", f"/contacts/{ident}", json=changes)
        if ident not in self.model:
            assert response.status_code == 404
            return
        assert response.status_code == 200
        self.model[ident].update(changes)

    @rule(ident=contacts)
    def delete(self, ident: str) -> None:
        response = self.api.call("DELETE", f"/contacts/{ident}")
        assert response.status_code == (200 if self.model.pop(ident, None) else 404)

    @rule(data=st.data())
    def archived_filter(self, data: st.DataObject) -> None:
        flag = data.draw(st.booleans())
        page = self.api.ok("GET", "/contacts", params={"isArchived": str(flag), "pageSize": 500})
        expected = {k for k, v in self.model.items() if v["isArchived"] == flag}
        assert {c["id"] for c in page["data"]} == expected

    @invariant()
    def listing_matches_model(self) -> None:
        page = self.api.ok("GET", "/contacts", params={"pageSize": 500})
        seen = {
            c["id"]: {k: c[k] for k in ("name", "title", "referenceId", "isArchived")}
            for c in page["data"]
        }
        assert seen == self.model


TestContactMachine = ContactMachine.TestCase
TestContactMachine.settings = settings(
    max_examples=15, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_guid_rows_survive_a_snapshot(api: Tenant) -> None:
    contact = api.contact(name="Ada")
    customer = api.entity("customers", name="House")
    method = api.ok("POST", f"/contacts/{contact['id']}/contact-methods", json={
        "type": "Email", "value": "ada@example.com",
    })
    prefs = f"/contacts/{contact['id']}/contact-methods/{method['id']}/preferences"
    api.ok("PATCH", f"{prefs}/MarketingEmail", json={"value": "true"})
    api.ok("POST", f"/contacts/{contact['id']}/relationships/{customer}/customer")
    doc = json.loads(json.dumps(snapshot.export_world(api.world)))
    copy = World(clock=Clock(frozen_at=START))
    with copy.transaction():
        snapshot.import_world(copy, doc)
    with TestClient(create_app(copy, Config())) as other:
        path = f"{api.base}/contacts/{contact['id']}"
        assert other.get(path, headers=api.headers).json() == contact
        assert other.get(f"{api.base}{prefs}/MarketingEmail", headers=api.headers).json()[
            "value"] == "true"
        linked = other.get(f"{api.base}/contacts/relationships/{customer}", headers=api.headers)
        assert [c["id"] for c in linked.json()["data"]] == [contact["id"]]
