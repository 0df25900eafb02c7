"""Job Booking v2 (JBCE): the tenant's call reasons, which bookings and leads name."""

from mockst.api.family import Family

FAMILY = Family(
    name="jbce",
    title="Job Booking",
    document="jbce-v2.json",
    server="/jbce/v2",
    scopes=(
        "tn.jbce.callreasons:r",
    ),
    seed="mockst.jbce.seed:populate",
)
