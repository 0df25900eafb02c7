"""Marketing v2: campaigns, their categories and costs; calls, bookings, leads and jobs are credited
to a campaign."""

from mockst.api.family import Family

FAMILY = Family(
    name="marketing",
    title="Marketing",
    document="marketing-v2.json",
    server="/marketing/v2",
    uses=("settings",),
    seed="mockst.marketing.seed:populate",
)
