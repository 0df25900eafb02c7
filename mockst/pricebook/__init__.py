"""Pricebook, declared from ``pricebook-v2.json``.

Its operations are planned (routed, guarded, documented; a placeholder answers) until
each is simulated: ``docs/adding-a-family.md``."""

from mockst.api.family import Family

FAMILY = Family(
    name="pricebook",
    title="Pricebook",
    document="pricebook-v2.json",
    server="/pricebook/v2",
    scopes=(
        "tn.pb.categories:r",
        "tn.pb.categories:w",
        "tn.pb.csp:r",
        "tn.pb.csp:w",
        "tn.pb.discountsandfees:r",
        "tn.pb.discountsandfees:w",
        "tn.pb.equipment:r",
        "tn.pb.equipment:w",
        "tn.pb.images:r",
        "tn.pb.images:w",
        "tn.pb.materials:r",
        "tn.pb.materials:w",
        "tn.pb.pricebook:w",
        "tn.pb.services:r",
        "tn.pb.services:w",
    ),
    # uses=(...): the families whose data this one reads or changes (DESIGN.md);
    # seed="mockst.<family>.seed:populate": its part of the demo world.
)
