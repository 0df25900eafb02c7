"""Proposal templates: which estimate template each option of a proposal type starts from.

``proposalTypeId`` must name a proposal type (``proposal_types``: a fixed list) and shows its
name as ``proposalTypeName``; each of ``estimateAssignments`` names an option of that type and an
existing estimate template (its name shown as ``estimateTemplateName``, as it was when assigned);
``businessUnitIds`` must name business units. A 400 names the field otherwise. A create is a
Draft unless it says ``status``, active unless it says ``active: false``. PATCH changes what it
sends (null: unchanged) and replaces ``businessUnitIds``/``estimateAssignments`` wholesale when
present; assignments are checked against the type the template has after the PATCH. DELETE only
deactivates; PATCH ``active: true`` restores. The list takes ``active`` (only active templates
when absent), ``proposalTypeId`` and the two modified-date filters the document declares.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, active_filter, date_filters, equals, page_of, project
from mockst.api.operation import Call, Empty, One, Page, TenantContext
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems
from mockst.sales import FAMILY
from mockst.sales.estimate_templates import ESTIMATE_TEMPLATES
from mockst.sales.models.proposal_templates import (
    CreateProposalTemplateRequest,
    ProposalTemplateResponse,
    UpdateProposalTemplateRequest,
)
from mockst.sales.proposal_types import proposal_type
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

PROPOSAL_TEMPLATES = Resource(
    family=FAMILY,
    path="/proposal-templates",
    table="proposal_templates",
    scope="tn.sal.proposaltemplates",
    tag="ProposalTemplates",
    noun="Proposal template",
)

HEADER = ("name", "description", "status", "active", "proposalTypeId")
FILTERS = (active_filter("ActiveRequestArg"), equals("proposalTypeId", kind="int64"),
           *date_filters(created=""))


def _check(ctx: TenantContext, problems: Problems, sent: dict[str, Any],
           type_id: int) -> dict[str, Any]:
    """The stored fields that follow from what was sent: the type's name, assignments, units."""
    record: dict[str, Any] = {}
    kind = proposal_type(type_id)
    if kind is None:
        problems.add("proposalTypeId", f"Proposal type {type_id} does not exist.")
    else:
        record["proposalTypeName"] = kind["name"]
    units = sent.get("businessUnitIds")
    if units is not None:
        for i, unit in enumerate(units):
            if ctx.table(BUSINESS_UNITS.table).get(unit) is None:
                problems.add(f"businessUnitIds[{i}]", f"Business unit {unit} does not exist.")
        record["businessUnitIds"] = list(dict.fromkeys(units))
    assignments = sent.get("estimateAssignments")
    if assignments is not None:
        options = {o["id"] for o in kind["options"]} if kind else set()
        shown = []
        for i, one in enumerate(assignments):
            at = f"estimateAssignments[{i}]"
            if kind is not None and one["proposalTypeOptionId"] not in options:
                problems.add(f"{at}.proposalTypeOptionId",
                             f"Option {one['proposalTypeOptionId']} is not an option of "
                             f"proposal type {type_id}.")
            template = ctx.table(ESTIMATE_TEMPLATES.table).get(one["estimateTemplateId"])
            if template is None:
                problems.add(f"{at}.estimateTemplateId",
                             f"Estimate template {one['estimateTemplateId']} does not exist.")
                continue
            shown.append({**one, "estimateTemplateName": template.get("name")})
        record["estimateAssignments"] = shown
    return record


def render(row: Row) -> dict[str, Any]:
    shown = project(row.data, ProposalTemplateResponse)
    shown["active"] = row.active
    return shown


def create_proposal_template(ctx: TenantContext, body: CreateProposalTemplateRequest) -> Row:
    """A new proposal template (the API, seeds)."""
    sent = body.model_dump(mode="json")
    problems = Problems()
    derived = _check(ctx, problems, {**sent, "businessUnitIds": sent["businessUnitIds"] or []},
                     body.proposalTypeId)
    problems.check()
    record = {k: sent[k] for k in HEADER} | derived
    record["active"] = record["active"] is not False
    record["status"] = record["status"] or "Draft"
    return PROPOSAL_TEMPLATES.insert(ctx, record)


def _create(call: Call) -> dict[str, Any]:
    return render(create_proposal_template(call, call.body))


def _get(call: Call) -> dict[str, Any]:
    return render(PROPOSAL_TEMPLATES.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    body: UpdateProposalTemplateRequest = call.body
    row = PROPOSAL_TEMPLATES.find(call, call.path["id"])
    sent = {k: v for k, v in body.model_dump(mode="json").items() if v is not None}
    type_id = sent.get("proposalTypeId", row.get("proposalTypeId"))
    if "proposalTypeId" in sent and "estimateAssignments" not in sent:
        # the kept assignments must suit the new type
        sent["estimateAssignments"] = [
            {k: a[k] for k in ("proposalTypeOptionId", "estimateTemplateId", "order")}
            for a in row.get("estimateAssignments") or []]
    problems = Problems()
    derived = _check(call, problems, sent, type_id)
    problems.check()
    changes = {k: sent[k] for k in HEADER if k in sent} | derived
    return render(PROPOSAL_TEMPLATES.change(call, row, changes))


def _delete(call: Call) -> None:
    row = PROPOSAL_TEMPLATES.find(call, call.path["id"])
    PROPOSAL_TEMPLATES.change(call, row, {"active": False})


def _list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(PROPOSAL_TEMPLATES.table), ProposalTemplateResponse, FILTERS,
                   None, render, view="proposal-template")


ID = (path("id"),)
OPERATIONS = [
    PROPOSAL_TEMPLATES.operation(
        "ProposalTemplates_Get", "GET", _list, response=Page(ProposalTemplateResponse),
        query=(*(f.param for f in FILTERS), *PAGE_PARAMS),
    ),
    PROPOSAL_TEMPLATES.operation(
        "ProposalTemplates_Create", "POST", _create, body=CreateProposalTemplateRequest,
        response=One(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.operation(
        "ProposalTemplates_GetById", "GET", _get, suffix="/{id}", path_params=ID,
        response=One(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.operation(
        "ProposalTemplates_Update", "PATCH", _update, suffix="/{id}", path_params=ID,
        body=UpdateProposalTemplateRequest, response=One(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.operation(
        "ProposalTemplates_Delete", "DELETE", _delete, suffix="/{id}", path_params=ID,
        response=Empty(),
    ),
]
