"""ProposalTemplates: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.models.proposal_templates import (
    CreateProposalTemplateRequest,
    ProposalTemplateResponse,
    UpdateProposalTemplateRequest,
)

PROPOSAL_TEMPLATES = Resource(
    family=FAMILY,
    path="/proposal-templates",
    table="proposal_templates",
    scope="tn.sal.proposaltemplates",
    tag="ProposalTemplates",
    noun="Proposal template",
)

OPERATIONS = [
    PROPOSAL_TEMPLATES.planned(
        "ProposalTemplates_Get",
        "GET",
        query=(
            ACTIVE,
            Param("proposalTypeId", "int64"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            *PAGE_PARAMS,
        ),
        response=Page(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.planned(
        "ProposalTemplates_Create",
        "POST",
        body=CreateProposalTemplateRequest,
        response=One(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.planned(
        "ProposalTemplates_GetById",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.planned(
        "ProposalTemplates_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateProposalTemplateRequest,
        response=One(ProposalTemplateResponse),
    ),
    PROPOSAL_TEMPLATES.planned(
        "ProposalTemplates_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
    ),
]
