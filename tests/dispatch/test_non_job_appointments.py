"""Non-job appointments: defaults, repeats, the create result's numbers, updates, deletes, lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mockst.testing import TenantApi

if TYPE_CHECKING:
    from conftest import Staff  # the fixture's type; imported by name only


def _create(api: TenantApi, staff: Staff, **fields: Any) -> Any:
    return api.call("NonJobAppointments_Create", json={
        "technicianId": staff.technicians[0], "start": "2026-12-08T17:00:00Z",
        "duration": "01:30", "name": "Team meeting", **fields})  # fmt: skip


def test_create_applies_the_defaults(api: TenantApi, staff: Staff) -> None:
    made = _create(api, staff)
    assert made.status_code == 200, made.text
    body = made.json()
    assert body["duration"] == "01:30:00" and body["start"] == "2026-12-08T17:00:00Z"
    assert (body["timesheetCodeId"], body["summary"], body["showOnTechnicianSchedule"],
            body["removeTechnicianFromCapacityPlanning"], body["active"]) == (
        0, "", True, False, True)  # fmt: skip
    assert body["repeat"] is None and body["frequency"] is None and body["daysOfWeek"] == ""
    got = api.call("NonJobAppointments_Get", id=body["id"]).json()
    assert got.items() <= body.items()


def test_repeats_answer_numbers_and_store_each_occurrence(api: TenantApi, staff: Staff) -> None:
    made = _create(api, staff, repeat=True, frequency="Weekly", interval=1, endType="After",
                   countOccurrences=3, daysOfWeek="Tuesday, Thursday",
                   removeTechnicianFromCapacityPlanning=True)
    assert made.status_code == 200, made.text
    body = made.json()
    assert (body["frequency"], body["endType"], body["countOccurrences"]) == (1, 1, 3)
    page = api.call("NonJobAppointments_GetList", params={
        "technicianId": staff.technicians[0]}).json()["data"]
    assert [a["start"] for a in page] == [
        "2026-12-08T17:00:00Z", "2026-12-10T17:00:00Z", "2026-12-15T17:00:00Z"]
    assert all(a["removeTechnicianFromCapacityPlanning"] for a in page)
    monthly = _create(api, staff, repeat=True, frequency="Monthly", endType="On",
                      endOn="2027-03-08T00:00:00Z").json()
    assert (monthly["frequency"], monthly["endType"]) == (2, 2)
    assert len(api.call("NonJobAppointments_GetList", params={
        "startsOnOrAfter": "2027-01-01T00:00:00Z"}).json()["data"]) == 3
    never = _create(api, staff, repeat=True, frequency="Daily", endType="Never").json()
    assert never["endType"] == 0


def test_bad_requests(api: TenantApi, staff: Staff) -> None:
    for fields in ({"technicianId": staff.retired}, {"duration": "00:00"},
                   {"duration": "soon"}, {"name": " "},
                   {"repeat": True}, {"repeat": True, "frequency": "Daily", "endType": "After"},
                   {"repeat": True, "frequency": "Daily", "endType": "On",
                    "endOn": "2026-12-01T00:00:00Z"},
                   {"repeat": True, "frequency": "Daily", "endType": "After",
                    "countOccurrences": 400}):
        refused = _create(api, staff, **fields)
        assert refused.status_code == 400, (fields, refused.text)


def test_update_and_delete(api: TenantApi, staff: Staff) -> None:
    made = _create(api, staff, summary="Weekly").json()
    changed = api.call("NonJobAppointments_Update", id=made["id"], json={
        "technicianId": staff.technicians[1], "start": "2026-12-09T17:00:00Z",
        "duration": "02:00:00", "name": "Training"})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["technicianId"], body["name"], body["duration"], body["summary"]) == (
        staff.technicians[1], "Training", "02:00:00", "Weekly")
    gone = api.call("NonJobAppointments_Delete", id=made["id"])
    assert gone.json() == {"message": f"Non-job appointment {made['id']} was deleted.",
                           "id": made["id"]}
    assert api.call("NonJobAppointments_Delete", id=made["id"]).status_code == 404
    assert api.call("NonJobAppointments_Update", id=made["id"], json={
        "technicianId": staff.technicians[1], "start": "2026-12-09T17:00:00Z",
        "duration": "02:00:00", "name": "Training"}).status_code == 409
    assert api.call("NonJobAppointments_GetList").json()["data"] == []
    kept = api.call("NonJobAppointments_GetList", params={"activeOnly": "false"}).json()["data"]
    assert [a["active"] for a in kept] == [False]
