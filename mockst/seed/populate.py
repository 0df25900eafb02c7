"""Fill one tenant with a realistic home-services business, reproducibly from a seed number.

Everything is drawn from ``random.Random(seed)`` and written through the same code the API runs:
Settings rows through ``create_business_unit``, ``create_tag_type``, ``create_employee`` and
``create_technician``; CRM rows by calling the handlers of the official operations
(``Customers_Create``, ``Locations_Create``, ``Customers_Update``, ``Bookings_Create``,
``Bookings_DismissBooking``, ``Leads_Create``, ``Leads_Dismiss``) with request bodies validated
exactly as a request's would be, so seeded rows have the API's shape and obey its rules.

History is real history: the business was set up ``history_days`` (+30) days before ``now``;
employees were hired, customers created, locations added, customers edited, bookings taken and
dismissed and leads followed up at instants spread over that time. Events run in time order, each
with the simulator "now" of its instant, so ``createdOn``/``modifiedOn`` are in the past, export
feeds list rows chronologically, and nothing is held back as a recent change.

Same seed, same ``now``, same starting world → the same rows with the same ids.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from mockst.api import registry
from mockst.api.operation import Call, Operation, TenantContext
from mockst.config import Config
from mockst.crm.booking_provider_tags import create_tag
from mockst.encoding import format_datetime, parse_datetime
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.seed import names
from mockst.settings.business_units import create_business_unit
from mockst.settings.employees import create_employee
from mockst.settings.models.employees import EmployeeCreateRequest
from mockst.settings.models.tag_types import CreateTagTypeRequest
from mockst.settings.models.technicians import TechnicianCreateRequest
from mockst.settings.tag_types import create_tag_type
from mockst.settings.technicians import create_technician
from mockst.settings.user_roles import USER_ROLES, create_user_role, ensure_default_roles
from mockst.store.world import World

SECOND_PROVIDERS = ("Online Booking", "Web Scheduler", "Partner Call Center")
CAMPAIGN_IDS = (70_001, 70_002, 70_003, 70_004)  # campaigns are not simulated: plain ids
DISMISSING_REASON_IDS = (51, 52, 53)  # likewise: "Duplicate", "No answer", "Not interested"

# (name, role, positions, how many)
OFFICE_STAFF = (
    ("Admin", ["BusinessOwner"], 1),
    ("Manager", ["OfficeManager"], 1),
    ("Manager", ["ServiceManager"], 1),
    ("CSR", ["CSR"], 4),
    ("CSR", ["CsrManager"], 1),
    ("Dispatcher", ["Dispatcher"], 2),
    ("Accounting", ["Bookkeeper"], 1),
)
# (business unit index, role, positions, team, how many)
FIELD_STAFF = (
    (0, "Technician", ["Service"], "Plumbing", 4),
    (1, "Technician", ["Service", "Maintenance"], "HVAC", 4),
    (2, "Installer", ["Installer"], "Install", 2),
    (2, "Comfort Advisor", ["Sales"], "Install", 1),
    (3, "Technician", ["Service"], "Drains", 2),
    (4, "Technician", ["Service"], "Electrical", 2),
    (5, "Technician", ["Service"], "Commercial", 1),
)


@dataclass(order=True)
class _Event:
    at: datetime
    order: int
    run: Callable[[], None] = field(compare=False)


class _Builder:
    def __init__(
        self, world: World, tenant_id: int, seed: int, now: datetime, config: Config
    ) -> None:
        self.world = world
        self.tenant = world.tenant_data(tenant_id)
        self.rng = random.Random(seed)
        self.now = now
        self.config = config
        self.ops: dict[str, Operation] = {op.operation_id: op for op in registry.operations()}
        self.metro = self.rng.choice(names.METROS)
        self.events: list[_Event] = []
        self.clock = now  # the instant of the event being run
        self.counts: dict[str, int] = {}
        self.logins: set[str] = set()
        self.customers: list[dict[str, Any]] = []  # created so far, for bookings and leads

    # -- plumbing ------------------------------------------------------------------------------

    def at(self, when: datetime, run: Callable[[], None]) -> None:
        heapq.heappush(self.events, _Event(min(when, self.now), len(self.events), run))

    def run_events(self) -> None:
        while self.events:
            event = heapq.heappop(self.events)
            self.clock = event.at
            event.run()

    def ctx(self) -> TenantContext:
        return TenantContext(self.world, self.tenant, self.clock)

    def call(self, operation_id: str, body: dict[str, Any] | None, **path: Any) -> Any:
        """Run an operation's handler as a request would, minus HTTP and the guard."""
        op = self.ops[operation_id]
        model = None
        if op.body is not None and body is not None:
            model = op.body.model_validate_json(orjson.dumps(body), strict=True)
        call = Call(
            world=self.world,
            tenant=self.tenant,
            now=self.clock,
            config=self.config,
            principal=None,  # type: ignore[arg-type]  # handlers never read the caller
            path=path,
            query={},
            body=model,
        )
        return op.handler(call)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def instant(self, start: datetime, end: datetime) -> datetime:
        """A random instant in [start, end], in US business hours (14:00-01:00 UTC) when the
        window spans a day or more; microseconds included, as real stamps have."""
        span = (end - start).total_seconds()
        if span < 2 * 86400:
            moment = start + timedelta(seconds=self.rng.uniform(0, max(span, 0.0)))
        else:
            day = start + timedelta(days=self.rng.randrange(1, int(span // 86400)))
            moment = day.replace(hour=14, minute=0, second=0) + timedelta(
                seconds=self.rng.uniform(0, 11 * 3600)
            )
        moment = moment.replace(microsecond=self.rng.randrange(0, 1_000_000))
        return max(start, min(moment, end))

    # -- people and places -------------------------------------------------------------------

    def person(self) -> tuple[str, str]:
        return self.rng.choice(names.FIRST_NAMES), self.rng.choice(names.LAST_NAMES)

    def phone(self, city: names.City) -> str:
        return f"({self.rng.choice(city.area_codes)}) 555-01{self.rng.randrange(100):02d}"

    def email(self, first: str, last: str) -> str:
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        style = self.rng.random()
        if style < 0.3:
            local = f"{first[0]}{last}".lower()
        elif style < 0.5:
            local = f"{local}{self.rng.randrange(1, 99)}"
        return f"{local}@{self.rng.choice(names.EMAIL_DOMAINS)}"

    def address(
        self, city: names.City | None = None, units: tuple[str, ...] = ("Apt ", "Unit ", "#")
    ) -> dict[str, Any]:
        city = city or self.rng.choice(self.metro.cities)
        street = (
            f"{self.rng.randrange(100, 19_999)} {self.rng.choice(names.STREET_NAMES)} "
            f"{self.rng.choice(names.STREET_SUFFIXES)}"
        )
        unit = None
        if self.rng.random() < 0.12:
            unit = self.rng.choice(units) + str(self.rng.randrange(1, 400))
        return {
            "street": street,
            "unit": unit,
            "city": city.name,
            "state": city.state,
            "zip": f"{self.rng.randint(*city.zips):05d}",
            "country": "USA",
            "latitude": round(city.lat + self.rng.uniform(-0.06, 0.06), 6),
            "longitude": round(city.lon + self.rng.uniform(-0.06, 0.06), 6),
        }

    def city_of(self, address: dict[str, Any]) -> names.City:
        return next(c for c in self.metro.cities if c.name == address["city"])

    def login(self, first: str, last: str) -> str:
        base = f"{first[0]}{last}".lower()
        login, n = base, 1
        while login in self.logins:
            n += 1
            login = f"{base}{n}"
        self.logins.add(login)
        return login

    # -- settings ------------------------------------------------------------------------------

    def settings(self, setup: datetime, hired_by: datetime) -> None:
        self.clock = setup
        ctx = self.ctx()
        ensure_default_roles(ctx)
        roles = {r.data["name"]: r for r in ctx.table(USER_ROLES.table).rows()}
        if "Comfort Advisor" not in roles:
            roles["Comfort Advisor"] = create_user_role(
                ctx, "Comfort Advisor", "Technician", "TechnicianSales"
            )
        if "Senior Technician" not in roles:
            roles["Senior Technician"] = create_user_role(
                ctx, "Senior Technician", "Technician", "TechnicianService"
            )
        self.role_ids = {name: int(row.id) for name, row in roles.items()}
        office = self.metro.cities[0]
        company = self.rng.choice(names.LAST_NAMES)
        self.units: list[int] = []
        for name, trade, division, code, qb_class in names.BUSINESS_UNITS:
            row = create_business_unit(
                ctx,
                name,
                trade=trade,
                division=division,
                officialName=f"{company} {trade} & Air"
                if trade == "HVAC"
                else f"{company} {trade}",
                email=f"{trade.lower()}@example.com",
                phoneNumber=self.phone(office),
                accountCode=code,
                quickbooksClass=qb_class,
                defaultTaxRate=round(self.rng.uniform(0.05, 0.09), 4),
                address={**self.address(office), "unit": None},
                invoiceHeader=f"<p>{company} {trade}</p>",
                invoiceMessage="<p>Thank you for your business!</p>",
            )
            self.units.append(int(row.id))
        self.count("business_units", len(self.units))
        self.tag_ids: dict[str, int] = {}
        for name, color, code, importance, conversion, timesheet, board in names.TAG_TYPES:
            request = CreateTagTypeRequest(
                name=name,
                color=color,
                code=code,
                importance=importance,
                isConversionOpportunity=conversion,
                allowToUseOnTimesheetActivity=timesheet,
                isVisibleOnDispatchBoard=board,
            )
            self.tag_ids[name] = int(create_tag_type(ctx, request).id)
        self.count("tag_types", len(self.tag_ids))
        self.providers = self.booking_providers(ctx)
        for role, positions, how_many in OFFICE_STAFF:
            for _ in range(how_many):
                self.at(
                    self.instant(setup, hired_by), lambda r=role, p=positions: self.employee(r, p)
                )
        for unit_index, role, positions, team, how_many in FIELD_STAFF:
            for i in range(how_many):
                shown_role = "Senior Technician" if role == "Technician" and i == 0 else role
                self.at(
                    self.instant(setup, hired_by),
                    lambda u=unit_index, r=shown_role, p=positions, t=team: self.technician(
                        u, r, p, t
                    ),
                )

    def booking_providers(self, ctx: TenantContext) -> list[int]:
        tags = sorted(ctx.table(BOOKING_PROVIDER_TAGS).rows(), key=lambda r: r.id)
        ids = [int(r.id) for r in tags if r.active]
        taken = {r.data["tagName"].lower() for r in tags}
        for name in SECOND_PROVIDERS:
            if len(ids) >= 2:
                break
            if name.lower() not in taken:
                ids.append(int(create_tag(ctx, name, f"Bookings from {name.lower()}").id))
                self.count("booking_provider_tags")
        return ids[:2]

    def employee(self, role: str, positions: list[str]) -> None:
        first, last = self.person()
        city = self.rng.choice(self.metro.cities)
        request = EmployeeCreateRequest.model_validate(
            {
                "name": f"{first} {last}",
                "email": self.email(first, last),
                "phoneNumber": self.phone(city),
                "mobilePhoneNumber": self.phone(city),
                "login": self.login(first, last),
                "accountCreationMethod": "CreateLater",
                "businessUnitId": self.units[0] if role != "Accounting" else None,
                "roleId": self.role_ids[role],
                "positions": positions,
            }
        )
        home = self.address(city)
        create_employee(
            self.ctx(),
            request,
            hourlyRate=round(self.rng.uniform(18, 42), 2),
            home={k: home[k] for k in ("street", "unit", "country", "city", "state", "zip")},
        )
        self.count("employees")

    def technician(self, unit_index: int, role: str, positions: list[str], team: str) -> None:
        first, last = self.person()
        city = self.rng.choice(self.metro.cities)
        home = self.address(city)
        request = TechnicianCreateRequest.model_validate(
            {
                "name": f"{first} {last}",
                "email": self.email(first, last),
                "phoneNumber": self.phone(city),
                "login": self.login(first, last),
                "accountCreationMethod": "CreateLater",
                "businessUnitId": self.units[unit_index],
                "roleId": self.role_ids[role],
                "positions": positions,
                "licenseType": "ManagedTech" if role != "Installer" else "ManagedInstaller",
                "team": f"{team} Team",
                "dailyGoal": float(self.rng.randrange(1200, 3600, 100)),
                "burdenRate": round(self.rng.uniform(8, 16), 2),
                "home": {k: home[k] for k in ("street", "unit", "city", "state", "zip", "country")},
            }
        )
        create_technician(
            self.ctx(),
            request,
            hourlyRate=round(self.rng.uniform(26, 48), 2),
            commissionRate=round(self.rng.choice((0.0, 0.02, 0.05, 0.08)), 2),
            soldByRate=round(self.rng.choice((0.0, 0.03, 0.05)), 2),
            mobilePhone=self.phone(city),
        )
        self.count("technicians")

    # -- customers and locations ---------------------------------------------------------------

    def contacts(self, first: str, last: str, city: names.City) -> list[dict[str, Any]]:
        found = [
            {
                "type": self.rng.choice(("MobilePhone", "MobilePhone", "Phone")),
                "value": self.phone(city),
                "memo": None,
            }
        ]
        if self.rng.random() < 0.75:
            found.append({"type": "Email", "value": self.email(first, last), "memo": None})
        if self.rng.random() < 0.15:
            found.append({"type": "Phone", "value": self.phone(city), "memo": "Work"})
        return found

    def customer_plan(self, start: datetime, end: datetime) -> None:
        created = self.instant(start, end)
        commercial = self.rng.random() < 0.15
        first, last = self.person()
        address = self.address(units=("Suite ", "Unit ") if commercial else ("Apt ", "Unit ", "#"))
        city = self.city_of(address)
        if commercial:
            pattern = self.rng.choice(names.COMMERCIAL_PATTERNS)
            street_word = address["street"].split(" ")[1]
            name = pattern.format(last=last, street=street_word, city=city.name)
        else:
            name = f"{first} {last}"
        tags: list[int] = []
        if self.rng.random() < 0.12:
            tags.append(self.tag_ids[self.rng.choice(("Member - Gold", "Member - Silver"))])
        if self.rng.random() < 0.05:
            tags.append(self.tag_ids["VIP"])
        if self.rng.random() < 0.08:
            tags.append(self.tag_ids["Pets On Site"])
        contacts = self.contacts(first, last, city)
        body = {
            "name": name,
            "type": "Commercial" if commercial else "Residential",
            "address": address,
            "locations": [
                {
                    "name": name,
                    "address": address,
                    "contacts": [] if self.rng.random() < 0.8 else contacts[:1],
                }
            ],
            "contacts": contacts,
            "tagTypeIds": tags,
            "doNotMail": self.rng.random() < 0.06,
            "taxExempt": commercial and self.rng.random() < 0.2,
        }
        extra = self.rng.choices((0, 1, 2), weights=(70, 22, 8))[0]
        extra_locations = []
        for _ in range(extra):
            place = self.address()
            label = self.rng.choice(("Rental", "Vacation Home", "Office", "Warehouse", "Unit"))
            extra_locations.append(
                (
                    self.instant(created, self.now),
                    {
                        "name": f"{name} - {label} ({place['street']})",
                        "address": place,
                        "contacts": (
                            [
                                {
                                    "type": "Phone",
                                    "value": self.phone(self.city_of(place)),
                                    "memo": "Tenant",
                                }
                            ]
                            if self.rng.random() < 0.4
                            else []
                        ),
                    },
                )
            )
        update = None
        if self.rng.random() < 0.12:
            update = (
                self.instant(created, self.now),
                self.rng.choice(
                    (
                        {"doNotMail": True},
                        {"tagTypeIds": sorted({*tags, self.tag_ids["Member - Gold"]})},
                        {"nationalAccount": True} if commercial else {"doNotService": False},
                        {"name": name.replace(last, f"{last}-{self.rng.choice(names.LAST_NAMES)}")}
                        if not commercial
                        else {"taxExempt": True},
                    )
                ),
            )
        state: dict[str, Any] = {}

        def create() -> None:
            result = self.call("Customers_Create", body)
            state["id"] = result["id"]
            state["locations"] = [loc["id"] for loc in result["locations"]]
            self.customers.append(
                {
                    "id": result["id"],
                    "name": name,
                    "address": address,
                    "contacts": contacts,
                    "locations": state["locations"],
                    "city": city,
                    "first": first,
                    "last": last,
                }
            )
            self.count("customers")
            self.count("locations")

        self.at(created, create)
        for when, location in extra_locations:

            def add_location(location: dict[str, Any] = location) -> None:
                result = self.call("Locations_Create", {**location, "customerId": state["id"]})
                state["locations"].append(result["id"])
                self.count("locations")

            self.at(when, add_location)
        if update is not None:
            when, change = update
            self.at(when, lambda: self.call("Customers_Update", change, id=state["id"]))

    # -- bookings and leads --------------------------------------------------------------------

    def booking_plan(self, index: int, start: datetime) -> None:
        taken = self.instant(start, self.now - timedelta(hours=2))
        provider = self.providers[0 if self.rng.random() < 0.6 else -1]
        returning = self.rng.random() < 0.3
        first, last = self.person()
        address = self.address()
        prospect_contacts = self.contacts(first, last, self.city_of(address))
        appointment = (taken + timedelta(days=self.rng.randint(1, 7))).replace(
            hour=self.rng.choice((14, 15, 16, 18, 19, 20, 21)), minute=0, second=0, microsecond=0
        )
        summary = self.rng.choice(names.BOOKING_SUMMARIES)
        source = self.rng.choice(names.BOOKING_SOURCES)
        unit = self.rng.choice(self.units[:5])
        priority = self.rng.choices(("Normal", "High", "Urgent", "Low"), (70, 15, 10, 5))[0]
        dismissed_at = None
        if taken < self.now - timedelta(days=10) and self.rng.random() < 0.5:
            dismissed_at = self.instant(taken, min(taken + timedelta(days=3), self.now))
        pick = self.rng.random()
        external_id = f"{source[:3].upper()}-{self.rng.randrange(100_000, 999_999)}"

        def create() -> None:
            name, where, contacts, first_time = f"{first} {last}", address, prospect_contacts, True
            if returning and self.customers:
                customer = self.customers[int(pick * len(self.customers))]
                name, where = customer["name"], customer["address"]
                contacts, first_time = customer["contacts"], False
            body = {
                "source": source,
                "name": name,
                "address": {
                    k: where[k] for k in ("street", "unit", "city", "state", "zip", "country")
                },
                "contacts": contacts,
                "customerType": "Residential",
                "start": format_datetime(appointment),
                "summary": summary,
                "businessUnitId": unit,
                "priority": priority,
                "isFirstTimeClient": first_time,
                "isSendConfirmationEmail": False,
                "externalId": external_id,
            }
            result = self.call("Bookings_Create", body, booking_provider=provider)
            self.count("bookings")
            if dismissed_at is not None:
                self.at(
                    dismissed_at,
                    lambda: self.call(
                        "Bookings_DismissBooking",
                        {"dismissingMemo": "Customer booked by phone instead"},
                        booking_provider=provider,
                        id=result["id"],
                    ),
                )

        self.at(taken, create)

    def lead_plan(self, start: datetime) -> None:
        created = self.instant(start, self.now - timedelta(hours=1))
        linked = self.rng.random() < 0.6
        pick = self.rng.random()
        first, last = self.person()
        address = self.address()
        city = self.city_of(address)
        summary = self.rng.choice(names.LEAD_SUMMARIES)
        follow_up = created + timedelta(days=self.rng.randint(2, 21))
        campaign = self.rng.choice(CAMPAIGN_IDS)
        unit = self.rng.choice(self.units[:5])
        priority = self.rng.choices(("Normal", "High", "Low"), (75, 15, 10))[0]
        dismissed_at = None
        if created < self.now - timedelta(days=30) and self.rng.random() < 0.35:
            dismissed_at = self.instant(created + timedelta(days=1), self.now)
        reason = self.rng.choice(DISMISSING_REASON_IDS)
        phone, email = self.phone(city), self.email(first, last)

        def create() -> None:
            body: dict[str, Any] = {
                "campaignId": campaign,
                "businessUnitId": unit,
                "summary": summary,
                "priority": priority,
                "followUpDate": format_datetime(follow_up),
            }
            if linked and self.customers:
                customer = self.customers[int(pick * len(self.customers))]
                body["customerId"] = customer["id"]
                body["locationId"] = customer["locations"][0]
            else:
                body.update(
                    leadCustomerName=f"{first} {last}",
                    leadPhone=phone,
                    leadEmail=email,
                    leadStreet=address["street"],
                    leadCity=address["city"],
                    leadState=address["state"],
                    leadZip=address["zip"],
                    leadCountry="USA",
                )
            result = self.call("Leads_Create", body)
            self.count("leads")
            if dismissed_at is not None:
                self.at(
                    dismissed_at,
                    lambda: self.call(
                        "Leads_Dismiss", {"dismissingReasonId": reason}, id=result["id"]
                    ),
                )

        self.at(created, create)


def populate_tenant(
    ctx_or_world: World | TenantContext,
    tenant_id: int | None = None,
    *,
    seed: int,
    customers: int = 300,
    bookings: int | None = None,
    leads: int | None = None,
    now: datetime | None = None,
    history_days: int = 730,
    config: Config | None = None,
) -> dict[str, int]:
    """Fill one tenant with a business's worth of data; returns how many rows of each kind.

    ``bookings`` defaults to a fifth of ``customers``, ``leads`` to a sixth. ``now`` (default: the
    world's clock) is when the story ends. Everything happens in one transaction: a failure leaves
    the tenant as it was. Rows are added to whatever the tenant already has.
    """
    if isinstance(ctx_or_world, TenantContext):
        world = ctx_or_world.world
        if tenant_id is not None and tenant_id != ctx_or_world.tenant_id:
            raise ValueError("tenant_id does not match the context's tenant")
        tenant_id = ctx_or_world.tenant_id
        now = now or ctx_or_world.now
    else:
        world = ctx_or_world
        if tenant_id is None:
            raise ValueError("tenant_id is required with a World")
    if customers < 0 or history_days < 1:
        raise ValueError("customers must be >= 0 and history_days >= 1")
    now = (now or world.clock.now()).astimezone(UTC)
    with world.transaction():
        builder = _Builder(world, tenant_id, seed, now, config or Config())
        history_start = now - timedelta(days=history_days)
        setup = history_start - timedelta(days=30)
        builder.settings(setup, history_start + timedelta(days=history_days // 2))
        for _ in range(customers):
            builder.customer_plan(history_start, now - timedelta(days=1))
        for i in range(customers // 5 if bookings is None else bookings):
            builder.booking_plan(i, now - timedelta(days=min(120, history_days)))
        for _ in range(customers // 6 if leads is None else leads):
            builder.lead_plan(now - timedelta(days=min(180, history_days)))
        builder.run_events()
        builder.clock = now
        # one employee and one technician left the company
        _deactivate_one(builder, "employees", "Employees_AccountActions")
        _deactivate_one(builder, "technicians", "Technicians_AccountActions")
    return dict(sorted(builder.counts.items()))


def _deactivate_one(builder: _Builder, table: str, operation_id: str) -> None:
    rows = sorted(builder.tenant.table(table).rows(), key=lambda r: r.id)
    candidates = [r for r in rows if "CSR" in r.data.get("positions", []) or table == "technicians"]
    if len(candidates) < 2:
        return
    row = candidates[builder.rng.randrange(1, len(candidates))]
    hired = parse_datetime(row.data["createdOn"])
    builder.clock = builder.instant(
        max(hired, builder.now - timedelta(days=90)), builder.now - timedelta(days=1)
    )
    builder.call(operation_id, {"action": "Deactivate"}, id=row.id)
