"""What a job carries beside itself: notes, history, the booked and canceled logs, the reasons it
is held or canceled, and the types of its custom fields.

Notes list in the order written. History lists every entry of the job, oldest first. The booked
log is the job's first appointment as booked. ``/jobs/cancel-reasons`` and ``/jobs/hold-reasons``
take job ids (required, at most ``Config.max_ids``) and answer one row for each job that is canceled
(its latest cancellation: reason, its name, the memo as ``text``) or has appointments on hold (the
latest hold for the job, each held appointment's own); other jobs are left out, as is an unknown
id.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, STANDARD_SORT, date_filters, page_of, project
from mockst.api.operation import Call, One, Page
from mockst.api.params import Param, parse_id_list
from mockst.api.resource import ID
from mockst.crm.customer_records import API_USER_ID, Problems
from mockst.errors import not_found
from mockst.jpm.job_cancel_reasons import JOB_CANCEL_REASONS
from mockst.jpm.job_hold_reasons import JOB_HOLD_REASONS
from mockst.jpm.job_records import (
    HOLD,
    JOB_BOOKED_LOGS,
    JOB_CANCELED_LOGS,
    JOB_CUSTOM_FIELD_TYPES,
    JOB_HISTORY,
    JOB_NOTES,
    JOBS,
    appointments_of,
)
from mockst.jpm.models.common import CustomFieldTypeResponse, NoteResponse
from mockst.jpm.models.jobs import (
    CancelReasonResponse,
    HoldReasonResponse,
    JobBookedLogResponse,
    JobCanceledLogResponse,
    JobHistoryItemModel,
    JobHistoryResponse,
    JobNoteCreateRequest,
)
from mockst.store.table import Row

JOB_IDS = Param("ids", "string", required=True)


def _job(call: Call) -> Row:
    return JOBS.find(call, call.path["id"])


def _of_job(call: Call, table: str, job_id: int) -> list[Row]:
    return [r for r in call.table(table).rows() if r.get("jobId") == job_id]


def _notes(call: Call) -> dict[str, Any]:
    job = _job(call)
    return page_of(call, _of_job(call, JOB_NOTES.table, job.id), NoteResponse)


def _create_note(call: Call) -> dict[str, Any]:
    body: JobNoteCreateRequest = call.body
    job = _job(call)
    problems = Problems()
    problems.required_text("text", body.text)
    problems.check()
    row = JOB_NOTES.insert(call, {"jobId": job.id, "text": body.text,
                                  "isPinned": bool(body.pinToTop), "createdById": API_USER_ID})
    return project(row.data, NoteResponse)


def _history(call: Call) -> dict[str, Any]:
    job = _job(call)
    rows = sorted(_of_job(call, JOB_HISTORY.table, job.id), key=lambda r: r.seq)
    return {"history": [project(r.data, JobHistoryItemModel) for r in rows]}


def _canceled_log(call: Call) -> dict[str, Any]:
    job = _job(call)
    rows = _of_job(call, JOB_CANCELED_LOGS.table, job.id)
    return page_of(call, rows, JobCanceledLogResponse)


def _booked_log(call: Call) -> dict[str, Any]:
    job = _job(call)
    rows = _of_job(call, JOB_BOOKED_LOGS.table, job.id)
    if not rows:
        raise not_found("Job booked log", job.id)
    return project(rows[0].data, JobBookedLogResponse)


def _jobs_asked(call: Call) -> list[Row]:
    ids = parse_id_list("ids", call.query.get("ids"), call.config.max_ids) or []
    table = call.table(JOBS.table)
    return [job for job in (table.get(i) for i in dict.fromkeys(ids)) if job is not None]


def _reason_name(call: Call, table: str, reason_id: int) -> str:
    reason = call.table(table).get(reason_id, include_deleted=True)
    return str(reason.get("name")) if reason is not None else ""


def _listed(call: Call, data: list[dict[str, Any]]) -> dict[str, Any]:
    return {"page": 1, "pageSize": max(len(data), 1), "hasMore": False, "totalCount": None,
            "data": data}  # fmt: skip


def _cancel_reasons(call: Call) -> dict[str, Any]:
    data = []
    for job in _jobs_asked(call):
        logs = [r for r in _of_job(call, JOB_CANCELED_LOGS.table, job.id) if r.active]
        if job.get("jobStatus") == "Canceled" and logs:
            log = max(logs, key=lambda r: r.seq)
            reason = log.get("reasonId")
            data.append({"jobId": job.id, "reasonId": reason, "text": log.get("memo") or "",
                         "name": _reason_name(call, JOB_CANCEL_REASONS.table, reason)})
    return _listed(call, [project(d, CancelReasonResponse) for d in data])


def _hold_reasons(call: Call) -> dict[str, Any]:
    data = []
    for job in _jobs_asked(call):
        held = [a for a in appointments_of(call, job) if a.get("status") == HOLD and a.get("hold")]
        if not held:
            continue
        items = [{"appointmentId": a.id, "reasonId": a.get("hold")["reasonId"],
                  "name": _reason_name(call, JOB_HOLD_REASONS.table, a.get("hold")["reasonId"]),
                  "text": a.get("hold")["memo"]} for a in held]  # fmt: skip
        latest = max(zip(held, items, strict=True), key=lambda pair: pair[0].get("hold")["on"])[1]
        data.append({"jobId": job.id, "reasonId": latest["reasonId"], "name": latest["name"],
                     "text": latest["text"], "appointmentHoldReasons": items})
    return _listed(call, [project(d, HoldReasonResponse) for d in data])


OPERATIONS = [
    JOBS.operation(
        "Jobs_GetNotes", "GET", _notes, suffix="/{id}/notes", summary="List a job's notes",
        path_params=(ID,), query=PAGE_PARAMS, response=Page(NoteResponse), errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_CreateNote", "POST", _create_note, suffix="/{id}/notes", summary="Add a note",
        path_params=(ID,), body=JobNoteCreateRequest, response=One(NoteResponse),
        errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_GetHoldReasons", "GET", _hold_reasons, suffix="/hold-reasons",
        summary="Why jobs are on hold", query=(JOB_IDS,), response=Page(HoldReasonResponse),
    ),
    JOBS.operation(
        "Jobs_GetCancelReasons", "GET", _cancel_reasons, suffix="/cancel-reasons",
        summary="Why jobs were canceled", query=(JOB_IDS,), response=Page(CancelReasonResponse),
    ),
    JOBS.operation(
        "Jobs_GetHistory", "GET", _history, suffix="/{id}/history", summary="A job's history",
        path_params=(ID,), response=One(JobHistoryResponse), errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_GetJobCanceledLogs", "GET", _canceled_log, suffix="/{id}/canceled-log",
        summary="A job's cancellations", path_params=(ID,), query=PAGE_PARAMS,
        response=Page(JobCanceledLogResponse), errors=(400, 404),
    ),
    JOBS.operation(
        "Jobs_GetBookedLog", "GET", _booked_log, suffix="/{id}/booked-log",
        summary="How a job was booked", path_params=(ID,), response=One(JobBookedLogResponse),
        errors=(400, 404),
    ),
    JOB_CUSTOM_FIELD_TYPES.list_op(
        "Jobs_GetCustomFieldTypes", CustomFieldTypeResponse, suffix="/custom-fields",
        summary="List job custom field types", filters=date_filters(), sort=STANDARD_SORT,
        order=("page", "pageSize", "includeTotal"),
    ),
]


def create_custom_field_type(
    call: Any, name: str, data_type: str = "Text", options: list[str] | None = None
) -> Row:
    """A custom field type of jobs (seeds and tests: the API has no create)."""
    return JOB_CUSTOM_FIELD_TYPES.insert(
        call, {"name": name, "dataType": data_type, "dataTypeOptions": options}
    )

