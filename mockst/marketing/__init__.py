"""Marketing v2: campaigns, their categories and costs; calls, bookings, leads and jobs are credited
to a campaign."""

from mockst.api.family import Family

FAMILY = Family(
    name="marketing",
    title="Marketing",
    document="marketing-v2.json",
    server="/marketing/v2",
    scopes=(
        "tn.mrk.campaigncostsummary:r",
        "tn.mrk.campaigns:r",
        "tn.mrk.campaigns:w",
        "tn.mrk.categories:r",
        "tn.mrk.categories:w",
        "tn.mrk.costs:r",
        "tn.mrk.costs:w",
        "tn.mrk.emailchannelcost:r",
    ),
    uses=("settings",),
    seed="mockst.marketing.seed:populate",
)
