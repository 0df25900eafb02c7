"""The jobs of a seeded story: a month of work behind ``now`` and two weeks booked ahead.

Past jobs were booked a few days before their visit; most were worked and completed (a technician
dispatched, arriving at the start, done at the end), some canceled with a reason, a few left on
hold. Jobs ahead are scheduled with a technician of the job type's business unit; a few of them
came from the tenant's new bookings (which become ``Converted``). Everything is written through
``job_booking`` and ``job_actions``, so seeded jobs obey the rules the API keeps, and runs once the
rest of the story has (customers, bookings and technicians exist), in time order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from mockst.encoding import TICKS_PER_SECOND, instant, ticks_of
from mockst.jpm import job_actions
from mockst.jpm.job_booking import book_job
from mockst.jpm.job_logs import create_custom_field_type
from mockst.jpm.models.jobs import JobCreateRequest
from mockst.seed.story import Story
from mockst.store.table import Row

MOST_JOBS = 240
CUSTOM_FIELDS = (("Gate Code", "Text", None), ("Pets On Site", "Dropdown", ["None", "Dog", "Cat"]))
CANCEL_MEMOS = ("Customer called to cancel.", "Booked with another company.", "Rescheduling later.")
HOLD_MEMOS = ("Waiting on a part from the supplier.", "Customer asked to wait for approval.")


def populate(story: Story) -> None:
    builder = story.builder
    jobs = min(max(story.customers // 6, 6), MOST_JOBS)
    plans = [_draw(story, index, jobs) for index in range(jobs)]
    story.after_events(lambda: _run(story, plans))
    builder.at(story.setup, lambda: [create_custom_field_type(builder.ctx(), *kind)
                                     for kind in CUSTOM_FIELDS])  # fmt: skip
    builder.count("job_custom_field_types", len(CUSTOM_FIELDS))


def _draw(story: Story, index: int, jobs: int) -> dict[str, Any]:
    """Everything random about one job, drawn up front so the story stays reproducible."""
    rng = story.builder.rng
    ahead = index >= jobs * 3 // 5
    day = story.now.replace(hour=0, minute=0, second=0, microsecond=0)
    offset = rng.randint(1, 14) if ahead else -rng.randint(1, 30)
    start = day + timedelta(days=offset, hours=rng.choice((15, 16, 17, 19, 20, 21)))
    booked = start - timedelta(days=rng.randint(1, 6), hours=rng.randint(1, 5))
    fate = "scheduled" if ahead else rng.choices(("completed", "canceled", "hold"), (75, 17, 8))[0]
    return {
        "start": start, "booked": min(booked, story.now - timedelta(hours=1)), "fate": fate,
        "picks": [rng.random() for _ in range(5)], "priority": rng.choices(
            ("Normal", "High", "Urgent", "Low"), (70, 15, 8, 7))[0],
        "from_booking": ahead and rng.random() < 0.3, "memo": rng.random(),
    }  # fmt: skip


def _pick(rows: list[Row], draw: float) -> Row:
    return rows[int(draw * len(rows))]


def _rows(tenant: Any, table: str, keep: Callable[[Row], Any] = bool) -> list[Row]:
    return [r for r in sorted(tenant.table(table).rows(), key=lambda r: r.id) if keep(r)]


def _run(story: Story, plans: list[dict[str, Any]]) -> None:
    builder = story.builder
    tenant = builder.tenant
    locations = _rows(tenant, "locations")
    job_types = _rows(tenant, "job_types", lambda r: r.active and r.get("businessUnitIds"))
    campaigns = _rows(tenant, "campaigns", lambda r: r.active)
    technicians = _rows(tenant, "technicians", lambda r: r.active)
    bookings = _rows(tenant, "bookings",
                     lambda r: r.get("status") == "New" and r.get("jobId") is None)  # fmt: skip
    if not (locations and job_types and campaigns and technicians):
        return
    events: list[tuple[datetime, int, Callable[[], None]]] = []
    for number, plan in enumerate(plans):
        location = _pick(locations, plan["picks"][0])
        job_type = _pick(job_types, plan["picks"][1])
        units = job_type.get("businessUnitIds")
        unit = units[int(plan["picks"][2] * len(units))]
        crew = [t for t in technicians if t.get("businessUnitId") == unit] or technicians
        tech = _pick(crew, plan["picks"][3])
        minutes = max(int(job_type.get("duration") or 3600) // 60, 30)
        end = plan["start"] + timedelta(minutes=minutes)
        booking = bookings.pop(0) if plan["from_booking"] and bookings else None
        body = {
            "customerId": location.get("customerId"), "locationId": location.id,
            "businessUnitId": unit, "jobTypeId": job_type.id, "priority": plan["priority"],
            "campaignId": _pick(campaigns, plan["picks"][4]).id,
            "bookingId": booking.id if booking is not None else None,
            "appointments": [{
                "start": plan["start"], "end": end, "arrivalWindowStart": plan["start"],
                "arrivalWindowEnd": plan["start"] + timedelta(hours=2),
                "technicianIds": [tech.id]}],
        }  # fmt: skip
        _plan_job(story, events, number, plan, body, end)
    events.sort(key=lambda event: (event[0], event[1]))
    for when, _, step in events:
        # up to a minute of ticks: stamps carry ticks as production's do, and one
        # job's steps (minutes apart) keep their order
        jitter = builder.rng.randrange(1, TICKS_PER_SECOND * 60)
        builder.clock = min(instant(ticks_of(when) + jitter), story.now)
        step()
    builder.count("jobs", len(plans))


def _plan_job(story: Story, events: list[Any], number: int, plan: dict[str, Any],
              body: dict[str, Any], end: datetime) -> None:  # fmt: skip
    builder = story.builder
    made: dict[str, Row] = {}
    order = number * 10  # keeps one job's steps in order when two share an instant

    def book() -> None:
        request = JobCreateRequest.model_validate(body)
        made["job"] = book_job(builder.bare_call(), request)

    def field(step: str) -> Callable[[], None]:
        def run() -> None:
            ctx = builder.ctx()
            appointment = ctx.table("appointments").get(made["job"].get("appointmentIds")[0])
            job_actions.field_step(ctx, appointment, step, None)

        return run

    def finish() -> None:
        ctx = builder.ctx()
        job = ctx.table("jobs").get(made["job"].id)
        fate = plan["fate"]
        if fate == "completed":
            job_actions.complete(ctx, job)
        elif fate == "canceled":
            reasons = [r for r in ctx.table("job_cancel_reasons").rows() if r.active]
            memo = CANCEL_MEMOS[int(plan["memo"] * len(CANCEL_MEMOS))]
            job_actions.cancel(ctx, job, _pick(sorted(reasons, key=lambda r: r.id),
                                               plan["memo"]).id, memo)  # fmt: skip
        elif fate == "hold":
            reasons = [r for r in ctx.table("job_hold_reasons").rows() if r.active]
            appointment = ctx.table("appointments").get(job.get("appointmentIds")[0])
            memo = HOLD_MEMOS[int(plan["memo"] * len(HOLD_MEMOS))]
            job_actions.hold(ctx, appointment, _pick(sorted(reasons, key=lambda r: r.id),
                                                     plan["memo"]).id, memo)  # fmt: skip

    events.append((plan["booked"], order, book))
    if plan["fate"] == "completed":
        events.append((plan["start"] - timedelta(minutes=40), order + 1, field("dispatch")))
        events.append((plan["start"], order + 2, field("arrive")))
        events.append((end, order + 3, field("done")))
        events.append((end + timedelta(minutes=5), order + 4, finish))
    elif plan["fate"] != "scheduled":
        events.append((min(plan["start"] - timedelta(hours=3), story.now), order + 4, finish))

