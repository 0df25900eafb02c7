"""Telecom, declared from ``telecom.json``.

Its operations are planned (routed, guarded, documented; a placeholder answers) until
each is simulated: ``docs/adding-a-family.md``."""

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
    # uses=(...): the families whose data this one reads or changes (DESIGN.md);
    # seed="mockst.<family>.seed:populate": its part of the demo world.
)
