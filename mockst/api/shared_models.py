"""Schemas that several official documents define alike, written once.

Each document carries its own copy (``ActiveRequestArg`` is in all ten); a family's ``models``
package re-exports the ones its document has, so the fidelity test finds them there and holds
each to that family's document. ``mockst scaffold`` imports these instead of writing them again.
"""

from pydantic import ConfigDict

from mockst.api.types import Int64, SpecStrEnum, StModel


class ActiveRequestArg(SpecStrEnum):
    __spec_name__ = "ActiveRequestArg"

    TRUE = "True"
    ANY = "Any"
    FALSE = "False"


class ModificationResponse(StModel):
    model_config = ConfigDict(title="ModificationResponse")

    id: Int64


class NamedModel(StModel):
    model_config = ConfigDict(title="Services.NamedModel")

    id: Int64
    name: str


class CustomFieldApiModel(StModel):
    model_config = ConfigDict(title="CustomFieldApiModel")

    typeId: Int64
    name: str
    value: str


class SkuType(SpecStrEnum):
    __spec_name__ = "Pricebook.Types.SkuType"

    SERVICE = "Service"
    MATERIAL = "Material"
    EQUIPMENT = "Equipment"
    PRICE_MODIFIER = "PriceModifier"
