"""Technician shifts: one row per technician per occurrence, their times, lists and deletes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mockst.testing import TenantApi

if TYPE_CHECKING:
    from conftest import Staff  # the fixture's type; imported by name only


def _create(api: TenantApi, staff: Staff, **fields: Any) -> Any:
    return api.call("TechnicianShifts_Create", json={
        "technicianIds": staff.technicians[:1], "shiftType": "Normal", "title": "Day",
        "start": "2026-12-07T16:00:00Z", "end": "2026-12-08T01:00:00Z", "repeatType": "Never",
        **fields})  # fmt: skip


def test_a_shift_per_technician(api: TenantApi, staff: Staff) -> None:
    made = _create(api, staff, technicianIds=staff.technicians, note="Truck 4")
    assert made.status_code == 200, made.text
    body = made.json()
    assert body["created"] is True
    shifts = body["technicianShifts"]
    assert [s["technicianId"] for s in shifts] == staff.technicians
    assert (shifts[0]["start"], shifts[0]["end"]) == ("2026-12-07T16:00:00Z",
                                                      "2026-12-08T01:00:00Z")
    assert shifts[0]["active"] is True and shifts[0]["note"] == "Truck 4"
    got = api.call("TechnicianShifts_Get", id=shifts[0]["id"]).json()
    assert got == shifts[0]


def test_unknown_or_retired_technicians_are_refused(api: TenantApi, staff: Staff) -> None:
    refused = _create(api, staff, technicianIds=[staff.technicians[0], staff.retired, 999])
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"technicianIds[1]", "technicianIds[2]"}


def test_times_overnight_but_not_backwards_or_longer_than_a_day(
    api: TenantApi, staff: Staff
) -> None:
    assert _create(api, staff, start="2026-12-07T22:00:00Z", end="2026-12-08T06:00:00Z"
                   ).status_code == 200  # fmt: skip
    backwards = _create(api, staff, end="2026-12-07T15:00:00Z")
    assert backwards.status_code == 400 and "end" in backwards.json()["errors"]
    assert _create(api, staff, end="2026-12-09T01:00:00Z").status_code == 400


def test_weekly_repeats_on_the_days_named_in_local_time(api: TenantApi, staff: Staff) -> None:
    # 08:00 Pacific on Monday 2026-12-07, Mondays and Wednesdays for two weeks
    made = _create(api, staff, repeatType="Weekly", shiftDays="Monday, wednesday",
                   repeatEndDate="2026-12-16T00:00:00Z")
    assert made.status_code == 200, made.text
    starts = [s["start"] for s in made.json()["technicianShifts"]]
    assert starts == ["2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z", "2026-12-14T16:00:00Z",
                      "2026-12-16T16:00:00Z"]


def test_daily_repeats_keep_the_wall_clock_across_daylight_time(
    api: TenantApi, staff: Staff
) -> None:
    made = _create(api, staff, start="2026-03-07T16:00:00Z", end="2026-03-08T00:00:00Z",
                   repeatType="Daily", repeatInterval=1, repeatEndDate="2026-03-09T00:00:00Z")
    starts = [s["start"] for s in made.json()["technicianShifts"]]
    assert starts == ["2026-03-07T16:00:00Z", "2026-03-08T15:00:00Z", "2026-03-09T15:00:00Z"]


def test_repeats_are_bounded(api: TenantApi, staff: Staff) -> None:
    assert _create(api, staff, repeatType="Daily").status_code == 400  # no end date
    too_many = _create(api, staff, repeatType="Daily", repeatEndDate="2028-12-31T00:00:00Z")
    assert too_many.status_code == 400 and "repeatEndDate" in too_many.json()["errors"]
    assert _create(api, staff, repeatType="Weekly", shiftDays="Funday",
                   repeatEndDate="2026-12-31T00:00:00Z").status_code == 400  # fmt: skip


def test_update_delete_and_bulk_delete(api: TenantApi, staff: Staff) -> None:
    made = _create(api, staff, repeatType="Daily", repeatEndDate="2026-12-10T00:00:00Z").json()
    ids = [s["id"] for s in made["technicianShifts"]]
    changed = api.call("TechnicianShifts_Update", id=ids[0], json={
        "shiftType": "OnCall", "end": "2026-12-08T02:00:00Z"})
    assert changed.status_code == 200, changed.text
    shift = changed.json()["technicianShifts"][0]
    assert (shift["shiftType"], shift["end"], shift["title"]) == (
        "OnCall", "2026-12-08T02:00:00Z", "Day")
    assert api.call("TechnicianShifts_Update", id=ids[0], json={
        "end": "2026-12-07T10:00:00Z"}).status_code == 400
    gone = api.call("TechnicianShifts_Delete", id=ids[0])
    assert gone.json() == {"message": f"Technician shift {ids[0]} was deleted.", "id": ids[0]}
    assert api.call("TechnicianShifts_Get", id=ids[0]).json()["active"] is False
    assert api.call("TechnicianShifts_Delete", id=ids[0]).status_code == 404
    bulk = api.call("TechnicianShifts_BulkDelete", json={
        "start": "2026-12-08T00:00:00Z", "end": "2026-12-10T02:00:00Z"})
    assert bulk.json()["deletedIds"] == ids[1:3]
    listed = api.call("TechnicianShifts_GetList").json()["data"]
    assert [s["id"] for s in listed] == ids[3:]


def test_list_filters(api: TenantApi, staff: Staff) -> None:
    _create(api, staff, technicianIds=staff.technicians, title="Morning", note="north")
    _create(api, staff, shiftType="TimeOff", title="Vacation", start="2026-12-20T16:00:00Z",
            end="2026-12-21T01:00:00Z")

    def ids(**params: Any) -> int:
        page = api.call("TechnicianShifts_GetList", params=params)
        assert page.status_code == 200, page.text
        return len(page.json()["data"])

    assert ids() == 3
    assert ids(shiftType="TimeOff") == 1
    assert ids(technicianId=staff.technicians[1]) == 1
    assert ids(titleContains="MORN") == 2 and ids(noteContains="nor") == 2
    assert ids(startsOnOrAfter="2026-12-10T00:00:00Z") == 1
    assert ids(endsOnOrBefore="2026-12-08T01:00:00Z") == 2
