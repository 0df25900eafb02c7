"""The scheduling world for vendors' tests: the ``st_schedule`` fixture and the ``schedules``
strategy, used the way a vendor would use them (capacity read through the reference client)."""

from __future__ import annotations

from datetime import timedelta

import httpx
from hypothesis import HealthCheck, given, settings
from mockst_client import Scheduler, ServiceTitanClient
from mockst_contracts import strategies as sts
from mockst_contracts.provision import onboard
from mockst_contracts.schedule import ScheduleHandle, ScheduleSpec


def test_a_busy_week_leaves_only_the_frames_asked_for(st_tenant, st_schedule):
    ids = st_schedule.busy_week(open_frames={(1, 0), (3, 1)})
    with st_tenant.client() as st:
        plan = Scheduler(st)
        slots = plan.open_slots(plan.job_type("Drain Cleaning"), *st_schedule.window)
    assert [(s.start, s.end) for s in slots] == [st_schedule.frame(1, 0), st_schedule.frame(3, 1)]
    assert set(slots[0].technician_ids) == set(ids.technicians)
    assert len(ids.jobs) == 5 * 2 * 2 - 2 * 2  # every technician, every frame but two


def test_frames_follow_the_tenant_time_zone(st_tenant, st_schedule):
    st_schedule.load(days=2, time_zone="Pacific/Honolulu")
    start, end = st_schedule.frame(0, 0)  # 08:00 in Honolulu is 18:00 UTC
    assert (start.hour, end - start) == (18, timedelta(hours=4))
    with st_tenant.client() as st:
        plan = Scheduler(st)
        slots = plan.open_slots(plan.job_type("Drain Cleaning"), *st_schedule.window)
    assert slots[0].start == start and slots[0].wall_clock.endswith("T08:00:00Z")


@settings(max_examples=8, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=sts.schedules(days=3))
def test_generated_schedules_load_and_capacity_reads_them(mockst_server, spec: ScheduleSpec):
    with httpx.Client(base_url=mockst_server.base_url) as http:
        tenant = onboard(http, "generated schedule")  # a tenant per example: names repeat
    handle = ScheduleHandle(mockst_server.world, mockst_server.app.state.config,
                            tenant.tenant_id)  # fmt: skip
    ids = handle.load(spec, days=3)
    assert len(ids.jobs) == len(spec.booked) and len(ids.job_types) == len(spec.job_types)
    with ServiceTitanClient.from_env(tenant.env()) as st:
        answer = st.capacity.check(*(t.strftime("%Y-%m-%dT%H:%M:%SZ") for t in handle.window),
                                   business_unit_ids=ids.units, job_type_id=ids.job_types[0])
    staffed = {ids.units[unit] for _, unit in spec.technicians}
    rows = answer["availabilities"]
    low, high = handle.window  # frames are local; the window is UTC: count those inside it
    inside = [f for d in range(-1, 4) for w in range(len(spec.windows))
              if low <= (f := handle.frame(d, w))[0] and f[1] <= high]  # fmt: skip
    assert len(rows) == len(inside) * len(ids.units)
    for row in rows:
        crew = {t["id"] for t in row["technicians"]}
        assert crew <= set(ids.technicians)
        if row["businessUnitIds"][0] not in staffed:
            assert not row["isAvailable"] and not crew
