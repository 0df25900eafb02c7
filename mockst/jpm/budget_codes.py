"""BudgetCodes: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.budget_codes import (
    BudgetCodeModel,
    CreateBudgetCodeBatchResponse,
    CreateBudgetCodeResponse,
    CreateFullBudgetCodeArgs,
    CreatePartialBudgetCodeArgs,
    ListSegmentsResponse,
    MatchBudgetCodesResponse,
    SegmentItemModel,
)

BUDGET_CODES = Resource(
    family=FAMILY,
    path="/work-breakdown-structure",
    table="work_breakdown_structure",
    scope="tn.jpm.budgetcodes",
    tag="BudgetCodes",
    noun="Budget code",
)

OPERATIONS = [
    BUDGET_CODES.planned(
        "BudgetCodes_ListCompanySegments",
        "GET",
        suffix="/segments",
        scope="tn.jpm.segments:r",
        query=(*PAGE_PARAMS,),
        response=One(ListSegmentsResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListProjectSegments",
        "GET",
        suffix="/projects/{projectId}/segments",
        scope="tn.jpm.segments:r",
        path_params=(path("projectId"),),
        query=(*PAGE_PARAMS,),
        response=One(ListSegmentsResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListCompanySegmentItems",
        "GET",
        suffix="/segments/{segmentId}/items",
        scope="tn.jpm.segments:r",
        path_params=(path("segmentId"),),
        query=(*PAGE_PARAMS, Param("includeChildren", "bool"),),
        response=Page(SegmentItemModel),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListProjectSegmentItems",
        "GET",
        suffix="/projects/{projectId}/segments/{segmentId}/items",
        scope="tn.jpm.segments:r",
        path_params=(path("projectId"), path("segmentId"),),
        query=(*PAGE_PARAMS, Param("includeChildren", "bool"),),
        response=Page(SegmentItemModel),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListCompanySegmentItemChildren",
        "GET",
        suffix="/segments/{segmentId}/items/{segmentItemId}/children",
        scope="tn.jpm.segments:r",
        path_params=(path("segmentId"), path("segmentItemId"),),
        query=(*PAGE_PARAMS, Param("includeChildren", "bool"),),
        response=Page(SegmentItemModel),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListProjectSegmentItemChildren",
        "GET",
        suffix="/projects/{projectId}/segments/{segmentId}/items/{segmentItemId}/children",
        scope="tn.jpm.segments:r",
        path_params=(path("projectId"), path("segmentId"), path("segmentItemId"),),
        query=(*PAGE_PARAMS, Param("includeChildren", "bool"),),
        response=Page(SegmentItemModel),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListCompanyBudgetCodes",
        "GET",
        suffix="/budget-codes",
        query=(
            Param("budgetCodeIds", "string"),
            Param("segmentIds", "string"),
            Param("segmentItemIds", "string"),
            *PAGE_PARAMS,
        ),
        response=Page(BudgetCodeModel),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_CreateBudgetCode",
        "POST",
        suffix="/budget-codes",
        body=CreateFullBudgetCodeArgs,
        response=One(CreateBudgetCodeResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_ListProjectBudgetCodes",
        "GET",
        suffix="/projects/{projectId}/budget-codes",
        path_params=(path("projectId"),),
        query=(
            Param("budgetCodeIds", "string"),
            Param("segmentIds", "string"),
            Param("segmentItemIds", "string"),
            *PAGE_PARAMS,
        ),
        response=Page(BudgetCodeModel),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_MatchCompanyBudgetCodes",
        "GET",
        suffix="/budget-codes/match",
        query=(Param("codes", "string", required=True, array=True),),
        response=One(MatchBudgetCodesResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_MatchProjectBudgetCodes",
        "GET",
        suffix="/projects/{projectId}/budget-codes/match",
        path_params=(path("projectId"),),
        query=(Param("codes", "string", required=True, array=True),),
        response=One(MatchBudgetCodesResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_CreateBudgetCodePartial",
        "POST",
        suffix="/budget-codes/partial",
        body=CreatePartialBudgetCodeArgs,
        response=One(CreateBudgetCodeResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_CreateBudgetCodesBatch",
        "POST",
        suffix="/budget-codes/batch",
        response=One(CreateBudgetCodeBatchResponse),
    ),
    BUDGET_CODES.planned(
        "BudgetCodes_CreateBudgetCodesPartialBatch",
        "POST",
        suffix="/budget-codes/partial/batch",
        response=One(CreateBudgetCodeBatchResponse),
    ),
]
