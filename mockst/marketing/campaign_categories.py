"""CampaignCategories: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.api.shared_models import ModificationResponse
from mockst.marketing import FAMILY
from mockst.marketing.models.campaign_categories import (
    CampaignCategoryCreateRequest,
    CampaignCategoryResponse,
    CampaignCategoryUpdateRequest,
)

CAMPAIGN_CATEGORIES = Resource(
    family=FAMILY,
    path="/categories",
    table="categories",
    scope="tn.mrk.categories",
    tag="CampaignCategories",
    noun="Campaign categorie",
)

OPERATIONS = [
    CAMPAIGN_CATEGORIES.planned(
        "CampaignCategories_GetList",
        "GET",
        query=(
            Param("page", "int32"),
            Param("pageSize", "int32"),
            Param("includeTotal", "bool"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(CampaignCategoryResponse),
    ),
    CAMPAIGN_CATEGORIES.planned(
        "CampaignCategories_Create",
        "POST",
        body=CampaignCategoryCreateRequest,
        response=One(ModificationResponse),
    ),
    CAMPAIGN_CATEGORIES.planned(
        "CampaignCategories_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(CampaignCategoryResponse),
    ),
    CAMPAIGN_CATEGORIES.planned(
        "CampaignCategories_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=CampaignCategoryUpdateRequest,
        response=One(ModificationResponse),
    ),
]
