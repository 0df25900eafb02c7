"""A call arriving through the control plane, the export feed, TimeSpans and the seeded calls."""

from __future__ import annotations

import pytest
from call_refs import Phones

from mockst.encoding import format_timespan, parse_timespan
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.testing import TenantApi


def test_the_phone_system_fills_in_customer_and_campaign(phones: Phones) -> None:
    made = phones.arrive(**{"from": phones.customer_phone}, duration="00:03")
    assert made.status_code == 200, made.text
    call = made.json()["leadCall"]
    assert call["customer"]["id"] == phones.customer
    assert call["campaign"]["id"] == phones.campaign
    assert (call["duration"], call["direction"], call["callType"]) == ("00:03:00", "Inbound", None)
    assert call["sid"].startswith("CA")
    # an outbound call is put on the customer called, and credited to no campaign
    out = phones.arrive(**{"from": phones.tracking_number, "to": phones.customer_phone},
                        direction="Outbound").json()["leadCall"]  # fmt: skip
    assert out["customer"]["id"] == phones.customer and out["campaign"] is None


def test_a_call_naming_a_job_becomes_its_lead_call(phones: Phones) -> None:
    made = phones.arrive(jobId=phones.job).json()
    assert made["id"] == phones.job and made["leadCall"]["callType"] == "Booked"
    job = phones.api.call("Jobs_Get", id=phones.job).json()
    assert job["leadCallId"] == made["leadCall"]["id"]
    assert made["leadCall"]["customer"]["id"] == job["customerId"]
    assert made["leadCall"]["campaign"]["id"] == job["campaignId"]


def test_what_a_call_names_must_be_the_tenants(phones: Phones) -> None:
    for body, field in (({"customerId": 1}, "customerId"), ({"jobId": 1}, "jobId"),
                        ({"agentId": 1}, "agentId"), ({"duration": "1 hour"}, "duration"),
                        ({"customerId": phones.customer, "locationId": phones.stranger_location},
                         "locationId"), ({"receivedOn": "soon"}, "receivedOn")):  # fmt: skip
        answer = phones.arrive(**body)
        assert answer.status_code == 400 and field in answer.json()["errors"], answer.text
    assert phones.arrive(color="red").status_code == 400
    client = phones.api.client
    assert (
        client.post("/_mock/tenants/999999/calls", json={"from": "1", "to": "2"}).status_code == 404
    )


def test_the_export_feed_follows_its_token(phones: Phones) -> None:
    first = phones.api.call("Export_Calls", params={"includeRecentChanges": True}).json()
    assert first["data"] and all(r["status"] == "Completed" for r in first["data"])
    booked = next(r for r in first["data"] if r["job"])
    assert booked["type"] == "Booked" and booked["job"]["number"] and booked["location"]
    made = phones.arrive(voicemail=True).json()["leadCall"]
    params = {"from": first["continueFrom"], "includeRecentChanges": True}
    later = phones.api.call("Export_Calls", params=params).json()
    assert [r["id"] for r in later["data"]] == [made["id"]]
    assert later["data"][0]["voiceMailPath"].endswith("/voicemail")
    # a call younger than the recency window waits unless asked for
    waiting = phones.api.call("Export_Calls", params={"from": first["continueFrom"]}).json()
    assert waiting["data"] == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("00:04", 240), ("00:04:30", 270), ("1.02:00:00", 93600), ("00:00:05.5", 5)],
)
def test_timespans_read_hh_mm_and_hh_mm_ss(text: str, seconds: int) -> None:
    assert parse_timespan(text) == seconds


def test_timespans_write_hh_mm_ss() -> None:
    assert format_timespan(270) == "00:04:30"
    assert format_timespan(93600) == "1.02:00:00"
    assert parse_timespan("4 minutes") is None and parse_timespan("00:61") is None


def test_an_empty_tenant_has_no_calls(api: TenantApi) -> None:
    assert api.call("Calls_Calls").json()["data"] == []
    assert api.call("Calls_GetCalls").json() == {
        "data": [],
        "page": 1,
        "pageSize": 50,
        "totalCount": 0,
        "hasMore": False,
    }


def _new_booking(phones: Phones) -> int:
    world = phones.api.client.app.state.world  # type: ignore[attr-defined]
    with world.transaction():
        data = world.tenant_data(phones.api.tenant_id)
        provider = min(r.id for r in data.table(BOOKING_PROVIDER_TAGS).rows())
    address = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
               "country": "USA"}  # fmt: skip
    made = phones.api.call("Bookings_Create", booking_provider=provider, json={
        "source": "Phone", "name": "Pat Doe", "summary": "No heat", "externalId": "C-1",
        "isFirstTimeClient": True, "address": address})  # fmt: skip
    assert made.status_code == 200, made.text
    return int(made.json()["id"])


def test_a_call_with_a_booking_shows_the_job_the_booking_became(phones: Phones) -> None:
    booking = _new_booking(phones)
    call = phones.arrive(bookingId=booking).json()
    assert call["id"] == 0
    like = phones.api.call("Jobs_Get", id=phones.job).json()
    fields = ("customerId", "locationId", "businessUnitId", "jobTypeId", "campaignId")
    job = phones.api.call("Jobs_Create", json={
        **{k: like[k] for k in fields}, "priority": "Normal", "bookingId": booking,
        "appointments": [{"start": "2027-01-05T16:00:00Z", "end": "2027-01-05T18:00:00Z"}],
    }).json()  # fmt: skip
    ident = call["leadCall"]["id"]
    listed = phones.api.call("Calls_Calls", params={"ids": str(ident)}).json()["data"][0]
    assert (listed["id"], listed["jobNumber"]) == (job["id"], job["jobNumber"])


def test_a_call_naming_a_lead_is_the_leads_call(phones: Phones) -> None:
    lead = phones.api.call("Leads_GetList").json()["data"][0]
    call = phones.arrive(leadId=lead["id"]).json()["leadCall"]
    assert phones.api.call("Leads_Get", id=lead["id"]).json()["callId"] == call["id"]
    feed = phones.api.call("Export_Calls", params={"includeRecentChanges": True}).json()
    assert next(r for r in feed["data"] if r["id"] == call["id"])["lead"] == {"id": lead["id"]}


def test_the_seeded_story_has_calls_behind_jobs_and_bookings(phones: Phones) -> None:
    feed = phones.api.call("Export_Calls", params={"includeRecentChanges": True}).json()["data"]
    kinds = {r["type"] for r in feed}
    assert {"Booked", "Unbooked", "Abandoned"} <= kinds
    booked = [r for r in feed if r["job"]]
    for row in booked:
        job = phones.api.call("Jobs_Get", id=row["job"]["id"]).json()
        assert job["leadCallId"] == row["id"] and row["createdOn"] < job["createdOn"]
