"""Jobs: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, enum_param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.common import CustomFieldTypeResponse, NoteResponse
from mockst.jpm.models.jobs import (
    CancelJobRequest,
    CancelReasonResponse,
    HoldReasonResponse,
    JobAppointmentStatus,
    JobBookedLogResponse,
    JobCanceledLogResponse,
    JobCreateRequest,
    JobHistoryResponse,
    JobNoteCreateRequest,
    JobResponse,
    JobStatus,
    UpdateJobRequest,
)

JOBS = Resource(
    family=FAMILY,
    path="/jobs",
    table="jobs",
    scope="tn.jpm.jobs",
    tag="Jobs",
    noun="Job",
)

OPERATIONS = [
    JOBS.planned(
        "Jobs_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("externalDataApplicationGuid", "guid"),),
        response=One(JobResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateJobRequest,
        response=One(JobResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("ids", "string"),
            Param("number", "string"),
            Param("projectId", "int64"),
            Param("bookingId", "int64"),
            enum_param("jobStatus", JobStatus),
            enum_param("appointmentStatus", JobAppointmentStatus),
            Param("priority", "string"),
            Param("firstAppointmentStartsOnOrAfter", "datetime"),
            Param("firstAppointmentStartsBefore", "datetime"),
            Param("appointmentStartsOnOrAfter", "datetime"),
            Param("appointmentStartsBefore", "datetime"),
            Param("technicianId", "int64"),
            Param("customerId", "int64"),
            Param("locationId", "int64"),
            Param("soldById", "int64"),
            Param("jobTypeId", "int64"),
            Param("campaignId", "int64"),
            Param("businessUnitId", "int64"),
            Param("invoiceId", "int64"),
            Param("createdFromEstimateId", "int64"),
            Param("estimateIds", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("completedOnOrAfter", "datetime"),
            Param("completedBefore", "datetime"),
            Param("tagTypeIds", "string"),
            Param("equipmentIds", "string"),
            Param("sort", "string"),
            Param("externalDataApplicationGuid", "guid"),
            Param("externalDataKey", "string"),
            Param("externalDataValues", "string"),
            Param("hasUnusedAppointments", "bool"),
        ),
        response=Page(JobResponse),
    ),
    JOBS.planned(
        "Jobs_Create",
        "POST",
        body=JobCreateRequest,
        response=One(JobResponse),
    ),
    JOBS.planned(
        "Jobs_Cancel",
        "PUT",
        suffix="/{id}/cancel",
        path_params=(path("id"),),
        body=CancelJobRequest,
        response=Empty(),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_RemoveCancellation",
        "PUT",
        suffix="/{id}/remove-cancellation",
        path_params=(path("id"),),
        response=Empty(),
    ),
    JOBS.planned(
        "Jobs_GetNotes",
        "GET",
        suffix="/{id}/notes",
        path_params=(path("id"),),
        query=(*PAGE_PARAMS,),
        response=Page(NoteResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_CreateNote",
        "POST",
        suffix="/{id}/notes",
        path_params=(path("id"),),
        body=JobNoteCreateRequest,
        response=One(NoteResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_GetHoldReasons",
        "GET",
        suffix="/hold-reasons",
        query=(Param("ids", "string", required=True),),
        response=Page(HoldReasonResponse),
    ),
    JOBS.planned(
        "Jobs_GetCancelReasons",
        "GET",
        suffix="/cancel-reasons",
        query=(Param("ids", "string", required=True),),
        response=Page(CancelReasonResponse),
    ),
    JOBS.planned(
        "Jobs_GetHistory",
        "GET",
        suffix="/{id}/history",
        path_params=(path("id"),),
        response=One(JobHistoryResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_GetJobCanceledLogs",
        "GET",
        suffix="/{id}/canceled-log",
        path_params=(path("id"),),
        query=(*PAGE_PARAMS,),
        response=Page(JobCanceledLogResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_GetBookedLog",
        "GET",
        suffix="/{id}/booked-log",
        path_params=(path("id"),),
        response=One(JobBookedLogResponse),
        errors=(400, 404),
    ),
    JOBS.planned(
        "Jobs_GetCustomFieldTypes",
        "GET",
        suffix="/custom-fields",
        query=(
            *PAGE_PARAMS,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(CustomFieldTypeResponse),
    ),
]
