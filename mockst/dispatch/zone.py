"""Zones: the areas a tenant serves (by zip code, city, territory or LOCN number), the business
units working them and the days they are served; CRM locations name theirs (``zoneId``).

A zone needs a name when created; business units must be the tenant's; ``serviceDaysIds`` are
.NET day numbers (0 Sunday … 6 Saturday) and show in ``serviceDays`` as day names. PATCH changes
the fields sent (a list replaces the whole list). Create and PATCH answer the document's shorter
shape (``serviceDaysIds``, no ``technicians``); technicians are assigned to zones in the tenant's
settings (seeds), not through this API. DELETE removes a zone (then 404). The list shows active
zones unless ``active`` says otherwise; sort by Id, CreatedOn or ModifiedOn.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    ACTIVE,
    PAGE_PARAMS,
    STANDARD_SORT,
    active_filter,
    date_filters,
    project,
)
from mockst.api.operation import Call, Empty, One, TenantContext
from mockst.api.params import path
from mockst.api.resource import ID, Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import INTEGRATION_USER, Problems, business_units
from mockst.dispatch.models.zone import (
    CreateOrUpdateZoneRequestArgs,
    CreateOrUpdateZoneResponse,
    ZoneResponse,
)
from mockst.store.table import Row

ZONE = Resource(
    family=FAMILY,
    path="/zones",
    table="zones",
    scope="tn.dis.zones",
    tag="Zone",
    noun="Zone",
)
ZONE_ID = path("zoneId")
DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
LISTS = ("zips", "cities", "territoryNumbers", "locnNumbers")


def _changes(ctx: TenantContext, body: CreateOrUpdateZoneRequestArgs,
             sent: set[str]) -> dict[str, Any]:  # fmt: skip
    problems = Problems()
    data: dict[str, Any] = {}
    if "name" in sent:
        data["name"] = problems.required_text("name", body.name)
    for field in LISTS:
        if field in sent:
            data[field] = list(dict.fromkeys(v.strip() for v in getattr(body, field) or []))
    if "serviceDaysEnabled" in sent:
        data["serviceDaysEnabled"] = bool(body.serviceDaysEnabled)
    if "serviceDaysIds" in sent:
        days = sorted(set(body.serviceDaysIds or []))
        for day in days:
            if not 0 <= day <= 6:
                problems.add("serviceDaysIds", f"{day} is not a day number (0 Sunday … 6 "
                             "Saturday).")  # fmt: skip
        data["serviceDaysIds"] = days
        data["serviceDays"] = [DAY_NAMES[d] for d in days if 0 <= d <= 6]
    if "businessUnits" in sent:
        data["businessUnits"] = business_units(ctx, problems, "businessUnits", body.businessUnits)
    problems.check()
    return data


def create_zone(ctx: TenantContext, body: CreateOrUpdateZoneRequestArgs, *,
                technicians: list[int] | None = None) -> Row:  # fmt: skip
    """A zone of the tenant (the API, seeds with its ``technicians``, the control plane)."""
    data = {"active": True, "name": "", **{f: [] for f in LISTS}, "createdBy": INTEGRATION_USER,
            "serviceDaysEnabled": False, "serviceDays": [], "serviceDaysIds": [],
            "businessUnits": [], "technicians": list(technicians or [])}  # fmt: skip
    return ZONE.insert(ctx, {**data, **_changes(ctx, body, body.model_fields_set | {"name"})})


def _create(call: Call) -> dict[str, Any]:
    return project(create_zone(call, call.body).data, CreateOrUpdateZoneResponse)


def _update(call: Call) -> dict[str, Any]:
    body: CreateOrUpdateZoneRequestArgs = call.body
    row = ZONE.find(call, call.path["zoneId"])
    row = ZONE.change(call, row, _changes(call, body, body.model_fields_set))
    return project(row.data, CreateOrUpdateZoneResponse)


def _get(call: Call) -> dict[str, Any]:
    return project(ZONE.find(call, call.path["id"]).data, ZoneResponse)


def _delete(call: Call) -> None:
    ZONE.remove(call, ZONE.find(call, call.path["zoneId"]))


LIST_ORDER = (
    *(p.name for p in PAGE_PARAMS), "createdOnOrAfter", "createdBefore", "modifiedOnOrAfter",
    "modifiedBefore", "active", "sort",
)  # fmt: skip

OPERATIONS = [
    ZONE.list_op(
        "Zone_GetList", ZoneResponse,
        summary="List zones", filters=(*date_filters(), active_filter(ACTIVE.enum_name or "")),
        sort=STANDARD_SORT, order=LIST_ORDER,
    ),
    ZONE.operation(
        "Zone_CreateZone", "POST", _create,
        summary="Create a zone", body=CreateOrUpdateZoneRequestArgs,
        response=One(CreateOrUpdateZoneResponse),
    ),
    ZONE.operation(
        "Zone_Get", "GET", _get, suffix="/{id}",
        summary="Get a zone", path_params=(ID,), response=One(ZoneResponse), errors=(400, 404),
    ),
    ZONE.operation(
        "Zone_UpdateZone", "PATCH", _update, suffix="/{zoneId}",
        summary="Update a zone", path_params=(ZONE_ID,), body=CreateOrUpdateZoneRequestArgs,
        response=One(CreateOrUpdateZoneResponse), errors=(400, 404),
    ),
    ZONE.operation(
        "Zone_DeleteZone", "DELETE", _delete, suffix="/{zoneId}",
        summary="Delete a zone", path_params=(ZONE_ID,), response=Empty(), errors=(400, 404),
    ),
]  # fmt: skip
