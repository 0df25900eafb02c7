"""Non-job appointments: a technician's meetings, shop time, training or time off, on the
dispatch board beside jobs. One with ``removeTechnicianFromCapacityPlanning`` takes its
technician out of capacity while it lasts (``schedule.non_job_appointments_of``).

Create and update need an active technician of the tenant, a name and a ``duration`` (a TimeSpan
of a second to a day). ``repeat`` expands the appointment into one row per occurrence
(``repeats``): ``frequency`` Daily, Weekly (on ``daysOfWeek``), Monthly or Yearly, every
``interval``; ``endType`` After ``countOccurrences``, On ``endOn`` (its day included) or Never,
which stops a year after the start. The create answers the first occurrence with the repeat
options as sent, ``frequency`` and ``endType`` as the numbers the document's result gives them
(Daily 0 … Yearly 3; Never 0, After 1, On 2). An update changes one occurrence only and ignores
the repeat options; a deleted appointment is not updated (409). Defaults: no timesheet code (0),
an empty summary, shown on the technician's schedule, nothing cleared, not all day, and the
technician stays in capacity planning. DELETE marks the appointment inactive.

The list: ``technicianId``, ``startsOnOrAfter``/``startsOnOrBefore`` (the start),
``timesheetCodeId``, ``showOnTechnicianSchedule``, ``ids``, the date filters, ``activeOnly``
(true unless asked); sort by Id, CreatedOn or ModifiedOn.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from mockst.api.listing import (
    PAGE_PARAMS,
    STANDARD_SORT,
    Filter,
    date_filters,
    equals,
    ids_filter,
    project,
    stamp_at_least,
    stamp_order,
    wire_instant,
)
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import INTEGRATION_USER, Problems, technician, timespan
from mockst.dispatch.models.non_job_appointments import (
    CreateNonJobAppointmentRequest,
    CreateNonJobAppointmentResult,
    DeleteNonJobAppointmentResult,
    GetNonJobAppointmentResponse,
    NonJobAppointmentResponse,
    NonJobAppointmentUpdateRequest,
    RepeatEndType,
    RepeatFrequency,
)
from mockst.dispatch.repeats import MAX_OCCURRENCES, RepeatError, occurrences, weekdays
from mockst.dispatch.schedule import DAY, NON_JOB_APPOINTMENTS, local, tenant_zone, timespan_text
from mockst.encoding import format_datetime
from mockst.errors import conflict, not_found
from mockst.store.table import Row

NON_JOB = Resource(
    family=FAMILY,
    path="/non-job-appointments",
    table=NON_JOB_APPOINTMENTS,
    scope="tn.dis.nonjobappointments",
    tag="NonJobAppointments",
    noun="Non-job appointment",
)
# Optional fields and what they are when a request leaves them out.
DEFAULTS: dict[str, Any] = {
    "timesheetCodeId": 0, "summary": "", "clearDispatchBoard": False,
    "clearTechnicianView": False, "removeTechnicianFromCapacityPlanning": False, "allDay": False,
    "showOnTechnicianSchedule": True,
}  # fmt: skip


def _fields(ctx: TenantContext, problems: Problems, body: CreateNonJobAppointmentRequest,
            current: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    seconds = timespan(problems, "duration", body.duration, low=1, high=DAY)
    data = {
        "technicianId": technician(ctx, problems, "technicianId", body.technicianId),
        "start": format_datetime(body.start),
        "name": problems.required_text("name", body.name),
        "duration": timespan_text(seconds),
    }
    for field, default in DEFAULTS.items():
        value = getattr(body, field)
        data[field] = value if value is not None else current.get(field, default)
    return data


def _last_day(zone: ZoneInfo, problems: Problems,
              body: CreateNonJobAppointmentRequest) -> dict[str, Any]:  # fmt: skip
    end_type = body.endType or RepeatEndType.NEVER
    if end_type is RepeatEndType.AFTER:
        count = body.countOccurrences
        if count is None or not 1 <= count <= MAX_OCCURRENCES:
            problems.add("countOccurrences", f"The countOccurrences must be between 1 and "
                         f"{MAX_OCCURRENCES} when the repeat ends after a number of them.")
        return {"count": count}
    if end_type is RepeatEndType.ON:
        if body.endOn is None:
            problems.add("endOn", "The endOn is required when the repeat ends on a date.")
            return {}
        return {"last": body.endOn.date()}
    try:  # Never: a year of occurrences
        return {"last": local(body.start, zone).date() + timedelta(days=365)}
    except OverflowError:
        return {"last": date.max}


def _starts(ctx: TenantContext, problems: Problems,
            body: CreateNonJobAppointmentRequest) -> list[Any]:  # fmt: skip
    if not body.repeat:
        return [body.start]
    if body.frequency is None:
        problems.add("frequency", "The frequency is required when the appointment repeats.")
        return []
    zone = tenant_zone(ctx)
    bounds = _last_day(zone, problems, body)
    if problems.errors:
        return []
    try:
        days = weekdays(body.daysOfWeek) if body.frequency is RepeatFrequency.WEEKLY else None
        return occurrences(body.start, zone, body.frequency.value, body.interval, days=days,
                           **bounds)
    except RepeatError as error:
        field = {"interval": "interval", "day of": "daysOfWeek"}
        problems.add(next((f for k, f in field.items() if k in str(error)), "endOn"), str(error))
        return []


def create_non_job_appointments(ctx: TenantContext,
                                body: CreateNonJobAppointmentRequest) -> list[Row]:  # fmt: skip
    """Every occurrence of a create request (the API, seeds, the control plane)."""
    problems = Problems()
    data = _fields(ctx, problems, body, {})
    starts = _starts(ctx, problems, body)
    if not starts and not problems.errors:
        problems.add("endOn", "The repeat has no occurrence before it ends.")
    problems.check()
    stored = {**data, "active": True, "createdById": INTEGRATION_USER}
    return [NON_JOB.insert(ctx, {**stored, "start": format_datetime(s)}) for s in starts]


def _create(call: Call) -> dict[str, Any]:
    body: CreateNonJobAppointmentRequest = call.body
    first = create_non_job_appointments(call, body)[0]
    result = project(first.data, CreateNonJobAppointmentResult)
    frequencies, end_types = list(RepeatFrequency), list(RepeatEndType)
    result.update({
        "repeat": body.repeat, "countOccurrences": body.countOccurrences,
        "interval": body.interval,
        "frequency": frequencies.index(body.frequency) if body.frequency else None,
        "endType": end_types.index(body.endType) if body.endType else None,
        "endOn": format_datetime(body.endOn) if body.endOn else None,
        "daysOfWeek": body.daysOfWeek or "",
    })  # fmt: skip
    return result


def _found(call: Call) -> Row:
    return NON_JOB.find(call, call.path["id"])


def _get(call: Call) -> dict[str, Any]:
    return project(_found(call).data, GetNonJobAppointmentResponse)


def _update(call: Call) -> dict[str, Any]:
    row = _found(call)
    if not row.active:
        raise conflict(f"Non-job appointment {row.id} was deleted.")
    problems = Problems()
    data = _fields(call, problems, call.body, row.data)
    problems.check()
    return project(NON_JOB.change(call, row, data).data, GetNonJobAppointmentResponse)


def _delete(call: Call) -> dict[str, Any]:
    row = _found(call)
    if not row.active:
        raise not_found(NON_JOB.noun, row.id)
    NON_JOB.change(call, row, {"active": False})
    return {"message": f"Non-job appointment {row.id} was deleted.", "id": row.id}


def _starts_before(row: Row, value: str) -> bool:
    return stamp_order(row.get("start")) <= value


FILTERS = (
    equals("technicianId", kind="int64"),
    Filter(Param("startsOnOrAfter", "datetime"), stamp_at_least("start"), wire_instant),
    Filter(Param("startsOnOrBefore", "datetime"), _starts_before, wire_instant),
    equals("timesheetCodeId", kind="int64"),
    Filter(Param("activeOnly", "bool"), lambda row, only: row.active or not only, default=True),
    Filter(Param("showOnTechnicianSchedule", "bool"),
           lambda row, shown: bool(row.get("showOnTechnicianSchedule")) == shown),
    *date_filters(),
    ids_filter(),
)  # fmt: skip
LIST_ORDER = (
    "technicianId", "startsOnOrAfter", "startsOnOrBefore", "timesheetCodeId", "activeOnly",
    "showOnTechnicianSchedule", "createdOnOrAfter", "createdBefore", "modifiedOnOrAfter",
    "modifiedBefore", "ids", *(p.name for p in PAGE_PARAMS), "sort",
)  # fmt: skip

OPERATIONS = [
    NON_JOB.operation(
        "NonJobAppointments_Get", "GET", _get, suffix="/{id}",
        summary="Get a non-job appointment", path_params=(ID,),
        response=One(GetNonJobAppointmentResponse), errors=(400, 404),
    ),
    NON_JOB.operation(
        "NonJobAppointments_Update", "PUT", _update, suffix="/{id}",
        summary="Update a non-job appointment", path_params=(ID,),
        body=NonJobAppointmentUpdateRequest, response=One(GetNonJobAppointmentResponse),
        errors=(400, 404, 409),
    ),
    NON_JOB.operation(
        "NonJobAppointments_Delete", "DELETE", _delete, suffix="/{id}",
        summary="Delete a non-job appointment", path_params=(ID,),
        response=One(DeleteNonJobAppointmentResult), errors=(400, 404),
    ),
    NON_JOB.list_op(
        "NonJobAppointments_GetList", NonJobAppointmentResponse,
        summary="List non-job appointments", filters=FILTERS, sort=STANDARD_SORT,
        order=LIST_ORDER,
    ),
    NON_JOB.operation(
        "NonJobAppointments_Create", "POST", _create,
        summary="Create a non-job appointment", body=CreateNonJobAppointmentRequest,
        response=One(CreateNonJobAppointmentResult),
    ),
]  # fmt: skip
