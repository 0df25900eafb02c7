"""Services: the work a company sells (a drain cleaning, a furnace tune-up), priced by the job.

Rules shared with the other SKU kinds are in ``skus.py`` and ``sku_operations.py``; a service's
own: its categories are Services categories and show as ``{id, name, active}``, its ``cost`` is
its materials' and equipment's, and ``calculatePrices`` fills ``calculatedPrice``.
"""

from __future__ import annotations

from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.services import (
    ServiceCreateRequest,
    ServiceGetResponse,
    ServiceResponse,
    ServiceUpdateRequest,
)
from mockst.pricebook.sku_operations import GUID, SKU_QUERY, sku_operations
from mockst.pricebook.skus import Kind

SERVICES = Resource(
    family=FAMILY,
    path="/services",
    table="services",
    scope="tn.pb.services",
    tag="Services",
    noun="Service",
)
SERVICE = Kind(SERVICES, ServiceGetResponse, "Services")
CALCULATE = Param("calculatePrices", "bool")

OPERATIONS = sku_operations(
    SERVICE,
    "Services",
    list_model=ServiceGetResponse,
    one_model=ServiceResponse,
    create_body=ServiceCreateRequest,
    update_body=ServiceUpdateRequest,
    list_query=(CALCULATE, *SKU_QUERY),
    get_query=(CALCULATE, GUID),
    calculate=True,
)
