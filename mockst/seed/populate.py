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
``company``, ``customers``, ``bookings`` and ``leads`` (one step each); each family's seed hook
(``mockst/<family>/seed.py``, named by its declaration) plans its part, and this module runs them
in the families' dependency order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mockst.api import registry
from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.encoding import parse_datetime
from mockst.seed.bookings import BookingSteps
from mockst.seed.company import CompanySteps
from mockst.seed.customers import CustomerSteps
from mockst.seed.leads import LeadSteps
from mockst.seed.story import Story
from mockst.store.world import World


class StoryBuilder(CompanySteps, CustomerSteps, BookingSteps, LeadSteps):
    """Every step on one builder: one random source and one event queue for the whole story."""

    def deactivate_one(self, table: str, operation_id: str) -> None:
        """Someone of ``table`` (a CSR, or any technician) left in the last 90 days."""
        rows = sorted(self.tenant.table(table).rows(), key=lambda r: r.id)
        candidates = [r for r in rows if "CSR" in r.get("positions", []) or table == "technicians"]
        if len(candidates) < 2:
            return
        row = candidates[self.rng.randrange(1, len(candidates))]
        hired = parse_datetime(row.get("createdOn"))
        self.clock = self.instant(
            max(hired, self.now - timedelta(days=90)), self.now - timedelta(days=1)
        )
        self.call(operation_id, {"action": "Deactivate"}, id=row.id)


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

    Every family's seed hook plans its part, in dependency order (``mockst.seed.story``).
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
        builder = StoryBuilder(world, tenant_id, seed, now, config or Config())
        story = Story(
            builder,
            now,
            history_days,
            customers,
            customers // 5 if bookings is None else bookings,
            customers // 6 if leads is None else leads,
        )
        for family in registry.families():
            hook = family.seed_hook()
            if hook is not None:
                hook(story)
        builder.run_events()
        builder.clock = now
        for step in story.finish:
            step()
    return dict(sorted(builder.counts.items()))
