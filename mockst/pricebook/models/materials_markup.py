"""Pricebook: materials markup schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import Decimal, Int32, Int64, StModel


class PricebookV2MaterialsMarkupResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialsMarkupResponse")

    id: Int64
    from_: Decimal = Field(alias="from")
    to: Decimal
    percent: Decimal


class CollectionResultOfPricebookV2MaterialsMarkupResponse(StModel):
    model_config = ConfigDict(title="CollectionResult_Of_Pricebook.V2.MaterialsMarkupResponse")

    data: list[PricebookV2MaterialsMarkupResponse]
    page: Int32
    pageSize: Int32
    totalCount: Int32
    hasMore: bool


class ResultOfPricebookV2MaterialsMarkupResponse(StModel):
    model_config = ConfigDict(title="Result_Of_Pricebook.V2.MaterialsMarkupResponse")

    data: PricebookV2MaterialsMarkupResponse


class MaterialsMarkupRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialsMarkupRequest")

    id: Int64
    from_: Decimal = Field(alias="from")
    to: Decimal
    percent: Decimal
