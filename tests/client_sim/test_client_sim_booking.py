"""The reference client's booking flow over a real socket: references from the tenant's lists,
open slots in true UTC, a job booked once even when its create answer is lost, found again,
rescheduled and canceled."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from mockst_client import ExternalKey, JobRequest, Scheduler, open_slots
from mockst_client.booking import parse_utc
from mockst_contracts.schedule import ScheduleSpec, busy, load_schedule

FIRST = date(2027, 3, 2)  # a Tuesday
START = datetime(2027, 3, 2, tzinfo=UTC)
GUID = "6f1c1c3e-0b1a-4c55-9c7e-1d2f3a4b5c6d"
ADDRESS = {"street": "9 Elm St", "city": "Austin", "state": "TX", "zip": "78701", "country": "USA"}


def _world(sim: Any, tenant: dict[str, Any], zone: str = "America/Los_Angeles",
           spec: ScheduleSpec | None = None) -> Any:  # fmt: skip
    path = f"/_mock/tenants/{tenant['tenantId']}/time-zone"
    sim.ok(sim.control.put(path, json={"timeZone": zone}))
    return load_schedule(sim.world, int(tenant["tenantId"]), spec or ScheduleSpec(), FIRST, 3)


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo"])
def test_open_slots_are_true_utc_with_free_technicians(sim: Any, tenant: dict[str, Any],
                                                       zone: str) -> None:  # fmt: skip
    ids = _world(sim, tenant, zone)
    with sim.client(tenant) as st:
        plan = Scheduler(st)
        job_type = plan.job_type("drain cleaning")
        assert job_type["id"] == ids.job_types[0]
        slots = plan.open_slots(job_type, START, START + timedelta(days=3))
    # 08:00 local in Los Angeles is 16:00 UTC; in Tokyo it is 23:00 UTC the day before, outside
    # the window, so Tokyo's first slot is its 12:00 window (03:00 UTC)
    first = slots[0]
    hour, local = {"America/Los_Angeles": (16, "08"), "Asia/Tokyo": (3, "12")}[zone]
    assert first.start.hour == hour and first.end - first.start == timedelta(hours=4)
    assert first.wall_clock == f"2027-03-02T{local}:00:00Z"
    assert set(first.technician_ids) == set(ids.technicians)
    assert first.business_unit_ids == (ids.units[0],)


def test_a_busy_frame_is_not_offered(sim: Any, tenant: dict[str, Any]) -> None:
    _world(sim, tenant, spec=busy(ScheduleSpec(), 3, open_frames={(1, 1)}))
    with sim.client(tenant) as st:
        plan = Scheduler(st)
        slots = plan.open_slots(plan.job_type("Drain Cleaning"), START, START + timedelta(days=3))
    assert [(s.start, s.end) for s in slots] == [
        (datetime(2027, 3, 3, 20, tzinfo=UTC), datetime(2027, 3, 4, tzinfo=UTC))]  # fmt: skip


def test_open_slots_skips_what_is_not_open() -> None:
    row = {"startUtc": "2027-03-02T16:00:00.1234567Z", "endUtc": "2027-03-02T20:00:00Z",
           "start": "2027-03-02T08:00:00Z", "businessUnitIds": [5], "openAvailability": 2.0,
           "isAvailable": True, "technicians": [{"id": 1, "status": "Available"},
                                                {"id": 2, "status": "Unavailable"}]}  # fmt: skip
    answer = {"availabilities": [
        row, {**row, "isAvailable": False}, {**row, "openAvailability": 0.0},
        {**row, "technicians": [{"id": 1, "status": "Unavailable"}]},
        {**row, "technicians": [{"id": 1, "status": "Available", "hasRequiredSkills": False}]},
    ]}  # fmt: skip
    slots = open_slots(answer)
    assert len(slots) == 1 and slots[0].technician_ids == (1,)
    assert slots[0].start == parse_utc("2027-03-02T16:00:00.123456Z")
    assert open_slots(answer, business_unit_id=6) == []


def test_book_once_after_a_lost_answer_then_reschedule_and_cancel(
    sim: Any, tenant: dict[str, Any]
) -> None:
    ids = _world(sim, tenant)
    # the create is applied, then its connection dropped: the job exists, the caller cannot know
    sim.fault(operation="Jobs_Create", tenant=tenant["tenantId"], first=1, drop=True, after=True)
    key = ExternalKey(GUID, "leadId", "lead-42")
    with sim.client(tenant) as st:
        plan = Scheduler(st, sleep=lambda _: None)
        customer, location = plan.customer_for("Pat Doe", "5125550142", ADDRESS)
        assert plan.customer_for("Pat Doe", "5125550142", ADDRESS) == (customer, location)
        job_type = plan.job_type("Drain Cleaning")
        slots = plan.open_slots(job_type, START, START + timedelta(days=3))
        request = JobRequest(customer, location, job_type, plan.campaign()["id"], slots[0],
                             summary="Kitchen drain")  # fmt: skip
        job = plan.book_job_once(request, key)
        assert plan.find_job(external=key)["id"] == job["id"]
        assert [j["id"] for j in st.jobs.iter_all(customerId=customer)] == [job["id"]]
        visit = st.appointments.get(job["firstAppointmentId"])
        assert parse_utc(visit["start"]) == slots[0].start
        assert parse_utc(visit["end"]) == slots[0].start + timedelta(seconds=5400)
        assert parse_utc(visit["arrivalWindowEnd"]) == slots[0].end
        assert job["businessUnitId"] == ids.units[0] and job["campaignId"] == ids.campaigns[0]

        later = plan.open_slots(job_type, START, START + timedelta(days=3))[3]
        moved = plan.reschedule(job, later, duration=timedelta(hours=1))
        assert parse_utc(moved["start"]) == later.start
        plan.cancel(job, "Customer fixed it")
        assert st.jobs.get(job["id"])["jobStatus"] == "Canceled"
    creates = sim.api_calls(tenant, operation="Jobs_Create")
    looks = [e for e in sim.api_calls(tenant, method="GET") if "/jpm/" in e["path"]
             and e["id"] > creates[0]["id"]]  # fmt: skip
    assert len(creates) == 1 and creates[0]["status"] is None and looks
