"""The calls of a seeded story: the phone traffic behind the tenant's jobs and bookings, and the
calls that came to nothing.

Most jobs were booked on a call from the customer's phone a few minutes before the job was made
(the call is the job's ``leadCallId``, marked ``Booked``, credited to the job's campaign, naming
the booking the job came from); half the bookings not booked into a job followed a call from the
booking's phone (the call names the booking, ``Unbooked``); the rest are calls of the last weeks
that booked nothing (unbooked, abandoned, not a lead, excused) and a few outbound calls. Inbound
calls ring a campaign's tracking number and a CSR answers. Runs once the rest of the story has
(jobs exist), in time order.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from mockst.encoding import parse_datetime
from mockst.jpm.job_records import JOBS
from mockst.seed.story import Story
from mockst.store.table import Row
from mockst.telecom.call_records import BOOKED, CALLS, create_call

MOST_OTHER_CALLS = 300
PHONES = ("Phone", "MobilePhone")
# (callType, weight, seconds range, has a reason worth a lead)
OTHER_KINDS = (
    ("Unbooked", 40, (60, 420), True),
    ("NotLead", 25, (30, 240), False),
    ("Abandoned", 20, (0, 0), None),
    ("Excused", 10, (45, 300), True),
    (None, 5, (20, 180), None),  # not classified yet
)
EXCUSES = ("Customer will call back after checking schedule.", "Price shopping.", "")


def populate(story: Story) -> None:
    story.after_events(lambda: _run(story))


def _sorted(tenant: Any, table: str, keep: Any = bool) -> list[Row]:
    return [r for r in sorted(tenant.table(table).rows(), key=lambda r: r.id) if keep(r)]


def _run(story: Story) -> None:
    builder = story.builder
    tenant = builder.tenant
    rng = builder.rng
    phones: dict[int, str] = {}
    for contact in _sorted(tenant, "customer_contacts", lambda r: r.get("type") in PHONES):
        phones.setdefault(contact.get("customerId"), contact.get("value"))
    campaigns = _sorted(tenant, "campaigns", lambda r: r.active and r.get("campaignPhoneNumbers"))
    agents = _sorted(tenant, "employees", lambda r: "CSR" in (r.get("positions") or []))
    reasons = _sorted(tenant, "call_reasons", lambda r: r.active)
    if not (campaigns and agents and reasons and phones):
        return
    leads = [r for r in reasons if r.get("isLead")] or reasons
    others = [r for r in reasons if not r.get("isLead")] or reasons
    events: list[tuple[datetime, int, dict[str, Any], Row | None]] = []

    def number(campaign: Row) -> str:
        return campaign.get("campaignPhoneNumbers")[0]

    def by_id(rows: list[Row], ident: Any) -> Row:
        return next((r for r in rows if r.id == ident), rows[0])

    for job in _sorted(tenant, "jobs"):
        if job.get("customerId") not in phones or rng.random() > 0.7:
            continue
        booked = parse_datetime(job.get("createdOn"))
        seconds = rng.randint(150, 600)
        campaign = by_id(campaigns, job.get("campaignId"))
        fields = {"from": phones[job.get("customerId")], "to": number(campaign),
                  "customerId": job.get("customerId"), "locationId": job.get("locationId"),
                  "campaignId": job.get("campaignId"), "callType": BOOKED,
                  "reasonId": rng.choice(leads).id, "agentId": rng.choice(agents).id,
                  "seconds": seconds, "bookingId": job.get("bookingId")}  # fmt: skip
        events.append((booked - timedelta(seconds=seconds + 60), job.id, fields, None))
        events.append((booked, job.id, {}, job))
    booking_phones: dict[int, str] = {}
    for contact in _sorted(tenant, "booking_contacts", lambda r: r.get("type") in PHONES):
        booking_phones.setdefault(contact.get("bookingId"), contact.get("value"))
    for booking in _sorted(tenant, "bookings", lambda r: r.get("jobId") is None):
        phone = booking_phones.get(booking.id)
        if phone is None or rng.random() > 0.5:
            continue
        seconds = rng.randint(90, 420)
        campaign = by_id(campaigns, booking.get("campaignId"))
        fields = {"from": phone, "to": number(campaign), "campaignId": campaign.id,
                  "bookingId": booking.id, "callType": "Unbooked", "seconds": seconds,
                  "reasonId": rng.choice(leads).id, "agentId": rng.choice(agents).id}  # fmt: skip
        taken = parse_datetime(booking.get("createdOn"))
        events.append((taken - timedelta(seconds=seconds + 30), -booking.id, fields, None))
    start = max(story.history_start, story.now - timedelta(days=45))
    customers = sorted(phones)
    for index in range(min(max(len(customers) // 2, 8), MOST_OTHER_CALLS)):
        kind, _, (low, high), lead = rng.choices(OTHER_KINDS, [k[1] for k in OTHER_KINDS])[0]
        customer = rng.choice(customers) if rng.random() < 0.6 else None
        caller = phones[customer] if customer else f"(512) 555-{rng.randint(2000, 9999)}"
        campaign = rng.choice(campaigns)
        outbound = customer is not None and rng.random() < 0.1
        fields = {"from": caller, "to": number(campaign), "customerId": customer,
                  "campaignId": campaign.id, "callType": kind, "seconds": rng.randint(low, high),
                  "agentId": rng.choice(agents).id if high else None,
                  "reasonId": None if lead is None else rng.choice(leads if lead else others).id,
                  "hasVoicemail": kind == "Abandoned" and rng.random() < 0.5}  # fmt: skip
        if kind == "Excused":
            fields["excuseMemo"] = rng.choice(EXCUSES)
        if outbound:
            fields.update({"from": number(campaign), "to": caller, "direction": "Outbound",
                           "callType": None, "reasonId": None})  # fmt: skip
        events.append(
            (builder.instant(start, story.now - timedelta(hours=1)), -index, fields, None)
        )
    made: dict[int, Row] = {}  # job id -> the call that booked it
    count = 0
    for when, order, fields, job in sorted(events, key=lambda e: (e[0], e[1], e[3] is not None)):
        builder.clock = min(when, story.now)
        if job is not None:
            _booked_on(builder, made[job.id], job)
            continue
        fields["sid"] = "CA" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
        made[order] = create_call(builder.ctx(), fields)
        count += 1
    builder.clock = story.now
    builder.count("calls", count)


def _booked_on(builder: Any, call: Row, job: Row) -> None:
    """Link the call and the job it booked, when the job was booked. The job was made with the
    call in hand, so its ``leadCallId`` is written without moving its ``modifiedOn`` (the job
    seed has already walked it further)."""
    CALLS.change(builder.ctx(), call, {"jobId": job.id})
    jobs = builder.tenant.table(JOBS.table)
    changed = parse_datetime(jobs.get(job.id).get("modifiedOn"))
    jobs.update(job.id, {"leadCallId": call.id}, changed)
