"""The Marketing family's part of a seeded story: campaign categories and the campaigns a
home-services business runs, each with a business unit and most with a tracking number, and what
the paid ones cost a day in each month of the last few."""

from __future__ import annotations

from datetime import UTC, datetime

from mockst.encoding import instant, ticks_of
from mockst.marketing.campaign_categories import create_category
from mockst.marketing.campaign_costs import create_campaign_cost
from mockst.marketing.campaigns import create_campaign
from mockst.marketing.models.campaign_categories import CampaignCategoryType
from mockst.marketing.models.campaign_costs import CreateCampaignCostRequest
from mockst.marketing.models.campaigns import CampaignUpsertRequest
from mockst.seed.story import Story

CATEGORIES = (
    ("Advertising", CampaignCategoryType.REGULAR),
    ("Online", CampaignCategoryType.REGULAR),
    ("Referrals", CampaignCategoryType.REGULAR),
    ("Direct Mail", CampaignCategoryType.REGULAR),
    ("Google Local Services", CampaignCategoryType.GOOGLE_HOME_SERVICES),
)
# (name, category index, business unit index, source, medium, tracking number?, active,
# daily cost: 0 for a campaign that costs nothing, such as referrals)
CAMPAIGNS = (
    ("Google Ads - Plumbing", 1, 0, "Google", "Paid Search", True, True, 45.0),
    ("Google Ads - HVAC", 1, 1, "Google", "Paid Search", True, True, 38.5),
    ("Website", 1, 0, "Website", "Organic", True, True, 0),
    ("Yelp", 1, 0, "Yelp", "Directory", True, True, 12.0),
    ("Customer Referral", 2, 0, "Customer", "Word of Mouth", False, True, 0),
    ("Truck Wrap", 0, 1, "Vehicle", "Outdoor", True, True, 4.25),
    ("Spring Tune-Up Postcard", 3, 1, "Mail House", "Print", True, True, 20.0),
    ("Google LSA - Drains", 4, 3, "Google", "Local Services", True, True, 30.0),
    ("Radio 2024", 0, 2, "Radio", "Broadcast", True, False, 0),
)
COST_MONTHS = 3  # the month the story ends in and the two before it


def populate(story: Story) -> None:
    builder = story.builder

    def set_up() -> None:
        ctx = builder.ctx()
        categories = [create_category(ctx, name, kind=kind).id for name, kind in CATEGORIES]
        area_code = builder.metro.cities[0].area_codes[0]
        for index, (name, category, unit, source, medium, tracked, active, daily) in enumerate(
            CAMPAIGNS
        ):
            body = CampaignUpsertRequest(
                name=name,
                businessUnitId=builder.units[unit % len(builder.units)],
                categoryId=categories[category],
                active=active,
                isDefaultCampaign=index == 0,
                source=source,
                medium=medium,
                dnis=f"({area_code}) 555-02{index:02d}" if tracked else None,
            )
            campaign = int(create_campaign(ctx, body).id)
            if daily:
                paid.append((campaign, daily))
        builder.count("campaign_categories", len(CATEGORIES))
        builder.count("campaigns", len(CAMPAIGNS))

    builder.at(story.setup, set_up)
    paid: list[tuple[int, float]] = []
    for step, (year, month) in enumerate(_last_months(story.now, COST_MONTHS)):

        def enter_costs(year: int = year, month: int = month, step: int = step) -> None:
            ctx = builder.ctx()
            for campaign, daily in paid:
                # a little dearer each month, as bids creep up
                cost = CreateCampaignCostRequest(campaignId=campaign, year=year, month=month,
                                                 dailyCost=round(daily * (1 + step / 20), 2))
                create_campaign_cost(ctx, cost)
            builder.count("costs", len(paid))

        # entered on the month's first morning (US), at a stamp with all seven digits
        first = datetime(year, month, 1, 16, tzinfo=UTC)
        builder.at(instant(ticks_of(first) + 1234567 + 10 * step), enter_costs)


def _last_months(now: datetime, count: int) -> list[tuple[int, int]]:
    """(year, month) of the ``count`` months up to ``now``'s, oldest first."""
    index = now.year * 12 + now.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]
