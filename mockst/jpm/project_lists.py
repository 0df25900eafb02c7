"""The project list and its filters.

``ids``, ``customerId``, ``locationId``, ``projectTypeId`` match exactly; ``projectManagerIds``
and ``businessUnitIds`` (comma-separated) keep a project with at least one of them; ``status``
(comma-separated names, any case) keeps projects with one of those statuses, ``None`` those with
none. The date pairs bound ``createdOn``, ``modifiedOn``, ``startDate`` (``starts…``),
``actualCompletionDate`` (``completed…``) and ``targetCompletionDate``; a project without the
date never matches its pair. External data filters as on customers. ``sort`` by Id, ModifiedOn,
CreatedOn, Name or TargetCompletionDate.

Filters through the project's jobs read the jobs and appointments as they are: ``jobId`` keeps
the job's project, ``appointmentId`` the project of the appointment's job, ``invoiceId`` the
projects of jobs with that invoice, ``technicianId`` the projects of jobs with an appointment the
technician is assigned to now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mockst.api.listing import (
    STANDARD_SORT,
    Filter,
    date_filters,
    equals,
    ids_filter,
    page_of,
    stamp_order,
    wire_instant,
)
from mockst.api.operation import Call, Page
from mockst.api.params import Param, parse_id_list
from mockst.crm.record_lists import (
    EXTERNAL_DATA_FILTER,
    EXTERNAL_DATA_PARAMS,
    external_data_query,
    list_query,
)
from mockst.jpm.job_records import assigned
from mockst.jpm.models.projects import ProjectResponse
from mockst.jpm.project_records import JOBS_TABLE, PROJECTS, jobs_by_project, show_project
from mockst.jpm.project_statuses import PROJECT_STATUSES
from mockst.store.table import Row

APPOINTMENTS_TABLE = "appointments"
SORT = {**STANDARD_SORT, "Name": "name", "TargetCompletionDate": "targetCompletionDate"}
LIST_ORDER = (
    "ids", "customerId", "locationId", "projectTypeId", "invoiceId", "technicianId", "jobId",
    "appointmentId", "projectManagerIds", "businessUnitIds", "createdBefore", "createdOnOrAfter",
    "startsBefore", "startsOnOrAfter", "completedBefore", "completedOnOrAfter",
    "targetCompletionDateBefore", "targetCompletionDateOnOrAfter", "modifiedBefore",
    "modifiedOnOrAfter", "page", "pageSize", "includeTotal", "status", "sort",
    "externalDataApplicationGuid", "externalDataKey", "externalDataValues",
)


def _date_pair(before: str, on_or_after: str, field: str) -> tuple[Filter, Filter]:
    def test(later: bool) -> Callable[[Row, str], bool]:
        def check(row: Row, value: str) -> bool:
            stamp = row.get(field)
            return stamp is not None and (stamp_order(stamp) >= value) == later

        return check

    return (
        Filter(Param(before, "datetime"), test(False), wire_instant),
        Filter(Param(on_or_after, "datetime"), test(True), wire_instant),
    )


def _any_of(name: str) -> Filter:
    def prepare(value: Any, call: Call) -> set[int] | None:
        ids = parse_id_list(name, value, call.config.max_ids)
        return set(ids) if ids is not None else None

    return Filter(Param(name, "string"), lambda row, wanted: bool(wanted & set(row.get(name))),
                  prepare)  # fmt: skip


def _projects_of_jobs(call: Call, keep: Callable[[Row], bool]) -> set[int]:
    return {j.get("projectId") for j in call.table(JOBS_TABLE).rows()
            if j.get("projectId") is not None and keep(j)}  # fmt: skip


def _project_of_job(call: Call, job_id: Any) -> set[int]:
    job = call.table(JOBS_TABLE).get(job_id) if job_id is not None else None
    return {job.get("projectId")} if job is not None and job.get("projectId") else set()


def _technician_jobs(call: Call, technician: int) -> set[int]:
    """Jobs with an appointment the technician is assigned to now (``job_records.assigned``)."""
    return {a.get("jobId") for a in call.table(APPOINTMENTS_TABLE).rows()
            if any(t.get("technicianId") == technician for t in assigned(a))}  # fmt: skip


def _through_jobs(name: str, find: Callable[[Call, int], set[int]]) -> Filter:
    """A filter on an id that names projects through their jobs: ``find`` gives their ids."""
    return Filter(Param(name, "int64"), lambda row, ids: row.id in ids,
                  lambda value, call: find(call, value))  # fmt: skip


def _project_of_appointment(call: Call, appointment_id: int) -> set[int]:
    appointment = call.table(APPOINTMENTS_TABLE).get(appointment_id)
    return _project_of_job(call, appointment.get("jobId")) if appointment is not None else set()


def _projects_of_technician(call: Call, technician: int) -> set[int]:
    jobs = _technician_jobs(call, technician)
    return _projects_of_jobs(call, lambda job: job.id in jobs)


def _projects_of_invoice(call: Call, invoice: int) -> set[int]:
    return _projects_of_jobs(call, lambda job: job.get("invoiceId") == invoice)


def _statuses(value: str, call: Call) -> set[int | None] | None:
    """The status ids the names given mean (``None`` for "None": no status)."""
    names = {part.strip().lower() for part in value.split(",") if part.strip()}
    if not names:
        return None
    ids: set[int | None] = {None} if "none" in names else set()
    for status in call.table(PROJECT_STATUSES.table).rows():
        if str(status.get("name")).lower() in names:
            ids.add(int(status.id))
    return ids


FILTERS = (
    ids_filter(),
    equals("customerId", kind="int64"),
    equals("locationId", kind="int64"),
    equals("projectTypeId", kind="int64"),
    _through_jobs("invoiceId", _projects_of_invoice),
    _through_jobs("technicianId", _projects_of_technician),
    _through_jobs("jobId", _project_of_job),
    _through_jobs("appointmentId", _project_of_appointment),
    _any_of("projectManagerIds"),
    _any_of("businessUnitIds"),
    *date_filters(),
    *_date_pair("startsBefore", "startsOnOrAfter", "startDate"),
    *_date_pair("completedBefore", "completedOnOrAfter", "actualCompletionDate"),
    *_date_pair("targetCompletionDateBefore", "targetCompletionDateOnOrAfter",
                "targetCompletionDate"),
    Filter(Param("status", "string"), lambda row, ids: row.get("statusId") in ids, _statuses),
    EXTERNAL_DATA_FILTER,
)  # fmt: skip


def _list(call: Call) -> dict[str, Any]:
    external_data_query(call)  # a lone externalDataValues is an error too
    guid = call.query.get("externalDataApplicationGuid")
    jobs: dict[int, list[int]] | None = None

    def render(row: Row) -> dict[str, Any]:
        nonlocal jobs
        if jobs is None:  # one pass over the jobs per page, only when a page has projects
            jobs = jobs_by_project(call)
        return show_project(call, row.data, jobs.get(int(row.id), []), guid)

    return page_of(call, call.table(PROJECTS.table), ProjectResponse, FILTERS, SORT, render)


OPERATIONS = [
    PROJECTS.operation(
        "Projects_GetList", "GET", _list,
        summary="List projects", query=list_query(LIST_ORDER, *FILTERS, *EXTERNAL_DATA_PARAMS),
        response=Page(ProjectResponse),
    ),
]
