"""Campaigns: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.marketing import FAMILY
from mockst.marketing.models.campaigns import CampaignResponse, CampaignUpsertRequest
from mockst.marketing.models.common import CampaignCostResponse

CAMPAIGNS = Resource(
    family=FAMILY,
    path="/campaigns",
    table="campaigns",
    scope="tn.mrk.campaigns",
    tag="Campaigns",
    noun="Campaign",
)

OPERATIONS = [
    CAMPAIGNS.planned(
        "Campaigns_GetList",
        "GET",
        query=(
            Param("page", "int32"),
            Param("pageSize", "int32"),
            Param("includeTotal", "bool"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            ACTIVE,
            Param("ids", "string"),
            Param("name", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("campaignPhoneNumber", "string"),
            Param("sort", "string"),
        ),
        response=Page(CampaignResponse),
    ),
    CAMPAIGNS.planned(
        "Campaigns_Create",
        "POST",
        body=CampaignUpsertRequest,
        response=One(CampaignResponse),
    ),
    CAMPAIGNS.planned(
        "Campaigns_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(CampaignResponse),
    ),
    CAMPAIGNS.planned(
        "Campaigns_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=CampaignUpsertRequest,
        response=One(CampaignResponse),
    ),
    CAMPAIGNS.planned(
        "Campaigns_GetCosts",
        "GET",
        suffix="/{id}/costs",
        path_params=(path("id"),),
        query=(
            Param("page", "int32"),
            Param("pageSize", "int32"),
            Param("includeTotal", "bool"),
            Param("year", "int32"),
            Param("month", "int32"),
            Param("sort", "string"),
        ),
        response=Page(CampaignCostResponse),
    ),
]
