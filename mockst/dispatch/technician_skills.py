"""TechnicianSkills: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.technician_skills import (
    CreateTechnicianSkillRequest,
    DeleteTechnicianSkillResult,
    TechnicianSkillResponse,
    UpdateTechnicianSkillsRequest,
    UpdateTechnicianSkillsResponse,
)

TECHNICIAN_SKILLS = Resource(
    family=FAMILY,
    path="/technician-skills",
    table="technician_skills",
    scope="tn.dis.technicianskills",
    tag="TechnicianSkills",
    noun="Technician skill",
)

OPERATIONS = [
    TECHNICIAN_SKILLS.planned(
        "TechnicianSkills_GetList",
        "GET",
        query=(
            Param("technicianId", "int64"),
            *PAGE_PARAMS,
            ACTIVE,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(TechnicianSkillResponse),
    ),
    TECHNICIAN_SKILLS.planned(
        "TechnicianSkills_CreateTechnicianSkill",
        "POST",
        body=CreateTechnicianSkillRequest,
        response=One(TechnicianSkillResponse),
        errors=(400, 404),
    ),
    TECHNICIAN_SKILLS.planned(
        "TechnicianSkills_AssignTechnicianSkills",
        "PATCH",
        body=UpdateTechnicianSkillsRequest,
        response=One(UpdateTechnicianSkillsResponse),
        errors=(400, 404),
    ),
    TECHNICIAN_SKILLS.planned(
        "TechnicianSkills_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id", "string"),),
        response=One(TechnicianSkillResponse),
        errors=(400, 404),
    ),
    TECHNICIAN_SKILLS.planned(
        "TechnicianSkills_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id", "string"),),
        response=One(DeleteTechnicianSkillResult),
        errors=(400, 404),
    ),
]
