"""Calls: the v3 list, and the v2 call read, update, recording and voicemail.

v3 lists calls wrapped in the job booked from each (``call_views``); ``ids`` match the call
(``leadCall.id``), as the real list does. Filters: the four date filters, ``createdAfter`` and
``modifiedAfter`` (strictly after), ``active`` (only active calls unless it says otherwise),
``campaignId``, ``agentId``, ``minDuration`` (seconds), ``phoneNumberCalled`` and
``callerPhoneNumber`` (compared by digits), ``agentName`` (part of the agent's name, any case),
``agentIsExternal``/``agentExternalId``, ``sid`` and ``tag`` (the call's tag or a tag type's name,
any case); sort by Id, CreatedOn or ModifiedOn.

``PUT /v2/calls/{id}`` classifies a call as a CSR does: its type, excuse memo, campaign, agent,
reason (named: a call reason of the tenant, or blank for none), customer and location (id 0 for
none; the location must be the customer's), tag, and the job booked from it (``jobId``: the job's
``leadCallId`` becomes this call; null leaves the call's job as it is). The names, addresses and
contacts sent with the customer and location are not written to CRM. Linking a job marks an
unclassified call ``Booked``.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    STANDARD_SORT,
    Filter,
    active_filter,
    date_filters,
    equals,
    ids_filter,
    stamp_order,
    wire_instant,
)
from mockst.api.operation import Call, One, Stream
from mockst.api.params import Param
from mockst.api.resource import ID
from mockst.errors import ApiError, field_error
from mockst.jpm.job_records import JOBS
from mockst.store.table import Row
from mockst.telecom import audio
from mockst.telecom.call_records import BOOKED, CALLS, V3_BASE, digits, link_job, require
from mockst.telecom.call_views import bundle, call_part, shape
from mockst.telecom.models.calls import (
    CallInUpdateModelV2,
    CallResponse,
    DetailedBundleCallModel,
    DetailedCallModel,
)


def after(name: str, field: str) -> Filter:
    """``createdAfter``/``modifiedAfter``: strictly after the instant."""
    return Filter(Param(name, "datetime"),
                  lambda row, value: stamp_order(row.get(field)) > value, wire_instant)  # fmt: skip


def phone(name: str, field: str) -> Filter:
    return Filter(Param(name, "string"), lambda row, wanted: digits(row.get(field)) == wanted,
                  lambda value, _call: digits(value))  # fmt: skip


def _agents_named(value: str, call: Call) -> set[int]:
    wanted = value.strip().lower()
    return {r.id for r in call.table("employees").rows(include_deleted=True)
            if wanted in str(r.get("name") or "").lower()}  # fmt: skip


def _tagged(row: Row, wanted: tuple[str, set[int]]) -> bool:
    text, type_ids = wanted
    return str(row.get("tag") or "").lower() == text or bool(
        type_ids & set(row.get("tagTypeIds") or ())
    )


def _tag_types_named(value: str, call: Call) -> tuple[str, set[int]]:
    text = value.strip().lower()
    return text, {r.id for r in call.table("tag_types").rows()
                  if str(r.get("name") or "").lower() == text}  # fmt: skip


def agent_filters() -> tuple[Filter, ...]:
    return (
        equals("campaignId", kind="int64"),
        equals("agentId", kind="int64"),
        Filter(Param("minDuration", "int32"), lambda row, value: row.get("seconds") >= value),
        phone("phoneNumberCalled", "to"),
        Filter(Param("agentName", "string"), lambda row, ids: row.get("agentId") in ids,
               _agents_named),
        Filter(Param("agentIsExternal", "bool"),
               lambda row, value: (row.get("agentExternalId") is not None) == value),
        equals("agentExternalId", kind="int64"),
    )  # fmt: skip


V3_FILTERS = (
    ids_filter(),
    *date_filters(),
    active_filter("ActiveRequestArg"),
    after("createdAfter", "createdOn"),
    after("modifiedAfter", "modifiedOn"),
    *agent_filters(),
    phone("callerPhoneNumber", "from"),
    equals("sid"),
    Filter(Param("tag", "string"), _tagged, _tag_types_named),
)
V3_ORDER = (
    "page", "pageSize", "includeTotal", "ids", "createdBefore", "createdOnOrAfter",
    "modifiedBefore", "modifiedOnOrAfter", "active", "createdAfter", "modifiedAfter",
    "campaignId", "agentId", "minDuration", "phoneNumberCalled", "callerPhoneNumber",
    "agentName", "agentIsExternal", "agentExternalId", "sort", "sid", "tag",
)  # fmt: skip


def _v3(call: Call, row: Row) -> dict[str, Any]:
    return bundle(call, row, CallResponse, False, call.config.call_top_level_id == "job")


def _get(call: Call) -> dict[str, Any]:
    row = CALLS.find(call, call.path["id"])
    return bundle(call, row, DetailedBundleCallModel, True, call.config.call_top_level_id == "job")


# -- update ----------------------------------------------------------------------------------


def _reason_named(call: Call, name: str) -> int | None:
    wanted = name.strip().lower()
    if not wanted:
        return None
    for row in call.table("call_reasons").rows():
        if str(row.get("name") or "").lower() == wanted:
            return row.id
    raise field_error("reason.name", f"No call reason is named '{name.strip()}'.")


def _update(call: Call) -> dict[str, Any]:
    body: CallInUpdateModelV2 = call.body
    row = CALLS.find(call, call.path["id"])
    if body.callId is not None and body.callId != row.id:
        raise field_error("callId", f"The callId {body.callId} is not the call in the path.")
    customer_id = body.customer.id if body.customer.id > 0 else None
    location_id = body.location.id if body.location.id > 0 else None
    job = None
    if body.jobId is not None:
        job = call.table(JOBS.table).get(body.jobId)
        if job is None:
            raise field_error("jobId", f"Job {body.jobId} does not exist.")
        if customer_id is None:  # the job's customer is the call's
            customer_id, location_id = job.get("customerId"), job.get("locationId")
    require(call, "customers", "customer.id", customer_id, "Customer")
    require(call, "locations", "location.id", location_id, "Location")
    location = call.table("locations").get(location_id) if location_id is not None else None
    if location is not None and location.get("customerId") != customer_id:
        raise field_error(
            "location.id", f"Location {location_id} is not a location of customer {customer_id}."
        )
    require(call, "campaigns", "campaignId", body.campaignId, "Campaign")
    require(call, "employees", "agentId", body.agentId, "Employee")
    changes: dict[str, Any] = {
        "excuseMemo": body.excuseMemo, "tag": body.tag, "customerId": customer_id,
        "locationId": location_id, "reasonId": _reason_named(call, body.reason.name),
    }  # fmt: skip
    if "callType" in body.model_fields_set:
        changes["callType"] = body.callType.value if body.callType is not None else None
    elif job is not None and row.get("callType") is None:
        changes["callType"] = BOOKED
    for field in ("campaignId", "agentId"):
        if getattr(body, field) is not None:
            changes[field] = getattr(body, field)
    row = CALLS.change(call, row, changes)
    if job is not None:
        row = link_job(call, row, job)
    return shape(call_part(call, row, full=True), DetailedCallModel) or {}


# -- audio -----------------------------------------------------------------------------------


def _audio(flag: str, what: str, make: Any) -> Any:
    def handler(call: Call) -> bytes:
        row = CALLS.find(call, call.path["id"])
        if not row.get(flag):
            message = f"Call {row.id} has no {what.lower()}."
            raise ApiError(404, f"{what} not found.", {"id": [message]})
        return make()

    return handler


OPERATIONS = [
    CALLS.list_op(
        "Calls_Calls",
        CallResponse,
        summary="List calls (v3)",
        filters=V3_FILTERS,
        sort=STANDARD_SORT,
        order=V3_ORDER,
        render=_v3,
        base=V3_BASE,
    ),
    CALLS.operation(
        "Calls_GetDetails",
        "GET",
        _get,
        suffix="/{id}",
        summary="Get a call",
        path_params=(ID,),
        response=One(DetailedBundleCallModel),
    ),
    CALLS.operation(
        "Calls_Update",
        "PUT",
        _update,
        suffix="/{id}",
        summary="Classify a call",
        path_params=(ID,),
        body=CallInUpdateModelV2,
        response=One(DetailedCallModel),
    ),
    CALLS.operation(
        "Calls_GetRecording",
        "GET",
        _audio("hasRecording", "Recording", audio.recording),
        suffix="/{id}/recording",
        summary="Get a call's recording",
        path_params=(ID,),
        response=Stream("application/octet-stream"),
    ),
    CALLS.operation(
        "Calls_GetVoiceMail",
        "GET",
        _audio("hasVoicemail", "Voicemail", audio.voicemail),
        suffix="/{id}/voicemail",
        summary="Get a call's voicemail",
        path_params=(ID,),
        response=Stream("application/octet-stream"),
    ),
]
