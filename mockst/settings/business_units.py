"""Settings business units, their export feed, and the Intacct business-unit mapping.

The API cannot create a business unit (a tenant sets them up in ServiceTitan's UI), so seeds and
the control plane call ``create_business_unit``. The API reads them and PATCHes one thing: the
external data an application keeps on a unit.

External data belongs to an application: items written with one ``applicationGuid`` are read back
only when the same guid is passed as ``externalDataApplicationGuid``. Without that parameter a
unit's ``externalData`` is ``null``; with it, the application's items (``[]`` when none). The
parameter never filters units out. ``patchMode`` ``Replace`` (the default) replaces the
application's items with the request's; ``Merge`` sets the request's keys and deletes those sent
with a ``null`` value. A key sent twice keeps its last value.

The Intacct mapping (``GET /business-units/intacct``) is derived from the units, active or not:
``tradeName`` is the unit's trade, ``intacctLocationName`` its official name (else its name),
``intacctLocationId`` its account code, ``intacctDepartment`` its division and ``intacctClass`` its
QuickBooks class; a seed may set any of them with ``intacct={...}``. Its page parameters are
required, as the official document says; ``page`` may be 0 (read as 1) and ``pageSize`` is 1 to 500.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from mockst.api.listing import (
    Filter,
    active_filter,
    contains,
    date_filters,
    ids_filter,
    project,
)
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.encoding import format_datetime
from mockst.errors import field_error, validation_error
from mockst.settings import FAMILY
from mockst.settings.models.business_units import (
    BusinessUnitResponse,
    ExportBusinessUnitResponse,
    IntacctBusinessUnitMappingResponse,
    UpdateBusinessUnitRequest,
)
from mockst.settings.models.common import ExternalDataPatchMode, ModificationResponse
from mockst.store.table import Row

BUSINESS_UNITS = Resource(
    family=FAMILY,
    path="/business-units",
    table="business_units",
    scope="tn.stt.businessunits",
    tag="BusinessUnits",
    noun="Business unit",
)

# Trades are ServiceTitan-wide, so their ids are small and fixed; unknown names get a stable id.
TRADE_IDS: dict[str, int] = {
    "Plumbing": 1,
    "HVAC": 2,
    "Electrical": 3,
    "Drains": 4,
    "Water Treatment": 5,
    "Garage Doors": 6,
    "Pest Control": 7,
    "Roofing": 8,
}

_FIELDS = frozenset(BusinessUnitResponse.model_fields)
_EXTERNAL = "externalDataByApp"  # {application guid: [{key, value}, ...]}
MAX_INTACCT_PAGE_SIZE = 500


def _named(name: str | None, known: dict[str, int]) -> dict[str, Any] | None:
    if not name:
        return None
    ident = known.get(name) or 1000 + zlib.crc32(name.lower().encode()) % 1_000_000
    return {"id": ident, "name": name}


def _address(address: dict[str, Any] | None) -> dict[str, Any] | None:
    if address is None:
        return None
    shown = {
        "street": None,
        "unit": None,
        "city": None,
        "state": None,
        "zip": None,
        "country": "USA",
        "latitude": None,
        "longitude": None,
        "isManualCoordinates": False,
        "isMilitary": False,
    }
    unknown = set(address) - set(shown)
    if unknown:
        raise ValueError(f"unknown address fields: {sorted(unknown)}")
    return {**shown, **address}


def _tenant_part(ctx: TenantContext, fields: dict[str, Any], stamp: str) -> dict[str, Any]:
    record = ctx.world.get_identity("tenant", str(ctx.tenant_id))
    return {
        "id": ctx.tenant_id,
        "name": record.name if record is not None else f"Tenant {ctx.tenant_id}",
        "accountCode": fields.get("accountCode"),
        "franchiseId": fields.get("franchiseId"),
        "conceptCode": fields.get("conceptCode"),
        "modifiedOn": record.created_on if record is not None else stamp,
    }


def create_business_unit(
    ctx: TenantContext,
    name: str,
    *,
    trade: str | None = None,
    division: str | None = None,
    address: dict[str, Any] | None = None,
    active: bool = True,
    intacct: dict[str, str | None] | None = None,
    **fields: Any,
) -> Row:
    """A business unit (seeds, control plane). ``fields`` are wire names of BusinessUnitResponse
    (``officialName``, ``email``, ``phoneNumber``, ``accountCode``, ``defaultTaxRate``…)."""
    if not name or not name.strip():
        raise field_error("name", "A business unit needs a name.")
    unknown = set(fields) - _FIELDS
    if unknown:
        raise ValueError(f"unknown business unit fields: {sorted(unknown)}")
    unknown_intacct = set(intacct or {}) - set(IntacctBusinessUnitMappingResponse.model_fields)
    if unknown_intacct:
        raise ValueError(f"unknown Intacct fields: {sorted(unknown_intacct)}")
    stamp = format_datetime(ctx.now)
    data: dict[str, Any] = {
        "active": active,
        "name": name.strip(),
        "officialName": None,
        "email": None,
        "currency": "USD",
        "phoneNumber": None,
        "invoiceHeader": None,
        "invoiceMessage": None,
        "defaultTaxRate": 0.0,
        "authorizationParagraph": None,
        "acknowledgementParagraph": None,
        "address": _address(address),
        "materialSku": None,
        "quickbooksClass": None,
        "accountCode": None,
        "franchiseId": None,
        "conceptCode": None,
        "corporateContractNumber": None,
        "trade": _named(trade, TRADE_IDS),
        "division": _named(division, {}),
        "tagTypeIds": [],
        "externalData": None,
        "certifiedSentriconSpecialistCode": None,
        **{k: v for k, v in fields.items() if k not in ("id", "createdOn", "modifiedOn")},
        _EXTERNAL: {},
        "intacct": dict(intacct or {}),
    }
    data["tenant"] = _tenant_part(ctx, data, stamp)
    return BUSINESS_UNITS.insert(ctx, data)


def check_business_unit(ctx: TenantContext, unit_id: int | None, field: str = "businessUnitId"):
    """``unit_id`` names a business unit of the tenant (None is fine), or a 400 naming ``field``."""
    if unit_id is not None and ctx.table(BUSINESS_UNITS.table).get(unit_id) is None:
        raise field_error(field, f"Business unit {unit_id} does not exist.")


# -- reads -----------------------------------------------------------------------------------


def _render(row: Row, model: type, guid: str | None) -> dict[str, Any]:
    shown = project(row.data, model)
    if guid is not None:
        items = row.get(_EXTERNAL, {}).get(guid, [])
        shown["externalData"] = [dict(item) for item in items]
    return shown


GUID = Param("externalDataApplicationGuid", "guid")


def _get(call: Call) -> dict[str, Any]:
    row = BUSINESS_UNITS.find(call, call.path["id"])
    return _render(row, BusinessUnitResponse, call.query.get(GUID.name))


# -- external data ---------------------------------------------------------------------------


def _update(call: Call) -> dict[str, Any]:
    body: UpdateBusinessUnitRequest = call.body
    row = BUSINESS_UNITS.find(call, call.path["id"])
    request = body.externalData if "externalData" in body.model_fields_set else None
    if request is None:
        return {"id": row.id}
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(request.externalData):
        if not item.key.strip():
            errors[f"externalData.externalData[{index}].key"] = ["The key must not be empty."]
    if errors:
        raise validation_error(errors)
    guid = str(request.applicationGuid)
    stored: dict[str, list[dict[str, Any]]] = row.get(_EXTERNAL, {})
    mode = request.patchMode or ExternalDataPatchMode.REPLACE
    items: dict[str, str | None] = {}
    if mode is ExternalDataPatchMode.MERGE:
        items = {item["key"]: item["value"] for item in stored.get(guid, [])}
    for item in request.externalData:
        items[item.key] = item.value
    kept = [{"key": k, "value": v} for k, v in items.items() if v is not None]
    BUSINESS_UNITS.change(call, row, {_EXTERNAL: {**stored, guid: kept}})
    return {"id": row.id}


# -- Intacct mapping -------------------------------------------------------------------------


def intacct_mapping(row: Row) -> dict[str, Any]:
    data = row.data
    trade = data.get("trade") or {}
    division = data.get("division") or {}
    mapping = {
        "id": row.id,
        "name": data.get("name"),
        "active": row.active,
        "tradeName": trade.get("name"),
        "intacctLocationName": data.get("officialName") or data.get("name"),
        "intacctLocationId": data.get("accountCode"),
        "intacctDepartment": division.get("name"),
        "intacctClass": data.get("quickbooksClass"),
    }
    mapping.update(data.get("intacct") or {})
    return mapping


INTACCT_PARAMS = (
    Param("page", "int32", required=True),
    Param("pageSize", "int32", required=True),
    Param("includeTotal", "bool", required=True),
    Param("ids", "int64", array=True),
)


def _intacct(call: Call) -> dict[str, Any]:
    page, size = call.query["page"], call.query["pageSize"]
    errors: dict[str, list[str]] = {}
    if page < 0:
        errors["page"] = ["The page must be 0 or greater."]
    if not 1 <= size <= MAX_INTACCT_PAGE_SIZE:
        errors["pageSize"] = [f"The pageSize must be between 1 and {MAX_INTACCT_PAGE_SIZE}."]
    ids = call.query.get("ids")
    if ids is not None and len(ids) > call.config.max_ids:
        errors["ids"] = [f"No more than {call.config.max_ids} ids are allowed."]
    if errors:
        raise validation_error(errors)
    page = max(page, 1)
    wanted = set(ids) if ids else None
    rows: Iterable[Row] = call.table(BUSINESS_UNITS.table).rows()
    ordered = sorted((r for r in rows if wanted is None or r.id in wanted), key=lambda r: r.id)
    start = (page - 1) * size
    return {
        "page": page,
        "pageSize": size,
        "hasMore": len(ordered) > start + size,
        "totalCount": len(ordered) if call.query["includeTotal"] else None,
        "data": [intacct_mapping(r) for r in ordered[start : start + size]],
    }


OPERATIONS = [
    replace(
        BUSINESS_UNITS.operation(
            "IntacctBusinessUnitMappings_Get", "GET", _intacct, suffix="/intacct",
            summary="List the Intacct mappings of business units",
            query=INTACCT_PARAMS, response=Page(IntacctBusinessUnitMappingResponse),
        ),
        tag="IntacctBusinessUnitMappings",
    ),
    BUSINESS_UNITS.list_op(
        "BusinessUnits_GetList", BusinessUnitResponse,
        summary="List business units",
        filters=(
            ids_filter(),
            contains("name"),
            active_filter("ActiveRequestArg"),
            *date_filters(),
            Filter(GUID, lambda _row, _guid: True),  # shapes externalData, filters nothing
        ),
        order=(
            "ids", "name", "active", "page", "pageSize", "includeTotal", "createdBefore",
            "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter", GUID.name,
        ),
        render=lambda call, row: _render(row, BusinessUnitResponse, call.query.get(GUID.name)),
    ),
    BUSINESS_UNITS.operation(
        "BusinessUnits_Get", "GET", _get, suffix="/{id}",
        summary="Get a business unit", path_params=(ID,), query=(GUID,),
        response=One(BusinessUnitResponse), errors=(400, 404),
    ),
    BUSINESS_UNITS.operation(
        "BusinessUnits_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a business unit's external data", path_params=(ID,),
        body=UpdateBusinessUnitRequest, response=One(ModificationResponse), errors=(400, 404),
    ),
    replace(
        BUSINESS_UNITS.export_op(
            "Export_BusinessUnits", ExportBusinessUnitResponse, "/export/business-units",
            summary="Export business units",
        ),
        tag="Export",
    ),
]
