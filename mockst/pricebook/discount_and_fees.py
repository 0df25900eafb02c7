"""DiscountAndFees: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.discount_and_fees import (
    DiscountAndFeesCreateRequest,
    DiscountAndFeesResponse,
    DiscountAndFeesUpdateRequest,
)

DISCOUNT_AND_FEES = Resource(
    family=FAMILY,
    path="/discounts-and-fees",
    table="discounts_and_fees",
    scope="tn.pb.discountsandfees",
    tag="DiscountAndFees",
    noun="Discount and fee",
)

OPERATIONS = [
    DISCOUNT_AND_FEES.planned(
        "DiscountAndFees_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("sort", "string"),
            Param("ids", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            ACTIVE,
            Param("externalDataApplicationGuid", "guid"),
            Param("externalDataKey", "string"),
            Param("externalDataValues", "string"),
            Param("searchText", "string", min_length=2, max_length=200),
        ),
        response=Page(DiscountAndFeesResponse),
    ),
    DISCOUNT_AND_FEES.planned(
        "DiscountAndFees_Create",
        "POST",
        body=DiscountAndFeesCreateRequest,
        response=One(DiscountAndFeesResponse),
        status=201,
    ),
    DISCOUNT_AND_FEES.planned(
        "DiscountAndFees_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("externalDataApplicationGuid", "guid"),),
        response=One(DiscountAndFeesResponse),
        errors=(400, 404),
    ),
    DISCOUNT_AND_FEES.planned(
        "DiscountAndFees_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=DiscountAndFeesUpdateRequest,
        response=One(DiscountAndFeesResponse),
        errors=(400, 404),
    ),
    DISCOUNT_AND_FEES.planned(
        "DiscountAndFees_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        status=204,
        errors=(400, 404),
    ),
]
