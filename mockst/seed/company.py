"""The company behind the tenant: user roles, business units, tag types, booking providers, staff.

Set up first, on the day the business opened: every later step needs its ids (customers carry tag
types, bookings arrive through a provider and name a business unit). Staff are hired at instants
spread over the first half of the story, through the Settings rules (``create_employee``,
``create_technician``) so logins stay unique and roles exist.
"""

from __future__ import annotations

from datetime import datetime

from mockst.api.operation import TenantContext
from mockst.crm.booking_provider_tags import create_tag
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.seed import names
from mockst.seed.builder import Builder, postal
from mockst.settings.business_units import create_business_unit
from mockst.settings.employees import create_employee
from mockst.settings.models.employees import EmployeeCreateRequest
from mockst.settings.models.tag_types import CreateTagTypeRequest
from mockst.settings.models.technicians import TechnicianCreateRequest
from mockst.settings.tag_types import create_tag_type
from mockst.settings.technicians import create_technician
from mockst.settings.user_roles import USER_ROLES, create_user_role, ensure_default_roles

SECOND_PROVIDERS = ("Online Booking", "Web Scheduler", "Partner Call Center")
# An employee's home, in EmployeeAddressResponse's order.
EMPLOYEE_HOME_PARTS = ("street", "unit", "country", "city", "state", "zip")

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


class CompanySteps(Builder):
    def settings(self, setup: datetime, hired_by: datetime) -> None:
        """Roles, business units, tag types and providers at ``setup``; staff hired by
        ``hired_by``."""
        self.clock = setup
        ctx = self.ctx()
        ensure_default_roles(ctx)
        roles = {r.get("name"): r for r in ctx.table(USER_ROLES.table).rows()}
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
        self.units = []
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
        self.tag_ids = {}
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
        """Two active booking provider tags: the tenant's own first, then ones made here."""
        tags = sorted(ctx.table(BOOKING_PROVIDER_TAGS).rows(), key=lambda r: r.id)
        ids = [int(r.id) for r in tags if r.active]
        taken = {r.get("tagName").lower() for r in tags}
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
            home=postal(home, EMPLOYEE_HOME_PARTS),
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
                "home": postal(home),
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
