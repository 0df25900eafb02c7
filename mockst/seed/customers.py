"""Customers as a home-services business gathers them, with their locations and later edits.

Most customers are residential with one location; some are commercial, some have a rental or an
office besides, and a few are edited later (a membership tag, do-not-mail, a changed name). Each
customer is created through ``Customers_Create`` at an instant of the story, extra locations
through ``Locations_Create`` and edits through ``Customers_Update`` after it.

A customer's plan is only its instant and a number drawn from the story's random source; the
customer itself is drawn from its own stream (seeded by that number) when its instant comes. So a
story of 100,000 customers does not hold 100,000 request bodies while it waits to tell them, and
the same seed still tells the same story.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from mockst.seed import names
from mockst.seed.builder import Builder


class CustomerSteps(Builder):
    def customer_plan(self, start: datetime, end: datetime) -> None:
        """Plan one customer, created in [start, end]; it is drawn when that instant comes."""
        created = self.instant(start, end)
        own_seed = self.rng.getrandbits(64)
        self.at(created, lambda: self._customer(own_seed))

    @contextmanager
    def _drawing_from(self, seed: int) -> Iterator[None]:
        story, self.rng = self.rng, random.Random(seed)
        try:
            yield
        finally:
            self.rng = story

    def _customer(self, own_seed: int) -> None:
        with self._drawing_from(own_seed):
            body, extra_locations, update, remembered = self._draw_customer()
        result = self.call("Customers_Create", body)
        customer_id = result["id"]
        locations = [loc["id"] for loc in result["locations"]]
        self.count("customers")
        self.count("locations")
        if self.remember_customers:  # what bookings and leads draw on later
            self.customers.append({"id": customer_id, "locations": locations, **remembered})
        for when, location in extra_locations:

            def add_location(location: dict[str, Any] = location) -> None:
                result = self.call("Locations_Create", {**location, "customerId": customer_id})
                locations.append(result["id"])
                self.count("locations")

            self.at(when, add_location)
        if update is not None:
            when, change = update
            self.later(when, "Customers_Update", change, id=customer_id)

    def _draw_customer(
        self,
    ) -> tuple[
        dict[str, Any],
        list[tuple[datetime, dict[str, Any]]],
        tuple[datetime, dict[str, Any]] | None,
        dict[str, Any],
    ]:
        """The create body, extra locations and edit (each with its instant), and what a later
        booking or lead needs to know of the customer."""
        created = self.clock
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
            tenant_phone = (
                [{"type": "Phone", "value": self.phone(self.city_of(place)), "memo": "Tenant"}]
                if self.rng.random() < 0.4
                else []
            )
            location = {
                "name": f"{name} - {label} ({place['street']})",
                "address": place,
                "contacts": tenant_phone,
            }
            extra_locations.append((self.instant(created, self.now), location))
        update = None
        if self.rng.random() < 0.12:
            renamed = name.replace(last, f"{last}-{self.rng.choice(names.LAST_NAMES)}")
            change = self.rng.choice(
                (
                    {"doNotMail": True},
                    {"tagTypeIds": sorted({*tags, self.tag_ids["Member - Gold"]})},
                    {"nationalAccount": True} if commercial else {"doNotService": False},
                    {"taxExempt": True} if commercial else {"name": renamed},
                )
            )
            update = (self.instant(created, self.now), change)
        remembered = {"name": name, "address": address, "contacts": contacts, "city": city}
        remembered.update(first=first, last=last)
        return body, extra_locations, update, remembered
