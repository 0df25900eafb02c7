"""JobEquipment: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import Empty, One
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.job_equipment import (
    AttachJobEquipmentRequest,
    DetachJobEquipmentRequest,
    JobEquipmentResponse,
)

JOB_EQUIPMENT = Resource(
    family=FAMILY,
    path="/jobs",
    table="jobs",
    scope="tn.jpm.jobs",
    tag="JobEquipment",
    noun="Job equipment",
)

OPERATIONS = [
    JOB_EQUIPMENT.planned(
        "JobEquipment_Get",
        "GET",
        suffix="/{id}/equipment",
        path_params=(path("id"),),
        response=One(JobEquipmentResponse),
        errors=(400, 404),
    ),
    JOB_EQUIPMENT.planned(
        "JobEquipment_Attach",
        "POST",
        suffix="/{id}/equipment",
        path_params=(path("id"),),
        body=AttachJobEquipmentRequest,
        response=One(JobEquipmentResponse),
        errors=(400, 404),
    ),
    JOB_EQUIPMENT.planned(
        "JobEquipment_DetachBulk",
        "DELETE",
        suffix="/{id}/equipment",
        path_params=(path("id"),),
        body=DetachJobEquipmentRequest,
        response=Empty(),
        errors=(400, 404),
    ),
    JOB_EQUIPMENT.planned(
        "JobEquipment_Detach",
        "DELETE",
        suffix="/{id}/equipment/{equipmentId}",
        path_params=(path("id"), path("equipmentId"),),
        response=Empty(),
        errors=(400, 404),
    ),
]
