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

The story's parts: ``builder`` (the event queue, operation calls, made-up people and places),
``company``, ``customers``, ``bookings`` and ``leads`` (one step each); this module tells the
story in order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.encoding import parse_datetime
from mockst.seed.bookings import BookingSteps
from mockst.seed.company import CompanySteps
from mockst.seed.customers import CustomerSteps
from mockst.seed.leads import LeadSteps
from mockst.store.world import World


class _Builder(CompanySteps, CustomerSteps, BookingSteps, LeadSteps):
    """Every step on one builder: one random source and one event queue for the whole story."""


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
        bookings = customers // 5 if bookings is None else bookings
        leads = customers // 6 if leads is None else leads
        builder.remember_customers = bookings > 0 or leads > 0
        for _ in range(customers):
            builder.customer_plan(history_start, now - timedelta(days=1))
        for i in range(bookings):
            builder.booking_plan(i, now - timedelta(days=min(120, history_days)))
        for _ in range(leads):
            builder.lead_plan(now - timedelta(days=min(180, history_days)))
        builder.run_events()
        builder.clock = now
        # one employee and one technician left the company
        _deactivate_one(builder, "employees", "Employees_AccountActions")
        _deactivate_one(builder, "technicians", "Technicians_AccountActions")
    return dict(sorted(builder.counts.items()))


def _deactivate_one(builder: _Builder, table: str, operation_id: str) -> None:
    rows = sorted(builder.tenant.table(table).rows(), key=lambda r: r.id)
    candidates = [r for r in rows if "CSR" in r.get("positions", []) or table == "technicians"]
    if len(candidates) < 2:
        return
    row = candidates[builder.rng.randrange(1, len(candidates))]
    hired = parse_datetime(row.get("createdOn"))
    builder.clock = builder.instant(
        max(hired, builder.now - timedelta(days=90)), builder.now - timedelta(days=1)
    )
    builder.call(operation_id, {"action": "Deactivate"}, id=row.id)
