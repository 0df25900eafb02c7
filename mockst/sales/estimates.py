"""Estimates: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.models.common import EstimateItemResponse
from mockst.sales.models.estimates import (
    CreateEstimateRequest,
    EstimateItemCreateUpdateRequest,
    EstimateItemUpdateResponse,
    EstimateResponse,
    SellRequest,
    UpdateEstimateRequest,
)

ESTIMATES = Resource(
    family=FAMILY,
    path="/estimates",
    table="estimates",
    scope="tn.sal.estimates",
    tag="Estimates",
    noun="Estimate",
)

OPERATIONS = [
    ESTIMATES.planned(
        "Estimates_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(EstimateResponse),
    ),
    ESTIMATES.planned(
        "Estimates_Update",
        "PUT",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateEstimateRequest,
        response=One(EstimateResponse),
    ),
    ESTIMATES.planned(
        "Estimates_GetList",
        "GET",
        query=(
            Param("jobId", "int64"),
            Param("projectId", "int64"),
            Param("jobNumber", "string"),
            Param("totalGreater", "decimal"),
            Param("totalLess", "decimal"),
            Param("soldById", "int64"),
            Param("soldByEmployeeId", "int64"),
            Param("ids", "string"),
            *PAGE_PARAMS,
            Param("soldAfter", "datetime"),
            Param("soldBefore", "datetime"),
            Param("status", "string"),
            ACTIVE,
            Param("sort", "string"),
            Param("orderBy", "string"),
            Param("orderByDirection", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("locationId", "int64"),
        ),
        response=Page(EstimateResponse),
    ),
    ESTIMATES.planned(
        "Estimates_Create",
        "POST",
        body=CreateEstimateRequest,
        response=One(EstimateResponse),
    ),
    ESTIMATES.planned(
        "Estimates_GetItems",
        "GET",
        suffix="/items",
        query=(
            Param("estimateId", "int64"),
            Param("ids", "string"),
            ACTIVE,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
            *PAGE_PARAMS,
        ),
        response=Page(EstimateItemResponse),
    ),
    ESTIMATES.planned(
        "Estimates_Sell",
        "PUT",
        suffix="/{id}/sell",
        path_params=(path("id"),),
        body=SellRequest,
        response=One(EstimateResponse),
    ),
    ESTIMATES.planned(
        "Estimates_Unsell",
        "PUT",
        suffix="/{id}/unsell",
        path_params=(path("id"),),
        response=Empty(),
    ),
    ESTIMATES.planned(
        "Estimates_Dismiss",
        "PUT",
        suffix="/{id}/dismiss",
        path_params=(path("id"),),
        response=Empty(),
    ),
    ESTIMATES.planned(
        "Estimates_PutItem",
        "PUT",
        suffix="/{id}/items",
        path_params=(path("id"),),
        body=EstimateItemCreateUpdateRequest,
        response=One(EstimateItemUpdateResponse),
    ),
    ESTIMATES.planned(
        "Estimates_DeleteItem",
        "DELETE",
        suffix="/{id}/items/{itemId}",
        path_params=(path("id"), path("itemId"),),
        response=Empty(),
    ),
]
