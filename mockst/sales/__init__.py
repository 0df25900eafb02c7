"""Sales & Estimates, declared from ``salestech-v2.json``.

Its operations are planned (routed, guarded, documented; a placeholder answers) until
each is simulated: ``docs/adding-a-family.md``."""

from mockst.api.family import Family

FAMILY = Family(
    name="sales",
    title="Sales & Estimates",
    document="salestech-v2.json",
    server="/sales/v2",
    scopes=(
        "tn.sal.estimates:r",
        "tn.sal.estimates:w",
        "tn.sal.estimatetemplates:r",
        "tn.sal.estimatetemplates:w",
        "tn.sal.proposaltemplates:r",
        "tn.sal.proposaltemplates:w",
        "tn.sal.proposaltypes:r",
    ),
    # uses=(...): the families whose data this one reads or changes (DESIGN.md);
    # seed="mockst.<family>.seed:populate": its part of the demo world.
)
