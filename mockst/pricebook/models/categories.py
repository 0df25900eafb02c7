"""Pricebook: categories schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import Int32, Int64, StModel
from mockst.pricebook.models.common import CategoryType


class CategoryCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.CategoryCreateRequest")

    name: str
    active: bool | None = None
    description: str | None = None
    parentId: Int64 | None = None
    position: Int32 | None = None
    image: str | None = None
    categoryType: CategoryType
    businessUnitIds: list[Int64] | None = None
    skuImages: list[str] | None = None
    skuVideos: list[str] | None = None


class CategoryUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.CategoryUpdateRequest")

    name: str = Field(default=None)
    active: bool = Field(default=None)
    description: str = Field(default=None)
    parentId: Int64 | None = None
    position: Int32 = Field(default=None)
    image: str = Field(default=None)
    categoryType: CategoryType = Field(default=None)
    businessUnitIds: list[Int64] = Field(default=None)
    skuImages: list[str | None] = Field(default=None)
    skuVideos: list[str | None] = Field(default=None)
