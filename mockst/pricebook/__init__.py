"""Pricebook, declared from ``pricebook-v2.json``.

What a company sells and for how much: services, materials, equipment and discounts/fees as SKUs
in one catalogue, a category tree they point into, materials markup tiers, rate sheets, cost
types, images and feeds. It reads business units (Settings) and shares CRM's external-data
rules."""

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
    uses=("crm", "settings"),
    seed="mockst.pricebook.seed:populate",
)
