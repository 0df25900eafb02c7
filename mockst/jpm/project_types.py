"""ProjectTypes: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.project_types import ProjectTypeResponse

PROJECT_TYPES = Resource(
    family=FAMILY,
    path="/project-types",
    table="project_types",
    scope="tn.jpm.projecttypes",
    tag="ProjectTypes",
    noun="Project type",
)

OPERATIONS = [
    PROJECT_TYPES.planned(
        "ProjectTypes_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ProjectTypeResponse),
        errors=(400, 404),
    ),
    PROJECT_TYPES.planned(
        "ProjectTypes_GetList",
        "GET",
        query=(*PAGE_PARAMS,),
        response=Page(ProjectTypeResponse),
    ),
]
