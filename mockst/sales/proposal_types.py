"""ProposalTypes: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE
from mockst.api.operation import One
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.models.proposal_types import ProposalTypesResponse

PROPOSAL_TYPES = Resource(
    family=FAMILY,
    path="/proposal-types",
    table="proposal_types",
    scope="tn.sal.proposaltypes",
    tag="ProposalTypes",
    noun="Proposal type",
)

OPERATIONS = [
    PROPOSAL_TYPES.planned(
        "ProposalTypes_Get",
        "GET",
        query=(ACTIVE,),
        response=One(ProposalTypesResponse),
    ),
]
