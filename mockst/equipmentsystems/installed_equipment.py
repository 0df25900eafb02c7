"""Installed equipment: the furnace in a location's basement, its make, model, serial number,
warranties and replacement dates.

It lives at a CRM location (``locationId``, required; the customer follows from the location and
neither can change later). An unknown location or equipment type is a 404 and a second active
piece with the same name at one location (in any case) a 409, as the document declares (U19).
Without a name it takes its type's name, else "Equipment"; the status defaults to Installed, and
Installed to Replaced is a plain change. Tags come from Settings tag types; custom fields name the
installed-equipment custom-field types (their value checked against a Dropdown's options or as a
number for Numeric); attachments name files uploaded first (``POST …/attachments`` → ``path``).
PATCH writes what it sends, lists replace; ``active: false`` retires it (there is no delete).
``equipmentId``, ``invoiceItemId`` and the predicted replacement are set only by seeds.

The list filters by ``locationIds``, ``ids``, the date filters and ``active`` (only active unless
asked), sorted by Id, CreatedOn or ModifiedOn; its rows leave out custom fields and attachments.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ConfigDict, Field

from mockst.api import uploads
from mockst.api.listing import (
    PAGE_PARAMS,
    SORT_PARAM,
    STANDARD_SORT,
    active_filter,
    date_filters,
    ids_filter,
    page_of,
    project,
)
from mockst.api.operation import Call, Empty, One, Page, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.api.types import StModel, string_format
from mockst.crm.customer_records import LOCATIONS, TAG_TYPES, Problems, check_tag_types
from mockst.encoding import format_datetime, format_day
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.custom_field_types import custom_field
from mockst.equipmentsystems.equipment_types import EQUIPMENT_TYPES
from mockst.equipmentsystems.models.common import InstalledEquipmentResponse
from mockst.equipmentsystems.models.installed_equipment import (
    AttachmentUploadResponse,
    InstalledEquipmentCreateRequest,
    InstalledEquipmentDetailedResponse,
    InstalledEquipmentUpdateRequest,
)
from mockst.errors import ApiError, conflict, not_found, validation_error
from mockst.store.table import Row


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
FOLDER = "Attachments"
DATES = ("actualReplacementDate", "manufacturedOn")
STAMPS = ("installedOn", "manufacturerWarrantyStart", "manufacturerWarrantyEnd",
          "serviceProviderWarrantyStart", "serviceProviderWarrantyEnd")
TEXTS = ("serialNumber", "memo", "manufacturer", "model")
FILTERS = (ids_filter("locationIds", field="locationId"), ids_filter(), *date_filters(),
           active_filter("ActiveRequestArg"))


def _type(ctx: TenantContext, ident: int | None) -> dict[str, Any] | None:
    if ident is None:
        return None
    row = ctx.table(EQUIPMENT_TYPES.table).get(ident, include_deleted=True)
    if row is None:
        raise ApiError(404, "Not Found", {"equipmentTypeId": [f"Equipment type {ident} was not "
                                                              "found."]})
    return {"id": ident, "name": row.get("name")}


def _tags(ctx: TenantContext, owner: int, ids: list[int]) -> list[dict[str, Any]]:
    tags = []
    for ident in ids:
        row = ctx.table(TAG_TYPES).get(ident)
        get = row.get if row is not None else (lambda _key: None)
        tags.append({"id": ident, "ownerId": owner, "typeId": ident, "typeName": get("name"),
                     "memo": None, "color": get("color"), "textColor": get("textColor"),
                     "code": get("code")})
    return tags


def _day(problems: Problems, field: str, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return format_day(date.fromisoformat(text.strip()[:10]))
    except ValueError:
        problems.add(field, f"The value '{text}' is not a date such as 2026-01-31.")
        return None


def _unique_name(ctx: TenantContext, location_id: int, name: str, own: int | None) -> None:
    for row in ctx.table(INSTALLED_EQUIPMENT.table).rows():
        if (row.id != own and row.active and row.get("locationId") == location_id
                and str(row.get("name")).lower() == name.lower()):
            raise conflict(f"The location already has equipment named '{name}'.", "name")


def _write(ctx: TenantContext, record: dict[str, Any], body: Any, sent: set[str],
           owner: int) -> dict[str, Any]:
    """The request fields ``sent`` written into ``record``, checked."""
    problems = Problems()
    if "equipmentTypeId" in sent:
        record["type"] = _type(ctx, body.equipmentTypeId)
    for field in DATES:
        if field in sent:
            record[field] = _day(problems, field, getattr(body, field))
    for field in STAMPS:
        if field in sent:
            value = getattr(body, field)
            record[field] = format_datetime(value) if value is not None else None
    for field in (*TEXTS, "barcodeId", "cost", "active"):
        if field in sent:
            value = getattr(body, field)
            record[field] = (value or "") if field in TEXTS else value
    if "status" in sent and body.status is not None:
        record["status"] = str(body.status)
    if "tagTypeIds" in sent:
        ids = check_tag_types(ctx, problems, "tagTypeIds", body.tagTypeIds)
        record["tags"] = _tags(ctx, owner, ids)
    if "customFields" in sent:
        record["customFields"] = [
            custom_field(ctx, problems, f"customFields[{i}]", item)
            for i, item in enumerate(body.customFields or []) if item is not None
        ]
    if "attachments" in sent:
        record["attachments"] = [a.model_dump(mode="json") for a in body.attachments or [] if a]
    if "name" in sent:
        name = (body.name or "").strip()
        record["name"] = name or (record["type"] or {}).get("name") or "Equipment"
    if problems.errors:
        raise validation_error(problems.errors)
    record["cost"] = record.get("cost") or 0
    return record


def create_installed_equipment(ctx: TenantContext, body: InstalledEquipmentCreateRequest,
                               *, unique: bool = True, **seeded: Any) -> Row:
    """Installed equipment at a location (the API, seeds: ``seeded`` sets fields the API
    cannot, such as ``equipmentId`` or ``predictedReplacementDate``; a seed that knows its
    names are unique skips the check, which reads every piece of the tenant)."""
    location = ctx.table(LOCATIONS.table).get(body.locationId)
    if location is None:
        raise not_found("Location", body.locationId)
    ident = ctx.world.new_id()
    record: dict[str, Any] = {
        "active": True, "equipmentId": None, "locationId": body.locationId,
        "customerId": location.get("customerId"), "invoiceItemId": None, "name": "",
        "type": None, "installedOn": None, "serialNumber": "", "barcodeId": None, "memo": "",
        "manufacturer": "", "model": "", "cost": 0, "status": "Installed",
        **dict.fromkeys(STAMPS[1:]), "tags": [], "actualReplacementDate": None,
        "manufacturedOn": None, "predictedReplacementMonths": None,
        "predictedReplacementDate": None, "customFields": [], "attachments": [],
    }  # fmt: skip
    sent = {k for k in body.model_fields_set if getattr(body, k) is not None} | {"name"}
    record = _write(ctx, record, body, sent, ident)
    if unique:
        _unique_name(ctx, body.locationId, record["name"], None)
    record.update(seeded)
    return INSTALLED_EQUIPMENT.insert(ctx, record, ident)


def _one(row: Row) -> dict[str, Any]:
    return project(row.data, InstalledEquipmentDetailedResponse)


def _create(call: Call) -> dict[str, Any]:
    return _one(create_installed_equipment(call, call.body))


def _get(call: Call) -> dict[str, Any]:
    return _one(INSTALLED_EQUIPMENT.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    body: InstalledEquipmentUpdateRequest = call.body
    row = INSTALLED_EQUIPMENT.find(call, call.path["id"])
    record = _write(call, row.data, body, set(body.model_fields_set), row.id)
    if record["active"] and ("name" in body.model_fields_set or not row.active):
        _unique_name(call, record["locationId"], record["name"], row.id)
    changes = {k: v for k, v in record.items() if k not in ("id", "createdOn", "modifiedOn")}
    return _one(INSTALLED_EQUIPMENT.change(call, row, changes))


def _list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(INSTALLED_EQUIPMENT.table), InstalledEquipmentResponse,
                   FILTERS, STANDARD_SORT)


def _attachment(call: Call) -> str:
    return uploads.location(call, call.query.get("path"), "attachment")


def _upload(call: Call) -> dict[str, Any]:
    return {"path": uploads.store(call, FOLDER, call.body)}


OPERATIONS = [
    INSTALLED_EQUIPMENT.operation(
        "InstalledEquipment_GetList", "GET", _list, response=Page(InstalledEquipmentResponse),
        query=(*(f.param for f in FILTERS[:6]), *PAGE_PARAMS, SORT_PARAM, FILTERS[6].param),
    ),
    INSTALLED_EQUIPMENT.operation(
        "InstalledEquipment_Create", "POST", _create, body=InstalledEquipmentCreateRequest,
        response=One(InstalledEquipmentDetailedResponse), errors=(400, 404, 409),
    ),
    INSTALLED_EQUIPMENT.operation(
        "InstalledEquipment_Get", "GET", _get, suffix="/{id}", path_params=(ID,),
        response=One(InstalledEquipmentDetailedResponse), errors=(400, 404),
    ),
    INSTALLED_EQUIPMENT.operation(
        "InstalledEquipment_Update", "PATCH", _update, suffix="/{id}", path_params=(ID,),
        body=InstalledEquipmentUpdateRequest, response=One(InstalledEquipmentDetailedResponse),
        errors=(400, 404, 409),
    ),
    INSTALLED_EQUIPMENT.operation(
        "InstalledEquipment_Get2", "GET", _attachment, suffix="/attachments",
        query=(Param("path", "string"),), response=Empty(), status=302, errors=(400, 404),
    ),
    INSTALLED_EQUIPMENT.operation(
        "InstalledEquipment_PostAttachment", "POST", _upload, suffix="/attachments",
        body=InstalledEquipmentPostAttachmentBody, response=One(AttachmentUploadResponse),
        upload=True,
    ),
]
