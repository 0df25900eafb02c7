"""Bookings as booking providers send them: prospects and returning customers, some dismissed.

Bookings arrive through the company's two provider tags over the last months of the story, via
``Bookings_Create``; a returning customer's booking carries that customer's name, address and
contacts. Older bookings are sometimes dismissed a few days later (``Bookings_DismissBooking``),
as a CSR does when the caller booked by phone instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from mockst.encoding import format_datetime
from mockst.seed import names
from mockst.seed.builder import Builder, postal


class BookingSteps(Builder):
    def booking_plan(self, index: int, start: datetime) -> None:
        """Draw one booking now; it is taken at an instant after ``start``."""
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
                customer = self.customer_at(pick)
                name, where = customer["name"], customer["address"]
                contacts, first_time = customer["contacts"], False
            body = {
                "source": source,
                "name": name,
                "address": postal(where),
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
                self.later(
                    dismissed_at,
                    "Bookings_DismissBooking",
                    {"dismissingMemo": "Customer booked by phone instead"},
                    booking_provider=provider,
                    id=result["id"],
                )

        self.at(taken, create)
