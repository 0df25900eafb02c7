"""ProjectStatuses: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.project_statuses import ProjectStatusResponse

PROJECT_STATUSES = Resource(
    family=FAMILY,
    path="/project-statuses",
    table="project_statuses",
    scope="tn.jpm.projectstatuses",
    tag="ProjectStatuses",
    noun="Project statuse",
)

OPERATIONS = [
    PROJECT_STATUSES.planned(
        "ProjectStatuses_GetList",
        "GET",
        query=(
            Param("name", "string"),
            Param("ids", "string"),
            *PAGE_PARAMS,
            Param("sort", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
        ),
        response=Page(ProjectStatusResponse),
    ),
    PROJECT_STATUSES.planned(
        "ProjectStatuses_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ProjectStatusResponse),
        errors=(400, 404),
    ),
]
