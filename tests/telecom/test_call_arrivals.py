"""A call arriving through the control plane, the export feed, TimeSpans and the seeded calls."""

from __future__ import annotations

import pytest
from call_refs import Phones

from mockst.telecom.call_records import format_timespan, parse_timespan
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
