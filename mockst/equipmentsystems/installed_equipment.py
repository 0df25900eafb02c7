"""InstalledEquipment: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.api.types import StModel, string_format
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.models.common import InstalledEquipmentResponse
from mockst.equipmentsystems.models.installed_equipment import (
    AttachmentUploadResponse,
    InstalledEquipmentCreateRequest,
    InstalledEquipmentDetailedResponse,
    InstalledEquipmentUpdateRequest,
    RepositoryPageResultOfLocationEquipmentCustomFieldTypeModel,
)


class InstalledEquipmentPostAttachmentBody(StModel):
    model_config = ConfigDict(title="InstalledEquipmentPostAttachmentBody")

    file: string_format("binary") = Field(default=None)


INSTALLED_EQUIPMENT = Resource(
    family=FAMILY,
    path="/installed-equipment",
    table="installed_equipment",
    scope="tn.eqs.installedequipment",
    tag="InstalledEquipment",
    noun="Installed equipment",
)

OPERATIONS = [
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_GetList",
        "GET",
        query=(
            Param("locationIds", "string"),
            Param("ids", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            *PAGE_PARAMS,
            Param("sort", "string"),
            ACTIVE,
        ),
        response=Page(InstalledEquipmentResponse),
    ),
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_Create",
        "POST",
        body=InstalledEquipmentCreateRequest,
        response=One(InstalledEquipmentDetailedResponse),
        errors=(400, 404, 409),
    ),
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(InstalledEquipmentDetailedResponse),
        errors=(400, 404),
    ),
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=InstalledEquipmentUpdateRequest,
        response=One(InstalledEquipmentDetailedResponse),
        errors=(400, 404, 409),
    ),
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_Get2",
        "GET",
        suffix="/attachments",
        query=(Param("path", "string"),),
        response=Empty(),
        errors=(400, 404),
    ),
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_PostAttachment",
        "POST",
        suffix="/attachments",
        body=InstalledEquipmentPostAttachmentBody,
        response=One(AttachmentUploadResponse),
    ),
    INSTALLED_EQUIPMENT.planned(
        "InstalledEquipment_GetCustomFieldTypes",
        "GET",
        suffix="/custom-field-types",
        query=(
            Param("page", "int32", required=True),
            Param("pageSize", "int32", required=True),
            Param("descending", "bool", required=True),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sortBy", "string"),
        ),
        response=One(RepositoryPageResultOfLocationEquipmentCustomFieldTypeModel),
    ),
]
