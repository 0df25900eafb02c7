"""Dispatch, declared from ``dispatch-v2.json``.

Its operations are planned (routed, guarded, documented; a placeholder answers) until
each is simulated: ``docs/adding-a-family.md``."""

from mockst.api.family import Family

FAMILY = Family(
    name="dispatch",
    title="Dispatch",
    document="dispatch-v2.json",
    server="/dispatch/v2",
    # uses=(...): the families whose data this one reads or changes (DESIGN.md);
    # seed="mockst.<family>.seed:populate": its part of the demo world.
)
