"""MaterialsMarkup: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.materials_markup import (
    CollectionResultOfPricebookV2MaterialsMarkupResponse,
    MaterialsMarkupRequest,
    ResultOfPricebookV2MaterialsMarkupResponse,
)

MATERIALS_MARKUP = Resource(
    family=FAMILY,
    path="/materialsmarkup",
    table="materialsmarkup",
    scope="tn.pb.materials",
    tag="MaterialsMarkup",
    noun="Materials markup",
)

OPERATIONS = [
    MATERIALS_MARKUP.planned(
        "MaterialsMarkup_GetList",
        "GET",
        query=(Param("page", "int32"), Param("pageSize", "int32"),),
        response=One(CollectionResultOfPricebookV2MaterialsMarkupResponse),
    ),
    MATERIALS_MARKUP.planned(
        "MaterialsMarkup_Create",
        "POST",
        body=MaterialsMarkupRequest,
        response=One(ResultOfPricebookV2MaterialsMarkupResponse),
        status=201,
    ),
    MATERIALS_MARKUP.planned(
        "MaterialsMarkup_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ResultOfPricebookV2MaterialsMarkupResponse),
        errors=(400, 404),
    ),
    MATERIALS_MARKUP.planned(
        "MaterialsMarkup_Update",
        "PUT",
        suffix="/{id}",
        path_params=(path("id"),),
        body=MaterialsMarkupRequest,
        response=One(ResultOfPricebookV2MaterialsMarkupResponse),
        errors=(400, 404),
    ),
]
