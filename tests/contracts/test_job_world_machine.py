"""A hypothesis state machine over jobs and appointments, against a small reference model.

Random sequences of bookings turned into jobs, jobs booked directly, appointments added, deleted,
rescheduled, held and released, jobs canceled and restored, with the clock moving. After every
step the simulator agrees with the model: each job's status, ``appointmentCount``,
``firstAppointmentId`` and ``lastAppointmentId`` (earliest and latest start), the appointments
listed for it, and each booking's status and ``jobId``. Refusals the model predicts (deleting the
only appointment, changing a canceled job, canceling twice) must be refused, and leave nothing
changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi

EXAMPLES = int(os.environ.get("MOCKST_JOB_EXAMPLES", "8"))
STEPS = int(os.environ.get("MOCKST_JOB_STEPS", "18"))
SEED = int(os.environ.get("MOCKST_JOB_SEED", "20261207"))
DAY = "2027-02-{:02d}T{:02d}:00:00Z"


@dataclass
class JobModel:
    id: int
    appointments: dict[int, str] = field(default_factory=dict)  # id -> start
    held: set[int] = field(default_factory=set)
    canceled: bool = False
    booking: int | None = None

    def status(self) -> str:
        if self.canceled:
            return "Canceled"
        if self.appointments and self.held == set(self.appointments):
            return "Hold"
        return "Scheduled"

    def ordered(self) -> list[int]:
        return sorted(self.appointments, key=lambda a: (self.appointments[a], a))


def _slot(day: int, hour: int) -> dict[str, str]:
    return {"start": DAY.format(day, hour), "end": DAY.format(day, hour + 1)}


@pytest.fixture(scope="module")
def job_world() -> Iterator[tuple[TestClient, World]]:
    world = World()
    with TestClient(create_app(world, Config(rate_limit=0, token_rate_limit=0))) as http:
        yield http, world


def test_jobs_agree_with_the_model(job_world: tuple[TestClient, World]) -> None:
    http, world = job_world

    @seed(SEED)
    class JobWorld(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.world, self.http = world, http
            self.jobs: dict[int, JobModel] = {}
            self.bookings: dict[int, int | None] = {}  # booking -> job

        @initialize()
        def onboard(self) -> None:
            self.api = TenantApi.quickstart(self.http)
            populate_tenant(self.world, self.api.tenant_id, seed=3, customers=3, bookings=0,
                            leads=0, history_days=10)  # fmt: skip
            data = self.world.tenant_data(self.api.tenant_id)
            location = next(iter(data.table("locations").rows()))
            job_type = next(r for r in data.table("job_types").rows()
                            if r.active and r.get("businessUnitIds"))  # fmt: skip
            self.provider = min(r.id for r in data.table(BOOKING_PROVIDER_TAGS).rows())
            self.reasons = (next(r.id for r in data.table("job_cancel_reasons").rows() if r.active),
                            next(r.id for r in data.table("job_hold_reasons").rows() if r.active))
            self.base = {
                "customerId": location.get("customerId"), "locationId": location.id,
                "businessUnitId": job_type.get("businessUnitIds")[0], "jobTypeId": job_type.id,
                "priority": "Normal",
                "campaignId": next(r.id for r in data.table("campaigns").rows() if r.active),
            }  # fmt: skip
            self.existing = {r.id for r in data.table("jobs").rows()}  # the seed's own jobs

        def _job(self, data: st.DataObject) -> JobModel:
            return self.jobs[data.draw(st.sampled_from(sorted(self.jobs)))]

        def _snapshot(self) -> tuple[Any, ...]:
            data = self.world.tenant_data(self.api.tenant_id)
            return tuple(len(list(data.table(t).rows())) for t in ("jobs", "appointments"))

        @rule(data=st.data(), days=st.lists(st.integers(1, 20), min_size=1, max_size=3),
              from_booking=st.booleans())  # fmt: skip
        def book(self, data: st.DataObject, days: list[int], from_booking: bool) -> None:
            booking = None
            if from_booking:
                made = self.api.call("Bookings_Create", booking_provider=self.provider, json={
                    "source": "Web", "name": "Pat Doe", "summary": "x", "externalId": "E-1",
                    "isFirstTimeClient": True, "contacts": [{"type": "Email",
                                                             "value": "pat@example.com"}]})
                assert made.status_code == 200, made.text
                booking = made.json()["id"]
                self.bookings[booking] = None
            slots = [_slot(day, 8 + i) for i, day in enumerate(days)]
            made = self.api.call("Jobs_Create", json={**self.base, "appointments": slots,
                                                      "bookingId": booking})  # fmt: skip
            assert made.status_code == 200, made.text
            job = made.json()
            model = JobModel(job["id"], booking=booking)
            listed = self.api.call("Appointments_GetList", params={"jobId": job["id"]}).json()
            model.appointments = {a["id"]: a["start"] for a in listed["data"]}
            self.jobs[job["id"]] = model
            if booking is not None:
                self.bookings[booking] = job["id"]

        @precondition(lambda self: self.bookings)
        @rule(data=st.data())
        def a_converted_booking_books_no_second_job(self, data: st.DataObject) -> None:
            booking = data.draw(st.sampled_from(sorted(self.bookings)))
            before = self._snapshot()
            again = self.api.call("Jobs_Create", json={**self.base, "bookingId": booking,
                                                       "appointments": [_slot(3, 9)]})  # fmt: skip
            assert again.status_code == 400 and self._snapshot() == before

        @precondition(lambda self: self.jobs)
        @rule(data=st.data(), day=st.integers(1, 20), hour=st.integers(6, 18))
        def add_appointment(self, data: st.DataObject, day: int, hour: int) -> None:
            job = self._job(data)
            made = self.api.call("Appointments_Add", json={"jobId": job.id, **_slot(day, hour)})
            if job.canceled:
                assert made.status_code == 409, made.text
                return
            assert made.status_code == 200, made.text
            job.appointments[made.json()["id"]] = made.json()["start"]

        @precondition(lambda self: self.jobs)
        @rule(data=st.data())
        def delete_appointment(self, data: st.DataObject) -> None:
            job = self._job(data)
            visit = data.draw(st.sampled_from(sorted(job.appointments)))
            before = self._snapshot()
            answer = self.api.call("Appointments_Delete", id=visit)
            if job.canceled or len(job.appointments) == 1:
                assert answer.status_code == 409 and self._snapshot() == before
                return
            assert answer.status_code == 200, answer.text
            del job.appointments[visit]
            job.held.discard(visit)

        @precondition(lambda self: self.jobs)
        @rule(data=st.data(), day=st.integers(1, 20), hour=st.integers(6, 18))
        def reschedule(self, data: st.DataObject, day: int, hour: int) -> None:
            job = self._job(data)
            visit = data.draw(st.sampled_from(sorted(job.appointments)))
            answer = self.api.call("Appointments_Reschedule", id=visit, json=_slot(day, hour))
            if job.canceled:
                assert answer.status_code == 409, answer.text
                return
            assert answer.status_code == 200, answer.text
            job.appointments[visit] = answer.json()["start"]

        @precondition(lambda self: self.jobs)
        @rule(data=st.data())
        def hold_or_release(self, data: st.DataObject) -> None:
            job = self._job(data)
            visit = data.draw(st.sampled_from(sorted(job.appointments)))
            if visit in job.held:
                assert self.api.call("Appointments_RemoveHold", id=visit).status_code == 200
                job.held.discard(visit)
                return
            answer = self.api.call("Appointments_Hold", id=visit, json={
                "reasonId": self.reasons[1], "memo": "Parts"})  # fmt: skip
            assert answer.status_code == (409 if job.canceled else 200), answer.text
            if not job.canceled:
                job.held.add(visit)

        @precondition(lambda self: self.jobs)
        @rule(data=st.data())
        def cancel_or_restore(self, data: st.DataObject) -> None:
            job = self._job(data)
            if data.draw(st.booleans(), label="cancel"):
                answer = self.api.call("Jobs_Cancel", id=job.id, json={
                    "reasonId": self.reasons[0], "memo": "x"})  # fmt: skip
                assert answer.status_code == (400 if job.canceled else 200), answer.text
                if not job.canceled:
                    job.canceled, job.held = True, set()
            else:
                answer = self.api.call("Jobs_RemoveCancellation", id=job.id)
                assert answer.status_code == (200 if job.canceled else 400), answer.text
                job.canceled = False

        @invariant()
        def jobs_agree(self) -> None:
            for job in self.jobs.values():
                shown = self.api.call("Jobs_Get", id=job.id).json()
                order = job.ordered()
                assert (shown["jobStatus"], shown["appointmentCount"]) == (
                    job.status(), len(order))  # fmt: skip
                assert (shown["firstAppointmentId"], shown["lastAppointmentId"]) == (
                    order[0], order[-1])  # fmt: skip
                listed = self.api.call("Appointments_GetList", params={"jobId": job.id}).json()
                assert {a["id"]: a["start"] for a in listed["data"]} == job.appointments

        @invariant()
        def bookings_agree(self) -> None:
            for booking, job in self.bookings.items():
                shown = self.api.call("Bookings_Get", id=booking).json()
                assert (shown["status"], shown["jobId"]) == ("Converted", job)

    run_state_machine_as_test(
        JobWorld,
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          database=None, suppress_health_check=list(HealthCheck)),
    )  # fmt: skip
