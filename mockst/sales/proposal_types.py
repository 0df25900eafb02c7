"""Proposal types: read-only (catalogue), so every tenant has the same fixed two.

``Good / Better / Best`` (Progressive, the system default: options Good, Better, Best) and
``Options`` (Additive: options Standard and Insurance). They are constants, not rows: ids 1 and 2,
options 11-13 and 21-22, all active, so ``active=False`` answers an empty list. The answer is
``{data: [...]}``, not a page.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import ACTIVE
from mockst.api.operation import Call, One
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


def _option(ident: int, name: str, order: int, color: str, kind: str = "Standard") -> dict:
    return {"id": ident, "name": name, "order": order, "color": color, "estimateType": kind}


TYPES: tuple[dict[str, Any], ...] = (
    {"id": 1, "name": "Good / Better / Best", "type": "Progressive", "active": True,
     "isSystemDefault": True, "isDefault": True,
     "options": [_option(11, "Good", 1, "#8BC34A"), _option(12, "Better", 2, "#03A9F4"),
                 _option(13, "Best", 3, "#9C27B0")]},
    {"id": 2, "name": "Options", "type": "Additive", "active": True,
     "isSystemDefault": False, "isDefault": False,
     "options": [_option(21, "Standard", 1, "#607D8B"),
                 _option(22, "Insurance", 2, "#FF9800", "Insurance")]},
)  # fmt: skip


def proposal_type(ident: int) -> dict[str, Any] | None:
    return next((t for t in TYPES if t["id"] == ident), None)


def _list(call: Call) -> dict[str, Any]:
    wanted = call.query.get("active") or "True"
    return {"data": [t for t in TYPES if wanted == "Any" or t["active"] == (wanted == "True")]}


OPERATIONS = [
    PROPOSAL_TYPES.operation(
        "ProposalTypes_Get", "GET", _list, query=(ACTIVE,), response=One(ProposalTypesResponse),
    ),
]
