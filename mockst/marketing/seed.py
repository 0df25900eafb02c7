"""The Marketing family's part of a seeded story: campaign categories and the campaigns a
home-services business runs, each with a business unit and most with a tracking number."""

from __future__ import annotations

from mockst.marketing.campaign_categories import create_category
from mockst.marketing.campaigns import create_campaign
from mockst.marketing.models.campaign_categories import CampaignCategoryType
from mockst.marketing.models.campaigns import CampaignUpsertRequest
from mockst.seed.story import Story

CATEGORIES = (
    ("Advertising", CampaignCategoryType.REGULAR),
    ("Online", CampaignCategoryType.REGULAR),
    ("Referrals", CampaignCategoryType.REGULAR),
    ("Direct Mail", CampaignCategoryType.REGULAR),
    ("Google Local Services", CampaignCategoryType.GOOGLE_HOME_SERVICES),
)
# (name, category index, business unit index, source, medium, tracking number?, active)
CAMPAIGNS = (
    ("Google Ads - Plumbing", 1, 0, "Google", "Paid Search", True, True),
    ("Google Ads - HVAC", 1, 1, "Google", "Paid Search", True, True),
    ("Website", 1, 0, "Website", "Organic", True, True),
    ("Yelp", 1, 0, "Yelp", "Directory", True, True),
    ("Customer Referral", 2, 0, "Customer", "Word of Mouth", False, True),
    ("Truck Wrap", 0, 1, "Vehicle", "Outdoor", True, True),
    ("Spring Tune-Up Postcard", 3, 1, "Mail House", "Print", True, True),
    ("Google LSA - Drains", 4, 3, "Google", "Local Services", True, True),
    ("Radio 2024", 0, 2, "Radio", "Broadcast", True, False),
)


def populate(story: Story) -> None:
    builder = story.builder

    def set_up() -> None:
        ctx = builder.ctx()
        categories = [create_category(ctx, name, kind=kind).id for name, kind in CATEGORIES]
        area_code = builder.metro.cities[0].area_codes[0]
        for index, (name, category, unit, source, medium, tracked, active) in enumerate(CAMPAIGNS):
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
            create_campaign(ctx, body)
        builder.count("campaign_categories", len(CATEGORIES))
        builder.count("campaigns", len(CAMPAIGNS))

    builder.at(story.setup, set_up)
