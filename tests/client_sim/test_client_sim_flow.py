"""The LeadTruffle flow end to end: detect providers, create the customer, book, read it back.

The vendor guide (``/work/shared/vendor-guides``, LeadTruffle) has the tenant create a "LeadTruffle"
booking provider tag, connect the app with No Restriction, then "Detect Booking Providers" and pick
that tag. A lead with only a name and a phone becomes a customer (an address is mandatory, so the
connector backfills the business's address as a marked placeholder) and a booking under the picked
provider. The tenant sees the booking in its own list; another provider's list does not show it.
"""

from __future__ import annotations

from typing import Any

import pytest
from mockst_client import NotFoundError, ServiceTitanClient

# The tenant's own business address, chosen in the connector's settings ("use placeholder address
# when a lead doesn't have one"), never a made-up plausible one: technicians get sent there.
PLACEHOLDER_ADDRESS = {
    "street": "100 Business Park Dr",
    "city": "Springfield",
    "state": "IL",
    "zip": "62701",
    "country": "USA",
}
PLACEHOLDER_LOCATION = "Address needed (placeholder from LeadTruffle)"
CONNECTOR_GUID = "6f1c1f0e-2f4b-4c55-9b7a-3d1f0c2a9e11"  # the connector's externalData namespace


def customer_from_lead(lead: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The connector side: a CreateCustomerRequest from a lead, and whether it used the placeholder.

    ``address`` and each location's ``address`` are mandatory; when the lead has none the
    placeholder is used and marked (location name, external data) so a CSR can spot and fix it.
    """
    address = lead.get("address")
    placeholder = address is None
    address = address or PLACEHOLDER_ADDRESS
    phone = {"type": "MobilePhone", "value": lead["phone"]}
    return (
        {
            "name": lead["name"],
            "address": address,
            "locations": [
                {
                    "name": PLACEHOLDER_LOCATION if placeholder else "Home",
                    "address": address,
                    "contacts": [phone],
                }
            ],
            "contacts": [phone],
            "externalData": {
                "applicationGuid": CONNECTOR_GUID,
                "externalData": [
                    {"key": "leadId", "value": lead["id"]},
                    {"key": "addressPlaceholder", "value": str(placeholder).lower()},
                ],
            },
        },
        placeholder,
    )


def find_or_create_customer(client: ServiceTitanClient, lead: dict[str, Any]) -> dict[str, Any]:
    """Match on phone first (the guide's "update the existing customer"), else create."""
    for customer in client.customers.iter_all(phone=lead["phone"]):
        return customer
    body, placeholder = customer_from_lead(lead)
    customer = client.customers.create(body)
    if placeholder:
        text = "Lead had no address: the location uses the business address as a placeholder."
        client.customers.create_note(customer["id"], {"text": text, "pinToTop": True})
    return customer


def test_leadtruffle_flow_detect_customer_booking(sim: Any) -> None:
    creds = sim.quickstart(
        tenantName="Bryan's HVAC", appName="Lead Follow Up", bookingProviderTag="LeadTruffle"
    )
    other_tag = sim.add_tag(creds["tenantId"], "Angi Leads")

    # Setup screen: credentials from ST_* variables, "Detect Booking Providers", the user picks
    # LeadTruffle's tag; the connector keeps its id.
    with sim.client(creds) as setup:
        providers = setup.detect_booking_providers()
    by_name = {tag["tagName"]: tag["id"] for tag in providers}
    assert by_name == {"LeadTruffle": creds["bookingProviderId"], "Angi Leads": other_tag}
    provider = by_name["LeadTruffle"]
    # from_env: an explicit booking_provider_id wins over ST_BOOKING_PROVIDER_ID.
    with sim.client(creds, provider=True, booking_provider_id=other_tag) as overridden:
        assert overridden.booking_provider_id == other_tag

    with sim.client(creds, booking_provider_id=provider) as client:
        # A web-form lead: a name and a phone, no address.
        lead = {"id": "lt-lead-4711", "name": "Dana Whitfield", "phone": "2175550142"}
        customer = find_or_create_customer(client, lead)
        assert {k: customer["address"][k] for k in PLACEHOLDER_ADDRESS} == PLACEHOLDER_ADDRESS
        (location,) = client.locations.iter_all(customerId=customer["id"])
        assert location["name"] == PLACEHOLDER_LOCATION
        notes = list(client.customers.iter_notes(customer["id"]))
        assert len(notes) == 1 and notes[0]["text"].startswith("Lead had no address")
        tagged = list(
            client.customers.iter_all(
                externalDataApplicationGuid=CONNECTOR_GUID,
                externalDataKey="addressPlaceholder",
                externalDataValues="true",
            )
        )
        assert [c["id"] for c in tagged] == [customer["id"]]  # CSRs' "to fix" list
        # The same lead again (a second form submission) finds the customer, creates nothing.
        assert find_or_create_customer(client, lead)["id"] == customer["id"]
        assert len(list(client.customers.iter_all(phone=lead["phone"]))) == 1

        # The booking goes through the picked provider (the client's default); no address needed.
        booking = client.bookings.create(
            {
                "source": "LeadTruffle",
                "name": lead["name"],
                "summary": "AC not cooling; customer asked for a morning visit.",
                "isFirstTimeClient": True,
                "externalId": lead["id"],
                "contacts": [{"type": "MobilePhone", "value": lead["phone"]}],
            }
        )
        assert booking["bookingProviderId"] == provider
        assert booking["externalId"] == lead["id"]

        # The tenant's view lists it, with its provider.
        tenant_view = {b["id"]: b for b in client.tenant_bookings.iter_all()}
        assert list(tenant_view) == [booking["id"]]
        assert tenant_view[booking["id"]]["bookingProviderId"] == provider
        assert client.tenant_bookings.get(booking["id"])["name"] == lead["name"]
        # The provider's view lists it; another provider's view neither lists nor finds it.
        assert [b["id"] for b in client.bookings.iter_all()] == [booking["id"]]
        assert list(client.bookings.iter_all(provider_id=other_tag)) == []
        with pytest.raises(NotFoundError):
            client.bookings.get(booking["id"], provider_id=other_tag)
        assert list(client.bookings.iter_all(externalId=lead["id"])) == [
            client.bookings.get(booking["id"])
        ]

    # Over the wire: one token per client (setup, then the connector), the app key on every call.
    assert len(sim.token_requests(creds)) == 2
    calls = sim.api_calls(creds)
    assert calls and all(c["appKey"] == creds["appKey"] and c["status"] < 500 for c in calls)
    assert [c["status"] for c in calls].count(404) == 1  # the other provider's GET, nothing else
