"""CRM bookings and their contacts: provider-scoped writes, tenant-scoped reads, the feed.

Walks LeadTruffle's "provider scoped" flow and HeavySet Tech's restricted connection, then the
booking lifecycle, the create rules, lists, the export feed, scopes and tenant isolation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from mockst.api import registry
from mockst.app import create_app
from mockst.config import Config
from mockst.crm.models.bookings import BookingContactResponse, BookingResponse
from mockst.store.world import World


def take_token(http: TestClient, client_id: str, client_secret: str) -> str:
    form = {"grant_type": "client_credentials", "client_id": client_id,
            "client_secret": client_secret}  # fmt: skip
    response = http.post("/connect/token", data=form)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def api_headers(creds: dict[str, Any], token: str) -> dict[str, str]:
    return {"ST-App-Key": str(creds["appKey"]), "Authorization": f"Bearer {token}"}


@dataclass
class Conn:
    """One onboarded connection: its tenant's CRM base path and ready headers."""

    http: TestClient
    creds: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def tenant(self) -> int:
        return int(self.creds["tenantId"])

    @property
    def provider(self) -> int:
        return int(self.creds["bookingProviderId"])

    def url(self, path: str) -> str:
        return f"/crm/v2/tenant/{self.tenant}{path}"

    def call(self, method: str, path: str, headers: dict[str, str] | None = None, **kwargs: Any):
        headers = {**self.headers, **(headers or {})}
        return self.http.request(method, self.url(path), headers=headers, **kwargs)

    def get(self, path: str, **params: Any):
        return self.call("GET", path, params=params)

    def post(self, path: str, body: Any = None, **kwargs: Any):
        return self.call("POST", path, json=body, **kwargs)

    def patch(self, path: str, body: Any):
        return self.call("PATCH", path, json=body)

    def delete(self, path: str):
        return self.call("DELETE", path)

    def refresh(self) -> None:
        """A new token, as a connector takes one when the clock has passed the old one's life."""
        token = take_token(self.http, self.creds["clientId"], self.creds["clientSecret"])
        self.headers = api_headers(self.creds, token)

    def pb(self, provider: int | None = None) -> str:
        return f"/booking-provider/{self.provider if provider is None else provider}/bookings"

    def add_provider(self, name: str) -> int:
        response = self.http.post(
            f"/_mock/tenants/{self.tenant}/booking-provider-tags", json={"tagName": name}
        )
        assert response.status_code == 200, response.text
        return int(response.json()["id"])

    def create_booking(self, provider: int | None = None, **fields: Any) -> dict[str, Any]:
        response = self.post(self.pb(provider), booking_body(**fields))
        assert response.status_code == 200, response.text
        return response.json()


def booking_body(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "source": "LeadTruffle",
        "name": "Ann Example",
        "summary": "Water heater leaking",
        "isFirstTimeClient": True,
        "externalId": "lt-1",
        "contacts": [{"type": "Phone", "value": "555-0100"}],
    }
    body.update(fields)
    return {k: v for k, v in body.items() if v is not ...}


def onboard(http: TestClient, **options: Any) -> Conn:
    response = http.post("/_mock/quickstart", json=options)
    assert response.status_code == 200, response.text
    creds = response.json()
    token = take_token(http, creds["clientId"], creds["clientSecret"])  # type: ignore[arg-type]
    return Conn(http, creds, api_headers(creds, token))


def make_client(world: World, config: Config | None = None) -> TestClient:
    return TestClient(create_app(world, config or Config()))


# One app per module (building one takes a quarter of a second); each test onboards its own
# tenant, so tests share nothing but the clock, which only ever moves forward.
@pytest.fixture(scope="module")
def world() -> World:
    return World()


@pytest.fixture(scope="module")
def http(world: World) -> Iterator[TestClient]:
    with make_client(world) as client:
        yield client


@pytest.fixture
def conn(http: TestClient) -> Conn:
    return onboard(http, bookingProviderTag="LeadTruffle")


def count_bookings(world: World, tenant: int) -> int:
    return len(world.tenant_data(tenant).table("bookings"))


def advance(http: TestClient, seconds: float) -> None:
    assert http.post("/_mock/clock/advance", json={"seconds": seconds}).status_code == 200


# -- the vendor flows ----------------------------------------------------------------------------


def test_leadtruffle_provider_scoped_flow(conn: Conn) -> None:
    # "Detect Booking Providers": the tag created in Step 2 is listed with its id.
    tags = conn.get("/booking-provider-tags").json()["data"]
    detected = {t["tagName"]: t["id"] for t in tags}
    assert detected == {"LeadTruffle": conn.provider}

    booking = conn.create_booking(detected["LeadTruffle"])
    BookingResponse.model_validate(booking)
    assert booking["bookingProviderId"] == conn.provider
    assert booking["status"] == "New"

    # The tenant sees it through the tenant-scoped reads.
    listed = conn.get("/bookings").json()
    assert [b["id"] for b in listed["data"]] == [booking["id"]]
    assert conn.get(f"/bookings/{booking['id']}").json() == booking
    assert conn.get(f"{conn.pb()}/{booking['id']}").json() == booking

    # Another provider of the same tenant does not see it.
    other = conn.add_provider("Angi")
    assert conn.get(f"{conn.pb(other)}/{booking['id']}").status_code == 404
    assert conn.get(conn.pb(other)).json()["data"] == []
    assert conn.patch(f"{conn.pb(other)}/{booking['id']}", {"name": "X"}).status_code == 404
    assert conn.get(f"{conn.pb(other)}/{booking['id']}/contacts").status_code == 404
    assert conn.post(f"{conn.pb(other)}/{booking['id']}/dismiss", {}).status_code == 404
    assert conn.get(f"/bookings/{booking['id']}").json()["status"] == "New"

    # Its own bookings stay its own; the tenant list shows both providers'.
    theirs = conn.create_booking(other, externalId="angi-1")
    assert [b["id"] for b in conn.get(conn.pb(other)).json()["data"]] == [theirs["id"]]
    assert [b["id"] for b in conn.get(conn.pb()).json()["data"]] == [booking["id"]]
    assert {b["id"] for b in conn.get("/bookings").json()["data"]} == {
        booking["id"],
        theirs["id"],
    }


def test_restricted_connection(world: World, http: TestClient) -> None:
    conn = onboard(http, restrictToBookingProvider=True, bookingProviderTag="HeavySet Tech")
    other = conn.add_provider("Someone Else")
    booking = conn.create_booking()
    assert conn.get(f"{conn.pb()}/{booking['id']}").status_code == 200
    assert conn.get(conn.pb()).status_code == 200

    for response in (
        conn.post(conn.pb(other), booking_body()),
        conn.get(conn.pb(other)),
        conn.get(f"{conn.pb(other)}/{booking['id']}"),
        conn.post(f"/booking-provider/{other}/bookings/{booking['id']}/dismiss", {}),
        conn.get("/bookings"),
        conn.get(f"/bookings/{booking['id']}"),
        conn.get(f"/bookings/{booking['id']}/contacts"),
        conn.get("/export/bookings"),
    ):
        assert response.status_code == 403, response.text
        assert response.json()["status"] == 403
    assert count_bookings(world, conn.tenant) == 1

    # The tenant-scoped reads may be opened to restricted connections by configuration.
    with make_client(world, Config(restricted_tenant_bookings="allow")) as open_http:
        opened = Conn(open_http, conn.creds, conn.headers)
        assert opened.get("/bookings").json()["data"][0]["id"] == booking["id"]
        assert opened.get(opened.pb(other)).status_code == 403


def test_unknown_provider_is_404(conn: Conn) -> None:
    booking = conn.create_booking()
    for response in (
        conn.post(conn.pb(987654321), booking_body()),
        conn.get(conn.pb(987654321)),
        conn.get(f"{conn.pb(987654321)}/{booking['id']}"),
        conn.post(f"/booking-provider/987654321/bookings/{booking['id']}/dismiss"),
        conn.post(f"/booking-provider/not-a-tag/bookings/{booking['id']}/dismiss"),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["title"] == "Booking provider not found."
    # int64 everywhere else: a non-number is a binding error.
    assert conn.get("/booking-provider/abc/bookings").status_code == 400
    assert conn.get(f"/bookings/{booking['id']}").json()["status"] == "New"


# -- lifecycle --------------------------------------------------------------------------------


def test_booking_lifecycle(http: TestClient, conn: Conn) -> None:
    booking = conn.create_booking(
        contacts=[
            {"type": "Phone", "value": "555-0100"},
            {"type": "Email", "value": "ann@example.com", "memo": "work"},
        ]
    )
    bid = booking["id"]
    contacts = conn.get(f"/bookings/{bid}/contacts").json()["data"]
    for contact in contacts:
        BookingContactResponse.model_validate(contact)
    assert [(c["type"], c["value"], c["memo"]) for c in contacts] == [
        ("Phone", "555-0100", ""),
        ("Email", "ann@example.com", "work"),
    ]
    assert conn.get(f"{conn.pb()}/{bid}/contacts").json()["data"] == contacts

    # Contacts: add (type in any case), patch (echo shape), delete (200, empty).
    added = conn.post(f"{conn.pb()}/{bid}/contacts", {"type": "mobilephone", "value": "555-0111"})
    assert added.status_code == 200, added.text
    assert added.json()["type"] == "MobilePhone" and added.json()["memo"] == ""
    cid = added.json()["id"]
    patched = conn.patch(f"{conn.pb()}/{bid}/contacts/{cid}", {"memo": "cell"})
    assert patched.status_code == 200
    assert patched.json() == {"type": "MobilePhone", "value": "555-0111", "memo": "cell"}
    deleted = conn.delete(f"{conn.pb()}/{bid}/contacts/{contacts[0]['id']}")
    assert deleted.status_code == 200 and deleted.content == b""
    assert conn.delete(f"{conn.pb()}/{bid}/contacts/{contacts[0]['id']}").status_code == 404
    remaining = conn.get(f"/bookings/{bid}/contacts", includeTotal="true").json()
    assert [c["id"] for c in remaining["data"]] == [contacts[1]["id"], cid]
    assert remaining["totalCount"] == 2
    # A contact is reached only through its own booking.
    second = conn.create_booking(externalId="lt-2")
    elsewhere = conn.patch(f"{conn.pb()}/{second['id']}/contacts/{cid}", {"memo": "x"})
    assert elsewhere.status_code == 404
    assert conn.get(f"/bookings/{bid + 999_999}/contacts").status_code == 404

    # PATCH changes only what is sent.
    advance(http, 5)
    updated = conn.patch(
        f"{conn.pb()}/{bid}",
        {"priority": "High", "start": "2030-01-02T09:30:00Z", "customerType": "Commercial"},
    ).json()
    assert updated["priority"] == "High"
    assert updated["start"] == "2030-01-02T09:30:00Z"
    exact = conn.patch(f"{conn.pb()}/{bid}", {"start": "2030-01-02T09:30:00.1234567+01:00"})
    assert exact.json()["start"] == "2030-01-02T08:30:00.1234567Z"  # to the tick, in UTC
    conn.patch(f"{conn.pb()}/{bid}", {"start": "2030-01-02T09:30:00Z"})
    assert updated["customerType"] == "Commercial"
    assert updated["modifiedOn"] > booking["modifiedOn"]
    unchanged = {"priority", "start", "customerType", "modifiedOn"}
    assert {k: v for k, v in updated.items() if k not in unchanged} == {
        k: v for k, v in booking.items() if k not in unchanged
    }
    address = {"street": "1 Main", "unit": "", "city": "Austin", "state": "TX", "zip": "78701",
               "country": "US"}  # fmt: skip
    assert conn.patch(f"{conn.pb()}/{bid}", {"address": address}).json()["address"] == address

    # Dismiss: 200 empty, status Dismissed, reason kept; a second dismissal changes nothing.
    dismissed = conn.post(f"{conn.pb()}/{bid}/dismiss", {"callReasonId": 77, "dismissingMemo": "x"})
    assert dismissed.status_code == 200 and dismissed.content == b""
    after = conn.get(f"/bookings/{bid}").json()
    assert (after["status"], after["dismissingReasonId"]) == ("Dismissed", 77)
    advance(http, 5)
    again = conn.post(f"{conn.pb()}/{bid}/dismiss", {"callReasonId": 78})
    assert again.status_code == 200
    assert conn.get(f"/bookings/{bid}").json() == after

    # A dismissed booking no longer changes: 409, and nothing moved.
    conflict = conn.patch(f"{conn.pb()}/{bid}", {"name": "Changed"})
    assert conflict.status_code == 409 and conflict.json()["status"] == 409
    assert conn.patch(f"{conn.pb()}/{bid}/contacts/{cid}", {"memo": "y"}).status_code == 409
    assert conn.get(f"/bookings/{bid}").json() == after
    assert conn.get(f"/bookings/{bid}/contacts").json()["data"][-1]["memo"] == "cell"


def test_dismiss_without_body(conn: Conn) -> None:
    booking = conn.create_booking()
    response = conn.call("POST", f"{conn.pb()}/{booking['id']}/dismiss")
    assert response.status_code == 200
    stored = conn.get(f"/bookings/{booking['id']}").json()
    assert (stored["status"], stored["dismissingReasonId"]) == ("Dismissed", None)


# -- create rules and bad input -----------------------------------------------------------------


def test_create_defaults(http: TestClient, conn: Conn) -> None:
    booking = conn.create_booking(customerType="residential", priority="Urgent", campaignId=5)
    assert booking["start"] == booking["createdOn"]  # start defaults to now
    assert booking["customerType"] == "Residential"
    assert (booking["priority"], booking["campaignId"]) == ("Urgent", 5)
    assert (booking["jobId"], booking["dismissingReasonId"]) == (None, None)
    address = {"street": "1 Main", "city": "Austin", "state": "TX", "zip": "78701",
               "country": "US"}  # fmt: skip
    no_contacts = conn.create_booking(contacts=..., address=address, start="2031-05-06T07:08:09Z")
    assert no_contacts["address"] == {**address, "unit": None}
    assert no_contacts["start"] == "2031-05-06T07:08:09Z"
    email_only = conn.create_booking(contacts=[{"type": "Email", "value": "a@b.c"}])
    assert email_only["address"] is None


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"source": ...}, {"source"}),
        ({"name": ..., "summary": ...}, {"name", "summary"}),
        ({"isFirstTimeClient": ...}, {"isFirstTimeClient"}),
        ({"externalId": ...}, {"externalId"}),
        ({"name": "   "}, {"name"}),
        ({"contacts": ...}, {"address", "contacts"}),
        ({"contacts": [{"type": "Fax", "value": "555"}]}, {"address", "contacts"}),
        ({"contacts": [{"type": "Pigeon", "value": "555"}]}, {"contacts[0].type"}),
        ({"contacts": [{"type": "Phone", "value": " "}]}, {"contacts[0].value"}),
        ({"customerType": "Industrial"}, {"customerType"}),
        ({"priority": "Whenever"}, {"priority"}),
        ({"isFirstTimeClient": "yes"}, {"isFirstTimeClient"}),
        ({"campaignId": 2**63}, {"campaignId"}),
        ({"start": "not a date"}, {"start"}),
        ({"address": {"street": "1 Main"}}, {"address.city"}),
    ],
)
def test_create_rejects_bad_bodies(
    world: World, conn: Conn, fields: dict[str, Any], bad: set[str]
) -> None:
    response = conn.post(conn.pb(), booking_body(**fields))
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["title"] == "One or more validation errors occurred."
    assert bad <= set(problem["errors"]), problem["errors"]
    assert count_bookings(world, conn.tenant) == 0
    assert len(world.tenant_data(conn.tenant).table("booking_contacts")) == 0


def test_bad_bodies_change_nothing(world: World, conn: Conn) -> None:
    booking = conn.create_booking()
    bid = booking["id"]
    contact = conn.get(f"/bookings/{bid}/contacts").json()["data"][0]
    for path, body in (
        (f"{conn.pb()}/{bid}", {"priority": "Soon", "name": "New Name"}),
        (f"{conn.pb()}/{bid}", {"name": ""}),
        (f"{conn.pb()}/{bid}", {"name": None}),
        (f"{conn.pb()}/{bid}", {"address": {"street": "1 Main"}}),
        (f"{conn.pb()}/{bid}", [1, 2]),
        (f"{conn.pb()}/{bid}/contacts/{contact['id']}", {"type": "Letter"}),
        (f"{conn.pb()}/{bid}/contacts/{contact['id']}", {"value": ""}),
    ):
        response = conn.patch(path, body)
        assert response.status_code == 400, (path, body, response.text)
    for body in ({"type": "Phone"}, {"type": "Letter", "value": "x"}, {"type": "", "value": "x"}):
        assert conn.post(f"{conn.pb()}/{bid}/contacts", body).status_code == 400
    assert conn.post(f"{conn.pb()}/{bid}/dismiss", {"callReasonId": "seven"}).status_code == 400
    json_type = {"content-type": "application/json"}
    raw = conn.call("POST", conn.pb(), content=b"{not json", headers=json_type)
    assert raw.status_code == 400
    assert conn.get(f"/bookings/{bid}").json() == booking
    assert conn.get(f"/bookings/{bid}/contacts").json()["data"] == [contact]
    assert count_bookings(world, conn.tenant) == 1


JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**64), 2**64), st.text(max_size=8),
    st.sampled_from(["Phone", "Email", "Residential", "High", "2030-01-01T00:00:00Z"]),
)  # fmt: skip
FIELDS = ["source", "name", "summary", "isFirstTimeClient", "externalId", "address", "contacts",
          "customerType", "start", "priority", "campaignId", "uploadedImages"]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.dictionaries(
        st.sampled_from(FIELDS),
        st.one_of(
            JSON_SCALARS,
            st.lists(
                st.fixed_dictionaries({"type": JSON_SCALARS, "value": JSON_SCALARS}), max_size=2
            ),
        ),
    ),
    base=st.booleans(),
)
def test_any_create_body_is_200_or_400(
    world: World, conn: Conn, body: dict[str, Any], base: bool
) -> None:
    before = count_bookings(world, conn.tenant)
    payload = {**booking_body(), **body} if base else body
    response = conn.post(conn.pb(), payload)
    assert response.status_code in (200, 400), response.text
    after = count_bookings(world, conn.tenant)
    if response.status_code == 200:
        assert after == before + 1
        BookingResponse.model_validate(response.json())
    else:
        assert after == before
        assert response.json()["errors"]


def test_a_date_time_sent_as_a_huge_integer_is_a_400(world: World, conn: Conn) -> None:
    """What hypothesis once found: a JSON integer past 64 bits where a date-time belongs."""
    response = conn.post(conn.pb(), {**booking_body(), "start": 10**30})
    assert response.status_code == 400, response.text
    assert "start" in response.json()["errors"]


# -- lists and the feed --------------------------------------------------------------------------


def test_list_filters_sort_and_paging(http: TestClient, conn: Conn) -> None:
    made = []
    for i in range(5):
        made.append(conn.create_booking(externalId=f"ext-{i % 2}"))
        advance(http, 60)
    ids = [b["id"] for b in made]

    page = conn.get("/bookings", pageSize=2, page=2, includeTotal="true").json()
    assert (page["page"], page["pageSize"], page["hasMore"], page["totalCount"]) == (2, 2, True, 5)
    assert [b["id"] for b in page["data"]] == ids[2:4]
    last = conn.get(conn.pb(), pageSize=2, page=3).json()
    assert (last["hasMore"], [b["id"] for b in last["data"]]) == (False, ids[4:])

    picked = conn.get("/bookings", ids=f"{ids[3]},{ids[0]}").json()["data"]
    assert [b["id"] for b in picked] == [ids[0], ids[3]]
    assert [b["id"] for b in conn.get(conn.pb(), externalId="EXT-1").json()["data"]] == [
        ids[1],
        ids[3],
    ]
    assert [b["id"] for b in conn.get("/bookings", sort="-Id").json()["data"]] == ids[::-1]
    assert [b["id"] for b in conn.get(conn.pb(), sort="+CreatedOn").json()["data"]] == ids

    cut = made[2]["createdOn"]
    assert [b["id"] for b in conn.get("/bookings", createdOnOrAfter=cut).json()["data"]] == ids[2:]
    assert [b["id"] for b in conn.get(conn.pb(), createdBefore=cut).json()["data"]] == ids[:2]
    advance(http, 60)
    touched = conn.patch(f"{conn.pb()}/{ids[1]}", {"summary": "updated"}).json()
    recent = conn.get("/bookings", modifiedOnOrAfter=touched["modifiedOn"], sort="-ModifiedOn")
    assert [b["id"] for b in recent.json()["data"]] == [ids[1]]
    older = conn.get(conn.pb(), modifiedBefore=touched["modifiedOn"]).json()["data"]
    assert ids[1] not in [b["id"] for b in older] and len(older) == 4

    too_many = ",".join(str(i) for i in range(1, 52))
    for params in ({"ids": too_many}, {"ids": "1,x"}, {"sort": "Name"}, {"pageSize": 0},
                   {"createdBefore": "yesterday"}, {"page": "two"}):  # fmt: skip
        for path in ("/bookings", conn.pb()):
            response = conn.get(path, **params)
            assert response.status_code == 400, (path, params, response.text)


def test_export_feed(http: TestClient, conn: Conn) -> None:
    first = conn.create_booking(externalId="a")
    second = conn.create_booking(externalId="b")

    # Recent changes wait 15 minutes unless asked for.
    assert conn.get("/export/bookings").json()["data"] == []
    advance(http, 16 * 60)
    conn.refresh()
    feed = conn.get("/export/bookings").json()
    delivered = [(b["id"], b["active"]) for b in feed["data"]]
    assert delivered == [(first["id"], True), (second["id"], True)]
    assert feed["data"][0]["status"] == "New" and feed["hasMore"] is False
    token = feed["continueFrom"]
    assert conn.get("/export/bookings", **{"from": token}).json()["data"] == []

    # An update and a dismissal deliver each booking again, in change order.
    conn.patch(f"{conn.pb()}/{second['id']}", {"summary": "changed"})
    conn.post(f"{conn.pb()}/{first['id']}/dismiss", {"callReasonId": 3})
    again = conn.get("/export/bookings", **{"from": token, "includeRecentChanges": "true"}).json()
    assert [(b["id"], b["status"], b["summary"]) for b in again["data"]] == [
        (second["id"], "New", "changed"),
        (first["id"], "Dismissed", "Water heater leaking"),
    ]
    caught_up = conn.get("/export/bookings", **{"from": again["continueFrom"]}).json()
    assert caught_up["data"] == []
    assert conn.get("/export/bookings", **{"from": "garbage!"}).status_code == 400


# -- scopes and tenants -----------------------------------------------------------------------


def test_scope_enforcement(http: TestClient) -> None:
    reader = onboard(http, scopes=["tn.crm.bookings:r", "tn.crm.bookingprovidertags:r"])
    assert reader.get("/bookings").status_code == 200
    assert reader.get(reader.pb()).status_code == 200
    refused = reader.post(reader.pb(), booking_body())
    assert refused.status_code == 403 and refused.json()["status"] == 403
    assert reader.post(f"{reader.pb()}/1/dismiss", {}).status_code == 403

    writer_only = onboard(http, scopes=["tn.crm.bookings:w"])
    booking = writer_only.create_booking()
    assert writer_only.get(f"/bookings/{booking['id']}").status_code == 403
    assert writer_only.get("/export/bookings").status_code == 403
    assert writer_only.post(f"{writer_only.pb()}/{booking['id']}/dismiss", {}).status_code == 200


def test_tenant_isolation(world: World, http: TestClient) -> None:
    a = onboard(http, tenantName="A")
    b = onboard(http, tenantName="B")
    booking = a.create_booking()

    # B's token never reaches A's tenant, and A's ids mean nothing in B's tenant.
    intruder = Conn(http, {**a.creds}, b.headers)
    assert intruder.get("/bookings").status_code == 403
    assert intruder.post(a.pb(), booking_body()).status_code == 403
    assert b.get(f"/bookings/{booking['id']}").status_code == 404
    assert b.get("/bookings").json()["data"] == []
    assert b.get("/export/bookings", includeRecentChanges="true").json()["data"] == []
    # A's provider tag is not a provider of B's tenant.
    assert b.get(b.pb(a.provider)).status_code == 404
    assert count_bookings(world, b.tenant) == 0


def test_booking_operations_declare_their_scope_of_bookings() -> None:
    """The guard learns from ``Operation.booking`` which paths a restricted connection may use."""
    kinds = {op.operation_id: op.booking for op in registry.operations()
             if op.operation_id.startswith(("Bookings_", "ExportBookings_"))}
    provider = {k for k, v in kinds.items() if v == "provider"}
    tenant = {k for k, v in kinds.items() if v == "tenant"}
    assert provider == {
        "Bookings_GetForProvider", "Bookings_Update", "Bookings_GetList2", "Bookings_Create",
        "Bookings_CreateContact", "Bookings_GetContactList2", "Bookings_UpdateBookingContact",
        "Bookings_DeleteContact", "Bookings_DismissBooking",
    }
    assert tenant == {"Bookings_Get", "Bookings_GetList", "Bookings_GetContactList",
                      "ExportBookings_Get"}
