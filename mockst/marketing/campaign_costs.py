"""CampaignCosts: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.api.shared_models import ModificationResponse
from mockst.marketing import FAMILY
from mockst.marketing.models.campaign_costs import (
    CreateCampaignCostRequest,
    UpdateCampaignCostRequest,
)
from mockst.marketing.models.common import CampaignCostResponse

CAMPAIGN_COSTS = Resource(
    family=FAMILY,
    path="/costs",
    table="costs",
    scope="tn.mrk.costs",
    tag="CampaignCosts",
    noun="Campaign cost",
)

OPERATIONS = [
    CAMPAIGN_COSTS.planned(
        "CampaignCosts_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("year", "int32"),
            Param("month", "int32"),
            Param("campaignId", "int64"),
            Param("sort", "string"),
        ),
        response=Page(CampaignCostResponse),
    ),
    CAMPAIGN_COSTS.planned(
        "CampaignCosts_Create",
        "POST",
        body=CreateCampaignCostRequest,
        response=One(CampaignCostResponse),
    ),
    CAMPAIGN_COSTS.planned(
        "CampaignCosts_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(CampaignCostResponse),
    ),
    CAMPAIGN_COSTS.planned(
        "CampaignCosts_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateCampaignCostRequest,
        response=One(ModificationResponse),
    ),
]
