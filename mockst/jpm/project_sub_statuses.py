"""ProjectSubStatuses: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.project_sub_statuses import ProjectSubStatusResponse

PROJECT_SUB_STATUSES = Resource(
    family=FAMILY,
    path="/project-substatuses",
    table="project_substatuses",
    scope="tn.jpm.projectsubstatuses",
    tag="ProjectSubStatuses",
    noun="Project sub statuse",
)

OPERATIONS = [
    PROJECT_SUB_STATUSES.planned(
        "ProjectSubStatuses_GetList",
        "GET",
        query=(
            Param("name", "string"),
            Param("statusId", "int64"),
            Param("ids", "string"),
            *PAGE_PARAMS,
            Param("sort", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            ACTIVE,
        ),
        response=Page(ProjectSubStatusResponse),
    ),
    PROJECT_SUB_STATUSES.planned(
        "ProjectSubStatuses_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ProjectSubStatusResponse),
        errors=(400, 404),
    ),
]
