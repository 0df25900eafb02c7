"""The email channel's cost over a span of days: ``GET /email-channel-cost?from&to``.

Email campaigns (Marketing Pro) are not simulated, so what they cost is unknown: ``totalCost`` is
null unless the setting ``email_channel_daily_cost`` gives a daily cost, which is multiplied by
the span's days (``from``'s date to ``to``'s date, both included, as the campaign cost summary
counts them; none when ``to`` is before ``from``).
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import Call, One
from mockst.api.resource import Resource
from mockst.marketing import FAMILY
from mockst.marketing.campaign_cost_summary import SPAN, utc_day
from mockst.marketing.models.email_channel_cost import EmailChannelCostResponse

EMAIL_CHANNEL_COST = Resource(
    family=FAMILY,
    path="/email-channel-cost",
    table="email_channel_cost",
    scope="tn.mrk.emailchannelcost",
    tag="EmailChannelCost",
    noun="Email channel cost",
)


def _cost(call: Call) -> dict[str, Any]:
    daily = call.config.email_channel_daily_cost
    if daily is None:
        return {"totalCost": None}
    days = (utc_day(call.query["to"]) - utc_day(call.query["from"])).days + 1
    return {"totalCost": round(max(0, days) * daily, 2)}


OPERATIONS = [
    EMAIL_CHANNEL_COST.operation(
        "EmailChannelCost_Get", "GET", _cost,
        summary="What the email channel cost over a span of days", query=SPAN,
        response=One(EmailChannelCostResponse),
    ),
]  # fmt: skip
