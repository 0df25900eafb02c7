"""Technician shifts: when each technician works (Normal), is on call (OnCall) or is off
(TimeOff). Capacity reads them through ``schedule.shifts_of``.

A create makes one shift per technician named (active technicians of the tenant, 400 naming the
item otherwise) and, with ``repeatType`` Daily or Weekly, one per occurrence (``repeats``) up to
and including the day of ``repeatEndDate`` (required then), every ``repeatInterval`` days or weeks,
a weekly one on the ``shiftDays`` named ("Monday, Wednesday"; else the start's weekday). A shift
ends after it starts and lasts at most a day, so it may go overnight. ``created`` is false when the
repeat has no occurrence. PATCH changes the fields sent (the same rules on the result); DELETE
marks the shift inactive; bulk delete does so to every active shift lying wholly between ``start``
and ``end``.

The list: ``startsOnOrAfter``/``endsOnOrBefore`` bound the shift's times, ``shiftType``,
``technicianId``, ``titleContains``/``noteContains`` (any case), ``active`` (only active unless
asked), the date filters; sort by Id, CreatedOn or ModifiedOn.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from mockst.api.listing import (
    ACTIVE,
    PAGE_PARAMS,
    STANDARD_SORT,
    Filter,
    active_filter,
    contains,
    date_filters,
    project,
    stamp_at_least,
    stamp_order,
    wire_instant,
)
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param, enum_param
from mockst.api.resource import ID, Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import Problems, technicians
from mockst.dispatch.models.technician_shifts import (
    BulkDeleteTechnicianShiftRequest,
    BulkDeleteTechnicianShiftResult,
    CreateTechnicianShiftRequest,
    DeleteTechnicianShiftResult,
    ShiftRepeatType,
    ShiftType,
    TechnicianShiftCreateResponse,
    TechnicianShiftResponse,
    TechnicianShiftUpdateResponse,
    UpdateTechnicianShiftRequest,
)
from mockst.dispatch.repeats import RepeatError, occurrences, weekdays
from mockst.dispatch.schedule import SHIFTS, tenant_zone
from mockst.encoding import format_datetime, parse_datetime
from mockst.errors import not_found
from mockst.store.table import Row

TECHNICIAN_SHIFTS = Resource(
    family=FAMILY,
    path="/technician-shifts",
    table=SHIFTS,
    scope="tn.dis.technicianshifts",
    tag="TechnicianShifts",
    noun="Technician shift",
)
LONGEST = timedelta(days=1)


def show(row: Row) -> dict[str, Any]:
    return project(row.data, TechnicianShiftResponse)


def _check_times(problems: Problems, start: datetime, end: datetime) -> None:
    if end <= start:
        problems.add("end", "The end must be after the start.")
    elif end - start > LONGEST:
        problems.add("end", "A shift lasts at most 24 hours.")


def _starts(ctx: TenantContext, problems: Problems,
            body: CreateTechnicianShiftRequest) -> list[datetime]:  # fmt: skip
    if body.repeatType is ShiftRepeatType.NEVER:
        return [body.start]
    if body.repeatEndDate is None:
        problems.add("repeatEndDate", "The repeatEndDate is required when the shift repeats.")
        return []
    try:
        days = weekdays(body.shiftDays) if body.repeatType is ShiftRepeatType.WEEKLY else None
        return occurrences(body.start, tenant_zone(ctx), body.repeatType.value,
                           body.repeatInterval, days=days, last=body.repeatEndDate.date())
    except RepeatError as error:
        field = "shiftDays" if "day of the week" in str(error) else "repeatEndDate"
        problems.add("repeatInterval" if "interval" in str(error) else field, str(error))
        return []


def create_shifts(ctx: TenantContext, body: CreateTechnicianShiftRequest) -> list[Row]:
    """The shifts of a create request (the API, seeds, the control plane)."""
    problems = Problems()
    if not body.technicianIds:
        problems.add("technicianIds", "At least one technician is required.")
    ids = technicians(ctx, problems, "technicianIds", body.technicianIds)
    title = problems.required_text("title", body.title)
    _check_times(problems, body.start, body.end)
    starts = _starts(ctx, problems, body)
    problems.check()
    length = body.end - body.start
    latest = datetime.max.replace(tzinfo=UTC) - length  # an occurrence ending after 9999 is none
    starts = [start for start in starts if start <= latest]
    rows = []
    for technician in ids:
        for start in starts:
            rows.append(TECHNICIAN_SHIFTS.insert(ctx, {
                "shiftType": body.shiftType.value, "title": title, "note": body.note,
                "active": True, "technicianId": technician, "start": format_datetime(start),
                "end": format_datetime(start + length), "timesheetCodeId": body.timesheetCodeId,
            }))  # fmt: skip
    return rows


def _create(call: Call) -> dict[str, Any]:
    rows = create_shifts(call, call.body)
    return {"created": bool(rows), "technicianShifts": [show(row) for row in rows]}


def _update(call: Call) -> dict[str, Any]:
    body: UpdateTechnicianShiftRequest = call.body
    row = TECHNICIAN_SHIFTS.find(call, call.path["id"])
    sent = body.model_fields_set
    problems = Problems()
    changes = body.model_dump(include=sent, mode="json")
    if "title" in sent:
        changes["title"] = problems.required_text("title", body.title)
    for field in ("shiftType",):
        if field in sent and getattr(body, field) is None:
            problems.add(field, f"The {field} must not be null.")
    for field in ("start", "end"):
        if field in sent:
            if getattr(body, field) is None:
                problems.add(field, f"The {field} must not be null.")
            else:
                changes[field] = format_datetime(getattr(body, field))
    problems.check()
    start = parse_datetime(changes.get("start") or row.get("start"))
    end = parse_datetime(changes.get("end") or row.get("end"))
    _check_times(problems, start, end)
    problems.check()
    return {"technicianShifts": [show(TECHNICIAN_SHIFTS.change(call, row, changes))]}


def _get(call: Call) -> dict[str, Any]:
    return show(TECHNICIAN_SHIFTS.find(call, call.path["id"]))


def _delete(call: Call) -> dict[str, Any]:
    row = TECHNICIAN_SHIFTS.find(call, call.path["id"])
    if not row.active:
        raise not_found(TECHNICIAN_SHIFTS.noun, row.id)
    TECHNICIAN_SHIFTS.change(call, row, {"active": False})
    return {"message": f"Technician shift {row.id} was deleted.", "id": row.id}


def _bulk_delete(call: Call) -> dict[str, Any]:
    body: BulkDeleteTechnicianShiftRequest = call.body
    problems = Problems()
    if body.end <= body.start:
        problems.add("end", "The end must be after the start.")
    problems.check()
    low, high = wire_instant(body.start), wire_instant(body.end)
    deleted = []
    for row in list(call.table(SHIFTS).rows()):
        if row.active and stamp_order(row.get("start")) >= low and stamp_order(
            row.get("end")) <= high:  # fmt: skip
            TECHNICIAN_SHIFTS.change(call, row, {"active": False})
            deleted.append(row.id)
    return {"message": f"{len(deleted)} technician shifts were deleted.", "deletedIds": deleted}


FILTERS = (
    Filter(Param("startsOnOrAfter", "datetime"), stamp_at_least("start"), wire_instant),
    Filter(Param("endsOnOrBefore", "datetime"),
           lambda row, value: stamp_order(row.get("end")) <= value, wire_instant),
    Filter(enum_param("shiftType", ShiftType), lambda row, value: row.get("shiftType") == value),
    Filter(Param("technicianId", "int64"), lambda row, value: row.get("technicianId") == value),
    contains("titleContains", "title"),
    contains("noteContains", "note"),
    active_filter(ACTIVE.enum_name or "ActiveRequestArg"),
    *date_filters(),
)  # fmt: skip
LIST_ORDER = (
    "startsOnOrAfter", "endsOnOrBefore", "shiftType", "technicianId", "titleContains",
    "noteContains", *(p.name for p in PAGE_PARAMS), "active", "createdBefore", "createdOnOrAfter",
    "modifiedBefore", "modifiedOnOrAfter", "sort",
)  # fmt: skip

OPERATIONS = [
    TECHNICIAN_SHIFTS.list_op(
        "TechnicianShifts_GetList", TechnicianShiftResponse,
        summary="List technician shifts", filters=FILTERS, sort=STANDARD_SORT, order=LIST_ORDER,
    ),
    TECHNICIAN_SHIFTS.operation(
        "TechnicianShifts_Create", "POST", _create,
        summary="Create technician shifts", body=CreateTechnicianShiftRequest,
        response=One(TechnicianShiftCreateResponse),
    ),
    TECHNICIAN_SHIFTS.operation(
        "TechnicianShifts_Get", "GET", _get, suffix="/{id}",
        summary="Get a technician shift", path_params=(ID,),
        response=One(TechnicianShiftResponse), errors=(400, 404),
    ),
    TECHNICIAN_SHIFTS.operation(
        "TechnicianShifts_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a technician shift", path_params=(ID,),
        body=UpdateTechnicianShiftRequest, response=One(TechnicianShiftUpdateResponse),
        errors=(400, 404),
    ),
    TECHNICIAN_SHIFTS.operation(
        "TechnicianShifts_Delete", "DELETE", _delete, suffix="/{id}",
        summary="Delete a technician shift", path_params=(ID,),
        response=One(DeleteTechnicianShiftResult), errors=(400, 404),
    ),
    TECHNICIAN_SHIFTS.operation(
        "TechnicianShifts_BulkDelete", "POST", _bulk_delete, suffix="/bulk-delete",
        summary="Delete the technician shifts of a time range",
        body=BulkDeleteTechnicianShiftRequest, response=One(BulkDeleteTechnicianShiftResult),
    ),
]  # fmt: skip
