"""The stage of a ``book-job`` scenario: the tenant's time zone, its scheduling world, the window.

The window starts the day after the simulator's "now" (UTC) and lasts ``DAYS`` days; shifts cover
it with a day either side. ``busy-week`` books every technician in every frame but ``OPEN``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, timedelta

from mockst.config import Config
from mockst.identity.service import get_tenant, set_time_zone
from mockst.store.world import World
from mockst_contracts.booking_task import BookJobTask, make_booking_task
from mockst_contracts.provision import Tenant
from mockst_contracts.scenarios import Scenario
from mockst_contracts.schedule import Booked, ScheduleSpec, busy, load_schedule

DAYS = 5
OPEN = frozenset({(2, 1), (4, 0)})  # (day, window) left open in busy-week


@dataclass(frozen=True)
class BookingStage:
    first: date
    days: int
    time_zone: str
    counts: dict[str, int]

    def task(self, scenario: str, run: int, seed: int) -> BookJobTask:
        return make_booking_task(scenario, run, seed, self.first, self.days)


def stage_booking(world: World, config: Config, tenant: Tenant, scenario: Scenario) -> BookingStage:
    if scenario.time_zone:
        set_time_zone(world, tenant.tenant_id, scenario.time_zone)
    first = (world.clock.now().astimezone(UTC) + timedelta(days=1)).date()
    # a tenant already has work on the books: two visits, leaving their frames open
    spec = ScheduleSpec(booked=[Booked(0, 1, 0), Booked(3, 0, 1)])
    if scenario.busy:
        spec = busy(spec, DAYS, set(OPEN))
    load_schedule(world, tenant.tenant_id, spec, first, DAYS, config)
    zone = get_tenant(world, tenant.tenant_id).time_zone
    return BookingStage(first, DAYS, zone, spec.counts())
