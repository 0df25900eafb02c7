"""A hypothesis state machine over capacity: for any sequence of shifts, time off, jobs,
reschedules, assignments and cancellations, every frame's totals and every technician's status
agree with a reference model computed the plain way (every shift against every frame)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

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
from test_capacity import Shop

from mockst.app import create_app
from mockst.config import Config
from mockst.encoding import format_datetime
from mockst.store.world import World
from mockst.testing import TenantApi

EXAMPLES = int(os.environ.get("MOCKST_CAPACITY_EXAMPLES", "12"))
STEPS = int(os.environ.get("MOCKST_CAPACITY_STEPS", "16"))
SEED = int(os.environ.get("MOCKST_CAPACITY_SEED", "20261207"))
# Two local days in early March (Los Angeles is UTC-8): frames 08-12 and 12-16 local. Few days,
# technicians and hours, so shifts, time off and visits meet often.
DAY0 = datetime(2027, 3, 2, 8, tzinfo=UTC)  # 00:00 local


def _at(day: int, hour: int) -> datetime:
    return DAY0 + timedelta(days=day, hours=hour)


FRAMES = [(_at(d, h), _at(d, h + 4)) for d in range(2) for h in (8, 12)]


def _hours(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> float:
    return max((min(a[1], b[1]) - max(a[0], b[0])).total_seconds(), 0) / 3600


@dataclass
class Model:
    shifts: list[tuple[int, str, datetime, datetime]] = field(default_factory=list)
    visits: dict[int, dict] = field(default_factory=dict)  # appointment -> span, techs, job, live

    def frame(self, techs: list[int], frame: tuple[datetime, datetime]) -> tuple[float, float,
                                                                                 list[str]]:
        total, statuses = 0.0, []
        for tech in techs:
            mine = [(k, (s, e)) for t, k, s, e in self.shifts if t == tech]
            worked = sum(_hours(span, frame) for k, span in mine if k == "Normal")
            off = any(k == "TimeOff" and _hours(span, frame) > 0 for k, span in mine)
            busy = sum(_hours(v["span"], frame) for v in self.visits.values()
                       if v["live"] and tech in v["techs"])  # fmt: skip
            on_shift = worked > 0 and not off
            total += worked if on_shift else 0.0
            statuses.append("Available" if on_shift and busy < worked else "Unavailable")
        booked = sum(_hours(v["span"], frame) for v in self.visits.values() if v["live"])
        return total, total - booked, statuses


@pytest.fixture(scope="module")
def capacity_world() -> Iterator[tuple[TestClient, World]]:
    world = World()
    with TestClient(create_app(world, Config(rate_limit=0, token_rate_limit=0))) as http:
        yield http, world


def test_capacity_agrees_with_the_model(capacity_world: tuple[TestClient, World]) -> None:
    http, world = capacity_world

    @seed(SEED)
    class CapacityWorld(RuleBasedStateMachine):
        @initialize()
        def open_shop(self) -> None:
            self.api = TenantApi.quickstart(http)
            self.shop = Shop(world, self.api)
            for start in ("08:00:00", "12:00:00"):
                self.shop.put("arrival_windows", start=start, duration="04:00:00",
                              businessUnitIds=[self.shop.unit])  # fmt: skip
            self.model = Model()
            self.reason = _reason(self.shop)

        def _tech(self, data: st.DataObject) -> int:
            return data.draw(st.sampled_from(self.shop.techs))

        @rule(data=st.data(), day=st.integers(0, 1), start=st.sampled_from([6, 8, 10, 12]),
              length=st.sampled_from([2, 4, 6, 8]), off=st.booleans())  # fmt: skip
        def add_shift(self, data: st.DataObject, day: int, start: int, length: int,
                      off: bool) -> None:  # fmt: skip
            tech, kind = self._tech(data), "TimeOff" if off else "Normal"
            span = (_at(day, start), _at(day, start + length))
            self.shop.shift(tech, format_datetime(span[0]), format_datetime(span[1]), kind)
            self.model.shifts.append((tech, kind, *span))

        @rule(data=st.data(), day=st.integers(0, 1), start=st.integers(8, 14),
              length=st.integers(1, 4), assign=st.booleans())  # fmt: skip
        def book(self, data: st.DataObject, day: int, start: int, length: int,
                 assign: bool) -> None:  # fmt: skip
            techs = [self._tech(data)] if assign else []
            span = (_at(day, start), _at(day, start + length))
            job = self.shop.book(format_datetime(span[0]), format_datetime(span[1]), techs)
            self.model.visits[job["firstAppointmentId"]] = {
                "span": span, "techs": set(techs), "job": job["id"], "live": True}

        def _visit(self, data: st.DataObject) -> tuple[int, dict]:
            ident = data.draw(st.sampled_from(sorted(self.model.visits)))
            return ident, self.model.visits[ident]

        @precondition(lambda self: self.model.visits)
        @rule(data=st.data(), day=st.integers(0, 1), start=st.integers(8, 14))
        def reschedule(self, data: st.DataObject, day: int, start: int) -> None:
            ident, visit = self._visit(data)
            length = visit["span"][1] - visit["span"][0]
            span = (_at(day, start), _at(day, start) + length)
            answer = self.api.call("Appointments_Reschedule", id=ident, json={
                "start": format_datetime(span[0]), "end": format_datetime(span[1])})
            assert answer.status_code == (200 if visit["live"] else 409), answer.text
            if visit["live"]:
                visit["span"] = span

        @precondition(lambda self: self.model.visits)
        @rule(data=st.data(), unassign=st.booleans())
        def assign_or_unassign(self, data: st.DataObject, unassign: bool) -> None:
            ident, visit = self._visit(data)
            tech = self._tech(data)
            kind = "Unassign" if unassign else "Assign"
            answer = self.api.call(f"AppointmentAssignments_{kind}Technicians",
                                   json={"jobAppointmentId": ident, "technicianIds": [tech]})
            if unassign:
                assert answer.status_code == (200 if tech in visit["techs"] else 400), answer.text
                visit["techs"].discard(tech)
            elif visit["live"]:
                assert answer.status_code == 200, answer.text
                visit["techs"].add(tech)

        @precondition(lambda self: self.model.visits)
        @rule(data=st.data())
        def cancel_or_restore(self, data: st.DataObject) -> None:
            _, visit = self._visit(data)
            if visit["live"]:
                answer = self.api.call("Jobs_Cancel", id=visit["job"], json={
                    "reasonId": self.reason, "memo": "x"})  # fmt: skip
            else:
                answer = self.api.call("Jobs_RemoveCancellation", id=visit["job"])
            assert answer.status_code == 200, answer.text
            visit["live"] = not visit["live"]

        @invariant()
        def frames_agree(self) -> None:
            if not hasattr(self, "shop"):
                return
            rows = self.shop.capacity(startsOnOrAfter=format_datetime(DAY0),
                                      endsOnOrBefore=format_datetime(_at(2, 0)))  # fmt: skip
            assert [(r["startUtc"], r["endUtc"]) for r in rows] == [
                (format_datetime(s), format_datetime(e)) for s, e in FRAMES]
            for row, frame in zip(rows, FRAMES, strict=True):
                total, open_, statuses = self.model.frame(self.shop.techs, frame)
                assert (row["totalAvailability"], row["openAvailability"]) == pytest.approx(
                    (total, open_)), (frame, row)
                assert [t["status"] for t in row["technicians"]] == statuses, (frame, row)

    run_state_machine_as_test(
        CapacityWorld,
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          database=None, suppress_health_check=list(HealthCheck)),
    )  # fmt: skip


def _reason(shop: Shop) -> int:
    from mockst.jpm.job_cancel_reasons import JOB_CANCEL_REASONS
    from mockst.jpm.reasons import create_reason

    with shop.world.transaction():
        return int(create_reason(shop.ctx(), JOB_CANCEL_REASONS, "Customer Canceled").id)
