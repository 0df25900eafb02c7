"""Job types: the kinds of work a tenant books (a drain cleaning, a furnace tune-up), with the
business units that do them, how long they take, their priority and the defaults a booked job
takes from them (tags, summary, no-charge).

A created job type is active (neither request can change that: a tenant retires one in its
settings; seeds and ``create_job_type`` can). ``duration`` is in seconds and defaults to an hour:
a job type without one would let capacity overbook. ``priority`` defaults to ``Normal``. Business
units and tag types must be the tenant's (400 naming the item). External data belongs to the
application that wrote it, as on customers: a response shows the items of the
``externalDataApplicationGuid`` asked for, else none. PATCH changes the fields it sends; lists
replace, except ``customFieldTypeIds`` with ``customFieldsUpdateMode: Merge``, which adds to them.

The list: ``name`` matches part of the name in any case, ``priority`` the whole priority in any
case, ``minDuration``/``maxDuration`` bound the duration, ``ids``, ``active`` (only active unless
asked), the date filters; ``orderBy`` (``id``, ``modifiedOn``, ``createdOn``, in any case) and
``orderByDirection`` (``asc``/``ascending``, ``desc``/``descending``), by id ascending otherwise.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    ACTIVE,
    PAGE_PARAMS,
    Filter,
    active_filter,
    apply_filters,
    contains,
    date_filters,
    ids_filter,
    page_window,
    stamp_order,
)
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.crm.customer_records import (
    Problems,
    check_tag_types,
    external_data_created,
    external_data_updated,
    render,
)
from mockst.errors import validation_error
from mockst.jpm import FAMILY
from mockst.jpm.models.job_types import (
    CreateJobTypeRequest,
    CustomFieldsUpdateMode,
    JobTypeResponse,
    UpdateJobTypeRequest,
)
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

JOB_TYPES = Resource(
    family=FAMILY,
    path="/job-types",
    table="job_types",
    scope="tn.jpm.jobtypes",
    tag="JobTypes",
    noun="Job type",
)
DEFAULT_DURATION = 3600  # seconds
ORDER_FIELDS = {"id": "id", "modifiedon": "modifiedOn", "createdon": "createdOn"}
DIRECTIONS = {"asc": False, "ascending": False, "desc": True, "descending": True}
GUID = Param("externalDataApplicationGuid", "guid")


def _units(ctx: TenantContext, problems: Problems, ids: list[int] | None) -> list[int]:
    result: list[int] = []
    for index, ident in enumerate(ids or []):
        if ctx.table(BUSINESS_UNITS.table).get(ident) is None:
            problems.add(f"businessUnitIds[{index}]", f"Business unit {ident} does not exist.")
        elif ident not in result:
            result.append(ident)
    return result


def _duration(problems: Problems, seconds: int | None) -> int:
    if seconds is not None and seconds < 0:
        problems.add("duration", "The duration must be 0 or greater.")
    return DEFAULT_DURATION if seconds is None else seconds


def create_job_type(ctx: TenantContext, body: CreateJobTypeRequest, *, active: bool = True) -> Row:
    """A job type of the tenant (the API's create, seeds, the control plane)."""
    problems = Problems()
    problems.required_text("name", body.name)
    data: dict[str, Any] = {
        "name": body.name.strip(),
        "businessUnitIds": _units(ctx, problems, body.businessUnitIds),
        "skills": list(dict.fromkeys(body.skills or [])),
        "tagTypeIds": check_tag_types(ctx, problems, "tagTypeIds", body.tagTypeIds),
        "priority": body.priority or "Normal",
        "duration": _duration(problems, body.duration),
        "soldThreshold": body.soldThreshold,
        "class": body.class_ or "",
        "summary": body.summary or "",
        "noCharge": bool(body.noCharge),
        "enforceRecurringServiceEventSelection": body.enforceRecurringServiceEventSelection,
        "invoiceSignaturesRequired": bool(body.invoiceSignaturesRequired),
        "active": active,
        "isSmartDispatched": False,
        "defaultEstimateSoldAction": body.defaultEstimateSoldAction or "None",
        "customFieldTypeIds": list(dict.fromkeys(body.customFieldTypeIds or [])),
        "externalDataByApp": external_data_created(problems, "externalData", body.externalData),
    }
    if problems.errors:
        raise validation_error(problems.errors)
    return JOB_TYPES.insert(ctx, data)


def _show(call: Call, row: Row) -> dict[str, Any]:
    return render(row.data, JobTypeResponse, call.query.get(GUID.name))


def _create(call: Call) -> dict[str, Any]:
    row = create_job_type(call, call.body)
    return render(row.data, JobTypeResponse, str(call.body.externalData.applicationGuid)
                  if call.body.externalData else None)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateJobTypeRequest = call.body
    row = JOB_TYPES.find(call, call.path["id"])
    sent = body.model_fields_set
    problems = Problems()
    changes: dict[str, Any] = {}
    if "name" in sent:
        problems.required_text("name", body.name)
        changes["name"] = (body.name or "").strip()
    if "businessUnitIds" in sent:
        changes["businessUnitIds"] = _units(call, problems, body.businessUnitIds)
    if "tagTypeIds" in sent:
        changes["tagTypeIds"] = check_tag_types(call, problems, "tagTypeIds", body.tagTypeIds)
    if "duration" in sent:
        changes["duration"] = _duration(problems, body.duration)
    if "customFieldTypeIds" in sent:
        ids = list(body.customFieldTypeIds or [])
        if body.customFieldsUpdateMode is CustomFieldsUpdateMode.MERGE:
            ids = [*row.get("customFieldTypeIds", []), *ids]
        changes["customFieldTypeIds"] = list(dict.fromkeys(ids))
    if "externalData" in sent and body.externalData is not None:
        current = row.get("externalDataByApp") or {}
        changes["externalDataByApp"] = external_data_updated(
            problems, "externalData", current, body.externalData
        )
    for field in ("skills", "priority", "soldThreshold", "summary", "noCharge",
                  "enforceRecurringServiceEventSelection", "invoiceSignaturesRequired",
                  "defaultEstimateSoldAction"):  # fmt: skip
        if field in sent:
            changes[field] = getattr(body, field)
    if "class_" in sent:
        changes["class"] = body.class_ or ""
    if problems.errors:
        raise validation_error(problems.errors)
    guid = str(body.externalData.applicationGuid) if body.externalData else None
    return render(JOB_TYPES.change(call, row, changes).data, JobTypeResponse, guid)


def _get(call: Call) -> dict[str, Any]:
    return _show(call, JOB_TYPES.find(call, call.path["id"]))


def _order(call: Call, rows: list[Row]) -> list[Row]:
    by = (call.query.get("orderBy") or "id").strip().lower()
    direction = (call.query.get("orderByDirection") or "asc").strip().lower()
    errors: dict[str, list[str]] = {}
    if by not in ORDER_FIELDS:
        errors["orderBy"] = ["Supported fields are id, modifiedOn and createdOn."]
    if direction not in DIRECTIONS:
        errors["orderByDirection"] = ["Supported values are asc, ascending, desc and descending."]
    if errors:
        raise validation_error(errors)
    field = ORDER_FIELDS[by]
    if field == "id":
        return sorted(rows, key=lambda r: r.id, reverse=DIRECTIONS[direction])
    # stamps vary in length (trailing zeros trimmed): compare them in time order
    key = lambda r: (stamp_order(r.get(field)), r.id)  # noqa: E731
    return sorted(rows, key=key, reverse=DIRECTIONS[direction])


FILTERS = (
    contains("name"),
    Filter(Param("minDuration", "int32"), lambda row, low: row.get("duration") >= low),
    Filter(Param("maxDuration", "int32"), lambda row, high: row.get("duration") <= high),
    Filter(Param("priority"), lambda row, value: row.get("priority").lower() == value.lower()),
    ids_filter(),
    active_filter(ACTIVE.enum_name or "ActiveRequestArg"),
    *date_filters(),
)


def _list(call: Call) -> dict[str, Any]:
    page, size = page_window(call)
    rows = _order(call, apply_filters(call, call.table(JOB_TYPES.table).rows(), FILTERS))
    start = (page - 1) * size
    return {
        "page": page,
        "pageSize": size,
        "hasMore": len(rows) > start + size,
        "totalCount": len(rows) if call.query.get("includeTotal") else None,
        "data": [_show(call, row) for row in rows[start : start + size]],
    }


LIST_QUERY = (
    *(f.param for f in FILTERS[:5]),
    *PAGE_PARAMS,
    FILTERS[5].param,
    Param("orderBy"),
    Param("orderByDirection"),
    *(f.param for f in FILTERS[6:]),
    GUID,
)

OPERATIONS = [
    JOB_TYPES.operation(
        "JobTypes_GetList", "GET", _list,
        summary="List job types", query=LIST_QUERY, response=Page(JobTypeResponse),
    ),
    JOB_TYPES.operation(
        "JobTypes_Create", "POST", _create,
        summary="Create a job type", body=CreateJobTypeRequest, response=One(JobTypeResponse),
    ),
    JOB_TYPES.operation(
        "JobTypes_Get", "GET", _get, suffix="/{id}",
        summary="Get a job type", path_params=(ID,), query=(GUID,),
        response=One(JobTypeResponse), errors=(400, 404),
    ),
    JOB_TYPES.operation(
        "JobTypes_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a job type", path_params=(ID,),
        body=UpdateJobTypeRequest, response=One(JobTypeResponse),
    ),
]
