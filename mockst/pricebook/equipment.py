"""Equipment: the large items a company sells and installs (a furnace, a water heater), with
manufacturer and service-provider warranties, the materials an install uses and what to
recommend with it. Shared SKU rules: ``skus.py``, ``sku_operations.py``."""

from __future__ import annotations

from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.equipment import (
    EquipmentCreateRequest,
    EquipmentResponse,
    EquipmentUpdateRequest,
)
from mockst.pricebook.sku_operations import GUID, SKU_QUERY, sku_operations
from mockst.pricebook.skus import Kind

EQUIPMENT = Resource(
    family=FAMILY,
    path="/equipment",
    table="equipment",
    scope="tn.pb.equipment",
    tag="Equipment",
    noun="Equipment",
)
EQUIPMENT_KIND = Kind(EQUIPMENT, EquipmentResponse, None)

OPERATIONS = sku_operations(
    EQUIPMENT_KIND,
    "Equipment",
    list_model=EquipmentResponse,
    one_model=EquipmentResponse,
    create_body=EquipmentCreateRequest,
    update_body=EquipmentUpdateRequest,
    list_query=SKU_QUERY,
    get_query=(GUID,),
)
