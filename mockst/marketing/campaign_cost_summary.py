"""CampaignCostSummary: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.marketing import FAMILY
from mockst.marketing.models.campaign_cost_summary import CampaignCostsSummaryResponse

CAMPAIGN_COST_SUMMARY = Resource(
    family=FAMILY,
    path="/campaign-cost-summary",
    table="campaign_cost_summary",
    scope="tn.mrk.campaigncostsummary",
    tag="CampaignCostSummary",
    noun="Campaign cost summary",
)

OPERATIONS = [
    CAMPAIGN_COST_SUMMARY.planned(
        "CampaignCostSummary_Get",
        "GET",
        query=(
            Param("from", "datetime", required=True),
            Param("to", "datetime", required=True),
        ),
        response=One(CampaignCostsSummaryResponse),
    ),
]
