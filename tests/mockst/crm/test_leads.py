"""CRM leads: create rules, links to customers, locations and bookings, the lifecycle (update,
follow-up, notes, dismiss), the public lead form, every list filter, the feed, scopes, tenants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from mockst.api.operation import TenantContext
from mockst.app import create_app
from mockst.crm.models.common import NoteResponse
from mockst.crm.models.leads import FollowUpResponse, LeadResponse
from mockst.encoding import format_datetime
from mockst.store.world import World

LEADTRUFFLE_SCOPES = [  # Step 1 of LeadTruffle's guide: all CRM but Leads, Settings employees:r
    "tn.crm.bookingprovidertags:r", "tn.crm.bookingprovidertags:w", "tn.crm.bookings:r",
    "tn.crm.bookings:w", "tn.crm.customers:r", "tn.crm.customers:w", "tn.crm.locations:r",
    "tn.crm.locations:w", "tn.crm.tags:w", "tn.stt.employees:r",
]  # fmt: skip


@dataclass
class Conn:
    http: TestClient
    world: World
    creds: dict[str, Any]
    headers: dict[str, str]

    @property
    def tenant(self) -> int:
        return int(self.creds["tenantId"])

    def call(self, method: str, path: str, **kwargs: Any):
        url = f"/crm/v2/tenant/{self.tenant}{path}"
        return self.http.request(method, url, headers=self.headers, **kwargs)

    def get(self, path: str, **params: Any):
        return self.call("GET", path, params=params)

    def post(self, path: str, body: Any = None, **params: Any):
        return self.call("POST", path, json=body, params=params)

    def patch(self, path: str, body: Any):
        return self.call("PATCH", path, json=body)

    def refresh(self) -> None:
        self.headers = headers_for(self.http, self.creds)

    def create_lead(self, **fields: Any) -> dict[str, Any]:
        response = self.post("/leads", lead_body(**fields))
        assert response.status_code == 200, response.text
        return response.json()

    def ids(self, path: str = "/leads", **params: Any) -> list[int]:
        response = self.get(path, **params)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["data"]]

    def leads(self) -> int:
        return len(self.world.tenant_data(self.tenant).table("leads"))

    def insert(self, table: str, data: dict[str, Any]) -> int:
        """A row written straight into the tenant's table (customers, locations): CRM fixtures
        that do not depend on another resource's operations."""
        with self.world.transaction():
            data_ = self.world.tenant_data(self.tenant)
            ctx = TenantContext(self.world, data_, self.world.clock.now())
            ident = self.world.new_id()
            stamp = format_datetime(ctx.now)
            row = {"id": ident, "createdOn": stamp, "modifiedOn": stamp, "active": True, **data}
            ctx.table(table).insert(ident, row, ctx.now)
        return ident

    def customer(self, city: str = "Austin", state: str = "TX", zip_: str = "78701", **data: Any):
        address = {"street": "1 Main", "unit": None, "city": city, "state": state, "zip": zip_,
                   "country": "USA"}  # fmt: skip
        return self.insert("customers", {"name": "Cust", "type": "Residential",
                                         "address": address, **data})  # fmt: skip

    def booking(self, **fields: Any) -> dict[str, Any]:
        body = {"source": "web", "name": "Booker Bee", "summary": "No heat",
                "isFirstTimeClient": False, "externalId": "b-1",
                "address": {"street": "9 Elm", "unit": "2", "city": "Dallas", "state": "TX",
                            "zip": "75001", "country": "USA"},
                "contacts": [{"type": "Email", "value": "bee@example.com"},
                             {"type": "MobilePhone", "value": "214-555-0199"}],
                **fields}  # fmt: skip
        path = f"/booking-provider/{self.creds['bookingProviderId']}/bookings"
        response = self.post(path, body)
        assert response.status_code == 200, response.text
        return response.json()


def lead_body(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"campaignId": 11, "summary": "Wants a quote", "callReasonId": 5}
    body.update(fields)
    return {k: v for k, v in body.items() if v is not ...}


def headers_for(http: TestClient, creds: dict[str, Any]) -> dict[str, str]:
    form = {"grant_type": "client_credentials", "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"]}  # fmt: skip
    response = http.post("/connect/token", data=form)
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    return {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}


def onboard(http: TestClient, world: World, **options: Any) -> Conn:
    response = http.post("/_mock/quickstart", json=options)
    assert response.status_code == 200, response.text
    creds = response.json()
    return Conn(http, world, creds, headers_for(http, creds))


# One app per module; every test onboards its own tenant.
@pytest.fixture(scope="module")
def world() -> World:
    return World()


@pytest.fixture(scope="module")
def http(world: World) -> Iterator[TestClient]:
    with TestClient(create_app(world)) as client:
        yield client


@pytest.fixture
def conn(http: TestClient, world: World) -> Conn:
    return onboard(http, world)


def advance(http: TestClient, seconds: float) -> None:
    assert http.post("/_mock/clock/advance", json={"seconds": seconds}).status_code == 200


# -- create ------------------------------------------------------------------------------------


def test_create_defaults(conn: Conn) -> None:
    lead = conn.create_lead(tagTypeIds=[3, 4])
    LeadResponse.model_validate(lead)
    assert (lead["status"], lead["priority"], lead["campaignId"]) == ("Open", "Normal", 11)
    assert (lead["callReasonId"], lead["followUpDate"]) == (5, None)
    assert lead["summary"] == "Wants a quote"
    assert lead["createdById"] == 0 and lead["captureSource"] is None
    assert lead["tagTypeIds"] == [3, 4]
    assert lead["createdOn"] == lead["modifiedOn"]
    assert conn.get(f"/leads/{lead['id']}").json() == lead

    follow = conn.create_lead(
        callReasonId=None, followUpDate="2030-02-03T04:05:06Z", priority="Urgent"
    )
    assert follow["followUpDate"] == "2030-02-03T00:00:00Z"  # a date: its day at midnight
    assert follow["callReasonId"] is None
    assert follow["priority"] == "Urgent"
    named = conn.create_lead(leadCustomerName="Zed", leadPhone="(512) 555-0100", leadCity="Austin")
    assert (named["leadCustomerName"], named["leadPhone"], named["leadCity"]) == (
        "Zed", "(512) 555-0100", "Austin",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"campaignId": ...}, {"campaignId"}),
        ({"summary": ...}, {"summary"}),
        ({"summary": "  "}, {"summary"}),
        ({"callReasonId": ...}, {"callReasonId", "followUpDate"}),
        ({"callReasonId": None, "followUpDate": None}, {"callReasonId", "followUpDate"}),
        ({"priority": "Meh"}, {"priority"}),
        ({"campaignId": "11"}, {"campaignId"}),
        ({"followUpDate": "soon"}, {"followUpDate"}),
        ({"customerId": 123456789}, {"customerId"}),
        ({"locationId": 123456789}, {"locationId"}),
        ({"bookingId": 123456789}, {"bookingId"}),
        ({"tagTypeIds": [0]}, {"tagTypeIds[0]"}),
    ],
)
def test_create_rejects_bad_bodies(conn: Conn, fields: dict[str, Any], bad: set[str]) -> None:
    response = conn.post("/leads", lead_body(**fields))
    assert response.status_code == 400, response.text
    assert bad <= set(response.json()["errors"]), response.json()["errors"]
    assert conn.leads() == 0


def test_customer_and_location_links(conn: Conn) -> None:
    customer = conn.customer()
    other = conn.customer()
    location = conn.insert("locations", {"customerId": customer, "name": "Home"})
    lead = conn.create_lead(customerId=customer, locationId=location)
    assert (lead["customerId"], lead["locationId"]) == (customer, location)
    # A location alone brings its customer.
    inferred = conn.create_lead(locationId=location)
    assert (inferred["customerId"], inferred["locationId"]) == (customer, location)
    assert conn.create_lead(customerId=other)["customerId"] == other
    # A location of another customer, or a customer of another tenant, is refused.
    mismatch = conn.post("/leads", lead_body(customerId=other, locationId=location))
    assert mismatch.status_code == 400 and "locationId" in mismatch.json()["errors"]
    stranger = onboard(conn.http, conn.world)
    foreign = stranger.post("/leads", lead_body(customerId=customer))
    assert foreign.status_code == 400 and "customerId" in foreign.json()["errors"]
    assert stranger.leads() == 0 and conn.leads() == 3


def test_lead_from_booking_dismisses_it(conn: Conn) -> None:
    booking = conn.booking()
    lead = conn.create_lead(bookingId=booking["id"], callReasonId=42, leadCity="Plano")
    assert lead["bookingId"] == booking["id"]
    # The booking's details fill what the request left out; the request wins where it spoke.
    assert (lead["leadCustomerName"], lead["leadEmail"], lead["leadPhone"]) == (
        "Booker Bee", "bee@example.com", "214-555-0199",
    )  # fmt: skip
    assert (lead["leadStreet"], lead["leadUnit"], lead["leadCity"]) == ("9 Elm", "2", "Plano")
    stored = conn.get(f"/bookings/{booking['id']}").json()
    assert (stored["status"], stored["dismissingReasonId"]) == ("Dismissed", 42)

    # A dismissed booking cannot make a second lead.
    again = conn.post("/leads", lead_body(bookingId=booking["id"]))
    assert again.status_code == 400 and "bookingId" in again.json()["errors"]
    # A failing create leaves the booking alone: no partial state.
    fresh = conn.booking(externalId="b-2")
    failed = conn.post("/leads", lead_body(bookingId=fresh["id"], customerId=987654321))
    assert failed.status_code == 400
    assert conn.get(f"/bookings/{fresh['id']}").json() == fresh
    assert conn.leads() == 1


# -- lifecycle --------------------------------------------------------------------------------


def test_lead_lifecycle(http: TestClient, conn: Conn) -> None:
    lead = conn.create_lead()
    lid = lead["id"]

    advance(http, 2)
    updated = conn.patch(f"/leads/{lid}", {"priority": "High", "leadEmail": "x@example.com"})
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert (body["priority"], body["leadEmail"]) == ("High", "x@example.com")
    assert body["modifiedOn"] > lead["modifiedOn"]
    moved = ("priority", "leadEmail", "modifiedOn")
    same = {k: v for k, v in body.items() if k not in moved}
    assert same == {k: v for k, v in lead.items() if k not in moved}

    # Follow-up: the date is set, the text becomes a (pinned) note.
    follow = conn.post(
        f"/leads/{lid}/follow-up",
        {"followUpDate": "2030-01-01T00:00:00Z", "text": "Call back", "pinToTop": True},
    )
    assert follow.status_code == 200, follow.text
    FollowUpResponse.model_validate(follow.json())
    assert follow.json() == {"leadId": lid, "followUpDate": "2030-01-01T00:00:00Z",
                             "text": "Call back", "pinToTop": True}  # fmt: skip
    assert conn.get(f"/leads/{lid}").json()["followUpDate"] == "2030-01-01T00:00:00Z"
    quiet = conn.post(f"/leads/{lid}/follow-up", {"followUpDate": "2030-02-01T00:00:00Z"}).json()
    assert quiet == {"leadId": lid, "followUpDate": "2030-02-01T00:00:00Z", "text": None,
                     "pinToTop": False}  # fmt: skip

    # Notes.
    note = conn.post(f"/leads/{lid}/notes", {"text": "Prefers mornings"})
    assert note.status_code == 200, note.text
    NoteResponse.model_validate(note.json())
    assert (note.json()["isPinned"], note.json()["createdById"]) == (False, 0)
    notes = conn.get(f"/leads/{lid}/notes", includeTotal="true").json()
    assert [(n["text"], n["isPinned"]) for n in notes["data"]] == [
        ("Call back", True), ("Prefers mornings", False),
    ]  # fmt: skip
    assert notes["totalCount"] == 2
    cut = note.json()["createdOn"]
    earlier = conn.get(f"/leads/{lid}/notes", createdBefore=cut).json()["data"]
    assert [n["text"] for n in earlier] == ["Call back"]
    assert conn.post(f"/leads/{lid}/notes", {"text": " "}).status_code == 400
    other = conn.create_lead()
    assert conn.get(f"/leads/{other['id']}/notes").json()["data"] == []

    # Dismiss: 200 empty; again: idempotent; then no more follow-ups.
    dismissed = conn.post(f"/leads/{lid}/dismiss", {"dismissingReasonId": 9})
    assert dismissed.status_code == 200 and dismissed.content == b""
    after = conn.get(f"/leads/{lid}").json()
    assert (after["status"], after["dismissingReasonId"]) == ("Dismissed", 9)
    advance(http, 2)
    assert conn.post(f"/leads/{lid}/dismiss", {"dismissingReasonId": 10}).status_code == 200
    assert conn.get(f"/leads/{lid}").json() == after
    refused = conn.post(f"/leads/{lid}/follow-up", {"followUpDate": "2030-03-01T00:00:00Z"})
    assert refused.status_code == 400
    assert conn.get(f"/leads/{lid}").json() == after
    assert conn.post(f"/leads/{lid}/dismiss", {}).status_code == 400  # dismissingReasonId required


def test_missing_lead_is_404(conn: Conn) -> None:
    missing = "/leads/123456789"
    for response in (
        conn.get(missing),
        conn.patch(missing, {"summary": "x"}),
        conn.post(f"{missing}/follow-up", {"followUpDate": "2030-01-01T00:00:00Z"}),
        conn.get(f"{missing}/notes"),
        conn.post(f"{missing}/notes", {"text": "x"}),
        conn.post(f"{missing}/dismiss", {"dismissingReasonId": 1}),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["title"] == "Lead not found."
    assert conn.get("/leads/abc").status_code == 400


def test_bad_updates_change_nothing(conn: Conn) -> None:
    lead = conn.create_lead()
    for body in ({"priority": "Never", "summary": "x"}, {"campaignId": None}, {"summary": 5}, []):
        response = conn.patch(f"/leads/{lead['id']}", body)
        assert response.status_code == 400, (body, response.text)
    for body in (
        {},
        {"followUpDate": "later"},
        {"followUpDate": "2030-01-01T00:00:00Z", "pinToTop": "yes"},
    ):
        assert conn.post(f"/leads/{lead['id']}/follow-up", body).status_code == 400
    assert conn.post(f"/leads/{lead['id']}/dismiss", {"dismissingReasonId": "x"}).status_code == 400
    assert conn.get(f"/leads/{lead['id']}").json() == lead
    assert conn.get(f"/leads/{lead['id']}/notes").json()["data"] == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.dictionaries(
        st.sampled_from(["campaignId", "summary", "callReasonId", "followUpDate", "priority",
                         "customerId", "bookingId", "tagTypeIds", "leadPhone"]),
        st.one_of(st.none(), st.booleans(), st.integers(-(2**64), 2**64), st.text(max_size=6),
                  st.sampled_from(["High", "2030-01-01T00:00:00Z"]),
                  st.lists(st.integers(-5, 5), max_size=2)),
    )
)  # fmt: skip
def test_any_create_body_is_200_or_400(conn: Conn, body: dict[str, Any]) -> None:
    before = conn.leads()
    response = conn.post("/leads", body)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        LeadResponse.model_validate(response.json())
        assert conn.leads() == before + 1
        assert body.get("callReasonId") is not None or body.get("followUpDate") is not None
    else:
        assert conn.leads() == before


# -- the lead form ----------------------------------------------------------------------------


def test_submit_lead_form(conn: Conn) -> None:
    form = {"name": "Web Visitor", "email": "web@example.com", "phoneNumber": "512-555-0123",
            "address": {"street": "5 Oak", "city": "Austin", "state": "TX", "zip": "78702",
                        "country": "USA"},
            "summary": "Form: AC not cooling"}  # fmt: skip
    response = conn.post("/leads/form", form, id=77)
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["leadId"]
    lead = conn.get(f"/leads/{response.json()['leadId']}").json()
    assert (lead["leadCustomerName"], lead["leadEmail"], lead["leadPhone"]) == (
        "Web Visitor", "web@example.com", "512-555-0123",
    )  # fmt: skip
    assert (lead["leadStreet"], lead["leadZip"], lead["summary"]) == ("5 Oak", "78702",
                                                                      "Form: AC not cooling")
    assert (lead["captureSource"], lead["status"], lead["priority"]) == ("Form", "Open", "Normal")
    minimal = conn.post("/leads/form", {"name": "Just A Name"})
    assert minimal.status_code == 200
    for body, params in (({"name": " "}, {}), ({}, {}), ({"name": "x"}, {"id": "seven"})):
        assert conn.post("/leads/form", body, **params).status_code == 400
    assert conn.leads() == 2


# -- the list ----------------------------------------------------------------------------------


def test_list_filters(http: TestClient, conn: Conn) -> None:
    austin = conn.customer(city="Austin", state="TX", zip_="78701")
    advance(http, 60)
    boston = conn.customer(city="Boston", state="MA", zip_="02101")
    boston_created = conn.world.tenant_data(conn.tenant).table("customers").get(boston).data[
        "createdOn"
    ]
    home = conn.insert("locations", {"customerId": austin, "name": "Home"})

    a = conn.create_lead(customerId=austin, locationId=home, leadCustomerName="Alice Smith",
                         leadPhone="(512) 555-0101")  # fmt: skip
    b = conn.create_lead(customerId=boston, leadCustomerName="Bob Jones", leadPhone="617.555.0102")
    c = conn.create_lead(leadCustomerName="Carol Smithers", priority="Low")
    form = conn.post("/leads/form", {"name": "Dana Web", "phoneNumber": "512-555-0104"})
    d = form.json()["leadId"]
    conn.post(f"/leads/{c['id']}/dismiss", {"dismissingReasonId": 1})
    ids = [a["id"], b["id"], c["id"], d]

    assert conn.ids() == ids
    assert conn.ids(ids=f"{d},{a['id']}") == [a["id"], d]
    assert conn.ids(customerId=boston) == [b["id"]]
    assert conn.ids(withoutCustomer="true") == [c["id"], d]
    assert conn.ids(withoutCustomer="false") == [a["id"]]
    assert conn.ids(isProspect="true") == ids and conn.ids(isProspect="false") == []
    assert conn.ids(status="dismissed") == [c["id"]]
    assert conn.ids(status="Open") == [a["id"], b["id"], d]
    assert conn.ids(status="Converted") == []
    assert conn.ids(customerCity="austin") == [a["id"]]
    assert conn.ids(customerState="MA") == [b["id"]]
    assert conn.ids(customerZip="02101") == [b["id"]]
    assert conn.ids(customerCreatedOnOrAfter=boston_created) == [b["id"]]
    assert conn.ids(customerCreatedBefore=boston_created) == [a["id"]]
    assert conn.ids(customerModifiedOnOrAfter=boston_created) == [b["id"]]
    assert conn.ids(leadCustomerName="smith") == [a["id"], c["id"]]
    assert conn.ids(leadPhone="5125550101") == [a["id"]]
    assert conn.ids(leadPhone="512") == [a["id"], d]
    assert conn.ids(isCaptureSourceForm="true") == [d]
    assert conn.ids(isCaptureSourceForm="false") == ids[:3]
    assert conn.ids(sort="-Id") == ids[::-1]
    assert conn.ids(sort="-ModifiedOn")[0] == c["id"]  # the dismissal touched it last
    assert conn.ids(createdOnOrAfter=b["createdOn"]) == ids[1:]
    assert conn.ids(modifiedBefore=b["createdOn"]) == [a["id"]]

    page = conn.get("/leads", pageSize=3, includeTotal="true").json()
    assert (page["hasMore"], page["totalCount"], len(page["data"])) == (True, 4, 3)
    assert conn.get("/leads", pageSize=3, page=2).json()["hasMore"] is False

    plain = conn.get("/leads", ids=str(a["id"])).json()["data"][0]
    assert plain["leadUrl"] is None
    with_url = conn.get("/leads", ids=str(a["id"]), genPermUrl="true").json()["data"][0]
    assert with_url["leadUrl"] and str(a["id"]) in with_url["leadUrl"]
    assert {k: v for k, v in with_url.items() if k != "leadUrl"} == {
        k: v for k, v in plain.items() if k != "leadUrl"
    }

    for params in ({"status": "Won"}, {"customerId": "x"}, {"withoutCustomer": "maybe"},
                   {"sort": "Summary"}, {"ids": ",".join(map(str, range(1, 52)))},
                   {"customerCreatedBefore": "nope"}, {"genPermUrl": "1"}):  # fmt: skip
        assert conn.get("/leads", **params).status_code == 400, params


def test_export_feed(http: TestClient, conn: Conn) -> None:
    first = conn.create_lead()
    second = conn.create_lead(summary="second")
    feed = conn.get("/export/leads", includeRecentChanges="true").json()
    assert [(x["id"], x["active"], x["status"]) for x in feed["data"]] == [
        (first["id"], True, "Open"), (second["id"], True, "Open"),
    ]  # fmt: skip
    token = feed["continueFrom"]
    assert conn.get("/export/leads", **{"from": token, "includeRecentChanges": "true"}).json()[
        "data"
    ] == []

    conn.post(f"/leads/{first['id']}/dismiss", {"dismissingReasonId": 4})
    conn.patch(f"/leads/{second['id']}", {"summary": "changed"})
    # Refused (the lead is dismissed): no change, nothing new in the feed.
    conn.post(f"/leads/{first['id']}/follow-up", {"followUpDate": "2030-01-01T00:00:00Z"})
    # Without includeRecentChanges the changes wait out the export delay.
    assert conn.get("/export/leads", **{"from": token}).json()["data"] == []
    advance(http, 16 * 60)
    conn.refresh()
    again = conn.get("/export/leads", **{"from": token}).json()
    assert [(x["id"], x["status"], x["summary"]) for x in again["data"]] == [
        (first["id"], "Dismissed", "Wants a quote"), (second["id"], "Open", "changed"),
    ]  # fmt: skip
    assert conn.get("/export/leads", **{"from": again["continueFrom"]}).json()["data"] == []


# -- scopes and tenants -----------------------------------------------------------------------


def test_scope_enforcement(http: TestClient, world: World) -> None:
    # LeadTruffle's app has every CRM scope but Leads.
    truffle = onboard(http, world, scopes=LEADTRUFFLE_SCOPES)
    for response in (
        truffle.get("/leads"),
        truffle.post("/leads", lead_body()),
        truffle.post("/leads/form", {"name": "x"}),
        truffle.get("/export/leads"),
    ):
        assert response.status_code == 403, response.text
    assert truffle.leads() == 0

    reader = onboard(http, world, scopes=["tn.crm.leads:r"])
    assert reader.get("/leads").status_code == 200
    assert reader.post("/leads", lead_body()).status_code == 403
    # Creating a lead from a booking needs only the leads scope.
    writer = onboard(http, world, scopes=["tn.crm.leads:w", "tn.crm.bookings:w"])
    booking = writer.booking()
    assert writer.post("/leads", lead_body(bookingId=booking["id"])).status_code == 200
    assert writer.get("/leads").status_code == 403


def test_tenant_isolation(http: TestClient, world: World) -> None:
    a = onboard(http, world, tenantName="A")
    b = onboard(http, world, tenantName="B")
    lead = a.create_lead()
    booking = a.booking()
    assert b.get(f"/leads/{lead['id']}").status_code == 404
    assert b.get("/leads").json()["data"] == []
    assert b.get("/export/leads", includeRecentChanges="true").json()["data"] == []
    assert b.post(f"/leads/{lead['id']}/dismiss", {"dismissingReasonId": 1}).status_code == 404
    foreign = b.post("/leads", lead_body(bookingId=booking["id"]))
    assert foreign.status_code == 400 and "bookingId" in foreign.json()["errors"]
    intruder = Conn(http, world, a.creds, b.headers)
    assert intruder.get("/leads").status_code == 403
    assert a.get(f"/leads/{lead['id']}").json() == lead
    assert a.get(f"/bookings/{booking['id']}").json()["status"] == "New"
