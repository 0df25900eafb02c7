"""CRM v2: customers, locations, contacts, bookings, booking provider tags, leads, tags."""

from mockst.api.family import Family

FAMILY = Family(
    name="crm",
    title="CRM",
    document="crm-v2.json",
    server="/crm/v2",
    uses=("settings",),
    seed="mockst.crm.seed:populate",
)
