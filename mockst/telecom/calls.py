"""Calls: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page, Stream
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.telecom import FAMILY
from mockst.telecom.models.calls import (
    CallInUpdateModelV2,
    CallResponse,
    DetailedBundleCallModel,
    DetailedCallModel,
)

CALLS = Resource(
    family=FAMILY,
    path="/calls",
    table="calls",
    scope="tn.tlc.calls",
    tag="Calls",
    noun="Call",
    base="/v2/tenant/{tenant}",
)

OPERATIONS = [
    CALLS.planned(
        "Calls_Calls",
        "GET",
        at="/calls",
        base="/v3/tenant/{tenant}",
        query=(
            *PAGE_PARAMS,
            Param("ids", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            ACTIVE,
            Param("createdAfter", "datetime"),
            Param("modifiedAfter", "datetime"),
            Param("campaignId", "int64"),
            Param("agentId", "int64"),
            Param("minDuration", "int32"),
            Param("phoneNumberCalled", "string"),
            Param("callerPhoneNumber", "string"),
            Param("agentName", "string"),
            Param("agentIsExternal", "bool"),
            Param("agentExternalId", "int64"),
            Param("sort", "string"),
            Param("sid", "string"),
            Param("tag", "string"),
        ),
        response=Page(CallResponse),
    ),
    CALLS.planned(
        "Calls_GetDetails",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(DetailedBundleCallModel),
        errors=(),
    ),
    CALLS.planned(
        "Calls_Update",
        "PUT",
        suffix="/{id}",
        path_params=(path("id"),),
        body=CallInUpdateModelV2,
        response=One(DetailedCallModel),
        errors=(),
    ),
    CALLS.planned(
        "Calls_GetRecording",
        "GET",
        suffix="/{id}/recording",
        path_params=(path("id"),),
        response=Stream("application/octet-stream"),
        errors=(),
    ),
    CALLS.planned(
        "Calls_GetVoiceMail",
        "GET",
        suffix="/{id}/voicemail",
        path_params=(path("id"),),
        response=Stream("application/octet-stream"),
        errors=(),
    ),
]
