"""Leads the office follows up: for known customers or for prospects, some dismissed later.

Each lead is created through ``Leads_Create`` with a campaign, a business unit and a follow-up
date; most name an existing customer and its first location, the rest carry the prospect's name,
phone, email and address in the ``lead*`` fields. Older leads are sometimes dismissed
(``Leads_Dismiss``) with one of the dismissing reasons.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from mockst.encoding import format_datetime
from mockst.seed import names
from mockst.seed.builder import Builder

CAMPAIGN_IDS = (70_001, 70_002, 70_003, 70_004)  # campaigns are not simulated: plain ids
DISMISSING_REASON_IDS = (51, 52, 53)  # likewise: "Duplicate", "No answer", "Not interested"


class LeadSteps(Builder):
    def lead_plan(self, start: datetime) -> None:
        """Draw one lead now; it is created at an instant after ``start``."""
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
                customer = self.customer_at(pick)
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
                self.later(
                    dismissed_at, "Leads_Dismiss", {"dismissingReasonId": reason}, id=result["id"]
                )

        self.at(created, create)
