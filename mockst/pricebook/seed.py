"""The Pricebook family's part of a seeded story: an HVAC, plumbing and electrical price book of a
few hundred SKUs in a category tree, with cost types, markup tiers and two rate sheets.

The catalogue is built from the tables below: each leaf category's services come in a standard
and an after-hours variant, materials in their sizes, equipment in its capacities, so the codes
and names read like a real tenant's. Prices draw from a source of the price book's own (derived
from the story's seed), so adding it leaves every other family's draws as they were.
"""

from __future__ import annotations

import random
from typing import Any

from mockst.api.operation import TenantContext
from mockst.encoding import instant, ticks_of
from mockst.pricebook.categories import create_category
from mockst.pricebook.client_specific_pricing import create_rate_sheet
from mockst.pricebook.discount_and_fees import DISCOUNT_AND_FEE
from mockst.pricebook.equipment import EQUIPMENT_KIND
from mockst.pricebook.materials import MATERIAL, create_cost_type
from mockst.pricebook.materials_markup import create_markup
from mockst.pricebook.models.categories import CategoryCreateRequest
from mockst.pricebook.models.discount_and_fees import DiscountAndFeesCreateRequest
from mockst.pricebook.models.equipment import EquipmentCreateRequest
from mockst.pricebook.models.materials import MaterialCreateRequest
from mockst.pricebook.models.services import ServiceCreateRequest
from mockst.pricebook.services import SERVICE
from mockst.pricebook.sku_operations import create_sku
from mockst.pricebook.skus import Kind
from mockst.seed.story import Story

# Services: trade | leaf category | code stem | service | price | hours
SERVICE_TABLE = """
Plumbing|Drains|DRN|Kitchen drain cleaning|189|1
Plumbing|Drains|DRN|Main line cleaning|349|2
Plumbing|Drains|DRN|Bathtub drain cleaning|169|1
Plumbing|Drains|DRN|Hydro jetting|649|3
Plumbing|Drains|DRN|Floor drain cleaning|229|1.5
Plumbing|Tank Water Heaters|WHT|Water heater flush|149|1
Plumbing|Tank Water Heaters|WHT|Anode rod replacement|289|1.5
Plumbing|Tank Water Heaters|WHT|Thermocouple replacement|219|1
Plumbing|Tank Water Heaters|WHT|Tank water heater install|950|4
Plumbing|Tank Water Heaters|WHT|Expansion tank install|329|1.5
Plumbing|Tankless Water Heaters|WHL|Tankless descale|249|1.5
Plumbing|Tankless Water Heaters|WHL|Tankless install|1850|6
Plumbing|Tankless Water Heaters|WHL|Tankless error diagnosis|159|1
Plumbing|Fixtures|FIX|Toilet repair|179|1
Plumbing|Fixtures|FIX|Toilet install|329|2
Plumbing|Fixtures|FIX|Faucet replacement|249|1.5
Plumbing|Fixtures|FIX|Garbage disposal install|379|1.5
Plumbing|Fixtures|FIX|Shower valve replacement|549|3
Plumbing|Leak Repair|LKR|Slab leak detection|449|2
Plumbing|Leak Repair|LKR|Pipe repair|289|2
Plumbing|Leak Repair|LKR|Repipe per fixture|690|4
Plumbing|Leak Repair|LKR|Shut-off valve replacement|229|1
HVAC|Cooling|CLG|AC diagnostic|129|1
HVAC|Cooling|CLG|Capacitor replacement|289|1
HVAC|Cooling|CLG|Contactor replacement|259|1
HVAC|Cooling|CLG|Refrigerant recharge per lb|95|0.5
HVAC|Cooling|CLG|Condenser fan motor replacement|589|2
HVAC|Cooling|CLG|Coil cleaning|249|1.5
HVAC|Furnaces|FRN|Furnace diagnostic|129|1
HVAC|Furnaces|FRN|Igniter replacement|319|1
HVAC|Furnaces|FRN|Flame sensor cleaning|149|0.5
HVAC|Furnaces|FRN|Inducer motor replacement|749|2.5
HVAC|Furnaces|FRN|Blower motor replacement|689|2
HVAC|Heat Pumps|HTP|Heat pump diagnostic|139|1
HVAC|Heat Pumps|HTP|Reversing valve replacement|1190|4
HVAC|Heat Pumps|HTP|Defrost board replacement|489|1.5
HVAC|Maintenance|MNT|AC tune-up|119|1
HVAC|Maintenance|MNT|Furnace tune-up|119|1
HVAC|Maintenance|MNT|Heat pump tune-up|139|1.5
HVAC|Maintenance|MNT|Boiler tune-up|189|2
HVAC|Indoor Air Quality|IAQ|UV light install|690|2
HVAC|Indoor Air Quality|IAQ|Air purifier install|1290|3
HVAC|Indoor Air Quality|IAQ|Humidifier install|890|3
HVAC|Indoor Air Quality|IAQ|Duct sealing|1490|6
Electrical|Panels|PNL|Panel upgrade 200A|2890|8
Electrical|Panels|PNL|Breaker replacement|249|1
Electrical|Panels|PNL|Surge protector install|449|1.5
Electrical|Wiring & Lighting|WIR|Outlet replacement|149|0.5
Electrical|Wiring & Lighting|WIR|GFCI install|189|0.75
Electrical|Wiring & Lighting|WIR|Ceiling fan install|289|1.5
Electrical|Wiring & Lighting|WIR|Dedicated circuit|590|3
"""


def _services_tree() -> dict[str, dict[str, tuple[str, list[tuple[str, int, float]]]]]:
    tree: dict[str, dict[str, tuple[str, list[tuple[str, int, float]]]]] = {}
    for line in SERVICE_TABLE.strip().splitlines():
        trade, leaf, stem, name, price, hours = line.split("|")
        offers = tree.setdefault(trade, {}).setdefault(leaf, (stem, []))[1]
        offers.append((name, int(price), float(hours)))
    return tree


SERVICES = _services_tree()
# Materials tree: group -> leaf -> (code stem, [(part, unit cost)], sizes)
MATERIALS: dict[str, dict[str, tuple[str, tuple[tuple[str, float], ...], tuple[str, ...]]]] = {
    "Plumbing Parts": {
        "Pipe & Fittings": ("PF", (("Copper pipe type L", 4.2), ("PEX tubing", 0.9),
                                   ("PVC pipe sch 40", 1.1), ("Copper elbow", 1.6),
                                   ("PEX crimp ring", 0.3), ("Coupling", 1.2)),
                            ('1/2"', '3/4"', '1"', '1-1/2"', '2"')),
        "Valves": ("VL", (("Ball valve", 11.5), ("Gate valve", 14), ("Check valve", 17.5),
                          ("Pressure reducing valve", 62)), ('1/2"', '3/4"', '1"')),
        "Water Heater Parts": ("WP", (("Anode rod", 28), ("Thermocouple", 9.5),
                                      ("T&P relief valve", 19), ("Gas control valve", 138),
                                      ("Heating element", 21)), ("Standard", "Universal")),
    },
    "HVAC Parts": {
        "Capacitors & Contactors": ("CC", (("Run capacitor", 14), ("Dual run capacitor", 22),
                                           ("Start capacitor", 12), ("Contactor", 18)),
                                    ("5 MFD", "35/5 MFD", "45/5 MFD", "1-pole", "2-pole")),
        "Motors": ("MT", (("Condenser fan motor", 145), ("Blower motor", 210),
                          ("Inducer motor", 265)), ("1/6 HP", "1/4 HP", "1/3 HP", "1/2 HP")),
        "Filters": ("FL", (("Pleated filter MERV 8", 7.5), ("Pleated filter MERV 11", 11),
                           ("Media filter MERV 13", 39)), ("16x20", "16x25", "20x20", "20x25")),
        "Refrigerant": ("RF", (("R-410A", 18), ("R-454B", 26), ("R-22", 85)), ("per lb",)),
        "Thermostats": ("TS", (("Programmable thermostat", 48), ("Smart thermostat", 165),
                               ("Non-programmable thermostat", 24)), ("Standard",)),
    },
    "Electrical Parts": {
        "Devices": ("ED", (("Duplex outlet", 2.1), ("GFCI outlet", 16), ("Single-pole breaker", 9),
                           ("Double-pole breaker", 19)), ("15A", "20A", "30A")),
    },
}
# Equipment: (code stem, name, manufacturers, capacities, base price, services category)
EQUIPMENT = (
    ("FUR", "Gas furnace 96% AFUE", ("Carrier", "Trane", "Lennox"),
     ("60k BTU", "80k BTU", "100k BTU"), 3900, "Furnaces"),
    ("ACC", "AC condenser 16 SEER", ("Carrier", "Trane", "Goodman"),
     ("2 ton", "3 ton", "4 ton", "5 ton"), 4800, "Cooling"),
    ("HPU", "Heat pump 18 SEER", ("Lennox", "Rheem"), ("2 ton", "3 ton", "4 ton"), 6200,
     "Heat Pumps"),
    ("WHG", "Gas tank water heater", ("Rheem", "A.O. Smith", "Bradford White"),
     ("40 gal", "50 gal", "75 gal"), 1450, "Tank Water Heaters"),
    ("WHE", "Electric tank water heater", ("Rheem", "A.O. Smith"), ("40 gal", "50 gal"), 1250,
     "Tank Water Heaters"),
    ("WHL", "Tankless water heater", ("Navien", "Rinnai"), ("160k BTU", "199k BTU"), 2900,
     "Tankless Water Heaters"),
    ("AHU", "Air handler", ("Carrier", "Trane"), ("2 ton", "3 ton", "4 ton"), 2600, "Cooling"),
)  # fmt: skip
FEES = (
    ("Discount", "SENIOR", "Senior discount", "Percentage", 10, 150),
    ("Discount", "MILITARY", "Military discount", "Percentage", 10, 150),
    ("Discount", "MEMBER15", "Membership discount", "Percentage", 15, 500),
    ("Discount", "COUPON50", "$50 off coupon", "Fixed", 50, 50),
    ("Discount", "SPRING100", "Spring AC promotion", "Fixed", 100, 100),
    ("Fee", "TRIP", "Trip charge", "Fixed", 79, 0),
    ("Fee", "AFTERHRS", "After-hours fee", "Fixed", 149, 0),
    ("Fee", "PERMIT", "Permit fee", "Fixed", 185, 0),
    ("Fee", "DISPOSAL", "Haul-away and disposal", "Fixed", 95, 0),
    ("Fee", "FUEL", "Fuel surcharge", "Percentage", 3, 45),
)
COST_TYPES = ("Subcontractor", "Permit", "Equipment Rental", "Disposal")
MARKUPS = ((0, 10, 100), (10, 50, 70), (50, 200, 50), (200, 1000, 35), (1000, 100000, 25))


def _tick(ctx: TenantContext, rng: random.Random) -> None:
    """A few seconds to a minute and a half later, to the tick: rows of one afternoon's set-up
    carry stamps as varied as real ones."""
    ctx.now = instant(ticks_of(ctx.now) + rng.randrange(50_000_000, 900_000_000))


def _sku(ctx: TenantContext, rng: random.Random, kind: Kind, body: Any) -> Any:
    _tick(ctx, rng)
    return create_sku(ctx, kind, body)


def _tree(ctx: TenantContext, rng: random.Random, kind: str, tree: dict[str, Any]
          ) -> dict[str, int]:
    """Categories of ``tree`` (trade -> leaves), the leaves' ids by name."""
    leaves: dict[str, int] = {}
    for trade, children in tree.items():
        _tick(ctx, rng)
        top = create_category(ctx, CategoryCreateRequest(name=trade, categoryType=kind))
        for leaf in children:
            _tick(ctx, rng)
            made = create_category(ctx, CategoryCreateRequest(name=leaf, categoryType=kind,
                                                              parentId=top.id))
            leaves[leaf] = made.id
    return leaves


def _materials(ctx: TenantContext, rng: random.Random, leaves: dict[str, int],
               odc_type: int) -> dict[str, list[int]]:
    made: dict[str, list[int]] = {}
    for children in MATERIALS.values():
        for leaf, (stem, parts, sizes) in children.items():
            for p, (part, cost) in enumerate(parts):
                for s, size in enumerate(sizes):
                    unit_cost = round(cost * (1 + 0.35 * s) * rng.uniform(0.95, 1.05), 2)
                    body = MaterialCreateRequest(
                        code=f"{stem}-{p + 1:02d}{s + 1:02d}", displayName=f"{part} {size}",
                        description=f"<p>{part}, {size}.</p>", cost=unit_cost,
                        price=round(unit_cost * 2.2, 2), memberPrice=round(unit_cost * 2, 2),
                        addOnPrice=round(unit_cost * 2.2, 2),
                        addOnMemberPrice=round(unit_cost * 2, 2), unitOfMeasure="ea",
                        taxable=True, chargeableByDefault=True, categories=[leaves[leaf]],
                    )
                    made.setdefault(leaf, []).append(_sku(ctx, rng, MATERIAL, body).id)
    for name, cost in (("Crane rental", 450), ("Dumpster", 380)):
        body = MaterialCreateRequest(code=f"ODC-{name[:4].upper()}", displayName=name,
                                     description=f"<p>{name}.</p>", cost=cost, price=cost * 1.3,
                                     isOtherDirectCost=True, costTypeId=odc_type)
        _sku(ctx, rng, MATERIAL, body)
    return made


def populate(story: Story) -> None:
    builder = story.builder

    def set_up() -> None:
        ctx = builder.ctx()
        rng = random.Random(f"pricebook:{builder.seed}")
        _tick(ctx, rng)
        cost_types = [create_cost_type(ctx, name).id for name in COST_TYPES]
        for low, high, percent in MARKUPS:
            create_markup(ctx, low, high, percent)
        service_leaves = _tree(ctx, rng, "Services", SERVICES)
        material_leaves = _tree(ctx, rng, "Materials", MATERIALS)
        parts = _materials(ctx, rng, material_leaves, cost_types[2])
        equipment: list[int] = []
        for stem, name, makers, sizes, base, leaf in EQUIPMENT:
            for m, maker in enumerate(makers):
                for s, size in enumerate(sizes):
                    price = round(base * (1 + 0.18 * s) * rng.uniform(0.97, 1.08), -1)
                    body = EquipmentCreateRequest(
                        code=f"{stem}-{maker[:3].upper()}-{s + 1}",
                        displayName=f"{maker} {name} {size}",
                        description=f"<p>{maker} {name}, {size}.</p>", manufacturer=maker,
                        model=f"{stem}{s + 1}{m}0-{rng.randrange(100, 999)}", price=price,
                        memberPrice=round(price * 0.95, -1), cost=round(price * 0.55, 2),
                        manufacturerWarranty={"duration": 120, "description": "Parts, 10 years"},
                        serviceProviderWarranty={"duration": 12, "description": "Labor, 1 year"},
                        categories=[service_leaves[leaf]], isInventory=True,
                    )  # fmt: skip
                    equipment.append(_sku(ctx, rng, EQUIPMENT_KIND, body).id)
        services: list[int] = []
        for children in SERVICES.values():
            for leaf, (stem, offers) in children.items():
                kit = parts.get(rng.choice(sorted(parts)), [])[:2]
                for n, (name, price, hours) in enumerate(offers):
                    for variant, factor, suffix in (("", 1.0, ""), (" (after hours)", 1.5, "-AH")):
                        body = ServiceCreateRequest(
                            code=f"{stem}-{n + 1:03d}{suffix}", displayName=name + variant,
                            description=f"<p>{name}{variant}.</p>", price=round(price * factor),
                            memberPrice=round(price * factor * 0.85),
                            addOnPrice=round(price * factor * 0.9),
                            addOnMemberPrice=round(price * factor * 0.8), hours=hours,
                            taxable=False, isLabor=True, categories=[service_leaves[leaf]],
                            serviceMaterials=[{"skuId": k, "quantity": 1} for k in kit],
                            active=not (suffix and n == 4),
                        )  # fmt: skip
                        services.append(_sku(ctx, rng, SERVICE, body).id)
        for kind, code, name, amount_type, amount, limit in FEES:
            body = DiscountAndFeesCreateRequest(
                type=kind, code=code, displayName=name, description=f"<p>{name}.</p>",
                amountType=amount_type, amount=amount, limit=limit, taxable=False,
            )
            _sku(ctx, rng, DISCOUNT_AND_FEE, body)
        _tick(ctx, rng)
        create_rate_sheet(ctx, "Property Management Partners", [
            *({"skuId": s, "value": 10, "valueType": "DiscountPercent"} for s in services[:20]),
            {"skuId": equipment[0], "value": 3500, "valueType": "FlatPrice"},
        ])
        create_rate_sheet(ctx, "Senior Living Communities", [
            {"skuId": s, "value": 0.9, "valueType": "Multiplier"} for s in services[20:40]
        ])
        for table, n in (("services", len(services)), ("equipment", len(equipment)),
                         ("materials", sum(map(len, parts.values())) + 2),
                         ("discounts_and_fees", len(FEES)), ("materialsmarkup", len(MARKUPS)),
                         ("costtypes", len(COST_TYPES)), ("clientspecificpricing", 2)):
            builder.count(table, n)

    builder.at(story.setup, set_up)
