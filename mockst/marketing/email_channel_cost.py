"""EmailChannelCost: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.marketing import FAMILY
from mockst.marketing.models.email_channel_cost import EmailChannelCostResponse

EMAIL_CHANNEL_COST = Resource(
    family=FAMILY,
    path="/email-channel-cost",
    table="email_channel_cost",
    scope="tn.mrk.emailchannelcost",
    tag="EmailChannelCost",
    noun="Email channel cost",
)

OPERATIONS = [
    EMAIL_CHANNEL_COST.planned(
        "EmailChannelCost_Get",
        "GET",
        query=(
            Param("from", "datetime", required=True),
            Param("to", "datetime", required=True),
        ),
        response=One(EmailChannelCostResponse),
    ),
]
