"""Contacts of customers and locations: CRUD, ownership, cross-record lists and export feeds."""

from __future__ import annotations

from typing import Any

import pytest
from customer_helpers import Crm, new_location

from mockst.crm.models.customers import (
    CustomerContactWithModifiedOnAndCustomerIdResponse,
    CustomerContactWithModifiedOnResponse,
)
from mockst.crm.models.exports import ExportCustomerContactResponse, ExportLocationContactResponse
from mockst.crm.models.locations import LocationContactResponse, LocationsContactResponse

PREFERENCES = {
    "jobRemindersEnabled": True,
    "marketingUpdatesEnabled": False,
    "invoiceStatementNotification": True,
    "invoiceNotification": True,
    "statementNotification": False,
}

FAMILIES = {
    "customers": (CustomerContactWithModifiedOnResponse, "customerId"),
    "locations": (LocationContactResponse, "locationId"),
}


def parent_ids(crm: Crm, family: str) -> tuple[int, int]:
    a, b = crm.customer("A"), crm.customer("B")
    if family == "customers":
        return a["id"], b["id"]
    return a["locations"][0]["id"], b["locations"][0]["id"]


@pytest.mark.parametrize("family", FAMILIES)
def test_contact_crud(crm: Crm, family: str) -> None:
    model, _ = FAMILIES[family]
    pid, other = parent_ids(crm, family)
    base = f"/{family}/{pid}/contacts"
    created = crm.ok(crm.post(base, {"type": "MobilePhone", "value": "555-0101", "memo": "cell"}))
    model.model_validate(created)
    assert created["phoneSettings"] == {"phoneNumber": "555-0101", "doNotText": False}
    assert created["preferences"] is None and created["createdOn"] == created["modifiedOn"]
    email = crm.ok(crm.post(base, {"type": "Email", "value": "a@example.com"}))
    assert [c["id"] for c in crm.ok(crm.get(base))["data"]] == [created["id"], email["id"]]

    crm.world.clock.advance(2)
    cid = created["id"]
    changed = crm.ok(crm.patch(f"{base}/{cid}", {"memo": "old cell", "preferences": PREFERENCES}))
    assert changed["memo"] == "old cell" and changed["value"] == "555-0101"
    assert changed["modifiedOn"] > created["modifiedOn"]
    # the legacy combined flag is true only when both of its parts are
    assert changed["preferences"] == {**PREFERENCES, "invoiceStatementNotification": False}
    retyped = crm.ok(crm.patch(f"{base}/{cid}", {"type": "Email", "value": "b@example.com"}))
    assert retyped["phoneSettings"]["phoneNumber"] == "" and retyped["memo"] == "old cell"

    for bad in ({"value": ""}, {"value": "nope"}, {"type": "Pigeon"}, {"memo": None}):
        assert crm.patch(f"{base}/{cid}", bad).status_code == 400, bad
    assert crm.post(base, {"type": "Phone", "value": "  "}).status_code == 400
    assert crm.post(base, {"type": "Phone"}).status_code == 400

    # ownership: another record's contact, unknown ids
    assert crm.patch(f"/{family}/{other}/contacts/{cid}", {"memo": "x"}).status_code == 404
    assert crm.delete(f"/{family}/{other}/contacts/{cid}").status_code == 404
    assert crm.delete(f"{base}/999").status_code == 404
    assert crm.get(f"/{family}/999/contacts").status_code == 404
    assert crm.post(f"/{family}/999/contacts", {"type": "Phone", "value": "1"}).status_code == 404

    assert crm.ok(crm.delete(f"{base}/{cid}")) is None
    assert crm.delete(f"{base}/{cid}").status_code == 404
    assert [c["id"] for c in crm.ok(crm.get(base))["data"]] == [email["id"]]
    page = crm.ok(crm.get(base, pageSize=1, includeTotal="true"))
    assert page["totalCount"] == 1 and page["hasMore"] is False


@pytest.mark.parametrize("family", FAMILIES)
def test_contacts_of_many_records(crm: Crm, family: str) -> None:
    _, field = FAMILIES[family]
    model = (
        CustomerContactWithModifiedOnAndCustomerIdResponse
        if family == "customers"
        else LocationsContactResponse
    )
    ids_param = "customerIds" if family == "customers" else "locationIds"
    pid, other = parent_ids(crm, family)
    one = crm.ok(crm.post(f"/{family}/{pid}/contacts", {"type": "Phone", "value": "1"}))
    crm.world.clock.advance(30)
    two = crm.ok(crm.post(f"/{family}/{other}/contacts", {"type": "Phone", "value": "2"}))

    response = crm.get(f"/{family}/contacts")
    assert response.status_code == 400 and ids_param in response.json()["errors"]
    rows = crm.ok(crm.get(f"/{family}/contacts", **{ids_param: f"{pid},{other}"}))["data"]
    for row in rows:
        model.model_validate(row)
    assert [(r["id"], r[field]) for r in rows] == [(one["id"], pid), (two["id"], other)]
    assert crm.ids(f"/{family}/contacts", **{ids_param: str(other)}) == [two["id"]]
    since = two["modifiedOn"]
    assert crm.ids(f"/{family}/contacts", modifiedOnOrAfter=since) == [two["id"]]
    assert crm.ids(f"/{family}/contacts", modifiedBefore=since) == [one["id"]]
    created_only = crm.get(f"/{family}/contacts", createdOnOrAfter=since)
    if family == "customers":
        assert created_only.status_code == 400  # customers need ids or a modified-on filter
    else:
        assert [r["id"] for r in crm.ok(created_only)["data"]] == [two["id"]]
    too_many = ",".join(str(i) for i in range(51))
    assert crm.get(f"/{family}/contacts", **{ids_param: too_many}).status_code == 400


@pytest.mark.parametrize(
    ("family", "feed", "model"),
    [
        ("customers", "/export/customers/contacts", ExportCustomerContactResponse),
        ("locations", "/export/locations/contacts", ExportLocationContactResponse),
    ],
)
def test_contact_feeds_report_changes_and_deletions(
    crm: Crm, family: str, feed: str, model: Any
) -> None:
    pid, _ = parent_ids(crm, family)
    base = f"/{family}/{pid}/contacts"
    a = crm.ok(crm.post(base, {"type": "Phone", "value": "1"}))
    b = crm.ok(crm.post(base, {"type": "Email", "value": "b@example.com"}))
    first = crm.feed(feed)
    assert [r["id"] for r in first["data"]] == [a["id"], b["id"]]
    for row in first["data"]:
        model.model_validate(row)
        assert row["active"] is True
    crm.ok(crm.delete(f"{base}/{a['id']}"))
    crm.ok(crm.patch(f"{base}/{b['id']}", {"memo": "new"}))
    again = crm.feed(feed, first["continueFrom"])
    assert [(r["id"], r["active"], r["memo"]) for r in again["data"]] == [
        (a["id"], False, None),
        (b["id"], True, "new"),
    ]
    assert crm.feed(feed, again["continueFrom"])["data"] == []


def test_contacts_made_with_a_customer_are_in_both_feeds(crm: Crm) -> None:
    made = crm.customer(
        contacts=[{"type": "Email", "value": "c@example.com"}],
        locations=[new_location("L", contacts=[{"type": "Phone", "value": "9"}])],
    )
    customer_feed = crm.feed("/export/customers/contacts")["data"]
    assert [(r["value"], r["customerId"]) for r in customer_feed] == [
        ("c@example.com", made["id"]),
        ("9", made["id"]),
    ]
    location_feed = crm.feed("/export/locations/contacts")["data"]
    assert [(r["value"], r["locationId"]) for r in location_feed] == [
        ("9", made["locations"][0]["id"])
    ]
