"""Categories: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, enum_param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.categories import CategoryCreateRequest, CategoryUpdateRequest
from mockst.pricebook.models.common import CategoryResponse, CategoryType

CATEGORIES = Resource(
    family=FAMILY,
    path="/categories",
    table="categories",
    scope="tn.pb.categories",
    tag="Categories",
    noun="Categorie",
)

OPERATIONS = [
    CATEGORIES.planned(
        "Categories_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("sort", "string"),
            enum_param("categoryType", CategoryType),
            ACTIVE,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
        ),
        response=Page(CategoryResponse),
    ),
    CATEGORIES.planned(
        "Categories_Create",
        "POST",
        body=CategoryCreateRequest,
        response=One(CategoryResponse),
        status=201,
    ),
    CATEGORIES.planned(
        "Categories_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(CategoryResponse),
        errors=(400, 404),
    ),
    CATEGORIES.planned(
        "Categories_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=CategoryUpdateRequest,
        response=One(CategoryResponse),
        errors=(400, 404),
    ),
    CATEGORIES.planned(
        "Categories_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        status=204,
        errors=(400, 404),
    ),
]
