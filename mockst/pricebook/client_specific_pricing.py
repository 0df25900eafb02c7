"""ClientSpecificPricing: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.client_specific_pricing import (
    ClientSpecificPricingResponse,
    UpdateClientSpecificPricingRequest,
    UpdateClientSpecificPricingResponse,
)

CLIENT_SPECIFIC_PRICING = Resource(
    family=FAMILY,
    path="/clientspecificpricing",
    table="clientspecificpricing",
    scope="tn.pb.csp",
    tag="ClientSpecificPricing",
    noun="Client specific pricing",
)

OPERATIONS = [
    CLIENT_SPECIFIC_PRICING.planned(
        "ClientSpecificPricing_GetAllRateSheets",
        "GET",
        query=(Param("ids", "string"), Param("searchTerm", "string"), ACTIVE, *PAGE_PARAMS,),
        response=Page(ClientSpecificPricingResponse),
    ),
    CLIENT_SPECIFIC_PRICING.planned(
        "ClientSpecificPricing_UpdateRateSheet",
        "PATCH",
        suffix="/{rateSheetId}",
        path_params=(path("rateSheetId"),),
        body=UpdateClientSpecificPricingRequest,
        response=One(UpdateClientSpecificPricingResponse),
    ),
]
