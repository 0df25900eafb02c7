"""PricebookBulk: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import Empty, One
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.pricebook_bulk import (
    PricebookBulkCreateRequest,
    PricebookBulkCreateResponse,
    PricebookBulkUpdateRequest,
)

PRICEBOOK_BULK = Resource(
    family=FAMILY,
    path="/pricebook",
    table="pricebook",
    scope="tn.pb.pricebook",
    tag="PricebookBulk",
    noun="Pricebook bulk",
)

OPERATIONS = [
    PRICEBOOK_BULK.planned(
        "PricebookBulk_Create",
        "POST",
        body=PricebookBulkCreateRequest,
        response=One(PricebookBulkCreateResponse),
        status=201,
    ),
    PRICEBOOK_BULK.planned(
        "PricebookBulk_Update",
        "PATCH",
        body=PricebookBulkUpdateRequest,
        response=Empty(),
    ),
]
