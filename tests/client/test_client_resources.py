"""Resource helpers call the documented paths with the given bodies and ServiceTitan's params."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fakes import FakeServiceTitan, async_client, sync_client
from mockst_client import ConfigurationError, ServiceTitanClient

BODY = {"k": "v"}

# (call, method, module, resource, body); one row per helper, kept as a table.
# fmt: off
CASES: list[tuple[Callable[[ServiceTitanClient], Any], str, str, str, Any]] = [
    (lambda c: c.customers.create(BODY), "POST", "crm", "customers", BODY),
    (lambda c: c.customers.update(5, BODY), "PATCH", "crm", "customers/5", BODY),
    (lambda c: c.customers.list_contacts(5), "GET", "crm", "customers/5/contacts", None),
    (lambda c: c.customers.create_contact(5, BODY), "POST", "crm", "customers/5/contacts", BODY),
    (lambda c: c.customers.update_contact(5, 6, BODY), "PATCH", "crm", "customers/5/contacts/6",
     BODY),
    (lambda c: c.customers.delete_contact(5, 6), "DELETE", "crm", "customers/5/contacts/6", None),
    (lambda c: c.customers.create_note(5, BODY), "POST", "crm", "customers/5/notes", BODY),
    (lambda c: c.locations.create(BODY), "POST", "crm", "locations", BODY),
    (lambda c: c.locations.get(8), "GET", "crm", "locations/8", None),
    (lambda c: c.locations.update(8, BODY), "PATCH", "crm", "locations/8", BODY),
    (lambda c: c.locations.list(customerId=5), "GET", "crm", "locations", None),
    (lambda c: c.locations.create_contact(8, BODY), "POST", "crm", "locations/8/contacts", BODY),
    (lambda c: c.locations.update_contact(8, 2, BODY), "PATCH", "crm", "locations/8/contacts/2",
     BODY),
    (lambda c: c.locations.delete_contact(8, 2), "DELETE", "crm", "locations/8/contacts/2", None),
    (lambda c: c.booking_provider_tags.create(BODY), "POST", "crm", "booking-provider-tags", BODY),
    (lambda c: c.booking_provider_tags.get(3), "GET", "crm", "booking-provider-tags/3", None),
    (lambda c: c.booking_provider_tags.update(3, BODY), "PATCH", "crm",
     "booking-provider-tags/3", BODY),
    (lambda c: c.bookings.create(BODY), "POST", "crm", "booking-provider/77/bookings", BODY),
    (lambda c: c.bookings.get(4), "GET", "crm", "booking-provider/77/bookings/4", None),
    (lambda c: c.bookings.update(4, BODY), "PATCH", "crm", "booking-provider/77/bookings/4", BODY),
    (lambda c: c.bookings.dismiss(4), "POST", "crm", "booking-provider/77/bookings/4/dismiss", {}),
    (lambda c: c.bookings.list(externalId="x-1"), "GET", "crm", "booking-provider/77/bookings",
     None),
    (lambda c: c.bookings.create_contact(4, BODY), "POST", "crm",
     "booking-provider/77/bookings/4/contacts", BODY),
    (lambda c: c.bookings.list_contacts(4), "GET", "crm",
     "booking-provider/77/bookings/4/contacts", None),
    (lambda c: c.bookings.update_contact(4, 9, BODY), "PATCH", "crm",
     "booking-provider/77/bookings/4/contacts/9", BODY),
    (lambda c: c.bookings.delete_contact(4, 9), "DELETE", "crm",
     "booking-provider/77/bookings/4/contacts/9", None),
    (lambda c: c.bookings.create(BODY, provider_id=12), "POST", "crm",
     "booking-provider/12/bookings", BODY),
    (lambda c: c.tenant_bookings.get(4), "GET", "crm", "bookings/4", None),
    (lambda c: c.tenant_bookings.list(), "GET", "crm", "bookings", None),
    (lambda c: c.tenant_bookings.list_contacts(4), "GET", "crm", "bookings/4/contacts", None),
    (lambda c: c.leads.create(BODY), "POST", "crm", "leads", BODY),
    (lambda c: c.leads.get(2), "GET", "crm", "leads/2", None),
    (lambda c: c.leads.update(2, BODY), "PATCH", "crm", "leads/2", BODY),
    (lambda c: c.leads.list(status="Open"), "GET", "crm", "leads", None),
    (lambda c: c.leads.dismiss(2, BODY), "POST", "crm", "leads/2/dismiss", BODY),
    (lambda c: c.leads.follow_up(2, BODY), "POST", "crm", "leads/2/follow-up", BODY),
    (lambda c: c.leads.create_note(2, BODY), "POST", "crm", "leads/2/notes", BODY),
    (lambda c: c.leads.list_notes(2), "GET", "crm", "leads/2/notes", None),
    (lambda c: c.employees.get(1), "GET", "settings", "employees/1", None),
    (lambda c: c.employees.create(BODY), "POST", "settings", "employees", BODY),
    (lambda c: c.employees.update(1, BODY), "PATCH", "settings", "employees/1", BODY),
    (lambda c: c.employees.list(), "GET", "settings", "employees", None),
    (lambda c: c.technicians.get(1), "GET", "settings", "technicians/1", None),
    (lambda c: c.technicians.create(BODY), "POST", "settings", "technicians", BODY),
    (lambda c: c.technicians.update(1, BODY), "PATCH", "settings", "technicians/1", BODY),
    (lambda c: c.business_units.get(1), "GET", "settings", "business-units/1", None),
    (lambda c: c.business_units.update(1, BODY), "PATCH", "settings", "business-units/1", BODY),
    (lambda c: c.business_units.list(active="Any"), "GET", "settings", "business-units", None),
    (lambda c: c.tag_types.create(BODY), "POST", "settings", "tag-types", BODY),
    (lambda c: c.tag_types.update(1, BODY), "PATCH", "settings", "tag-types/1", BODY),
    (lambda c: c.tag_types.list(), "GET", "settings", "tag-types", None),
    (lambda c: c.services.create(BODY), "POST", "pricebook", "services", BODY),
    (lambda c: c.services.get(3, calculatePrices=True), "GET", "pricebook", "services/3", None),
    (lambda c: c.materials.update(3, BODY), "PATCH", "pricebook", "materials/3", BODY),
    (lambda c: c.materials.cost_types(), "GET", "pricebook", "materials/costtypes", None),
    (lambda c: c.pricebook_equipment.delete(3), "DELETE", "pricebook", "equipment/3", None),
    (lambda c: c.discounts_and_fees.list(), "GET", "pricebook", "discounts-and-fees", None),
    (lambda c: c.categories.get(2), "GET", "pricebook", "categories/2", None),
    (lambda c: c.pricebook.bulk_create(BODY), "POST", "pricebook", "pricebook", BODY),
    (lambda c: c.pricebook.bulk_update(BODY), "PATCH", "pricebook", "pricebook", BODY),
    (lambda c: c.pricebook.update_markup(4, BODY), "PUT", "pricebook", "materialsmarkup/4", BODY),
    (lambda c: c.pricebook.update_rate_sheet(5, []), "PATCH", "pricebook",
     "clientspecificpricing/5", {"exceptions": []}),
    (lambda c: c.installed_equipment.create(BODY), "POST", "equipmentsystems",
     "installed-equipment", BODY),
    (lambda c: c.installed_equipment.update(6, BODY), "PATCH", "equipmentsystems",
     "installed-equipment/6", BODY),
    (lambda c: c.installed_equipment.list(locationIds="1"), "GET", "equipmentsystems",
     "installed-equipment", None),
    (lambda c: c.equipment_types.create("Furnace"), "POST", "equipmentsystems",
     "equipment-types", {"name": "Furnace"}),
]
# fmt: on


@pytest.mark.parametrize(("call", "method", "module", "resource", "body"), CASES)
def test_helper_calls_the_documented_path(
    call: Callable[[ServiceTitanClient], Any], method: str, module: str, resource: str, body: Any
) -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake, booking_provider_id=77)
    call(client)
    assert len(fake.seen) == 1
    seen = fake.seen[0]
    assert (seen.method, seen.module, seen.resource, seen.body) == (method, module, resource, body)


EXPORTS = [
    (lambda c: c.customers.export(), "crm", "export/customers"),
    (lambda c: c.customers.export_contacts(), "crm", "export/customers/contacts"),
    (lambda c: c.locations.export(), "crm", "export/locations"),
    (lambda c: c.locations.export_contacts(), "crm", "export/locations/contacts"),
    (lambda c: c.tenant_bookings.export(), "crm", "export/bookings"),
    (lambda c: c.leads.export(), "crm", "export/leads"),
    (lambda c: c.employees.export(), "settings", "export/employees"),
    (lambda c: c.technicians.export(), "settings", "export/technicians"),
    (lambda c: c.business_units.export(), "settings", "export/business-units"),
    (lambda c: c.tag_types.export(), "settings", "export/tag-types"),
    (lambda c: c.services.export(), "pricebook", "export/services"),
    (lambda c: c.categories.export(), "pricebook", "export/categories"),
    (lambda c: c.installed_equipment.export(), "equipmentsystems", "export/installed-equipment"),
]


@pytest.mark.parametrize(("start", "module", "resource"), EXPORTS)
def test_export_feeds_use_the_documented_paths(
    start: Callable[[ServiceTitanClient], Any], module: str, resource: str
) -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    feed = start(client)
    fake.script("GET", resource, _final_batch())
    next(feed)
    assert (fake.seen[0].module, fake.seen[0].resource) == (module, resource)


def _final_batch() -> httpx.Response:
    return httpx.Response(200, json={"hasMore": False, "continueFrom": "t1", "data": []})


def test_list_params_follow_servicetitan_conventions() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    client.customers.list(
        page=3,
        page_size=100,
        ids=[1, 2, 3],
        modifiedOnOrAfter=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        name=None,
        sort="+Id",
    )
    assert fake.seen[0].params == {
        "ids": "1,2,3",
        "modifiedOnOrAfter": "2026-01-02T03:04:05+00:00",
        "sort": "+Id",
        "page": "3",
        "pageSize": "100",
        "includeTotal": "false",
    }


def test_delete_answers_none() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    assert client.customers.delete_contact(1, 2) is None


def test_provider_scoped_booking_without_provider_id_is_refused() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    with pytest.raises(ConfigurationError, match="booking provider"):
        client.bookings.create(BODY)
    assert fake.seen == []


def test_async_helpers_return_awaitables() -> None:
    fake = FakeServiceTitan()

    async def run() -> Any:
        client, _ = async_client(fake, booking_provider_id=77)
        async with client:
            created = await client.bookings.create(BODY)
            contacts = [c async for c in client.bookings.iter_contacts(4)]
            return created, contacts

    created, contacts = asyncio.run(run())
    assert created["resource"] == "booking-provider/77/bookings"
    assert contacts == []  # the echo has no "data"
    assert [s.resource for s in fake.seen] == [
        "booking-provider/77/bookings",
        "booking-provider/77/bookings/4/contacts",
    ]
