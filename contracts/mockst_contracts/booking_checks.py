"""The checks of the ``book-job`` task, judged from the journal and the jobs the run left.

They register in ``checks.CHECKS`` beside the others and run in every scenario; where no job
create was sent (the ``sync-and-book`` task) they end ``not-exercised``.

* ``appointment-times-utc``: each booked visit lies inside a capacity frame's
  ``startUtc``/``endUtc``; a visit at a frame's local ``start`` read as UTC is named as such.
* ``books-open-slots``: each create books a frame that the latest capacity answer covering it
  said was open (``isAvailable``, an ``Available`` technician), with technicians free in it.
* ``no-duplicate-job``: at most one job for the lead, and after a create that failed or lost its
  answer, a read of the jobs before another create (none at all is ``task-completed``'s).
* ``references-from-the-tenant``: every create's business unit, job type and campaign ids were
  read from the tenant's own lists earlier in the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mockst.encoding import TICKS_PER_SECOND, format_ticks, parse_ticks
from mockst_contracts.checks import Evidence, Outcome, RunContext, _ev, _result, check
from mockst_contracts.connector_output import error_lines
from mockst_contracts.journal import JournalEntry

HOUR = 3600 * TICKS_PER_SECOND


@dataclass(frozen=True)
class Frame:
    """One row of a capacity answer, its times in ticks."""

    entry: JournalEntry  # the answer it came in
    row: dict[str, Any]
    start: int  # startUtc
    end: int
    local_start: int  # "start" (the tenant's wall clock with a Z) read as UTC
    local_end: int

    @property
    def span(self) -> str:
        return f"{self.row['startUtc']}-{self.row['endUtc']}"

    def holds(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def holds_local(self, start: int, end: int) -> bool:
        """The visit sits in the frame's local times read as UTC: the time-zone trap."""
        moved = self.local_start != self.start
        return moved and self.local_start <= start and end <= self.local_end

    def free(self) -> set[int]:
        return {int(t["id"]) for t in self.row.get("technicians") or []
                if t.get("status") == "Available"}  # fmt: skip


def _ticks(text: Any) -> int | None:
    try:
        return parse_ticks(str(text))
    except (ValueError, TypeError):
        return None


def _frames(entry: JournalEntry) -> list[Frame]:
    body = entry.response_body if isinstance(entry.response_body, dict) else {}
    frames = []
    for row in body.get("availabilities") or []:
        times = [_ticks(row.get(k)) for k in ("startUtc", "endUtc", "start", "end")]
        if all(t is not None for t in times):
            frames.append(Frame(entry, row, *times))  # type: ignore[arg-type]
    return frames


def _capacity(ctx: RunContext, before: int | None = None) -> list[JournalEntry]:
    """Capacity answers (200) of the run, newest first, before entry ``before`` if given."""
    found = [e for e in ctx.api if e.operation_id == "Capacity_GetList" and e.status == 200
             and (before is None or e.id < before)]  # fmt: skip
    return found[::-1]


def _creates(ctx: RunContext) -> list[JournalEntry]:
    return [e for e in ctx.api if e.operation_id == "Jobs_Create" and e.method == "POST"]


def _visits(body: Any) -> Iterator[tuple[dict[str, Any], int, int]]:
    if not isinstance(body, dict):
        return
    for visit in body.get("appointments") or []:
        if isinstance(visit, dict):
            start, end = _ticks(visit.get("start")), _ticks(visit.get("end"))
            if start is not None and end is not None:
                yield visit, start, end


def _hours(ticks: int) -> str:
    """``9 h earlier`` / ``8 h later``: where the true frame is from what was booked."""
    return f"{abs(ticks) / HOUR:g} h {'earlier' if ticks < 0 else 'later'}"


def _made_by(ctx: RunContext, job_id: int) -> JournalEntry | None:
    creates = _creates(ctx)
    for e in creates:
        if isinstance(e.response_body, dict) and e.response_body.get("id") == job_id:
            return e
    return creates[-1] if creates else None


# -- appointment-times-utc -----------------------------------------------------------------------


@check(
    "appointment-times-utc",
    "Each booked appointment starts and ends inside a capacity frame's startUtc/endUtc, never "
    "at its local start/end read as UTC.",
    detail="Capacity's start/end are the tenant's wall clock written with a Z; only "
    "startUtc/endUtc are instants.",
)
def appointment_times_utc(ctx: RunContext) -> Outcome:
    frames = [f for e in _capacity(ctx) for f in _frames(e)]
    problems = []
    booked = [(job, visit) for job in ctx.jobs for visit in job["appointments"]]
    for job, visit in booked:
        start, end = parse_ticks(visit["start"]), parse_ticks(visit["end"])
        made = _made_by(ctx, job["job"]["id"])
        where = f"job {job['job']['id']}'s appointment {format_ticks(start)}-{format_ticks(end)}"
        if any(f.holds(start, end) for f in frames):
            continue
        trapped = next((f for f in frames if f.holds_local(start, end)), None)
        if trapped is not None:
            zone = f" ({ctx.time_zone})" if ctx.time_zone else ""
            note = (f"{where} is the frame's local start {trapped.row['start']} read as UTC; "
                    f"the frame is {trapped.span} in true UTC, {_hours(trapped.start - start)}"
                    f"{zone} (#{trapped.entry.id}): book startUtc/endUtc")  # fmt: skip
        elif frames:
            note = f"{where} lies in no frame that capacity answered in this run"
        else:
            note = f"{where} was booked without a capacity answer in this run"
        problems.append(Evidence(made.id if made else None, made.line() if made else "state",
                                 note))  # fmt: skip
    return _result(problems, bool(booked))


# -- books-open-slots -----------------------------------------------------------------------------


def _frame_for(ctx: RunContext, create: JournalEntry, unit: Any, start: int,
               end: int) -> Frame | None:  # fmt: skip
    """The frame the visit was meant for, in the latest capacity answer before the create that
    has one (by its true times, else by its local times read as UTC)."""
    for answer in _capacity(ctx, before=create.id):
        frames = _frames(answer)
        mine = [f for f in frames if unit in (f.row.get("businessUnitIds") or [])] or frames
        found = next((f for f in mine if f.holds(start, end)), None)
        found = found or next((f for f in mine if f.holds_local(start, end)), None)
        if found is not None:
            return found
    return None


@check(
    "books-open-slots",
    "Each job create books a frame that the latest capacity answer before it (that covers the "
    "frame) offered: isAvailable, with the booked technicians Available in it.",
    detail="Booking a frame capacity did not offer overbooks the tenant's technicians.",
)
def books_open_slots(ctx: RunContext) -> Outcome:
    problems = []
    judged = 0
    for create in _creates(ctx):
        body = create.request_body
        unit = body.get("businessUnitId") if isinstance(body, dict) else None
        for visit, start, end in _visits(body):
            judged += 1
            frame = _frame_for(ctx, create, unit, start, end)
            span = f"{format_ticks(start)}-{format_ticks(end)}"
            if frame is None:
                asked = "no capacity answer before it" if not _capacity(ctx, create.id) else (
                    "it lies in no frame of the capacity answers before it")  # fmt: skip
                problems.append(_ev(create, f"appointment {span}: {asked}; book a frame "
                                            "capacity offered"))  # fmt: skip
                continue
            free = frame.free()
            wanted = {int(t) for t in visit.get("technicianIds") or []}
            available = "true" if frame.row.get("isAvailable") else "false"
            if available == "false" or not free:
                problems.append(
                    _ev(
                        create,
                        (
                            f"appointment {span} is in frame {frame.span}, which "
                            f"#{frame.entry.id} gave isAvailable: {available} with "
                            f"openAvailability {frame.row.get('openAvailability')} h and "
                            f"{len(free)} Available technician(s): book a frame capacity offers"
                        ),
                    )
                )
            elif wanted - free:
                names = ", ".join(str(t) for t in sorted(wanted - free))
                problems.append(
                    _ev(
                        create,
                        (
                            f"technician(s) {names} booked in frame {frame.span} were not "
                            f"Available in #{frame.entry.id} (Available: {sorted(free)})"
                        ),
                    )
                )
    return _result(problems, bool(judged))


# -- no-duplicate-job -----------------------------------------------------------------------------


def _failed(e: JournalEntry) -> bool:
    return e.dropped or (e.status or 0) >= 500


@check(
    "no-duplicate-job",
    "One job for the lead: after a job create that failed or lost its answer, the connector "
    "reads the jobs (GET, answered 200) before creating again, and never ends with two.",
    detail="A create whose answer was lost may have been applied; ServiceTitan never merges "
    "duplicate jobs.",
)
def no_duplicate_job(ctx: RunContext) -> Outcome:
    problems = []
    creates = _creates(ctx)
    for failed in (c for c in creates if _failed(c)):
        again = next((c for c in creates if c.id > failed.id), None)
        if again is None:
            continue
        looked = any(e.method == "GET" and e.status == 200 and "/jpm/" in e.path
                     and "/jobs" in e.path and failed.id < e.id < again.id
                     for e in ctx.api)  # fmt: skip
        if not looked:
            why = "lost its answer" if failed.dropped else f"answered {failed.status}"
            problems.append(_ev(again, f"creates a job again after #{failed.id} {why}, without "
                                       "looking for it first (e.g. GET /jobs with the lead's "
                                       "externalData)"))  # fmt: skip
    if len(ctx.jobs) > 1:
        ids = ", ".join(str(j["job"]["id"]) for j in ctx.jobs)
        last = creates[-1] if creates else None
        problems.append(Evidence(last.id if last else None, last.line() if last else "state",
                                 f"{len(ctx.jobs)} jobs were made for the lead ({ids}); "
                                 "expected one: mark the job with your own id (externalData) "
                                 "and look it up by that before booking again"))  # fmt: skip
    return _result(problems, bool(creates))


# -- references-from-the-tenant -------------------------------------------------------------------

# Where each id may come from: the tenant's own lists (a job type's businessUnitIds count for the
# business unit: that is how a CSR's job type narrows the units).
SOURCES = {
    "businessUnitId": (("BusinessUnits_GetList", "id"), ("JobTypes_GetList", "businessUnitIds")),
    "jobTypeId": (("JobTypes_GetList", "id"),),
    "campaignId": (("Campaigns_GetList", "id"),),
}
LISTS = {"businessUnitId": "business units (/settings/v2/…/business-units)",
         "jobTypeId": "job types (/jpm/v2/…/job-types)",
         "campaignId": "campaigns (/marketing/v2/…/campaigns)"}  # fmt: skip


def _listed(entry: JournalEntry, key: str) -> set[Any]:
    body = entry.response_body if isinstance(entry.response_body, dict) else {}
    found: set[Any] = set()
    for row in body.get("data") or []:
        value = row.get(key) if isinstance(row, dict) else None
        found.update(value if isinstance(value, list) else [value])
    return found


def _seen_in(value: Any, key: str, body: Any) -> bool:
    if isinstance(body, dict):
        return body.get(key) == value or any(_seen_in(value, key, v) for v in body.values())
    if isinstance(body, list):
        return any(_seen_in(value, key, v) for v in body)
    return False


@check(
    "references-from-the-tenant",
    "Every job create's businessUnitId, jobTypeId and campaignId were read from the tenant's "
    "own lists earlier in the run.",
    detail="Ids differ per tenant; one configured or copied from another record breaks on the "
    "next tenant, or books under the wrong campaign.",
)
def references_from_the_tenant(ctx: RunContext) -> Outcome:
    problems = []
    creates = [c for c in _creates(ctx) if isinstance(c.request_body, dict)]
    for create in creates:
        earlier = [e for e in ctx.api if e.id < create.id and e.status == 200]
        for field, sources in SOURCES.items():
            value = create.request_body.get(field)
            if value is None:
                continue
            if any(value in _listed(e, key) for op, key in sources for e in earlier
                   if e.operation_id == op):  # fmt: skip
                continue
            seen = next((e for e in earlier if _seen_in(value, field, e.response_body)), None)
            where = f"; it was only seen in {seen.line()}" if seen is not None else ""
            problems.append(_ev(create, f"{field} {value} was not read from the tenant's "
                                        f"{LISTS[field]} in this run{where}"))  # fmt: skip
    return _result(problems, bool(creates))


# -- task-completed, for book-job -----------------------------------------------------------------


def booking_task_completed(ctx: RunContext) -> Outcome:
    """``task-completed`` of the ``book-job`` task: exit 0, one job of the service for the
    lead's customer at its address, one appointment with a technician."""
    problems = []
    if ctx.timed_out:
        problems.append(Evidence(None, "process", "did not finish within the timeout"))
    elif ctx.exit_code != 0:
        error = error_lines(ctx.stderr_tail)
        told = f": {error}" if error else " (nothing on stderr)"
        problems.append(Evidence(None, "process", f"exit status {ctx.exit_code}{told}"))
    lead = ctx.task.lead
    if not ctx.jobs:
        problems.append(Evidence(None, "state", "no job was booked for the lead"))
    for job in ctx.jobs[:1]:
        ident = job["job"]["id"]
        service = getattr(ctx.task, "service", "")
        if str(job.get("jobType") or "").lower() != service.lower():
            problems.append(Evidence(None, "state", f"job {ident} is a {job.get('jobType')!r} "
                                                    f"job, not {service!r}"))  # fmt: skip
        if str(job["customer"].get("name", "")).lower() != lead.name.lower():
            problems.append(
                Evidence(
                    None,
                    "state",
                    f"job {ident} is for {job['customer'].get('name')!r}, not {lead.name!r}",
                )
            )
        street = str((job["location"].get("address") or {}).get("street", "")).lower()
        wanted = str((getattr(lead, "address", None) or {}).get("street", "")).lower()
        if street != wanted:
            problems.append(Evidence(None, "state", f"job {ident}'s location is at {street!r}, "
                                                    f"not the lead's {wanted!r}"))  # fmt: skip
        visits = job["appointments"]
        if len(visits) != 1:
            problems.append(Evidence(None, "state", f"job {ident} has {len(visits)} live "
                                                    "appointments (expected 1)"))  # fmt: skip
        elif not visits[0]["technicianIds"]:
            problems.append(Evidence(None, "state", f"job {ident}'s appointment has no "
                                                    "technician"))  # fmt: skip
    return _result(problems, True)
