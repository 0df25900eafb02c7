"""CRM locations: create under a customer, get, PATCH, lists, tags, preferred technician, feed."""

from __future__ import annotations

from typing import Any

import pytest
from customer_helpers import Crm, address, new_location
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockst.crm.models.exports import ExportLocationsResponse
from mockst.crm.models.locations import CreateLocationResponse, LocationResponse

GUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def test_create_under_a_customer_copies_contacts_to_it(crm: Crm) -> None:
    customer = crm.customer()
    body = {
        **new_location("Lake House", address=address(street="5 Shore Dr", latitude=45.0)),
        "customerId": customer["id"],
        "contacts": [{"type": "Phone", "value": "555-0142", "memo": "caretaker"}],
        "tagTypeIds": [3],
        "customFields": [{"typeId": 21, "value": "gate 4411"}],
        "externalData": {"applicationGuid": GUID, "externalData": [{"key": "k", "value": "v"}]},
        "coordinatesSource": "User",
        "coordinatesVerificationStatus": "Verified",
    }
    created = crm.ok(crm.post("/locations", body))
    CreateLocationResponse.model_validate(created)
    assert created["customerId"] == customer["id"] and created["active"] is True
    assert created["address"]["street"] == "5 Shore Dr" and created["address"]["latitude"] == 45.0
    assert created["tagTypeIds"] == [3] and created["createdById"] == 0
    assert created["customFields"] == [{"typeId": 21, "name": None, "value": "gate 4411"}]
    assert created["externalData"] == [{"key": "k", "value": "v"}]
    assert created["taxZoneId"] is None and created["zoneId"] is None
    assert [c["memo"] for c in created["contacts"]] == ["caretaker"]

    got = crm.ok(crm.get(f"/locations/{created['id']}"))
    LocationResponse.model_validate(got)
    assert got["name"] == "Lake House" and got["externalData"] == []
    location_contacts = crm.ok(crm.get(f"/locations/{created['id']}/contacts"))["data"]
    assert [c["value"] for c in location_contacts] == ["555-0142"]
    customer_contacts = crm.ok(crm.get(f"/customers/{customer['id']}/contacts"))["data"]
    assert [c["value"] for c in customer_contacts] == ["555-0142"]
    assert customer_contacts[0]["id"] != location_contacts[0]["id"]
    listed = crm.ids("/locations", customerId=customer["id"])
    assert listed == [customer["locations"][0]["id"], created["id"]]


def test_create_needs_a_known_customer(crm: Crm, other_crm: Crm) -> None:
    body = {**new_location(), "customerId": 12345}
    response = crm.post("/locations", body)
    assert response.status_code == 409 and response.json()["title"] == "Unknown customer"
    theirs = other_crm.customer()
    assert crm.post("/locations", {**body, "customerId": theirs["id"]}).status_code == 409
    assert crm.post("/locations", new_location()).status_code == 400  # no customerId at all
    blank = {**new_location(""), "customerId": theirs["id"]}
    assert crm.post("/locations", blank).status_code == 400  # 400 before 409
    assert crm.ok(crm.get("/locations", active="Any"))["data"] == []


def test_patch(crm: Crm) -> None:
    first, second = crm.customer("First"), crm.customer("Second")
    location = crm.location(first["id"], tagTypeIds=[1, 2], customFields=[
        {"typeId": 7, "value": "a"}, {"typeId": 8, "value": "b"}])  # fmt: skip
    lid = location["id"]
    crm.world.clock.advance(3)
    updated = crm.ok(crm.patch(f"/locations/{lid}", {"name": "Renamed"}))
    assert updated["name"] == "Renamed" and updated["modifiedOn"] > location["modifiedOn"]
    assert updated["tagTypeIds"] == [1, 2] and len(updated["customFields"]) == 2

    updated = crm.ok(crm.patch(f"/locations/{lid}", {
        "tagTypeIds": [2, 9], "customFields": [{"typeId": 8, "value": "c"}], "taxZoneId": 77,
        "address": {**address(street="8 New St", unit=""), "latitude": 10.0},
        "customerId": second["id"],
    }))  # fmt: skip
    assert updated["tagTypeIds"] == [2, 9]
    assert updated["customFields"] == [{"typeId": 8, "name": None, "value": "c"}]
    assert updated["taxZoneId"] == 77 and updated["customerId"] == second["id"]
    assert updated["address"]["street"] == "8 New St" and updated["address"]["longitude"] is None
    assert crm.ids("/locations", customerId=second["id"])[-1] == lid
    cleared = crm.ok(crm.patch(f"/locations/{lid}", {"tagTypeIds": []}))
    assert cleared["tagTypeIds"] == []

    assert crm.patch(f"/locations/{lid}", {"customerId": 999}).status_code == 409
    assert crm.patch(f"/locations/{lid}", {"name": None}).status_code == 400
    assert crm.patch("/locations/999", {"name": "x"}).status_code == 404
    assert crm.ok(crm.get(f"/locations/{lid}"))["customerId"] == second["id"]

    gone = crm.ok(crm.patch(f"/locations/{lid}", {"active": False}))
    assert gone["active"] is False
    assert lid not in crm.ids("/locations")
    assert crm.ids("/locations", active="False") == [lid]


def test_external_data_on_locations(crm: Crm) -> None:
    customer = crm.customer()
    lid = customer["locations"][0]["id"]
    merge = {"applicationGuid": GUID, "patchMode": "Merge",
             "externalData": [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]}  # fmt: skip
    assert crm.ok(crm.patch(f"/locations/{lid}", {"externalData": merge}))["externalData"] == [
        {"key": "a", "value": "1"},
        {"key": "b", "value": "2"},
    ]
    query = {"externalDataApplicationGuid": GUID, "externalDataKey": "b", "externalDataValues": "2"}
    page = crm.ok(crm.get("/locations", **query))
    assert [row["id"] for row in page["data"]] == [lid]
    assert page["data"][0]["externalData"] == [
        {"key": "a", "value": "1"},
        {"key": "b", "value": "2"},
    ]
    assert crm.ids("/locations", **{**query, "externalDataValues": "3"}) == []
    assert crm.get("/locations", externalDataValues="2").status_code == 400


@pytest.fixture
def spread(crm: Crm) -> list[int]:
    a = crm.customer("Alpha", locations=[
        new_location("Alpha Home", address=address(street="1 Birch Way", city="Reno", state="NV",
                                                   zip="89501", latitude=39.5, longitude=-119.8)),
        new_location("Alpha Office", address=address(street="2 Cedar Ct", unit="300")),
    ])  # fmt: skip
    b = crm.customer("Beta", locations=[
        new_location("Beta Barn", address=address(country="Canada", city="Reno Hills")),
    ])  # fmt: skip
    return [loc["id"] for c in (a, b) for loc in c["locations"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "alpha"}, [0, 1]),
        ({"name": "barn"}, [2]),
        ({"street": "birch"}, [0]),
        ({"unit": "300"}, [1]),
        ({"city": "reno"}, [0, 2]),
        ({"state": "nv"}, [0]),
        ({"zip": "895"}, [0]),
        ({"country": "canada"}, [2]),
        ({"latitude": "39.5", "longitude": "-119.8"}, [0]),
        ({"ids": "LOC0,LOC2"}, [0, 2]),
        ({"sort": "-Id"}, [2, 1, 0]),
        ({"whatever": "1"}, [0, 1, 2]),
    ],
)
def test_list_filters(crm: Crm, spread: list[int], params: dict, expected: list[int]) -> None:
    if "ids" in params:
        params = {"ids": f"{spread[0]},{spread[2]}"}
    assert crm.ids("/locations", **params) == [spread[i] for i in expected]


def test_list_paging_and_limits(crm: Crm, spread: list[int]) -> None:
    page = crm.ok(crm.get("/locations", pageSize=2, includeTotal="true"))
    assert [r["id"] for r in page["data"]] == spread[:2] and page["hasMore"] is True
    assert page["totalCount"] == 3
    too_many = ",".join(str(i) for i in range(51))
    assert crm.get("/locations", ids=too_many).status_code == 400
    assert crm.get("/locations", customerId="abc").status_code == 400
    assert crm.get("/locations", latitude="north").status_code == 400


def test_tags(crm: Crm) -> None:
    lid = crm.customer()["locations"][0]["id"]
    assert crm.ok(crm.post(f"/locations/{lid}/tags/4")) == {"locationId": lid, "tagTypeIds": [4]}
    assert crm.post(f"/locations/{lid}/tags/4").status_code == 409
    assert crm.post("/locations/1/tags/4").status_code == 404
    assert crm.ok(crm.delete(f"/locations/{lid}/tags/4")) is None
    assert crm.delete(f"/locations/{lid}/tags/4").status_code == 404
    assert crm.ok(crm.get(f"/locations/{lid}"))["tagTypeIds"] == []


def test_preferred_technician(crm: Crm) -> None:
    lid = crm.customer()["locations"][0]["id"]
    response = crm.get(f"/locations/{lid}/preferredtechnician")
    assert response.status_code == 200 and response.content == b"null"
    assert crm.ok(crm.post(f"/locations/{lid}/preferredtechnician/321")) is None
    assert crm.ok(crm.get(f"/locations/{lid}/preferredtechnician")) == 321
    assert crm.post("/locations/5/preferredtechnician/321").status_code == 404
    assert crm.get("/locations/5/preferredtechnician").status_code == 404
    assert crm.post(f"/locations/{lid}/preferredtechnician/0").status_code == 404

    known = crm.seed("technicians", [{"name": "Tess", "active": True}])[0]
    assert crm.post(f"/locations/{lid}/preferredtechnician/321").status_code == 404
    crm.ok(crm.post(f"/locations/{lid}/preferredtechnician/{known}"))
    assert crm.ok(crm.get(f"/locations/{lid}/preferredtechnician")) == known


def test_export_feed(crm: Crm) -> None:
    customer = crm.customer(locations=[new_location("A"), new_location("B")])
    a, b = (loc["id"] for loc in customer["locations"])
    first = crm.feed("/export/locations")
    assert [row["id"] for row in first["data"]] == [a, b]
    for row in first["data"]:
        ExportLocationsResponse.model_validate(row)
    crm.ok(crm.patch(f"/locations/{b}", {"active": False}))
    crm.ok(crm.patch(f"/locations/{a}", {"name": "A2"}))
    again = crm.feed("/export/locations", first["continueFrom"])
    assert [(r["id"], r["name"], r["active"]) for r in again["data"]] == [
        (b, "B", False),
        (a, "A2", True),
    ]
    assert crm.feed("/export/locations", again["continueFrom"])["data"] == []
    assert crm.get("/export/locations", **{"from": "not a token"}).status_code == 400
    assert crm.feed("/export/locations", "2000-01-01")["data"][0]["id"] == b


@pytest.fixture
def home(crm: Crm) -> int:
    return int(crm.customer()["locations"][0]["id"])


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.fixed_dictionaries(
        {},
        optional={
            "name": st.none() | st.text(max_size=4) | st.integers(),
            "address": st.none()
            | st.just(address())
            | st.dictionaries(st.text(max_size=3), st.text(max_size=3)),
            "active": st.none() | st.booleans() | st.text(max_size=3),
            "tagTypeIds": st.none() | st.lists(st.integers(-3, 3), max_size=3),
            "customerId": st.none() | st.integers(-(2**64), 2**64),
            "taxZoneId": st.none() | st.integers(-3, 3) | st.text(max_size=2),
        },
    )
)
def test_patch_never_500s_and_fails_without_changes(
    crm: Crm, home: int, body: dict[str, Any]
) -> None:
    lid = home
    before = crm.ok(crm.get(f"/locations/{lid}"))
    response = crm.patch(f"/locations/{lid}", body)
    assert response.status_code in (200, 400, 409), response.text
    if response.status_code != 200:
        assert crm.ok(crm.get(f"/locations/{lid}")) == before
