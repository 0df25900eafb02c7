"""The Job Planning export feeds (``mockst.api.export``: continuation tokens over each table's
changes): jobs, appointments, job notes, canceled logs and history; projects' feeds are in
``project_export``.

A job's row changes whenever its status or appointments do, so the jobs feed delivers it again.
The appointments feed shows active and inactive rows alike unless ``active`` says otherwise (the
document says so of it; a deleted appointment comes back once with ``active: false``). History
rows are grouped by job: each page's entries of one job form one row (``{jobId, history}``),
in the order the first of them was written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.export import EXPORT_PARAMS, export_rows
from mockst.api.listing import ACTIVE, active_filter, active_filters, project, row_test
from mockst.api.operation import Call, Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.job_records import (
    APPOINTMENTS,
    JOB_CANCELED_LOGS,
    JOB_HISTORY,
    JOB_NOTES,
    JOBS,
    render_job,
)
from mockst.jpm.models.export import (
    ExportAppointmentsResponse,
    ExportJobCanceledLogResponse,
    ExportJobHistoryEntry,
    ExportJobHistoryResponse,
    ExportJobNotesResponse,
    ExportJobsResponse,
)
from mockst.store.table import Row

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.jpm.jobs",
    tag="Export",
    noun="Export",
)
EVERY = replace(active_filter("ActiveRequestArg"), default="Any")


def _jobs(call: Call) -> dict[str, Any]:
    def shown(row: Row) -> dict[str, Any]:
        return {**render_job(row.data, ExportJobsResponse), "active": row.active}

    return export_rows(call, call.table(JOBS.table), ExportJobsResponse, shown)


def _appointments(call: Call) -> dict[str, Any]:
    test = row_test(active_filters(call, (EVERY,)))
    table = call.table(APPOINTMENTS.table)
    rows = table if test is None else filter(test, table.rows(include_deleted=True))
    return export_rows(call, rows, ExportAppointmentsResponse)


def _history(call: Call) -> dict[str, Any]:
    page = export_rows(call, call.table(JOB_HISTORY.table), ExportJobHistoryResponse,
                       lambda row: row.data)  # fmt: skip
    grouped: dict[int, list[dict[str, Any]]] = {}
    for entry in page["data"]:
        grouped.setdefault(entry["jobId"], []).append(project(entry, ExportJobHistoryEntry))
    page["data"] = [{"jobId": job, "history": items} for job, items in grouped.items()]
    return page


def _feed(operation_id: str, suffix: str, handler: Any, model: type, scope: str,
          table: str, query: tuple[Param, ...] = EXPORT_PARAMS) -> Any:  # fmt: skip
    return EXPORT.operation(operation_id, "GET", handler, suffix=suffix, scope=scope,
                            response=Export(model), query=query, table=table)  # fmt: skip


def _plain(table: str, model: type) -> Any:
    return lambda call: export_rows(call, call.table(table), model)


OPERATIONS = [
    _feed("Export_Jobs", "/jobs", _jobs, ExportJobsResponse, JOBS.read, JOBS.table),
    _feed("Export_Appointments", "/appointments", _appointments, ExportAppointmentsResponse,
          APPOINTMENTS.read, APPOINTMENTS.table, (ACTIVE, *EXPORT_PARAMS)),
    _feed("Export_JobCancelReasons", "/job-canceled-logs",
          _plain(JOB_CANCELED_LOGS.table, ExportJobCanceledLogResponse),
          ExportJobCanceledLogResponse, "tn.jpm.jobcanceledlogs:r", JOB_CANCELED_LOGS.table),
    _feed("Export_JobNotes", "/job-notes", _plain(JOB_NOTES.table, ExportJobNotesResponse),
          ExportJobNotesResponse, "tn.jpm.jobnotes:r", JOB_NOTES.table),
    _feed("Export_JobHistory", "/job-history", _history, ExportJobHistoryResponse,
          "tn.jpm.jobhistory:r", JOB_HISTORY.table),
]  # fmt: skip
