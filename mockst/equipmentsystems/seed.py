"""The Equipment Systems family's part of a seeded story: equipment types, custom-field types and
the furnaces, condensers and water heaters installed at most locations.

Once every customer exists, about two locations in three get one to three pieces, installed
one to eighteen years before the story ends, with a serial number, warranties and a predicted
replacement from the type's lifespan; a piece that matches a price-book equipment SKU names it
(``equipmentId``), and some old ones were replaced and retired. Numbers come from a source of the
family's own (derived from the story's seed), so the other families' draws are unchanged.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from mockst.encoding import format_datetime, format_day, instant, parse_datetime, ticks_of
from mockst.equipmentsystems.custom_field_types import create_custom_field_type
from mockst.equipmentsystems.equipment_types import create_equipment_type
from mockst.equipmentsystems.installed_equipment import create_installed_equipment
from mockst.equipmentsystems.models.installed_equipment import InstalledEquipmentCreateRequest
from mockst.seed.story import Story

# (type, lifespan in years, makers, model stems, price-book code stem, cost range)
TYPES = (
    ("Furnace", 20, ("Carrier", "Trane", "Lennox", "Goodman"), ("59SC5", "S9X2", "EL296"), "FUR",
     (2800, 5200)),
    ("Air Conditioner", 15, ("Carrier", "Trane", "Goodman", "Rheem"), ("24ACC6", "XR16", "GSX16"),
     "ACC", (3500, 7200)),
    ("Heat Pump", 15, ("Lennox", "Rheem", "Trane"), ("XP20", "RP17", "XR17"), "HPU",
     (5200, 9800)),
    ("Water Heater", 12, ("Rheem", "A.O. Smith", "Bradford White"), ("XG50", "GCR-50", "RG250"),
     "WHG", (900, 2200)),
    ("Tankless Water Heater", 20, ("Navien", "Rinnai"), ("NPE-240A2", "RU199iN"), "WHL",
     (2200, 4200)),
    ("Air Handler", 18, ("Carrier", "Trane"), ("FE4A", "TEM6"), "AHU", (1800, 3600)),
    ("Boiler", 25, ("Weil-McLain", "Burnham"), ("CGa-4", "ES2-5"), None, (4500, 9000)),
    ("Thermostat", 10, ("Honeywell", "Ecobee", "Nest"), ("T6 Pro", "Premium", "Learning"), None,
     (120, 320)),
)  # fmt: skip
FIELD_TYPES = (
    ("Filter Size", "Dropdown", ["16x20", "16x25", "20x20", "20x25"]),
    ("Refrigerant", "Dropdown", ["R-410A", "R-454B", "R-22"]),
    ("SEER Rating", "Numeric", []),
    ("Location In Home", "Text", []),
)
PLACES = ("Basement", "Attic", "Garage", "Utility closet", "Side yard", "Crawl space")


def populate(story: Story) -> None:
    builder = story.builder
    ids: dict[str, Any] = {}

    def set_up() -> None:
        ctx = builder.ctx()
        ids["types"] = [create_equipment_type(ctx, name).id for name, *_ in TYPES]
        ids["fields"] = [create_custom_field_type(ctx, *spec).id for spec in FIELD_TYPES]
        builder.count("equipment_types", len(TYPES))
        builder.count("installed_equipment_custom_field_types", len(FIELD_TYPES))

    def install() -> None:
        ctx = builder.ctx()
        rng = random.Random(f"equipmentsystems:{builder.seed}")
        skus: dict[str, list[Any]] = {}
        for row in ctx.table("equipment").rows():  # the price book's equipment, by code stem
            skus.setdefault(str(row.get("code")).split("-")[0], []).append(row)
        plan = []  # (when it was recorded, location, type), written in time order
        for location in list(ctx.table("locations").rows()):
            if rng.random() > 0.65:
                continue
            after = parse_datetime(location.get("createdOn"))
            for t in rng.sample(range(len(TYPES)), rng.choice((1, 1, 2, 2, 3))):
                late = ticks_of(after) + rng.randrange(10**9, 3 * 10**12)  # 2 min to 3.5 days
                plan.append((min(late, ticks_of(story.now) - rng.randrange(10**7, 10**10)),
                             location.id, t))
        for when, location_id, t in sorted(plan):
            ctx.now = instant(when)
            _one(ctx, rng, location_id, t, ids, skus, story)
        builder.count("installed_equipment", len(plan))

    builder.at(story.setup, set_up)
    story.after_events(install)


def _later(moment: Any, days: int) -> str:
    """``moment`` plus whole days, to the tick (a datetime sum would drop the seventh digit)."""
    return format_datetime(instant(ticks_of(moment) + days * 86_400 * 10**7))


def _one(ctx: Any, rng: random.Random, location: int, t: int, ids: dict[str, Any],
         skus: dict[str, list[Any]], story: Story) -> None:
    name, life, makers, models, stem, (low, high) = TYPES[t]
    back = timedelta(days=rng.randrange(365, 365 * 18))
    installed = instant(ticks_of(story.now - back) + rng.randrange(1, 10**7))
    maker = rng.choice(makers)
    matching = [r for r in skus.get(stem or "", []) if r.get("manufacturer") == maker]
    fields = [{"typeId": ids["fields"][3], "value": rng.choice(PLACES)}]
    if name in ("Furnace", "Air Handler", "Heat Pump"):
        fields.append({"typeId": ids["fields"][0], "value": rng.choice(FIELD_TYPES[0][2])})
    if name in ("Air Conditioner", "Heat Pump"):
        fields.append({"typeId": ids["fields"][1], "value": rng.choice(("R-410A", "R-410A",
                                                                         "R-22", "R-454B"))})
        fields.append({"typeId": ids["fields"][2], "value": str(rng.choice((13, 14, 16, 18)))})
    body = InstalledEquipmentCreateRequest(
        locationId=location, name=name, equipmentTypeId=ids["types"][t],
        manufacturedOn=format_day(installed - timedelta(days=rng.randrange(30, 300))),
        serialNumber=f"{maker[:2].upper()}{rng.randrange(10**9, 10**10)}",
        manufacturer=maker, model=f"{rng.choice(models)}-{rng.randrange(100, 999)}",
        cost=round(rng.uniform(low, high), 2), memo="", customFields=fields,
    )  # fmt: skip
    replace_on = installed + timedelta(days=365 * life)
    # stamps written here, not through the request model, which would drop their seventh digit
    seeded: dict[str, Any] = {
        "installedOn": format_datetime(installed),
        "manufacturerWarrantyStart": format_datetime(installed),
        "manufacturerWarrantyEnd": _later(installed, 365 * 10),
        "serviceProviderWarrantyStart": format_datetime(installed),
        "serviceProviderWarrantyEnd": _later(installed, 365),
        "predictedReplacementMonths": life * 12,
        "predictedReplacementDate": format_day(replace_on),
        "equipmentId": rng.choice(matching).id if matching else None,
    }
    if replace_on < story.now and rng.random() < 0.5:  # past its life: replaced and retired
        seeded |= {"status": "Replaced", "active": False,
                   "actualReplacementDate": format_day(replace_on)}
    create_installed_equipment(ctx, body, unique=False, **seeded)  # one piece per type


