"""Projects: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.common import CustomFieldTypeResponse, NoteResponse
from mockst.jpm.models.projects import (
    CreateProjectRequest,
    ProjectNoteCreateRequest,
    ProjectResponse,
    UpdateProjectRequest,
)

PROJECTS = Resource(
    family=FAMILY,
    path="/projects",
    table="projects",
    scope="tn.jpm.projects",
    tag="Projects",
    noun="Project",
)

OPERATIONS = [
    PROJECTS.planned(
        "Projects_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("externalDataApplicationGuid", "guid"),),
        response=One(ProjectResponse),
        errors=(400, 404),
    ),
    PROJECTS.planned(
        "Projects_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateProjectRequest,
        response=One(ProjectResponse),
        errors=(400, 404),
    ),
    PROJECTS.planned(
        "Projects_GetList",
        "GET",
        query=(
            Param("ids", "string"),
            Param("customerId", "int64"),
            Param("locationId", "int64"),
            Param("projectTypeId", "int64"),
            Param("invoiceId", "int64"),
            Param("technicianId", "int64"),
            Param("jobId", "int64"),
            Param("appointmentId", "int64"),
            Param("projectManagerIds", "string"),
            Param("businessUnitIds", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("startsBefore", "datetime"),
            Param("startsOnOrAfter", "datetime"),
            Param("completedBefore", "datetime"),
            Param("completedOnOrAfter", "datetime"),
            Param("targetCompletionDateBefore", "datetime"),
            Param("targetCompletionDateOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            *PAGE_PARAMS,
            Param("status", "string"),
            Param("sort", "string"),
            Param("externalDataApplicationGuid", "guid"),
            Param("externalDataKey", "string"),
            Param("externalDataValues", "string"),
        ),
        response=Page(ProjectResponse),
    ),
    PROJECTS.planned(
        "Projects_Create",
        "POST",
        body=CreateProjectRequest,
        response=One(ProjectResponse),
    ),
    PROJECTS.planned(
        "Projects_GetNotes",
        "GET",
        suffix="/{id}/notes",
        path_params=(path("id"),),
        query=(*PAGE_PARAMS,),
        response=Page(NoteResponse),
        errors=(400, 404),
    ),
    PROJECTS.planned(
        "Projects_CreateNote",
        "POST",
        suffix="/{id}/notes",
        path_params=(path("id"),),
        body=ProjectNoteCreateRequest,
        response=One(NoteResponse),
        errors=(400, 404),
    ),
    PROJECTS.planned(
        "Projects_AttachJob",
        "POST",
        suffix="/{id}/attach-job/{jobId}",
        path_params=(path("id"), path("jobId"),),
        response=Empty(),
    ),
    PROJECTS.planned(
        "Projects_DetachJob",
        "POST",
        suffix="/detach-job/{jobId}",
        path_params=(path("jobId"),),
        response=Empty(),
    ),
    PROJECTS.planned(
        "Projects_GetCustomFieldTypes",
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
