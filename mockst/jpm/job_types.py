"""JobTypes: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.job_types import CreateJobTypeRequest, JobTypeResponse, UpdateJobTypeRequest

JOB_TYPES = Resource(
    family=FAMILY,
    path="/job-types",
    table="job_types",
    scope="tn.jpm.jobtypes",
    tag="JobTypes",
    noun="Job type",
)

OPERATIONS = [
    JOB_TYPES.planned(
        "JobTypes_GetList",
        "GET",
        query=(
            Param("name", "string"),
            Param("minDuration", "int32"),
            Param("maxDuration", "int32"),
            Param("priority", "string"),
            Param("ids", "string"),
            *PAGE_PARAMS,
            ACTIVE,
            Param("orderBy", "string"),
            Param("orderByDirection", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("externalDataApplicationGuid", "guid"),
        ),
        response=Page(JobTypeResponse),
    ),
    JOB_TYPES.planned(
        "JobTypes_Create",
        "POST",
        body=CreateJobTypeRequest,
        response=One(JobTypeResponse),
    ),
    JOB_TYPES.planned(
        "JobTypes_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("externalDataApplicationGuid", "guid"),),
        response=One(JobTypeResponse),
        errors=(400, 404),
    ),
    JOB_TYPES.planned(
        "JobTypes_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateJobTypeRequest,
        response=One(JobTypeResponse),
    ),
]
