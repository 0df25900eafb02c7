"""Job Planning and Management: budget codes schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Int64, SpecStrEnum, StModel


class SegmentType(SpecStrEnum):
    __spec_name__ = "Jpm.BudgetCodes.SegmentType"

    NONE = "None"
    COST_CODE = "CostCode"
    COST_TYPE = "CostType"
    CUSTOM = "Custom"


class SegmentStructure(SpecStrEnum):
    __spec_name__ = "Jpm.BudgetCodes.SegmentStructure"

    NONE = "None"
    FLAT = "Flat"
    HIERARCHAL = "Hierarchal"


class SegmentModel(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.SegmentModel")

    id: Int64
    name: str
    type: SegmentType
    structure: SegmentStructure
    isActive: bool
    isRequired: bool


class ListSegmentsResponse(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.ListSegmentsResponse")

    data: list[SegmentModel]


class SegmentItemCostCategory(SpecStrEnum):
    __spec_name__ = "Jpm.BudgetCodes.SegmentItemCostCategory"

    NONE = "None"
    MATERIAL = "Material"
    LABOR = "Labor"
    EQUIPMENT = "Equipment"
    SUBCONTRACT = "Subcontract"
    OVERHEAD = "Overhead"
    OTHER = "Other"
    SYSTEM_USE = "SystemUse"


class SegmentItemModel(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.SegmentItemModel")

    id: Int64
    parentId: Int64 | None = None
    code: str
    description: str
    path: str
    costCategory: SegmentItemCostCategory | None = None
    isActive: bool


class BudgetCodeSegmentModel(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.BudgetCodeSegmentModel")

    segmentId: Int64
    segmentItemId: Int64 | None = None
    code: str | None = None
    description: str | None = None
    path: str | None = None


class BudgetCodeModel(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.BudgetCodeModel")

    id: Int64
    code: str
    description: str
    segments: list[BudgetCodeSegmentModel]


class BudgetCodeMatchResult(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.BudgetCodeMatchResult")

    code: str
    isValid: bool
    budgetCodes: list[BudgetCodeModel]


class MatchBudgetCodesResponse(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.MatchBudgetCodesResponse")

    matches: list[BudgetCodeMatchResult]


class CreateBudgetCodeResponse(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.CreateBudgetCodeResponse")

    code: BudgetCodeModel


class CreateFullBudgetCodeArgs(StModel):
    model_config = ConfigDict(title="Jpm.V2.CreateFullBudgetCodeArgs")

    segmentItemIds: list[Int64]


class BudgetCodeSegmentBindingArgs(StModel):
    model_config = ConfigDict(title="Jpm.V2.BudgetCodeSegmentBindingArgs")

    segmentId: Int64
    segmentItemId: Int64 | None = None


class CreatePartialBudgetCodeArgs(StModel):
    model_config = ConfigDict(title="Jpm.V2.CreatePartialBudgetCodeArgs")

    segments: list[BudgetCodeSegmentBindingArgs]


class CreateBudgetCodeBatchResponse(StModel):
    model_config = ConfigDict(title="Jpm.BudgetCodes.CreateBudgetCodeBatchResponse")

    codes: list[BudgetCodeModel]
