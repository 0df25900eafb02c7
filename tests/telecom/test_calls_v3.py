"""The v3 call list: the call wrapped in the job booked from it, and every documented filter."""

from __future__ import annotations

from typing import Any

from call_refs import Phones

from mockst.telecom.models.calls import CallResponse
from mockst.telecom.models.export import ExportCallResponse
from mockst.testing import TenantApi


def _calls(api: TenantApi, **params: Any) -> list[dict[str, Any]]:
    response = api.call("Calls_Calls", params={"pageSize": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_a_call_that_booked_a_job_shows_the_job_at_the_top(phones: Phones) -> None:
    rows = _calls(phones.api)
    booked = [r for r in rows if r["id"]]
    unbooked = [r for r in rows if not r["id"]]
    assert booked and unbooked
    row = booked[0]
    job = phones.api.call("Jobs_Get", id=row["id"]).json()
    assert row["jobNumber"] == job["jobNumber"]
    assert row["businessUnit"]["id"] == job["businessUnitId"]
    assert row["type"]["id"] == job["jobTypeId"] and row["type"]["modifiedOn"]
    assert job["leadCallId"] == row["leadCall"]["id"]
    assert row["leadCall"]["callType"] == "Booked"
    lone = unbooked[0]
    assert (lone["projectId"], lone["jobNumber"], lone["businessUnit"], lone["type"]) == (
        0, None, None, None)  # fmt: skip


def test_duration_is_a_timespan_and_links_are_brief(phones: Phones) -> None:
    made = phones.arrive(**{"from": phones.customer_phone}, duration=3725, agentId=phones.agent)
    call = made.json()["leadCall"]
    assert call["duration"] == "01:02:05"
    assert call["customer"] == {"id": phones.customer, "name": call["customer"]["name"]}
    assert call["agent"] == {"id": phones.agent, "name": phones.agent_name, "externalId": None}
    assert call["campaign"]["id"] == phones.campaign
    assert call["recordingUrl"].endswith(f"/calls/{call['id']}/recording")
    assert call["voiceMailUrl"] is None


def test_ids_match_the_call_not_the_job(phones: Phones) -> None:
    first, second = (_calls(phones.api)[i]["leadCall"]["id"] for i in (0, 1))
    rows = _calls(phones.api, ids=f"{first},{second}")
    assert sorted(r["leadCall"]["id"] for r in rows) == sorted([first, second])
    assert phones.api.call("Calls_Calls", params={"ids": "x"}).status_code == 400


def test_phone_filters_compare_digits(phones: Phones) -> None:
    phones.arrive(**{"from": "+1 (737) 555-0999"}, duration=5)
    rows = _calls(phones.api, callerPhoneNumber="737-555-0999")
    assert len(rows) == 1 and rows[0]["leadCall"]["from"] == "+1 (737) 555-0999"
    called = _calls(phones.api, phoneNumberCalled=phones.tracking_number)
    assert called and all(r["leadCall"]["to"] == phones.tracking_number for r in called)


def test_duration_agent_campaign_sid_and_tag_filters(phones: Phones) -> None:
    made = phones.arrive(duration="02:00:00", agentId=phones.agent, agentExternalId=77,
                         sid="CAunique", tag="Spam")  # fmt: skip
    ident = made.json()["leadCall"]["id"]
    assert [r["leadCall"]["id"] for r in _calls(phones.api, minDuration=7200)] == [ident]
    assert [r["leadCall"]["id"] for r in _calls(phones.api, sid="CAunique")] == [ident]
    assert [r["leadCall"]["id"] for r in _calls(phones.api, tag="spam")] == [ident]
    assert [r["leadCall"]["id"] for r in _calls(phones.api, agentExternalId=77)] == [ident]
    external = _calls(phones.api, agentIsExternal="true")
    assert [r["leadCall"]["id"] for r in external] == [ident]
    part = phones.agent_name.split()[0].lower()
    named = _calls(phones.api, agentName=part)
    assert named and all(part in r["leadCall"]["agent"]["name"].lower() for r in named)
    assert all(r["leadCall"]["agent"]["id"] == phones.agent
               for r in _calls(phones.api, agentId=phones.agent))  # fmt: skip
    assert all(r["leadCall"]["campaign"]["id"] == phones.campaign
               for r in _calls(phones.api, campaignId=phones.campaign))  # fmt: skip


def test_created_after_is_strict_and_sort_descends(phones: Phones) -> None:
    rows = _calls(phones.api, sort="-CreatedOn")
    stamps = [r["leadCall"]["createdOn"] for r in rows]
    newest = stamps[0]
    assert all(r["leadCall"]["createdOn"] != newest for r in
               _calls(phones.api, createdAfter=newest))  # fmt: skip
    assert _calls(phones.api, createdOnOrAfter=newest)[0]["leadCall"]["createdOn"] == newest
    ids = [r["leadCall"]["id"] for r in _calls(phones.api, sort="-Id")]
    assert ids == sorted(ids, reverse=True)
    assert phones.api.call("Calls_Calls", params={"sort": "Duration"}).status_code == 400


def test_every_seeded_row_is_the_documents_shape(phones: Phones) -> None:
    for row in _calls(phones.api, active="Any"):
        CallResponse.model_validate(row)
    feed = phones.api.call("Export_Calls", params={"includeRecentChanges": True}).json()
    for row in feed["data"]:
        ExportCallResponse.model_validate(row)
