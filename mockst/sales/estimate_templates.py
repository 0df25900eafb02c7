"""EstimateTemplates: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.models.estimate_templates import (
    CreateEstimateTemplateRequest,
    EstimateTemplateResponse,
    UpdateEstimateTemplateRequest,
)

ESTIMATE_TEMPLATES = Resource(
    family=FAMILY,
    path="/estimate-templates",
    table="estimate_templates",
    scope="tn.sal.estimatetemplates",
    tag="EstimateTemplates",
    noun="Estimate template",
)

OPERATIONS = [
    ESTIMATE_TEMPLATES.planned(
        "EstimateTemplates_Get",
        "GET",
        query=(
            ACTIVE,
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            *PAGE_PARAMS,
        ),
        response=Page(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.planned(
        "EstimateTemplates_Create",
        "POST",
        body=CreateEstimateTemplateRequest,
        response=One(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.planned(
        "EstimateTemplates_GetById",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.planned(
        "EstimateTemplates_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateEstimateTemplateRequest,
        response=One(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.planned(
        "EstimateTemplates_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
    ),
]
