"""The v2 call operations: the collection list, get, update (a CSR classifying a call and linking
the job it booked), and the recording and voicemail audio."""

from __future__ import annotations

import io
import wave
from typing import Any

from call_refs import Phones


def _update(phones: Phones, **fields: Any) -> dict[str, Any]:
    address = {"street": "", "unit": "", "country": "", "city": "", "state": "", "zip": ""}
    party = {"id": 0, "name": "", "address": address, "contacts": []}
    return {"excuseMemo": "", "reason": {"name": phones.reason, "lead": True},
            "customer": party, "location": party, "tag": "", **fields}  # fmt: skip


def test_the_v2_list_always_counts_and_sorts_by_order_by(phones: Phones) -> None:
    page = phones.api.call("Calls_GetCalls", params={"pageSize": 2}).json()
    assert set(page) == {"data", "page", "pageSize", "totalCount", "hasMore"}
    assert page["totalCount"] > 2 and page["hasMore"] and len(page["data"]) == 2
    newest = phones.api.call(
        "Calls_GetCalls",
        params={"orderBy": "createdOn", "orderByDirection": "desc", "pageSize": 500},
    ).json()["data"]
    stamps = [r["leadCall"]["createdOn"] for r in newest]
    assert stamps[0] == max(stamps, key=lambda s: s.rstrip("Z").ljust(27, "0"))
    for bad in ({"orderBy": "duration"}, {"orderByDirection": "up"}):
        assert phones.api.call("Calls_GetCalls", params=bad).status_code == 400


def test_the_v2_list_takes_repeated_ids(phones: Phones) -> None:
    rows = phones.api.call("Calls_GetCalls").json()["data"]
    wanted = [rows[0]["leadCall"]["id"], rows[1]["leadCall"]["id"]]
    page = phones.api.call("Calls_GetCalls", params={"ids": wanted}).json()
    assert sorted(r["leadCall"]["id"] for r in page["data"]) == sorted(wanted)
    assert page["totalCount"] == 2


def test_get_shows_whole_objects_and_unknown_is_404(phones: Phones) -> None:
    booked = next(r for r in phones.api.call("Calls_Calls").json()["data"] if r["id"])
    detail = phones.api.call("Calls_GetDetails", id=booked["leadCall"]["id"]).json()
    assert detail["id"] == booked["id"]
    assert detail["businessUnit"]["officialName"] and detail["businessUnit"]["tenant"]["id"]
    assert detail["leadCall"]["customer"]["address"]["streetAddress"]
    assert detail["leadCall"]["campaign"]["category"]["name"]
    assert "active" not in detail["leadCall"] and "createdOn" not in detail["leadCall"]
    assert phones.api.call("Calls_GetDetails", id=1).status_code == 404


def test_update_links_the_job_both_ways(phones: Phones) -> None:
    call = phones.arrive(**{"from": phones.customer_phone}).json()["leadCall"]
    answer = phones.api.call(
        "Calls_Update",
        id=call["id"],
        json=_update(phones, jobId=phones.job, excuseMemo="m", tag="t"),
    )
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert shown["callType"] == "Booked" and shown["reason"]["name"] == phones.reason
    job = phones.api.call("Jobs_Get", id=phones.job).json()
    assert job["leadCallId"] == call["id"]
    assert shown["customer"]["id"] == job["customerId"]
    listed = phones.api.call("Calls_Calls", params={"ids": str(call["id"])}).json()["data"][0]
    assert listed["id"] == phones.job
    # a second call booking the same job takes it over: a job has one lead call
    other = phones.arrive().json()["leadCall"]
    phones.api.call("Calls_Update", id=other["id"], json=_update(phones, jobId=phones.job))
    assert phones.api.call("Jobs_Get", id=phones.job).json()["leadCallId"] == other["id"]
    first = phones.api.call("Calls_Calls", params={"ids": str(call["id"])}).json()["data"][0]
    assert first["id"] == 0


def test_update_checks_what_it_names(phones: Phones) -> None:
    ident = phones.arrive().json()["leadCall"]["id"]
    bad_reason = _update(phones, reason={"name": "No such reason", "lead": False})
    wrong_place = _update(
        phones,
        customer={**_update(phones)["customer"], "id": phones.customer},
        location={**_update(phones)["location"], "id": phones.stranger_location},
    )
    for body, field in (
        (bad_reason, "reason.name"),
        (_update(phones, jobId=1), "jobId"),
        (_update(phones, campaignId=1), "campaignId"),
        (_update(phones, callId=ident + 1), "callId"),
        (wrong_place, "location.id"),
    ):
        answer = phones.api.call("Calls_Update", id=ident, json=body)
        assert answer.status_code == 400 and field in answer.json()["errors"], answer.text
    assert phones.api.call("Calls_Update", id=1, json=_update(phones)).status_code == 404
    classified = phones.api.call(
        "Calls_Update", id=ident, json=_update(phones, callType="Excused", excuseMemo="Wrong area")
    )
    assert classified.json()["callType"] == "Excused"
    feed = phones.api.call("Export_Calls", params={"includeRecentChanges": True}).json()
    row = next(r for r in feed["data"] if r["id"] == ident)
    assert (row["type"], row["excuseMemo"]) == ("Excused", "Wrong area")


def test_recording_and_voicemail_are_wav_audio(phones: Phones) -> None:
    ident = phones.arrive(duration=40, voicemail=True).json()["leadCall"]["id"]
    for operation in ("Calls_GetRecording", "Calls_GetVoiceMail"):
        answer = phones.api.call(operation, id=ident)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/octet-stream"
        with wave.open(io.BytesIO(answer.content)) as audio:
            assert audio.getnframes() > 0 and audio.getframerate() == 8000
    silent = phones.arrive(duration=0).json()["leadCall"]["id"]
    assert phones.api.call("Calls_GetRecording", id=silent).status_code == 404
    assert phones.api.call("Calls_GetVoiceMail", id=silent).status_code == 404
    assert phones.api.call("Calls_GetRecording", id=1).status_code == 404
