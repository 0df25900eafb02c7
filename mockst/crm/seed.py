"""The CRM family's part of a seeded story: customers with locations and contacts, bookings that
arrive through the booking providers, and leads."""

from __future__ import annotations

from datetime import timedelta

from mockst.seed.story import Story


def populate(story: Story) -> None:
    builder = story.builder
    now = story.now
    builder.remember_customers = story.bookings > 0 or story.leads > 0
    for _ in range(story.customers):
        builder.customer_plan(story.history_start, now - timedelta(days=1))
    for i in range(story.bookings):
        builder.booking_plan(i, now - timedelta(days=min(120, story.history_days)))
    for _ in range(story.leads):
        builder.lead_plan(now - timedelta(days=min(180, story.history_days)))
