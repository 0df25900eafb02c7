"""CRM v2: customers, locations, contacts, bookings, booking provider tags, leads, tags."""

from mockst.api.family import Family

FAMILY = Family(
    name="crm",
    title="CRM",
    document="crm-v2.json",
    server="/crm/v2",
    scopes=(
        "tn.crm.bookingprovidertags:r",
        "tn.crm.bookingprovidertags:w",
        "tn.crm.bookings:r",
        "tn.crm.bookings:w",
        "tn.crm.contacts:r",
        "tn.crm.contacts:w",
        "tn.crm.customers:r",
        "tn.crm.customers:w",
        "tn.crm.leads:r",
        "tn.crm.leads:w",
        "tn.crm.locations:r",
        "tn.crm.locations:w",
        "tn.crm.tags:w",
    ),
    uses=("settings",),
    seed="mockst.crm.seed:populate",
)
