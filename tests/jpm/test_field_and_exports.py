"""The field's steps through the control plane, and the Job Planning export feeds."""

from __future__ import annotations

from typing import Any

from job_refs import Refs

from mockst.testing import TenantApi

RECENT = {"includeRecentChanges": "true"}


def _book(api: TenantApi, refs: Refs, **fields: Any) -> dict[str, Any]:
    made = api.call("Jobs_Create", json=refs.job(**fields))
    assert made.status_code == 200, made.text
    return made.json()


def _field(api: TenantApi, what: str, ident: int, body: dict[str, Any] | None = None) -> Any:
    kind = "jobs" if what == "complete" else "appointments"
    return api.client.post(f"/_mock/tenants/{api.tenant_id}/{kind}/{ident}/{what}",
                           json=body or {})  # fmt: skip


def test_a_job_walks_to_completed(api: TenantApi, refs: Refs) -> None:
    tech, helper = refs.technicians[:2]
    job = _book(api, refs, appointments=[
        {"start": "2026-12-10T16:00:00Z", "end": "2026-12-10T18:00:00Z", "technicianIds": [tech]},
        {"start": "2026-12-11T16:00:00Z", "end": "2026-12-11T18:00:00Z"}])
    first, second = job["firstAppointmentId"], job["lastAppointmentId"]
    assert _field(api, "done", first).status_code == 409  # not working yet
    assert _field(api, "dispatch", second).status_code == 409  # nobody assigned
    step = _field(api, "dispatch", first)
    assert step.status_code == 200, step.text
    assert (step.json()["appointment"]["status"], step.json()["job"]["jobStatus"]) == (
        "Dispatched", "Dispatched")  # fmt: skip
    assert _field(api, "dispatch", first, {"technicianId": helper}).status_code == 200
    arrived = _field(api, "arrive", first, {"technicianId": tech}).json()
    assert (arrived["appointment"]["status"], arrived["job"]["jobStatus"]) == (
        "Working", "InProgress")  # fmt: skip
    assert api.call("Jobs_GetList", params={"technicianId": helper,
                                            "appointmentStatus": "Working"}).json()["data"]
    worked = api.call("Appointments_Delete", id=first)
    assert worked.status_code == 409 and "worked" in worked.text
    done = _field(api, "complete", job["id"], {"completedOn": "2026-12-10T19:00:00Z"}).json()
    assert (done["job"]["jobStatus"], done["job"]["completedOn"]) == (
        "Completed", "2026-12-10T19:00:00Z")  # fmt: skip
    assert api.call("Appointments_Get", id=second).json()["unused"] is True
    assert api.call("Appointments_Get", id=first).json()["unused"] is False
    assert _field(api, "complete", job["id"]).status_code == 409
    assert api.call("Jobs_Cancel", id=job["id"], json={
        "reasonId": refs.cancel_reason, "memo": "x"}).status_code == 400
    assert api.call("Jobs_GetList", params={"hasUnusedAppointments": "true",
                                            "completedOnOrAfter": "2026-12-10T00:00:00Z"}
                    ).json()["data"][0]["id"] == job["id"]  # fmt: skip
    assert _field(api, "dispatch", 12345).status_code == 404
    assert api.client.post("/_mock/tenants/999/jobs/1/complete", json={}).status_code == 404


def test_the_jobs_feed_delivers_a_job_again_when_it_changes(api: TenantApi, refs: Refs) -> None:
    start = api.call("Export_Jobs", params=RECENT).json()
    job = _book(api, refs)
    feed = api.call("Export_Jobs", params={"from": start["continueFrom"], **RECENT}).json()
    assert [row["id"] for row in feed["data"]] == [job["id"]]
    assert feed["data"][0]["active"] is True and feed["data"][0]["appointmentCount"] == 1
    api.call("Jobs_Cancel", id=job["id"], json={"reasonId": refs.cancel_reason, "memo": "x"})
    again = api.call("Export_Jobs", params={"from": feed["continueFrom"], **RECENT}).json()
    assert [(row["id"], row["jobStatus"]) for row in again["data"]] == [(job["id"], "Canceled")]
    logs = api.call("Export_JobCancelReasons", params={"from": feed["continueFrom"], **RECENT})
    assert [row["jobId"] for row in logs.json()["data"]] == [job["id"]]


def test_appointments_feed_shows_deleted_ones_and_history_is_grouped(
    api: TenantApi, refs: Refs
) -> None:
    start = api.call("Export_Appointments", params=RECENT).json()["continueFrom"]
    job = _book(api, refs)
    extra = api.call("Appointments_Add", json={"jobId": job["id"], "start": "2026-12-12T16:00:00Z",
                                               "end": "2026-12-12T17:00:00Z"}).json()
    api.call("Appointments_Delete", id=extra["id"])
    rows = api.call("Export_Appointments", params={"from": start, **RECENT}).json()["data"]
    assert {(r["id"], r["active"]) for r in rows} == {
        (job["firstAppointmentId"], True), (extra["id"], False)}
    active_only = api.call("Export_Appointments", params={"from": start, "active": "True",
                                                           **RECENT}).json()["data"]
    assert [r["id"] for r in active_only] == [job["firstAppointmentId"]]
    api.call("Jobs_CreateNote", id=job["id"], json={"text": "Dog in yard", "pinToTop": True})
    notes = api.call("Export_JobNotes", params=RECENT).json()["data"]
    wanted = {"jobId": job["id"], "text": "Dog in yard", "isPinned": True}
    assert wanted.items() <= notes[-1].items()
    history = api.call("Export_JobHistory", params=RECENT).json()["data"]
    mine = [row for row in history if row["jobId"] == job["id"]]
    assert len(mine) == 1 and [e["eventType"] for e in mine[0]["history"]] == [
        "Job Booked", "Appointment Added", "Appointment Deleted"]
    listed = api.call("Jobs_GetNotes", id=job["id"]).json()["data"]
    assert listed == [{k: notes[-1][k] for k in listed[0]}]
