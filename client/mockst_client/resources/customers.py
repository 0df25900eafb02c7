"""Customers (``/crm/v2/tenant/{tenant}/customers``) and their contacts and notes.

ServiceTitan creates a customer together with its first location(s): ``CreateCustomerRequest``
requires ``name``, ``address`` and ``locations`` (each with ``name`` and ``address``); contacts
(``{"type": "Phone" | "Email" | "MobilePhone" | "Fax", "value": ...}``) may go on the customer and
on each location::

    client.customers.create({
        "name": "Jane Doe",
        "address": address,
        "locations": [{"name": "Home", "address": address,
                       "contacts": [{"type": "MobilePhone", "value": "5551234567"}]}],
        "contacts": [{"type": "Email", "value": "jane@example.com"}],
    })

**When a lead has no address.** An address is mandatory, but a web form or a missed call often
gives only a name and a phone number. This client does not invent one; the connector decides, as
LeadTruffle does with its "use placeholder address when a lead doesn't have one" setting:

* supply a placeholder the tenant chooses, typically the business's own address, e.g.
  ``{"street": "123 Main St", "city": "Springfield", "state": "IL", "zip": "62701",
  "country": "USA"}``, and mark it so a CSR can spot and fix it (a location ``name`` such as
  ``"Address needed"``, a customer note, or external data under your app's GUID);
* or, in a "strict" mode, skip the customer and create a lead or a booking instead (neither
  requires an address);
* never fabricate a plausible-looking real address: technicians get dispatched to it.
"""

from __future__ import annotations

from typing import Any

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class Customers(Resource[R, P, E]):
    """Customer records; list filters include ``name``, ``phone``, ``street``, ``zip``, ``active``,
    ``ids``, ``modifiedOnOrAfter`` and the external-data filters."""

    def create(self, body: Json) -> R:
        """Create a customer with its locations and contacts; returns the created customer."""
        return self._post("customers", body)

    def get(self, customer_id: int) -> R:
        return self._get(f"customers/{customer_id}")

    def update(self, customer_id: int, body: Json) -> R:
        """PATCH: only the fields given change (``customFields``/``tagTypeIds`` replace lists)."""
        return self._patch(f"customers/{customer_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page envelope ``{page, pageSize, hasMore, totalCount, data}``."""
        return self._page("customers", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        """Every matching customer, across all pages (e.g. ``find`` by ``phone=``)."""
        return self._all("customers", page_size, filters)

    # -- contacts ----------------------------------------------------------------------------

    def list_contacts(self, customer_id: int, *, page: int = 1, page_size: int = 50) -> R:
        return self._page(f"customers/{customer_id}/contacts", page, page_size, False, {})

    def iter_contacts(self, customer_id: int, *, page_size: int = DEFAULT_PAGE_SIZE) -> P:
        return self._all(f"customers/{customer_id}/contacts", page_size, {})

    def create_contact(self, customer_id: int, body: Json) -> R:
        return self._post(f"customers/{customer_id}/contacts", body)

    def update_contact(self, customer_id: int, contact_id: int, body: Json) -> R:
        return self._patch(f"customers/{customer_id}/contacts/{contact_id}", body)

    def delete_contact(self, customer_id: int, contact_id: int) -> R:
        return self._delete(f"customers/{customer_id}/contacts/{contact_id}")

    # -- notes -------------------------------------------------------------------------------

    def create_note(self, customer_id: int, body: Json) -> R:
        """``{"text": ..., "pinToTop": bool, "addToLocations": bool}``."""
        return self._post(f"customers/{customer_id}/notes", body)

    def iter_notes(self, customer_id: int, *, page_size: int = DEFAULT_PAGE_SIZE) -> P:
        return self._all(f"customers/{customer_id}/notes", page_size, {})

    # -- export feeds ------------------------------------------------------------------------

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        """Feed of all customers (active, inactive, deleted) from ``from_`` (token or date)."""
        return self._export("customers", from_, include_recent_changes)

    def export_contacts(
        self, *, from_: str | None = None, include_recent_changes: bool = False
    ) -> E:
        return self._export("customers/contacts", from_, include_recent_changes)
