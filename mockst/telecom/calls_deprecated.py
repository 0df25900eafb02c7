"""Calls (Deprecated): declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.telecom import FAMILY
from mockst.telecom.models.calls_deprecated import (
    CollectionResultOfModuleTelecomSharedV2BundleCallModel,
)

CALLS_DEPRECATED = Resource(
    family=FAMILY,
    path="/calls",
    table="calls",
    scope="tn.tlc.calls",
    tag="Calls (Deprecated)",
    noun="Calls deprecated",
    base="/v2/tenant/{tenant}",
)

OPERATIONS = [
    CALLS_DEPRECATED.planned(
        "Calls_GetCalls",
        "GET",
        query=(
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedAfter", "datetime"),
            Param("minDuration", "int32"),
            Param("phoneNumberCalled", "string"),
            Param("campaignId", "int64"),
            Param("agentId", "int64"),
            Param("agentName", "string"),
            Param("agentIsExternal", "bool"),
            Param("agentExternalId", "int64"),
            Param("orderBy", "string"),
            Param("orderByDirection", "string"),
            Param("activeOnly", "bool"),
            Param("createdAfter", "datetime"),
            Param("createdBefore", "datetime"),
            Param("ids", "int64", array=True),
            Param("page", "int32"),
            Param("pageSize", "int32"),
        ),
        response=One(CollectionResultOfModuleTelecomSharedV2BundleCallModel),
        errors=(),
    ),
]
