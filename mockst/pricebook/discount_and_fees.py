"""Discounts and fees: price modifiers (a senior discount, a trip charge), a ``Fixed`` amount or a
``Percentage`` up to a ``limit``. Shared SKU rules: ``skus.py``, ``sku_operations.py``."""

from __future__ import annotations

from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.discount_and_fees import (
    DiscountAndFeesCreateRequest,
    DiscountAndFeesResponse,
    DiscountAndFeesUpdateRequest,
)
from mockst.pricebook.sku_operations import GUID, SKU_QUERY, sku_operations
from mockst.pricebook.skus import Kind

DISCOUNT_AND_FEES = Resource(
    family=FAMILY,
    path="/discounts-and-fees",
    table="discounts_and_fees",
    scope="tn.pb.discountsandfees",
    tag="DiscountAndFees",
    noun="Discount or fee",
)
DISCOUNT_AND_FEE = Kind(DISCOUNT_AND_FEES, DiscountAndFeesResponse, None)

OPERATIONS = sku_operations(
    DISCOUNT_AND_FEE,
    "DiscountAndFees",
    list_model=DiscountAndFeesResponse,
    one_model=DiscountAndFeesResponse,
    create_body=DiscountAndFeesCreateRequest,
    update_body=DiscountAndFeesUpdateRequest,
    list_query=SKU_QUERY,
    get_query=(GUID,),
)
