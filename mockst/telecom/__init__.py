"""Telecom: the calls a tenant's phone system records (v2 and v3 calls, their recordings and
voicemails, the export feed), linked to customers, locations, campaigns, call reasons, agents,
bookings, leads and the jobs booked from them."""

from mockst.api.family import Family

FAMILY = Family(
    name="telecom",
    title="Telecom",
    document="telecom.json",
    server="/telecom",
    scopes=(
        "tn.tlc.calls:r",
        "tn.tlc.calls:w",
    ),
    uses=("crm", "settings", "marketing", "jbce", "jpm"),
    seed="mockst.telecom.seed:populate",
)
