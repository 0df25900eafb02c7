"""Pricebook: client specific pricing schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import SkuType as SkuType
from mockst.api.types import Decimal, Int64, SpecStrEnum, StModel


class MarkupType(SpecStrEnum):
    __spec_name__ = "Pricing.RateSheets.Services.MarkupType"

    PERCENT = "Percent"
    DOLLAR = "Dollar"
    MULTIPLIER = "Multiplier"
    FLAT_PRICE = "FlatPrice"
    DISCOUNT_PERCENT = "DiscountPercent"


class ClientSpecificPricingExceptionResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ClientSpecificPricingExceptionResponse")

    skuId: Int64
    skuType: SkuType
    value: Decimal
    valueType: MarkupType


class ClientSpecificPricingResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ClientSpecificPricingResponse")

    id: Int64
    exceptions: list[ClientSpecificPricingExceptionResponse]


class UpdateClientSpecificPricingExceptionResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.UpdateClientSpecificPricingExceptionResponse")

    skuId: Int64
    value: Decimal
    valueType: MarkupType


class UpdateClientSpecificPricingResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.UpdateClientSpecificPricingResponse")

    exceptions: list[UpdateClientSpecificPricingExceptionResponse]


class ClientSpecificPricingExceptionRequest(UpdateClientSpecificPricingExceptionResponse):
    model_config = ConfigDict(title="Estimates.V2.ClientSpecificPricingExceptionRequest")


class UpdateClientSpecificPricingRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.UpdateClientSpecificPricingRequest")

    exceptions: list[ClientSpecificPricingExceptionRequest] | None = None
