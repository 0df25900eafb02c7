"""Customers as a home-services business gathers them, with their locations and later edits.

Most customers are residential with one location; some are commercial, some have a rental or an
office besides, and a few are edited later (a membership tag, do-not-mail, a changed name). Each
customer is created through ``Customers_Create`` at an instant of the story, extra locations
through ``Locations_Create`` and edits through ``Customers_Update`` after it. A customer's draws
all happen when it is planned; its events only write.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mockst.seed import names
from mockst.seed.builder import Builder


class CustomerSteps(Builder):
    def customer_plan(self, start: datetime, end: datetime) -> None:
        """Draw one customer now: created in [start, end], extra locations and an edit after."""
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
            self.count("customers")
            self.count("locations")
            if not self.remember_customers:
                return
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
