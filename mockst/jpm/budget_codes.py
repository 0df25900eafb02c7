"""Budget codes: a combination of one item per segment of the work breakdown structure
(``work_breakdown.py``), such as cost code ``01.100`` with cost type ``L``, that a project's costs
are booked against.

A budget code has a part for every active segment, in segment order. The full create names an
item for each required segment (400 naming each one missing; an optional segment not named is
left open); the partial create may leave any segment open (``segmentItemId`` null, or the segment
not named). Items must
exist, be active and belong to their segment, one per segment. ``code`` joins the items' paths
with ``-`` (``01.100-L``) and ``description`` their descriptions with `` - ``; a code needs at
least one item. Creating a combination that exists answers the existing code.

The lists filter by ``budgetCodeIds``, ``segmentIds`` and ``segmentItemIds`` (comma-separated; a
code matches when one of its parts does) and are in id order. Match looks each of ``codes`` up by
its code (any case): ``isValid`` when some budget code has it. Project-level operations answer
what the company-level ones do once the project is found (404 otherwise). The two batch creates
stay planned: their official operations declare no request body, so what they take is unknown.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, Filter, page_of, project
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import Param, parse_id_list
from mockst.crm.customer_records import Problems
from mockst.jpm.models.budget_codes import (
    BudgetCodeModel,
    CreateBudgetCodeBatchResponse,
    CreateBudgetCodeResponse,
    CreateFullBudgetCodeArgs,
    CreatePartialBudgetCodeArgs,
    MatchBudgetCodesResponse,
)
from mockst.jpm.work_breakdown import (
    PROJECT,
    SEGMENT_ITEMS,
    SEGMENTS,
    check_project,
    segments_in_order,
    wbs_resource,
)
from mockst.store.table import Row

BUDGET_CODES = wbs_resource("budget_codes", "Budget code", "tn.jpm.budgetcodes")


def _any_part(name: str, field: str | None) -> Filter:
    def prepare(value: Any, call: Call) -> set[int] | None:
        ids = parse_id_list(name, value, call.config.max_ids)
        return set(ids) if ids is not None else None

    def test(row: Row, wanted: set[int]) -> bool:
        if field is None:
            return row.id in wanted
        return any(part.get(field) in wanted for part in row.get("segments"))

    return Filter(Param(name, "string"), test, prepare)


FILTERS = (
    _any_part("budgetCodeIds", None),
    _any_part("segmentIds", "segmentId"),
    _any_part("segmentItemIds", "segmentItemId"),
)


def create_budget_code(ctx: TenantContext, chosen: dict[int, int | None], *, full: bool) -> Row:
    """The budget code of ``chosen`` (segment id → item id or None), checked as the module says;
    problems are reported against ``segmentItemIds`` (full) or ``segments`` (partial)."""
    field = "segmentItemIds" if full else "segments"
    problems = Problems()
    parts: list[dict[str, Any]] = []
    for segment in segments_in_order(ctx):
        if not segment.get("isActive"):
            continue
        item_id = chosen.get(int(segment.id))
        if item_id is None and full and segment.get("isRequired"):
            problems.add(field, f"Segment {segment.id} ({segment.get('name')}) needs an item "
                                "in a full budget code.")  # fmt: skip
            continue
        item = ctx.table(SEGMENT_ITEMS.table).get(item_id) if item_id is not None else None
        parts.append({"segmentId": int(segment.id), "segmentItemId": item_id,
                      "code": item.get("code") if item else None,
                      "description": item.get("description") if item else None,
                      "path": item.get("path") if item else None})  # fmt: skip
    if not problems.errors and not any(p["segmentItemId"] for p in parts):
        problems.add(field, "At least one segment item is required.")
    problems.check()
    key = [[p["segmentId"], p["segmentItemId"]] for p in parts]
    for row in ctx.table(BUDGET_CODES.table).rows():
        if row.get("key") == key:
            return row
    given = [p for p in parts if p["segmentItemId"] is not None]
    data = {"code": "-".join(p["path"] for p in given),
            "description": " - ".join(p["description"] for p in given),
            "segments": parts, "key": key, "active": True}  # fmt: skip
    return BUDGET_CODES.insert(ctx, data)


def _check_item(
    ctx: TenantContext, problems: Problems, where: str, item_id: int, segment_id: int | None,
    chosen: dict[int, int | None],
) -> None:  # fmt: skip
    """One named item: it exists, is active, belongs to its segment, is its segment's only one."""
    item = ctx.table(SEGMENT_ITEMS.table).get(item_id)
    if item is None:
        problems.add(where, f"Segment item {item_id} does not exist.")
    elif not item.get("isActive"):
        problems.add(where, f"Segment item {item_id} is inactive.")
    elif segment_id is not None and item.get("segmentId") != segment_id:
        problems.add(where, f"Segment item {item_id} is not an item of segment {segment_id}.")
    elif chosen.get(item.get("segmentId")) is not None:
        problems.add(where, f"Segment {item.get('segmentId')} already has an item in this code.")
    else:
        chosen[item.get("segmentId")] = item_id


def _create_full(call: Call) -> dict[str, Any]:
    body: CreateFullBudgetCodeArgs = call.body
    problems, chosen = Problems(), {}
    for index, item_id in enumerate(body.segmentItemIds):
        _check_item(call, problems, f"segmentItemIds[{index}]", item_id, None, chosen)
    problems.check()
    return {"code": project(create_budget_code(call, chosen, full=True).data, BudgetCodeModel)}


def _create_partial(call: Call) -> dict[str, Any]:
    body: CreatePartialBudgetCodeArgs = call.body
    problems, chosen = Problems(), {}
    segments = call.table(SEGMENTS.table)
    for index, binding in enumerate(body.segments):
        where = f"segments[{index}]"
        if segments.get(binding.segmentId) is None:
            problems.add(f"{where}.segmentId", f"Segment {binding.segmentId} does not exist.")
        elif binding.segmentId in chosen:
            problems.add(f"{where}.segmentId", f"Segment {binding.segmentId} is given twice.")
        elif binding.segmentItemId is None:
            chosen[binding.segmentId] = None
        else:
            _check_item(call, problems, f"{where}.segmentItemId", binding.segmentItemId,
                        binding.segmentId, chosen)  # fmt: skip
    problems.check()
    return {"code": project(create_budget_code(call, chosen, full=False).data, BudgetCodeModel)}


def _list(call: Call) -> dict[str, Any]:
    check_project(call)
    return page_of(call, call.table(BUDGET_CODES.table), BudgetCodeModel, FILTERS)


def _match(call: Call) -> dict[str, Any]:
    check_project(call)
    rows = list(call.table(BUDGET_CODES.table).rows())
    matches = []
    for code in call.query["codes"]:
        found = [project(r.data, BudgetCodeModel) for r in rows
                 if str(r.get("code")).lower() == code.strip().lower()]  # fmt: skip
        matches.append({"code": code, "isValid": bool(found), "budgetCodes": found})
    return {"matches": matches}


LIST_QUERY = (*(f.param for f in FILTERS), *PAGE_PARAMS)
CODES = Param("codes", "string", required=True, array=True)


def _levels(name: str, handler: Any, suffix: str, **extra: Any) -> list[Any]:
    return [
        BUDGET_CODES.operation(
            f"BudgetCodes_{name.format('Company')}", "GET", handler, suffix=suffix, **extra,
        ),
        BUDGET_CODES.operation(
            f"BudgetCodes_{name.format('Project')}", "GET", handler,
            suffix=f"/projects/{{projectId}}{suffix}", path_params=(PROJECT,), **extra,
        ),
    ]  # fmt: skip


OPERATIONS = [
    *_levels("List{}BudgetCodes", _list, "/budget-codes", summary="List budget codes",
             query=LIST_QUERY, response=Page(BudgetCodeModel)),
    BUDGET_CODES.operation(
        "BudgetCodes_CreateBudgetCode", "POST", _create_full, suffix="/budget-codes",
        summary="Create a budget code with an item of every segment",
        body=CreateFullBudgetCodeArgs, response=One(CreateBudgetCodeResponse),
    ),
    *_levels("Match{}BudgetCodes", _match, "/budget-codes/match",
             summary="Look budget codes up by their codes", query=(CODES,),
             response=One(MatchBudgetCodesResponse)),
    BUDGET_CODES.operation(
        "BudgetCodes_CreateBudgetCodePartial", "POST", _create_partial,
        suffix="/budget-codes/partial", summary="Create a budget code with open segments",
        body=CreatePartialBudgetCodeArgs, response=One(CreateBudgetCodeResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_CreateBudgetCodesBatch", "POST", suffix="/budget-codes/batch",
        response=One(CreateBudgetCodeBatchResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_CreateBudgetCodesPartialBatch", "POST", suffix="/budget-codes/partial/batch",
        response=One(CreateBudgetCodeBatchResponse),
    ),
]  # fmt: skip
