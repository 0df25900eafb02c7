"""Equipment Systems, declared from ``equipment-systems-v2.json``.

Its operations are planned (routed, guarded, documented; a placeholder answers) until
each is simulated: ``docs/adding-a-family.md``."""

from mockst.api.family import Family

FAMILY = Family(
    name="equipmentsystems",
    title="Equipment Systems",
    document="equipment-systems-v2.json",
    server="/equipmentsystems/v2",
    scopes=(
        "tn.eqs.equipmenttypes:r",
        "tn.eqs.equipmenttypes:w",
        "tn.eqs.installedequipment:r",
        "tn.eqs.installedequipment:w",
    ),
    # uses=(...): the families whose data this one reads or changes (DESIGN.md);
    # seed="mockst.<family>.seed:populate": its part of the demo world.
)
