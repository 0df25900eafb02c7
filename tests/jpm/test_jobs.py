"""Jobs (JPM v2): booking with its references checked, the counters, conversions, statuses."""

from __future__ import annotations

from typing import Any

import pytest
from job_refs import Refs

from mockst.store.world import World
from mockst.testing import TenantApi


def _book(api: TenantApi, refs: Refs, **fields: Any) -> dict[str, Any]:
    made = api.call("Jobs_Create", json=refs.job(**fields))
    assert made.status_code == 200, made.text
    return made.json()


def _appointment(api: TenantApi, job: int, start: str, end: str, **fields: Any) -> dict[str, Any]:
    made = api.call("Appointments_Add", json={"jobId": job, "start": start, "end": end, **fields})
    assert made.status_code == 200, made.text
    return made.json()


def _counts(world: World, api: TenantApi) -> dict[str, int]:
    data = world.tenant_data(api.tenant_id)
    return {name: len(list(data.table(name).rows())) for name in (
        "jobs", "appointments", "job_history", "job_booked_logs", "bookings", "leads")}


def test_a_booked_job_carries_its_appointment_logs_and_defaults(api: TenantApi, refs: Refs) -> None:
    job = _book(api, refs, appointments=[{
        "start": "2026-12-10T16:00:00Z", "end": "2026-12-10T18:00:00Z",
        "arrivalWindowStart": "2026-12-10T16:00:00Z", "arrivalWindowEnd": "2026-12-10T20:00:00Z",
        "technicianIds": refs.technicians[:1]}])
    assert (job["jobStatus"], job["appointmentCount"], job["jobNumber"]) == (
        "Scheduled", 1, str(job["id"]))  # fmt: skip
    assert job["firstAppointmentId"] == job["lastAppointmentId"] != 0
    assert job["invoiceId"] > 0 and job["customerPo"] == "" and job["notificationsEnabled"]
    job_type = api.call("JobTypes_Get", id=refs.job_type).json()
    assert job["summary"] == job_type["summary"] and job["noCharge"] == job_type["noCharge"]
    visit = api.call("Appointments_Get", id=job["firstAppointmentId"]).json()
    assert visit["appointmentNumber"] == f"{job['jobNumber']}-1"
    assert (visit["status"], visit["customerId"], visit["unused"]) == (
        "Scheduled", refs.customer, False)  # fmt: skip
    booked = api.call("Jobs_GetBookedLog", id=job["id"]).json()
    assert booked["jobAppointmentId"] == visit["id"] and booked["start"] == visit["start"]
    assert booked["arrivalWindowEnd"] == "2026-12-10T20:00:00Z"
    history = api.call("Jobs_GetHistory", id=job["id"]).json()["history"]
    assert [h["eventType"] for h in history] == ["Job Booked"]
    assert api.call("Appointments_GetList", params={
        "technicianId": refs.technicians[0], "jobId": job["id"]}).json()["data"] == [visit]
    assert api.call("Jobs_Get", id=job["id"]).json() == job


def test_every_bad_reference_is_named_and_nothing_is_written(
    world: World, api: TenantApi, refs: Refs
) -> None:
    before = _counts(world, api)
    refused = api.call("Jobs_Create", json=refs.job(
        customerId=refs.customer, locationId=refs.stranger_location, businessUnitId=999,
        jobTypeId=998, campaignId=997, priority="Whenever", projectId=996,
        appointments=[{"start": "2026-12-10T16:00:00Z", "end": "2026-12-10T15:00:00Z",
                       "technicianIds": [995]}]))
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {
        "locationId", "businessUnitId", "jobTypeId", "campaignId", "priority", "projectId",
        "appointments[0].end", "appointments[0].technicianIds[0]"}
    assert api.call("Jobs_Create", json=refs.job(appointments=[])).json()["errors"] == {
        "appointments": ["A job needs at least one appointment."]}
    assert api.call("Jobs_Create", json=refs.job(customerId=1)).status_code == 400
    retired = api.call("Jobs_Create", json=refs.job(campaignId=refs.retired_campaign))
    assert set(retired.json()["errors"]) == {"campaignId"}
    assert _counts(world, api) == before
    # unknown fields are ignored, as real clients send them; priority in any case
    job = _book(api, refs, scheduledDate="2026-12-10", priority="urgent")
    assert job["priority"] == "Urgent"


def test_counters_follow_appointments_added_and_removed(api: TenantApi, refs: Refs) -> None:
    job = _book(api, refs)
    first = job["firstAppointmentId"]
    earlier = _appointment(api, job["id"], "2026-12-09T16:00:00Z", "2026-12-09T17:00:00Z")
    later = _appointment(api, job["id"], "2026-12-12T16:00:00Z", "2026-12-12T17:00:00Z")
    now = api.call("Jobs_Get", id=job["id"]).json()
    assert (now["appointmentCount"], now["firstAppointmentId"], now["lastAppointmentId"]) == (
        3, earlier["id"], later["id"])  # fmt: skip
    assert later["appointmentNumber"] == f"{job['jobNumber']}-3"
    assert api.call("Appointments_Delete", id=earlier["id"]).status_code == 200
    assert api.call("Appointments_Delete", id=later["id"]).status_code == 200
    now = api.call("Jobs_Get", id=job["id"]).json()
    assert (now["appointmentCount"], now["firstAppointmentId"], now["lastAppointmentId"]) == (
        1, first, first)  # fmt: skip
    only = api.call("Appointments_Delete", id=first)
    assert only.status_code == 409 and "only appointment" in only.text
    # a reschedule can change which appointment comes first
    moved = _appointment(api, job["id"], "2026-12-20T16:00:00Z", "2026-12-20T17:00:00Z")
    answer = api.call("Appointments_Reschedule", id=moved["id"],
                      json={"start": "2026-12-01T16:00:00Z"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["end"] == "2026-12-01T17:00:00Z"  # a start alone keeps the duration
    assert api.call("Jobs_Get", id=job["id"]).json()["firstAppointmentId"] == moved["id"]


def test_cancel_and_remove_cancellation(api: TenantApi, refs: Refs) -> None:
    job = _book(api, refs)
    extra = _appointment(api, job["id"], "2026-12-11T16:00:00Z", "2026-12-11T17:00:00Z")
    bad = api.call("Jobs_Cancel", id=job["id"], json={"reasonId": 424242, "memo": "x"})
    assert bad.status_code == 400 and "reasonId" in bad.json()["errors"]
    canceled = api.call("Jobs_Cancel", id=job["id"],
                        json={"reasonId": refs.cancel_reason, "memo": "Found someone cheaper"})
    assert canceled.status_code == 200 and canceled.content == b""
    assert api.call("Jobs_Get", id=job["id"]).json()["jobStatus"] == "Canceled"
    assert api.call("Appointments_Get", id=extra["id"]).json()["status"] == "Canceled"
    assert api.call("Jobs_Cancel", id=job["id"], json={
        "reasonId": refs.cancel_reason, "memo": "again"}).status_code == 400
    assert api.call("Appointments_Add", json={"jobId": job["id"], "start": "2026-12-12T16:00:00Z",
                                              "end": "2026-12-12T17:00:00Z"}).status_code == 409
    reasons = api.call("Jobs_GetCancelReasons", params={"ids": f"{job['id']},777"}).json()
    assert [(r["jobId"], r["reasonId"], r["text"]) for r in reasons["data"]] == [
        (job["id"], refs.cancel_reason, "Found someone cheaper")]
    log = api.call("Jobs_GetJobCanceledLogs", id=job["id"]).json()["data"]
    assert [entry["active"] for entry in log] == [True]
    assert api.call("Jobs_RemoveCancellation", id=job["id"]).status_code == 200
    restored = api.call("Jobs_Get", id=job["id"]).json()
    assert restored["jobStatus"] == "Scheduled" and restored["appointmentCount"] == 2
    assert api.call("Appointments_Get", id=extra["id"]).json()["status"] == "Scheduled"
    assert [e["active"] for e in api.call("Jobs_GetJobCanceledLogs", id=job["id"]).json()[
        "data"]] == [False]
    assert api.call("Jobs_RemoveCancellation", id=job["id"]).status_code == 400
    events = [h["eventType"] for h in api.call("Jobs_GetHistory", id=job["id"]).json()["history"]]
    assert events == ["Job Booked", "Appointment Added", "Job Canceled", "Cancellation Removed"]


def test_holds_move_the_job_when_every_appointment_waits(api: TenantApi, refs: Refs) -> None:
    job = _book(api, refs)
    first = job["firstAppointmentId"]
    second = _appointment(api, job["id"], "2026-12-11T16:00:00Z", "2026-12-11T17:00:00Z")["id"]
    hold = {"reasonId": refs.hold_reason, "memo": "Parts on order"}
    assert api.call("Appointments_RemoveHold", id=first).status_code == 409
    assert api.call("Appointments_Hold", id=first, json=hold).status_code == 200
    assert api.call("Appointments_Hold", id=first, json=hold).status_code == 409
    assert api.call("Jobs_Get", id=job["id"]).json()["jobStatus"] == "Scheduled"
    assert api.call("Appointments_Hold", id=second, json=hold).status_code == 200
    assert api.call("Jobs_Get", id=job["id"]).json()["jobStatus"] == "Hold"
    held = api.call("Jobs_GetHoldReasons", params={"ids": str(job["id"])}).json()["data"]
    assert held[0]["reasonId"] == refs.hold_reason and held[0]["text"] == "Parts on order"
    assert sorted(a["appointmentId"] for a in held[0]["appointmentHoldReasons"]) == sorted(
        [first, second])  # fmt: skip
    assert api.call("Appointments_RemoveHold", id=second).status_code == 200
    assert api.call("Jobs_Get", id=job["id"]).json()["jobStatus"] == "Scheduled"
    assert api.call("Appointments_GetList", params={"status": "Hold", "jobId": job["id"]}).json()[
        "data"][0]["id"] == first


def test_confirmation_and_special_instructions(api: TenantApi, refs: Refs) -> None:
    visit = _book(api, refs)["firstAppointmentId"]
    assert api.call("Appointments_RemoveConfirmation", id=visit).status_code == 409
    assert api.call("Appointments_Confirm", id=visit).status_code == 200
    assert api.call("Appointments_Confirm", id=visit).status_code == 409
    assert api.call("Appointments_Get", id=visit).json()["isConfirmed"] is True
    said = api.call("Appointments_UpdateSpecialInstructions", id=visit,
                    json={"specialInstructions": "Gate code 1234"})
    assert said.json()["specialInstructions"] == "Gate code 1234"
    assert api.call("Appointments_Get", id=404).status_code == 404


def test_a_booking_becomes_a_job_once(world: World, api: TenantApi, refs: Refs) -> None:
    booking = refs.booking()
    job = _book(api, refs, bookingId=booking["id"])
    converted = api.call("Bookings_Get", id=booking["id"]).json()
    assert (converted["status"], converted["jobId"]) == ("Converted", job["id"])
    assert api.call("Jobs_GetList", params={"bookingId": booking["id"]}).json()["data"][0][
        "id"] == job["id"]
    before = _counts(world, api)
    again = api.call("Jobs_Create", json=refs.job(bookingId=booking["id"]))
    assert again.status_code == 400 and "bookingId" in again.json()["errors"]
    assert _counts(world, api) == before


def test_a_lead_is_converted(api: TenantApi, refs: Refs) -> None:
    lead = api.call("Leads_Create", json={"customerId": refs.customer, "locationId": refs.location,
                                          "campaignId": refs.campaign,
                                          "summary": "No hot water",
                                          "followUpDate": "2026-12-20T00:00:00Z"})
    assert lead.status_code == 200, lead.text
    _book(api, refs, leadId=lead.json()["id"])
    assert api.call("Leads_Get", id=lead.json()["id"]).json()["status"] == "Converted"
    assert api.call("Jobs_Create", json=refs.job(leadId=lead.json()["id"])).status_code == 400


@pytest.mark.parametrize("field,value", [("jobStatus", "Canceled"), ("priority", "high")])
def test_list_filters(api: TenantApi, refs: Refs, field: str, value: str) -> None:
    plain = _book(api, refs)
    other = _book(api, refs, priority="High")
    api.call("Jobs_Cancel", id=other["id"], json={"reasonId": refs.cancel_reason, "memo": "x"})
    found = api.call("Jobs_GetList", params={field: value, "pageSize": 200}).json()["data"]
    ids = {j["id"] for j in found}
    assert other["id"] in ids and plain["id"] not in ids


def test_list_by_technician_appointment_dates_and_sort(api: TenantApi, refs: Refs) -> None:
    tech = refs.technicians[1]
    mine = _book(api, refs, priority="Low", appointments=[{
        "start": "2027-03-03T16:00:00Z", "end": "2027-03-03T17:00:00Z", "technicianIds": [tech]}])
    _book(api, refs, appointments=[{"start": "2027-03-04T16:00:00Z",
                                    "end": "2027-03-04T17:00:00Z"}])
    by_tech = api.call("Jobs_GetList", params={"technicianId": tech, "pageSize": 200}).json()
    assert mine["id"] in {j["id"] for j in by_tech["data"]}
    window = {"firstAppointmentStartsOnOrAfter": "2027-03-03T00:00:00Z",
              "firstAppointmentStartsBefore": "2027-03-04T00:00:00Z"}
    assert [j["id"] for j in api.call("Jobs_GetList", params=window).json()["data"]] == [
        mine["id"]]
    ranked = api.call("Jobs_GetList", params={"sort": "-Priority", "pageSize": 200}).json()["data"]
    assert [j["priority"] for j in ranked] == sorted((j["priority"] for j in ranked),
                                                     reverse=True)  # fmt: skip
    assert api.call("Jobs_GetList", params={"sort": "Nope"}).status_code == 400


def test_a_job_joins_a_project_at_its_own_location(api: TenantApi, refs: Refs) -> None:
    here = api.call("Projects_Create", json={"locationId": refs.location}).json()
    there = api.call("Projects_Create", json={"locationId": refs.stranger_location}).json()
    refused = api.call("Jobs_Create", json=refs.job(projectId=there["id"]))
    assert refused.status_code == 400 and set(refused.json()["errors"]) == {"projectId"}
    recent = {"includeRecentChanges": "true"}
    mark = api.call("Export_Projects", params=recent).json()["continueFrom"]
    job = _book(api, refs, projectId=here["id"])
    assert api.call("Projects_Get", id=here["id"]).json()["jobIds"] == [job["id"]]
    feed = api.call("Export_Projects", params={"from": mark, **recent}).json()["data"]
    assert [(p["id"], p["jobIds"]) for p in feed] == [(here["id"], [job["id"]])]
