"""CallReasons: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE
from mockst.api.operation import Page
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.jbce import FAMILY
from mockst.jbce.models.call_reasons import CallReasonResponse

CALL_REASONS = Resource(
    family=FAMILY,
    path="/call-reasons",
    table="call_reasons",
    scope="tn.jbce.callreasons",
    tag="CallReasons",
    noun="Call reason",
)

OPERATIONS = [
    CALL_REASONS.planned(
        "CallReasons_Get",
        "GET",
        query=(
            Param("page", "int32"),
            Param("pageSize", "int32"),
            Param("includeTotal", "bool"),
            ACTIVE,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(CallReasonResponse),
    ),
]
