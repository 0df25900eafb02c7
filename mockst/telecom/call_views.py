"""How a call is shown: the v3 list row, the v2 bundles (list and detail) and the export row.

Every shape reads the call's links as they are now (``call_records``). The v3 row and the v2
bundles wrap the call (``leadCall``) in the job booked from it (§15 U20): the job's id, number,
project, business unit and job type, or ``id`` and ``projectId`` 0 and the rest null when no job
came of the call. The v2 shapes carry whole objects (a full business unit, customer, campaign);
a link the call does not have is null there too, although the deprecated v2 schemas mark those
objects required (README: calls).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from mockst.api.listing import project, wire_fields
from mockst.api.operation import TenantContext
from mockst.store.table import Row
from mockst.telecom.call_records import job_of

CALL_PATH = "/telecom/v2/tenant/{tenant}/calls/{id}"


@cache
def _nested_model(model: type[BaseModel], alias: str) -> type[BaseModel] | None:
    """The model a field of ``model`` holds (itself, in a list, or nullable), if any."""
    for name, info in model.model_fields.items():
        if (info.alias or name) == alias:
            return _model_in(info.annotation)
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union) or get_args(annotation):
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def shape(data: dict[str, Any] | None, model: type[BaseModel]) -> dict[str, Any] | None:
    """``data`` cut to ``model`` at every level (``project`` cuts the top only)."""
    if data is None:
        return None
    shown = project(data, model)
    for key, value in shown.items():
        inner = _nested_model(model, key) if isinstance(value, dict | list) else None
        if inner is None:
            continue
        if isinstance(value, dict):
            shown[key] = shape(value, inner)
        else:
            shown[key] = [shape(v, inner) if isinstance(v, dict) else v for v in value]
    return shown


def _get(ctx: TenantContext, table: str, ident: int | None) -> Row | None:
    return ctx.table(table).get(ident) if ident is not None else None


def _named(row: Row | None) -> dict[str, Any] | None:
    return {"id": row.id, "name": row.get("name")} if row is not None else None


def links(ctx: TenantContext, call: Row) -> dict[str, Row | None]:
    """The rows a call names, as they are now."""
    return {
        "customer": _get(ctx, "customers", call.get("customerId")),
        "location": _get(ctx, "locations", call.get("locationId")),
        "campaign": _get(ctx, "campaigns", call.get("campaignId")),
        "reason": _get(ctx, "call_reasons", call.get("reasonId")),
        "agent": _get(ctx, "employees", call.get("agentId")),
        "createdBy": _get(ctx, "employees", call.get("createdById")),
        "job": job_of(ctx, call),
    }


def _urls(ctx: TenantContext, call: Row) -> tuple[str | None, str | None]:
    # The simulator's own paths: a client fetching them gets the call's audio.
    base = CALL_PATH.format(tenant=ctx.tenant_id, id=call.id)
    recording = f"{base}/recording" if call.get("hasRecording") else None
    voicemail = f"{base}/voicemail" if call.get("hasVoicemail") else None
    return recording, voicemail


def _tags(ctx: TenantContext, call: Row) -> list[dict[str, Any]]:
    types = ctx.table("tag_types")
    found = (types.get(i) for i in call.get("tagTypeIds") or [])
    return [{"id": t.id, "typeName": t.get("name")} for t in found if t is not None]


def _reason(row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"id": row.id, "name": row.get("name"), "lead": row.get("isLead"), "active": row.active}


def _agent(call: Row, row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"id": row.id, "name": row.get("name"), "externalId": call.get("agentExternalId")}


Contacts = dict[int, list[Row]]  # customer id -> its contacts


def contacts_by_customer(ctx: TenantContext) -> Contacts:
    """Every customer's contacts, read once for a whole v2 page."""
    found: Contacts = {}
    for contact in ctx.table("customer_contacts").rows():
        found.setdefault(contact.get("customerId"), []).append(contact)
    return found


def call_part(
    ctx: TenantContext, call: Row, full: bool, contacts: Contacts | None = None
) -> dict[str, Any]:
    """The call itself (``leadCall``): brief links for v3, whole objects for v2 (``full``)."""
    found = links(ctx, call)
    recording, voicemail = _urls(ctx, call)
    data = {**call.data, "recordingUrl": recording, "voiceMailUrl": voicemail,
            "reason": _reason(found["reason"]), "agent": _agent(call, found["agent"]),
            "createdBy": _named(found["createdBy"]), "tags": _tags(ctx, call)}  # fmt: skip
    if full:
        data["customer"] = full_customer(ctx, found["customer"], contacts)
        data["campaign"] = full_campaign(ctx, found["campaign"])
    else:
        data["customer"] = _named(found["customer"])
        data["campaign"] = _named(found["campaign"])
    return data


def bundle(
    ctx: TenantContext,
    call: Row,
    model: type[BaseModel],
    full: bool,
    job_id: bool = True,
    contacts: Contacts | None = None,
) -> dict[str, Any]:
    """The call wrapped in the job booked from it, as ``model`` (v3 row or a v2 bundle);
    ``job_id`` False: the top-level id is 0 whatever the job (``Config.call_top_level_id``)."""
    job = job_of(ctx, call)
    unit = _get(ctx, "business_units", job.get("businessUnitId")) if job is not None else None
    job_type = _get(ctx, "job_types", job.get("jobTypeId")) if job is not None else None
    top: dict[str, Any] = {
        "id": job.id if job is not None and job_id else 0,
        "jobNumber": job.get("jobNumber") if job is not None else None,
        "projectId": (job.get("projectId") or 0) if job is not None else 0,
        "businessUnit": None,
        "type": None,
        "leadCall": call_part(ctx, call, full, contacts),
    }
    if unit is not None:
        top["businessUnit"] = unit.data if full else _named(unit)
    if job_type is not None:
        top["type"] = {"id": job_type.id, "name": job_type.get("name"),
                       "modifiedOn": job_type.get("modifiedOn")}  # fmt: skip
    return shape(top, model) or {}


def full_customer(
    ctx: TenantContext, row: Row | None, every: Contacts | None = None
) -> dict[str, Any] | None:
    """A CRM customer as the v2 call shows it (``Crm.Contracts.Customers.CustomerModel``)."""
    if row is None:
        return None
    contacts = (every if every is not None else contacts_by_customer(ctx)).get(row.id, [])
    data = row.data
    address = dict(data.get("address") or {})
    region = " ".join(p for p in (address.get("state"), address.get("zip")) if p)
    parts = (address.get("street"), address.get("city"), region)
    address["streetAddress"] = ", ".join(p for p in parts if p)  # as technicians' homes
    emails = [c.get("value") for c in contacts if c.get("type") == "Email"]
    data.update(
        address=address,
        email=emails[0] if emails else None,
        contacts=[{**c.data, "active": c.active} for c in contacts],
        phoneSettings=[c.get("phoneSettings") for c in contacts if c.get("phoneSettings")],
        memberships=[],
        hasActiveMembership=False,
        importId=None,
        createdBy=data.get("createdById"),
    )
    return data


def full_campaign(ctx: TenantContext, row: Row | None) -> dict[str, Any] | None:
    """A campaign as the v2 call shows it (``Marketing.Core.CampaignModel``)."""
    if row is None:
        return None
    data = row.data
    category = _get(ctx, "campaign_categories", data.get("categoryId"))
    unit = _get(ctx, "business_units", data.get("businessUnitId"))
    numbers = data.get("campaignPhoneNumbers") or []
    data.update(
        category={"id": category.id, "name": category.get("name"), "active": category.active}
        if category is not None else None,
        businessUnit=unit.get("name") if unit is not None else None,
        dnis=numbers[0] if numbers else None,
    )  # fmt: skip
    return data


def export_row(ctx: TenantContext, call: Row, model: type[BaseModel]) -> dict[str, Any]:
    """The flat export row (``Telecom.V2.ExportCallResponse``)."""
    found = links(ctx, call)
    recording, voicemail = _urls(ctx, call)
    job = found["job"]
    data = {
        **call.data,
        "type": call.get("callType"),
        "recordingUrl": recording,
        "voiceMailPath": voicemail,
        "reason": _named(found["reason"]),
        "customer": _named(found["customer"]),
        "location": _named(found["location"]),
        "campaign": _named(found["campaign"]),
        "job": {"id": job.id, "number": job.get("jobNumber")} if job is not None else None,
        "agent": _named(found["agent"]),
        "createdBy": _named(found["createdBy"]),
        "lead": {"id": call.get("leadId")} if call.get("leadId") is not None else None,
        "active": call.active,
    }
    return {key: data.get(key) for key in wire_fields(model)}
