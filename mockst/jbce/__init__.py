"""Job Booking, declared from ``jbce-v2.json``.

Its operations are planned (routed, guarded, documented; a placeholder answers) until
each is simulated: ``docs/adding-a-family.md``."""

from mockst.api.family import Family

FAMILY = Family(
    name="jbce",
    title="Job Booking",
    document="jbce-v2.json",
    server="/jbce/v2",
    # uses=(...): the families whose data this one reads or changes (DESIGN.md);
    # seed="mockst.<family>.seed:populate": its part of the demo world.
)
