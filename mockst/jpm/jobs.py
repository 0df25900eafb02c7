"""Jobs: booked, read, listed, updated, canceled and restored (rules: ``job_booking`` for
create, ``job_actions`` for cancel, ``job_records`` for status and counters).

``PATCH`` changes what it sends; ``customFields`` and ``tagTypeIds`` replace the whole list (the
document says omitted ones are removed); external data follows ``patchMode`` as on customers. A
changed customer, location, business unit, job type or campaign is checked as on create. Status
is never set by PATCH.

The list: every documented filter. ``appointmentStatus``, ``appointmentStarts…`` and
``technicianId`` match a job by any of its appointments, ``firstAppointmentStarts…`` by its
earliest; ``tagTypeIds``, ``estimateIds`` and ``equipmentIds`` keep a job with at least one of the
ids; ``priority`` and ``number`` compare whole values in any case; sort by Id, ModifiedOn,
CreatedOn or Priority.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    STANDARD_SORT,
    Filter,
    date_filters,
    equals,
    ids_filter,
    page_of,
    stamp_at_least,
    stamp_before,
    stamp_order,
    wire_instant,
)
from mockst.api.operation import Call, Empty, One, Page
from mockst.api.params import Param, enum_param, parse_id_list
from mockst.api.resource import ID
from mockst.crm.customer_records import Problems, check_tag_types, external_data_updated
from mockst.crm.record_lists import EXTERNAL_DATA_FILTER, external_data_query, list_query
from mockst.jpm import job_actions
from mockst.jpm.job_booking import _references, book_job, check_custom_fields, check_priority
from mockst.jpm.job_records import APPOINTMENTS, JOBS, assigned, render_job
from mockst.jpm.models.jobs import (
    CancelJobRequest,
    JobAppointmentStatus,
    JobCreateRequest,
    JobResponse,
    JobStatus,
    UpdateJobRequest,
)
from mockst.store.table import Row

GUID = Param("externalDataApplicationGuid", "guid")
SORT = {**STANDARD_SORT, "Priority": "priority"}


def show(call: Call, row: Row, guid: str | None = None) -> dict[str, Any]:
    return render_job(row.data, JobResponse, guid)


def _create(call: Call) -> dict[str, Any]:
    body: JobCreateRequest = call.body
    guid = str(body.externalData.applicationGuid) if body.externalData else None
    return show(call, book_job(call, body), guid)


def _get(call: Call) -> dict[str, Any]:
    return show(call, JOBS.find(call, call.path["id"]), call.query.get(GUID.name))


UPDATABLE = ("customerId", "locationId", "businessUnitId", "jobTypeId", "campaignId")


def _update(call: Call) -> dict[str, Any]:
    body: UpdateJobRequest = call.body
    row = JOBS.find(call, call.path["id"])
    sent = body.model_fields_set
    problems = Problems()
    changes: dict[str, Any] = {k: getattr(body, k) for k in UPDATABLE if k in sent
                               and getattr(body, k) is not None}  # fmt: skip
    if changes:  # checked as on create, against the job as it would be
        merged = {**{k: row.get(k) for k in UPDATABLE}, **changes}
        probe = JobCreateRequest.model_construct(**merged, projectId=None)
        _references(call, problems, probe)
    if "priority" in sent and body.priority is not None:
        changes["priority"] = check_priority(problems, body.priority)
    if "tagTypeIds" in sent:
        changes["tagTypeIds"] = check_tag_types(call, problems, "tagTypeIds", body.tagTypeIds)
    if "customFields" in sent:
        changes["customFields"] = check_custom_fields(call, problems, body.customFields)
    if "externalData" in sent and body.externalData is not None:
        changes["externalDataByApp"] = external_data_updated(
            problems, "externalData", row.get("externalDataByApp") or {}, body.externalData
        )
    for field in ("summary", "customerPo", "soldById", "isAutoDispatched", "summaryOfWork",
                  "noCharge", "jobGeneratedLeadSource"):  # fmt: skip
        if field in sent:
            value = getattr(body, field)
            changes[field] = value.model_dump() if hasattr(value, "model_dump") else value
    problems.check()
    guid = str(body.externalData.applicationGuid) if body.externalData else None
    return show(call, JOBS.change(call, row, changes) if changes else row, guid)


def _cancel(call: Call) -> None:
    body: CancelJobRequest = call.body
    job_actions.cancel(call, JOBS.find(call, call.path["id"]), body.reasonId, body.memo)


def _remove_cancellation(call: Call) -> None:
    job_actions.remove_cancellation(call, JOBS.find(call, call.path["id"]))


# -- the list ------------------------------------------------------------------------------------


def _jobs_with(match: Any) -> Any:
    """A filter's prepare: the ids of jobs with an appointment that ``match(appointment, value)``
    (a set, so the list is not kept as a page: it depends on another table)."""

    def prepare(value: Any, call: Call) -> set[int]:
        rows = call.table(APPOINTMENTS.table).rows()
        return {a.get("jobId") for a in rows if match(a, value)}

    return prepare


def _first_starts(test: Any) -> Any:
    def prepare(value: Any, call: Call) -> set[int]:
        wanted = wire_instant(value)
        found: set[int] = set()
        appointments = call.table(APPOINTMENTS.table)
        for job in call.table(JOBS.table).rows():
            ids = job.get("appointmentIds") or []
            first = appointments.get(ids[0]) if ids else None
            if first is not None and test(stamp_order(first.get("start")), wanted):
                found.add(job.id)
        return found

    return prepare


def _any_of(field: str) -> Filter:
    def prepare(value: Any, call: Call) -> set[int] | None:
        ids = parse_id_list(field, value, call.config.max_ids)
        return set(ids) if ids is not None else None

    return Filter(Param(field, "string"), lambda row, ids: bool(ids & set(row.get(field) or [])),
                  prepare)  # fmt: skip


def _among(row: Row, ids: set[int]) -> bool:
    return row.id in ids


def _status_is(appointment: Row, value: str) -> bool:
    return appointment.get("status") == value


def _technician_is(appointment: Row, value: int) -> bool:
    return any(a["technicianId"] == value for a in assigned(appointment))


def _starts(compare: Any) -> Any:
    return lambda appointment, value: compare(stamp_order(appointment.get("start")),
                                              wire_instant(value))


def _int(name: str, field: str | None = None) -> Filter:
    return equals(name, field, "int64")


LIST_FILTERS = (
    ids_filter(),
    equals("number", "jobNumber"),
    _int("projectId"),
    _int("bookingId"),
    Filter(enum_param("jobStatus", JobStatus), lambda row, value: row.get("jobStatus") == value),
    Filter(enum_param("appointmentStatus", JobAppointmentStatus), _among,
           _jobs_with(_status_is)),
    equals("priority"),
    Filter(Param("firstAppointmentStartsOnOrAfter", "datetime"), _among,
           _first_starts(lambda have, want: have >= want)),
    Filter(Param("firstAppointmentStartsBefore", "datetime"), _among,
           _first_starts(lambda have, want: have < want)),
    Filter(Param("appointmentStartsOnOrAfter", "datetime"), _among,
           _jobs_with(_starts(lambda have, want: have >= want))),
    Filter(Param("appointmentStartsBefore", "datetime"), _among,
           _jobs_with(_starts(lambda have, want: have < want))),
    Filter(Param("technicianId", "int64"), _among, _jobs_with(_technician_is)),
    _int("customerId"),
    _int("locationId"),
    _int("soldById"),
    _int("jobTypeId"),
    _int("campaignId"),
    _int("businessUnitId"),
    _int("invoiceId"),
    _int("createdFromEstimateId"),
    _any_of("estimateIds"),
    *date_filters(),
    Filter(Param("completedOnOrAfter", "datetime"), stamp_at_least("completedOn"), wire_instant),
    Filter(Param("completedBefore", "datetime"),
           lambda row, value: row.get("completedOn") is not None
           and stamp_before("completedOn")(row, value), wire_instant),
    _any_of("tagTypeIds"),
    _any_of("equipmentIds"),
    EXTERNAL_DATA_FILTER,
    Filter(Param("hasUnusedAppointments", "bool"),
           lambda row, pair: (row.id in pair[1]) == pair[0],
           lambda value, call: (value, {a.get("jobId") for a in
                                        call.table(APPOINTMENTS.table).rows() if a.get("unused")})),
)  # fmt: skip
LIST_ORDER = (
    "page", "pageSize", "includeTotal", "ids", "number", "projectId", "bookingId", "jobStatus",
    "appointmentStatus", "priority", "firstAppointmentStartsOnOrAfter",
    "firstAppointmentStartsBefore", "appointmentStartsOnOrAfter", "appointmentStartsBefore",
    "technicianId", "customerId", "locationId", "soldById", "jobTypeId", "campaignId",
    "businessUnitId", "invoiceId", "createdFromEstimateId", "estimateIds", "createdBefore",
    "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter", "completedOnOrAfter",
    "completedBefore", "tagTypeIds", "equipmentIds", "sort", "externalDataApplicationGuid",
    "externalDataKey", "externalDataValues", "hasUnusedAppointments",
)  # fmt: skip
LIST_QUERY = list_query(LIST_ORDER, *LIST_FILTERS, GUID, Param("externalDataValues", "string"))


def _list(call: Call) -> dict[str, Any]:
    external_data_query(call)  # a lone externalDataValues is an error too
    guid = call.query.get(GUID.name)
    return page_of(call, call.table(JOBS.table), JobResponse, LIST_FILTERS, SORT,
                   render=lambda row: show(call, row, guid), view=(JobResponse, guid))  # fmt: skip


OPERATIONS = [
    JOBS.operation(
        "Jobs_Get", "GET", _get, suffix="/{id}", summary="Get a job", path_params=(ID,),
        query=(GUID,), response=One(JobResponse), errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_Update", "PATCH", _update, suffix="/{id}", summary="Update a job",
        path_params=(ID,), body=UpdateJobRequest, response=One(JobResponse), errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_GetList", "GET", _list, summary="List jobs", query=LIST_QUERY,
        response=Page(JobResponse),
    ),
    JOBS.operation(
        "Jobs_Create", "POST", _create, summary="Book a job", body=JobCreateRequest,
        response=One(JobResponse),
    ),
    JOBS.operation(
        "Jobs_Cancel", "PUT", _cancel, suffix="/{id}/cancel", summary="Cancel a job",
        path_params=(ID,), body=CancelJobRequest, response=Empty(), errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_RemoveCancellation", "PUT", _remove_cancellation,
        suffix="/{id}/remove-cancellation", summary="Remove a job's cancellation",
        path_params=(ID,), response=Empty(),
    ),
]
