"""The seeded Dispatch world: hours, windows, shifts on the wall clock, skills, appointments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mockst.api.operation import TenantContext
from mockst.dispatch.schedule import local, non_job_appointments_of, shifts_of, tenant_zone
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi

NOW = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)  # a Monday, noon in Los Angeles


@pytest.fixture
def seeded(world: World, api: TenantApi) -> dict[str, int]:
    return populate_tenant(world, api.tenant_id, seed=4, customers=4, bookings=2, leads=2,
                           history_days=30, now=NOW)  # fmt: skip


def test_seeded_schedule(world: World, api: TenantApi, seeded: dict[str, int]) -> None:
    assert seeded["arrival_windows"] == 4 and seeded["technician_shifts"] > 100
    windows = api.call("ArrivalWindows_GetList").json()["data"]
    assert [(w["start"], w["duration"]) for w in windows] == [
        ("08:00:00", "02:00:00"), ("10:00:00", "02:00:00"), ("12:00:00", "02:00:00"),
        ("14:00:00", "02:00:00")]
    assert api.call("BusinessHour_GetList").json()["saturday"] == [{"fromHour": 8, "toHour": 12}]
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), NOW)
        techs = [r.id for r in ctx.table("technicians").rows() if r.active]
        today = shifts_of(ctx, None, NOW - timedelta(hours=12), NOW + timedelta(hours=12))
        normal = [s for s in today if s.get("shiftType") == "Normal"]
        assert {s.get("technicianId") for s in normal} == set(techs)
        zone = tenant_zone(ctx)
        assert {local(datetime.fromisoformat(s.get("start")), zone).hour for s in normal} == {8}
        past = shifts_of(ctx, techs[:1], NOW - timedelta(days=29), NOW - timedelta(days=28))
        future = shifts_of(ctx, techs[:1], NOW + timedelta(days=13), NOW + timedelta(days=14))
        assert past or future  # weekdays at both ends of the span
        kinds = {r.get("shiftType") for r in ctx.table("technician_shifts").rows()}
        assert kinds == {"Normal", "OnCall", "TimeOff"}
        away = non_job_appointments_of(ctx, None, NOW - timedelta(days=7), NOW + timedelta(days=14))
        assert any(a.get("removeTechnicianFromCapacityPlanning") for a in away)
    skills = api.call("TechnicianSkills_GetList", params={"pageSize": 500}).json()["data"]
    assert {"Drain Cleaning", "Water Heaters"} <= {s["name"] for s in skills}
    assert all(s["jobTypeIds"] for s in skills)
    assert len(api.call("Zone_GetList").json()["data"]) == 3
    assert len(api.call("Team_GetList").json()["data"]) == 6
