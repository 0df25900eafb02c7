"""CRM customers: create with locations and contacts, get, PATCH, lists, tags, bulk tags, feed."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from customer_helpers import Crm, address, new_customer, new_location
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from mockst.api.operation import TenantContext
from mockst.app import create_app
from mockst.config import Config
from mockst.crm.models.customers import CreatedCustomerResponse, CustomerResponse
from mockst.crm.models.exports import ExportCustomerResponse
from mockst.store.world import World
from mockst.testing import api_headers, take_token

GUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
OTHER_GUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


def external(guid: str = GUID, **items: str | None) -> dict[str, Any]:
    return {
        "applicationGuid": guid,
        "externalData": [{"key": k, "value": v} for k, v in items.items()],
    }


def state(crm: Crm) -> dict[str, Any]:
    """Everything a failed call must leave untouched."""
    data = crm.world.tenant_data(crm.tenant)
    return {
        "next_id": crm.world.next_id,
        "seq": data.seq,
        "rows": {
            name: [(r.id, r.seq) for r in t.rows(include_deleted=True)]
            for name, t in data.tables.items()
            if next(t.rows(include_deleted=True), None) is not None
        },
    }


# -- create ----------------------------------------------------------------------------------


def test_create_with_locations_and_contacts_round_trip(crm: Crm) -> None:
    body = new_customer(
        "Grace Hopper",
        type="Commercial",
        doNotMail=True,
        contacts=[{"type": "Email", "value": "grace@example.com", "memo": "work"}],
        tagTypeIds=[7, 7, 9],
        externalData=external(crm_id="c-1"),
        locations=[
            new_location("HQ", contacts=[{"type": "Phone", "value": "512-555-0100"}]),
            new_location(
                "Warehouse",
                address=address(street="9 Dock Rd", latitude=30.25, longitude=-97.75),
                contacts=[{"type": "MobilePhone", "value": "512-555-0199", "memo": "night"}],
            ),
        ],
    )
    created = crm.ok(crm.post("/customers", body))
    CreatedCustomerResponse.model_validate(created)
    assert created["name"] == "Grace Hopper" and created["type"] == "Commercial"
    assert created["active"] is True and created["balance"] == 0
    assert created["doNotMail"] is True and created["doNotService"] is False
    assert created["nationalAccount"] is False and created["mergedToId"] is None
    assert created["createdById"] == 0 and created["tagTypeIds"] == [7, 9]
    assert created["externalData"] == [{"key": "crm_id", "value": "c-1"}]
    assert [loc["name"] for loc in created["locations"]] == ["HQ", "Warehouse"]
    assert all(loc["customerId"] == created["id"] for loc in created["locations"])
    assert created["locations"][1]["address"]["latitude"] == 30.25
    assert [c["value"] for c in created["locations"][0]["contacts"]] == ["512-555-0100"]
    # the customer's own contact, then the copies of the locations' contacts (DOC-CRM)
    values = [c["value"] for c in created["contacts"]]
    assert values == ["grace@example.com", "512-555-0100", "512-555-0199"]
    location_contact_ids = {c["id"] for loc in created["locations"] for c in loc["contacts"]}
    assert not location_contact_ids & {c["id"] for c in created["contacts"]}

    got = crm.ok(crm.get(f"/customers/{created['id']}"))
    CustomerResponse.model_validate(got)
    fields = set(CustomerResponse.model_fields) - {"externalData"}
    assert {k: got[k] for k in fields} == {k: created[k] for k in fields}
    assert got["externalData"] == []  # GET names no application GUID
    for loc in created["locations"]:
        shown = crm.ok(crm.get(f"/locations/{loc['id']}"))
        assert shown["name"] == loc["name"] and shown["customerId"] == created["id"]
    contacts = crm.ok(crm.get(f"/customers/{created['id']}/contacts"))["data"]
    assert [c["value"] for c in contacts] == values
    assert contacts[0]["phoneSettings"] == {"phoneNumber": "", "doNotText": False}
    assert contacts[1]["phoneSettings"] == {"phoneNumber": "512-555-0100", "doNotText": False}


def test_create_defaults(crm: Crm) -> None:
    created = crm.customer()
    assert created["type"] == "Residential"
    assert (created["doNotMail"], created["doNotService"], created["nationalAccount"]) == (
        False,
        False,
        False,
    )
    assert created["customFields"] == [] and created["contacts"] == []
    assert created["taxExempt"] is False and created["createdOn"] == created["modifiedOn"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"locations": []}, "locations"),
        ({"locations": None}, "locations"),
        ({"name": "  "}, "name"),
        ({"address": address(city="")}, "address.city"),
        ({"address": address(latitude=91.0)}, "address.latitude"),
        ({"contacts": [{"type": "Email", "value": "not-an-email"}]}, "contacts[0].value"),
        ({"contacts": [{"type": "Pager", "value": "1"}]}, "contacts.0.type"),
        ({"tagTypeIds": [0]}, "tagTypeIds[0]"),
        (
            {"customFields": [{"typeId": 5, "value": "a"}, {"typeId": 5, "value": "b"}]},
            "customFields[1].typeId",
        ),
        ({"externalData": external(a="1", **{"": "2"})}, "externalData[1].key"),
    ],
)
def test_create_rejects_bad_bodies_with_field_errors(crm: Crm, change: dict, field: str) -> None:
    before = state(crm)
    body = {**new_customer(), **change}
    if change.get("locations", 0) is None:
        del body["locations"]
    response = crm.post("/customers", body)
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["status"] == 400 and set(problem) >= {"type", "title", "traceId", "errors"}
    assert any(
        key.replace("[", ".").replace("]", "") == field.replace("[", ".").replace("]", "")
        for key in problem["errors"]
    ), problem["errors"]
    assert state(crm) == before


def test_a_bad_third_location_creates_nothing(crm: Crm) -> None:
    before = state(crm)
    body = new_customer(
        contacts=[{"type": "Phone", "value": "555-0100"}],
        locations=[
            new_location("A", contacts=[{"type": "Phone", "value": "1"}]),
            new_location("B"),
            new_location("", contacts=[{"type": "Email", "value": "x"}]),
        ],
    )
    response = crm.post("/customers", body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"locations[2].name", "locations[2].contacts[0].value"}
    assert state(crm) == before
    assert crm.ok(crm.get("/customers", active="Any"))["data"] == []
    assert crm.ok(crm.get("/locations", active="Any"))["data"] == []


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = [
    "name", "address", "locations", "contacts", "type", "tagTypeIds", "customFields",
    "externalData", "doNotMail", "creditLimit", "paymentTermId", "address.latitude",
    "locations.0.name", "locations.0.address", "locations.0.contacts", "locations.0.tagTypeIds",
    "locations.0.externalData", "locations.0.customFields",
]  # fmt: skip


def mangled(field: str, value: Any) -> dict[str, Any]:
    body = new_customer(locations=[new_location(), new_location("Second")])
    *parents, last = field.split(".")
    node: Any = body
    for step in parents:
        node = node[int(step)] if step.isdigit() else node[step]
    node[last] = value
    return body


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS), value=JSON)
def test_mangled_bodies_never_500_and_change_nothing_on_failure(
    crm: Crm, field: str, value: Any
) -> None:
    before = state(crm)
    response = crm.post("/customers", mangled(field, value))
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert response.json()["errors"]
        assert state(crm) == before
    else:
        CreatedCustomerResponse.model_validate(response.json())


def test_scopes_are_enforced(crm_onboard: Any) -> None:
    read = crm_onboard(
        tenantName="Read Only",
        appName="Reader",
        scopes=["tn.crm.customers:r", "tn.crm.locations:r"],
    )
    response = read.post("/customers", new_customer())
    assert response.status_code == 403
    assert read.ok(read.get("/customers"))["data"] == []
    assert read.put("/tags", {"customerIds": [1], "tagTypeIds": [1]}).status_code == 403


def test_tenants_are_isolated(crm: Crm, other_crm: Crm) -> None:
    mine = crm.customer()
    location_id = mine["locations"][0]["id"]
    cid = mine["id"]
    paths = [f"/customers/{cid}", f"/customers/{cid}/contacts", f"/customers/{cid}/notes"]
    for path in [*paths, f"/locations/{location_id}"]:
        assert other_crm.get(path).status_code == 404, path
    assert other_crm.patch(f"/customers/{mine['id']}", {"name": "x"}).status_code == 404
    assert other_crm.ok(other_crm.get("/customers", active="Any"))["data"] == []
    assert other_crm.feed("/export/customers")["data"] == []
    body = {**new_location(), "customerId": mine["id"]}
    assert other_crm.post("/locations", body).status_code == 409


# -- update ----------------------------------------------------------------------------------


def test_patch_changes_only_the_fields_present(crm: Crm) -> None:
    created = crm.customer(doNotService=True, tagTypeIds=[1, 2])
    crm.world.clock.advance(5)
    updated = crm.ok(crm.patch(f"/customers/{created['id']}", {"name": "Ada King"}))
    assert updated["name"] == "Ada King"
    assert updated["modifiedOn"] > created["modifiedOn"]
    same = set(CustomerResponse.model_fields) - {"name", "modifiedOn", "externalData"}
    assert {k: updated[k] for k in same} == {k: created[k] for k in same}

    full = {
        "type": "Commercial",
        "doNotMail": True,
        "doNotService": False,
        "nationalAccount": True,
        "taxExempt": True,
        "paymentTermId": 4,
        "creditLimit": 100.5,
        "creditLimitBalance": 50,
        "tagTypeIds": [3],
        "customFields": [{"typeId": 11, "value": "blue"}],
        "address": {**address(street="2 Elm", unit="4B"), "latitude": 1.5, "longitude": 2.5},
    }
    updated = crm.ok(crm.patch(f"/customers/{created['id']}", full))
    for key, value in full.items():
        if key == "customFields":
            assert updated[key] == [{"typeId": 11, "name": None, "value": "blue"}]
        else:
            assert updated[key] == value, key
    assert crm.ok(crm.get(f"/customers/{created['id']}"))["tagTypeIds"] == [3]


def test_patch_rejects_nulls_and_blanks_without_changing_anything(crm: Crm) -> None:
    created = crm.customer()
    before = state(crm)
    for body in (
        {"name": None},
        {"name": ""},
        {"active": "no"},
        {"tagTypeIds": [-1]},
        {"address": address()},
    ):  # PATCH's address needs coordinates
        response = crm.patch(f"/customers/{created['id']}", body)
        assert response.status_code == 400, (body, response.text)
    assert state(crm) == before
    assert crm.patch("/customers/1", {"name": "x"}).status_code == 404


def test_deactivated_customers_leave_the_default_list(crm: Crm) -> None:
    kept, dropped = crm.customer("Kept"), crm.customer("Dropped")
    updated = crm.ok(crm.patch(f"/customers/{dropped['id']}", {"active": False}))
    assert updated["active"] is False
    assert crm.ids("/customers") == [kept["id"]]
    assert crm.ids("/customers", active="False") == [dropped["id"]]
    assert crm.ids("/customers", active="any") == [kept["id"], dropped["id"]]
    assert crm.get("/customers", active="Maybe").status_code == 400
    crm.ok(crm.patch(f"/customers/{dropped['id']}", {"active": True}))
    assert len(crm.ids("/customers")) == 2


def test_external_data_replace_and_merge_per_application(crm: Crm) -> None:
    created = crm.customer(externalData=external(a="1", b="2"))
    cid = created["id"]
    other = crm.ok(crm.patch(f"/customers/{cid}", {"externalData": external(OTHER_GUID, z="9")}))
    assert other["externalData"] == [{"key": "z", "value": "9"}]

    merged = crm.ok(
        crm.patch(
            f"/customers/{cid}", {"externalData": {**external(b=None, c="3"), "patchMode": "Merge"}}
        )
    )
    assert merged["externalData"] == [{"key": "a", "value": "1"}, {"key": "c", "value": "3"}]
    replaced = crm.ok(crm.patch(f"/customers/{cid}", {"externalData": external(d="4")}))
    assert replaced["externalData"] == [{"key": "d", "value": "4"}]

    def shown(guid: str) -> list[dict[str, str]]:
        return crm.ok(crm.get("/customers", externalDataApplicationGuid=guid))["data"][0][
            "externalData"
        ]

    assert shown(GUID) == [{"key": "d", "value": "4"}]
    assert shown(OTHER_GUID) == [{"key": "z", "value": "9"}]
    assert crm.ok(crm.get("/customers"))["data"][0]["externalData"] == []


# -- lists -----------------------------------------------------------------------------------


@pytest.fixture
def three(crm: Crm) -> list[dict[str, Any]]:
    return [
        crm.customer(
            "Alice Smith",
            address=address(
                street="10 Oak Ave",
                unit="A",
                city="Boston",
                state="MA",
                zip="02110",
                country="USA",
                latitude=42.36,
                longitude=-71.06,
            ),
            contacts=[{"type": "Phone", "value": "(617) 555-0101"}],
            externalData=external(crm_id="alice"),
        ),
        crm.customer(
            "Bob Smithers",
            address=address(
                street="20 Pine Rd", city="Austin", state="TX", zip="78701", country="US"
            ),
            contacts=[{"type": "Email", "value": "bob@example.com"}],
            externalData=external(OTHER_GUID, crm_id="bob"),
        ),
        crm.customer(
            "Carol Jones",
            address=address(
                street="30 Oak Lane", city="Dallas", state="TX", zip="75201", country="USA"
            ),
            locations=[new_location(contacts=[{"type": "MobilePhone", "value": "214-555-0303"}])],
        ),
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "smith"}, [0, 1]),
        ({"name": "SMITHERS"}, [1]),
        ({"street": "oak"}, [0, 2]),
        ({"unit": "a"}, [0]),
        ({"city": "austin"}, [1]),
        ({"state": "TX"}, [1, 2]),
        ({"zip": "02110"}, [0]),
        ({"country": "usa"}, [0, 2]),
        ({"latitude": "42.36"}, [0]),
        ({"longitude": "-71.06", "latitude": "42.36"}, [0]),
        ({"latitude": "1"}, []),
        ({"phone": "6175550101"}, [0]),
        ({"phone": "214.555.0303"}, [2]),  # a location's contact, copied to its customer
        ({"phone": "bob@example.com"}, []),  # only Phone and MobilePhone contacts
        ({"state": "tx", "name": "jones"}, [2]),
        ({"excludeAccountingChangesFromModifiedDateRange": "true"}, [0, 1, 2]),
        ({"noSuchParameter": "x"}, [0, 1, 2]),
        ({"externalDataKey": "crm_id", "externalDataValues": "alice,bob"}, [0, 1]),
        (
            {
                "externalDataApplicationGuid": GUID,
                "externalDataKey": "crm_id",
                "externalDataValues": "alice,bob",
            },
            [0],
        ),
    ],
)
def test_list_filters(crm: Crm, three: list[dict], params: dict, expected: list[int]) -> None:
    assert crm.ids("/customers", **params) == [three[i]["id"] for i in expected]


def test_list_ids_filter_and_its_limit(crm: Crm, three: list[dict]) -> None:
    wanted = [three[2]["id"], three[0]["id"]]
    assert crm.ids("/customers", ids=",".join(map(str, wanted))) == sorted(wanted)
    fifty = ",".join(str(i) for i in range(1, 51))
    assert crm.get("/customers", ids=fifty).status_code == 200
    response = crm.get("/customers", ids=fifty + ",51")
    assert response.status_code == 400 and "ids" in response.json()["errors"]
    assert crm.get("/customers", ids="1,x").status_code == 400


def test_list_rejects_half_an_external_data_filter(crm: Crm) -> None:
    assert crm.get("/customers", externalDataKey="k").status_code == 400
    assert crm.get("/customers", externalDataValues="v").status_code == 400
    too_many = ",".join(f"v{i}" for i in range(51))
    assert (
        crm.get("/customers", externalDataKey="k", externalDataValues=too_many).status_code == 400
    )
    assert crm.get("/customers", externalDataApplicationGuid="nope").status_code == 400


def test_list_date_filters(crm: Crm) -> None:
    first = crm.customer("First")
    crm.world.clock.advance(60)
    second = crm.customer("Second")
    crm.world.clock.advance(60)
    crm.ok(crm.patch(f"/customers/{first['id']}", {"doNotMail": True}))
    cut = second["createdOn"]
    assert crm.ids("/customers", createdOnOrAfter=cut) == [second["id"]]
    assert crm.ids("/customers", createdBefore=cut) == [first["id"]]
    assert crm.ids("/customers", modifiedOnOrAfter=cut) == [first["id"], second["id"]]
    assert crm.ids("/customers", modifiedBefore=cut) == []
    after = crm.ok(crm.get(f"/customers/{first['id']}"))["modifiedOn"]
    assert crm.ids("/customers", modifiedOnOrAfter=after) == [first["id"]]
    assert crm.get("/customers", createdBefore="yesterday").status_code == 400


def test_list_sort(crm: Crm) -> None:
    a = crm.customer("A")
    crm.world.clock.advance(10)
    b = crm.customer("B")
    crm.world.clock.advance(10)
    crm.ok(crm.patch(f"/customers/{a['id']}", {"name": "A2"}))
    assert crm.ids("/customers", sort="-Id") == [b["id"], a["id"]]
    assert crm.ids("/customers", sort="+Id") == [a["id"], b["id"]]
    assert crm.ids("/customers", sort="ModifiedOn") == [b["id"], a["id"]]
    assert crm.ids("/customers", sort="-modifiedon") == [a["id"], b["id"]]
    assert crm.ids("/customers", sort="-CreatedOn") == [b["id"], a["id"]]
    assert crm.get("/customers", sort="+Name").status_code == 400


def test_paging(crm: Crm) -> None:
    made = [crm.customer(f"C{i}")["id"] for i in range(5)]
    page = crm.ok(crm.get("/customers", pageSize=2, page=2, includeTotal="true"))
    assert [c["id"] for c in page["data"]] == made[2:4]
    assert (page["page"], page["pageSize"], page["hasMore"], page["totalCount"]) == (2, 2, True, 5)
    last = crm.ok(crm.get("/customers", pageSize=2, page=3))
    assert [c["id"] for c in last["data"]] == made[4:] and last["hasMore"] is False
    assert last["totalCount"] is None
    assert crm.ok(crm.get("/customers", pageSize=2, page=9))["data"] == []
    assert crm.get("/customers", pageSize=0).status_code == 400
    assert crm.get("/customers", page="x").status_code == 400


def test_a_large_list_filters_sorts_and_counts(crm: Crm) -> None:
    """20,000 customers: a filtered, sorted, counted page, and a page deep in the list. How fast
    is the benchmark's business (benchmarks/bench.py), not a wall-clock limit here."""
    template = crm.ok(crm.get(f"/customers/{crm.customer('Seed')['id']}"))
    with crm.world.transaction():
        ctx = TenantContext(crm.world, crm.world.tenant_data(crm.tenant), crm.world.clock.now())
        table = ctx.table("customers")
        for i in range(20_000):
            ident = crm.world.new_id()
            data = {**template, "id": ident, "name": f"Customer {i}", "externalDataByApp": {}}
            table.insert(ident, data, ctx.now)
    query = {"name": "customer 1", "sort": "-ModifiedOn", "modifiedOnOrAfter": "2000-01-01"}
    page = crm.ok(crm.get("/customers", includeTotal="true", phone="555", **query))
    assert page["totalCount"] == 0
    named = crm.ok(crm.get("/customers", includeTotal="true", pageSize=5, **query))
    assert named["totalCount"] == 11_111  # "Customer 1", "Customer 1x" … "Customer 1xxxx"
    deep = crm.ok(crm.get("/customers", page=300, pageSize=50, includeTotal="true"))
    assert deep["totalCount"] == 20_001 and len(deep["data"]) == 50 and deep["hasMore"] is True


# -- tags ------------------------------------------------------------------------------------


def test_tag_add_and_remove(crm: Crm) -> None:
    cid = crm.customer(tagTypeIds=[5])["id"]
    added = crm.ok(crm.post(f"/customers/{cid}/tags/8"))
    assert added == {"customerId": cid, "tagTypeIds": [5, 8]}
    assert crm.post(f"/customers/{cid}/tags/8").status_code == 409
    assert crm.post(f"/customers/{cid}/tags/0").status_code == 404
    assert crm.post("/customers/42/tags/8").status_code == 404
    assert crm.delete(f"/customers/{cid}/tags/5").status_code == 200
    assert crm.delete(f"/customers/{cid}/tags/5").status_code == 404
    assert crm.ok(crm.get(f"/customers/{cid}"))["tagTypeIds"] == [8]


def test_tag_types_are_checked_once_settings_has_some(crm: Crm) -> None:
    known = crm.seed("tag_types", [{"name": "VIP", "active": True}])[0]
    assert crm.post("/customers", new_customer(tagTypeIds=[known + 1000])).status_code == 400
    cid = crm.customer(tagTypeIds=[known])["id"]
    assert crm.post(f"/customers/{cid}/tags/{known + 1000}").status_code == 404
    body = {"customerIds": [cid], "tagTypeIds": [known + 1000]}
    assert crm.put("/tags", body).status_code == 400


def test_custom_fields_are_checked_against_their_types(crm: Crm) -> None:
    color, size, where = crm.seed(
        "custom_field_types",
        [
            {
                "name": "Color",
                "dataType": "Dropdown",
                "dataTypeOptions": ["red", "blue"],
                "appliesTo": "customer",
            },
            {"name": "Size", "dataType": "Text", "dataTypeOptions": None, "appliesTo": "customer"},
            {"name": "Gate code", "dataType": "Text", "appliesTo": "location"},
        ],
    )
    made = crm.customer(
        customFields=[{"typeId": color, "value": "red"}, {"typeId": size, "value": "XL"}]
    )
    assert made["customFields"] == [
        {"typeId": color, "name": "Color", "value": "red"},
        {"typeId": size, "name": "Size", "value": "XL"},
    ]
    for fields in ([{"typeId": color, "value": "green"}], [{"typeId": where, "value": "1"}]):
        assert crm.post("/customers", new_customer(customFields=fields)).status_code == 400
    replaced = crm.ok(
        crm.patch(f"/customers/{made['id']}", {"customFields": [{"typeId": size, "value": "S"}]})
    )
    assert replaced["customFields"] == [{"typeId": size, "name": "Size", "value": "S"}]

    types = crm.ok(crm.get("/customers/custom-fields", includeTotal="true"))
    assert [t["id"] for t in types["data"]] == [color, size] and types["totalCount"] == 2
    assert types["data"][0]["dataTypeOptions"] == ["red", "blue"]
    assert crm.ids("/locations/custom-fields") == [where]
    assert crm.ids("/customers/custom-fields", sort="-Name") == [size, color]
    assert crm.ids("/customers/custom-fields", createdOnOrAfter="2024-01-02") == []


def test_bulk_tags(crm: Crm) -> None:
    a, b = crm.customer("A", tagTypeIds=[1])["id"], crm.customer("B")["id"]
    assert crm.ok(crm.put("/tags", {"customerIds": [a, b], "tagTypeIds": [1, 2]})) is None
    assert crm.ok(crm.get(f"/customers/{a}"))["tagTypeIds"] == [1, 2]
    assert crm.ok(crm.get(f"/customers/{b}"))["tagTypeIds"] == [1, 2]
    crm.ok(crm.delete("/tags", {"customerIds": [a], "tagTypeIds": [1, 3]}))
    assert crm.ok(crm.get(f"/customers/{a}"))["tagTypeIds"] == [2]

    before = state(crm)
    unknown = crm.put("/tags", {"customerIds": [a, 99], "tagTypeIds": [4]})
    assert unknown.status_code == 409 and unknown.json()["data"] == {"customerIds": [99]}
    assert crm.put("/tags", {"customerIds": [], "tagTypeIds": [4]}).status_code == 400
    assert crm.put("/tags", {"customerIds": [a]}).status_code == 400
    assert crm.delete("/tags").status_code == 400
    assert state(crm) == before


# -- export ----------------------------------------------------------------------------------


def test_export_delivers_each_change_once_and_again_after_updates(crm: Crm) -> None:
    a, b = crm.customer("A"), crm.customer("B")
    first = crm.feed("/export/customers")
    assert [row["id"] for row in first["data"]] == [a["id"], b["id"]]
    assert first["hasMore"] is False
    for row in first["data"]:
        ExportCustomerResponse.model_validate(row)
    assert crm.feed("/export/customers", first["continueFrom"])["data"] == []

    crm.ok(crm.patch(f"/customers/{a['id']}", {"name": "A2"}))
    crm.ok(crm.patch(f"/customers/{b['id']}", {"active": False}))
    second = crm.feed("/export/customers", first["continueFrom"])
    assert [(r["id"], r["name"], r["active"]) for r in second["data"]] == [
        (a["id"], "A2", True),
        (b["id"], "B", False),
    ]
    assert crm.feed("/export/customers", second["continueFrom"])["data"] == []
    # without includeRecentChanges the last 15 minutes wait
    assert crm.ok(crm.get("/export/customers"))["data"] == []
    crm.advance(901)
    assert len(crm.ok(crm.get("/export/customers"))["data"]) == 2


@pytest.fixture
def small_batches() -> Iterator[Crm]:
    """A tenant on a simulator whose export batches hold three rows, its clock frozen."""
    world = World()
    world.clock.set(datetime(2026, 1, 5, 12, 0, tzinfo=UTC), frozen=True)
    config = Config(rate_limit=0, token_rate_limit=0, export_batch_size=3)
    with TestClient(create_app(world, config)) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        creds["headers"] = api_headers(
            creds, take_token(http, creds["clientId"], creds["clientSecret"])
        )
        yield Crm(http, world, creds)


def test_an_export_ending_on_an_exactly_full_batch_has_no_more(small_batches: Crm) -> None:
    crm = small_batches
    first = [crm.customer(name)["id"] for name in ("A", "B", "C")]
    full = crm.feed("/export/customers")
    # Three rows fill the batch, and nothing is behind them: a "yes, more" here would send every
    # connector back for an empty batch (or, worse, to wait for one).
    assert [row["id"] for row in full["data"]] == first
    assert full["hasMore"] is False
    after = crm.feed("/export/customers", full["continueFrom"])
    assert (after["data"], after["hasMore"]) == ([], False)
    fourth = crm.customer("D")["id"]
    assert crm.feed("/export/customers")["hasMore"] is True  # now a fourth row waits behind
    rest = crm.feed("/export/customers", full["continueFrom"])
    assert ([row["id"] for row in rest["data"]], rest["hasMore"]) == ([fourth], False)


def test_an_export_from_a_date_includes_rows_changed_at_that_instant(small_batches: Crm) -> None:
    crm = small_batches
    older = crm.customer("Older")
    crm.advance(60)
    edge = crm.customer("At the instant")
    crm.advance(60)
    newer = crm.customer("Newer")
    # The date a connector kept is the modifiedOn of the last row it saw, in the API's own format.
    assert edge["modifiedOn"] == "2026-01-05T12:01:00Z"  # whole second: no fraction, as .NET
    for since in (edge["modifiedOn"], "2026-01-05T12:01:00Z"):
        batch = crm.feed("/export/customers", since)
        assert [row["id"] for row in batch["data"]] == [edge["id"], newer["id"]], since
    later = crm.feed("/export/customers", "2026-01-05T12:01:00.0000010Z")  # a microsecond on
    assert [row["id"] for row in later["data"]] == [newer["id"]]
    everything = crm.feed("/export/customers", "2026-01-05T12:00:00Z")
    assert [row["id"] for row in everything["data"]] == [older["id"], edge["id"], newer["id"]]


def test_an_export_waits_for_a_change_until_exactly_the_recent_window_has_passed(
    small_batches: Crm,
) -> None:
    crm = small_batches
    made = crm.customer("A")
    crm.advance(899)
    assert crm.ok(crm.get("/export/customers"))["data"] == []  # 899 s old: still recent
    crm.advance(1)  # 900 s old: no longer recent, so it is delivered
    assert [r["id"] for r in crm.ok(crm.get("/export/customers"))["data"]] == [made["id"]]


def test_an_export_from_neither_a_token_nor_a_date_is_a_400(small_batches: Crm) -> None:
    crm = small_batches
    crm.customer("A")
    # Base64 of text that ends in digits but lacks the token's prefix: not one of our tokens.
    foreign = base64.urlsafe_b64encode(b"other:v9:0000000042").decode().rstrip("=")
    for start in ("yesterday", foreign):
        response = crm.get("/export/customers", **{"from": start})
        assert response.status_code == 400, start
        assert response.json()["errors"] == {
            "from": ["Expected a continuation token or a date such as 2020-01-01."]
        }


def test_the_first_change_of_a_tenant_is_exported() -> None:
    # A tenant onboarded without a booking provider tag: its first customer is the tenant's
    # first change of all (sequence 1), and a feed read from the start must include it.
    world = World()
    with TestClient(create_app(world, Config(rate_limit=0, token_rate_limit=0))) as http:
        app = http.post("/_mock/apps", json={"name": "Feed reader"}).json()
        tenant = http.post("/_mock/tenants", json={"name": "Bare Plumbing"}).json()
        link = http.post(
            "/_mock/connections", json={"appId": app["id"], "tenantId": tenant["id"]}
        ).json()
        secret = link.get("clientSecret") or http.post(
            f"/_mock/connections/{link['clientId']}/secrets"
        ).json()["clientSecret"]
        creds = {"tenantId": tenant["id"], "appKey": app["appKey"], "clientId": link["clientId"]}
        creds["headers"] = api_headers(creds, take_token(http, link["clientId"], secret))
        crm = Crm(http, world, creds)
        first = crm.customer("First")
        assert [r["id"] for r in crm.feed("/export/customers")["data"]] == [first["id"]]


def test_date_filters_include_their_instant_on_or_after_and_exclude_it_before(
    small_batches: Crm,
) -> None:
    crm = small_batches
    early = crm.customer("Early")["id"]  # created 12:00:00
    crm.advance(60)
    edge = crm.customer("Edge")["id"]  # created 12:01:00
    crm.advance(60)
    crm.ok(crm.patch(f"/customers/{early}", {"name": "Early, renamed"}))  # modified 12:02:00
    instant = "2026-01-05T12:01:00Z"
    expected = {
        "createdOnOrAfter": [edge],
        "createdBefore": [early],
        "modifiedOnOrAfter": [early, edge],
        "modifiedBefore": [],
    }
    for name, ids in expected.items():
        assert crm.ids("/customers", **{name: instant}) == ids, name
    # The modified filters read modifiedOn, not createdOn: only the rename is after 12:01:30.
    assert crm.ids("/customers", modifiedOnOrAfter="2026-01-05T12:01:30Z") == [early]
    assert crm.ids("/customers", createdOnOrAfter="2026-01-05T12:01:30Z") == []


def test_page_and_page_size_bounds(small_batches: Crm) -> None:
    crm = small_batches
    crm.customer("A")
    both = crm.get("/customers", page=0, pageSize=0)
    assert both.status_code == 400
    assert both.json()["errors"] == {
        "page": ["The page must be 1 or greater."],
        "pageSize": ["The pageSize must be 1 or greater."],
    }
    over = crm.get("/customers", pageSize=5001)
    assert over.status_code == 400
    assert over.json()["errors"] == {"pageSize": ["The pageSize must be 5000 or less."]}
    # With page_size_overflow "clamp" the same request is served at the maximum instead.
    world = World()
    config = Config(rate_limit=0, token_rate_limit=0, page_size_overflow="clamp")
    with TestClient(create_app(world, config)) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        creds["headers"] = api_headers(
            creds, take_token(http, creds["clientId"], creds["clientSecret"])
        )
        clamping = Crm(http, world, creds)
        assert clamping.ok(clamping.get("/customers", pageSize=5001))["pageSize"] == 5000
