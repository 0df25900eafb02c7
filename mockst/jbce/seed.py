"""The Job Booking family's part of a seeded story: the call reasons a home-services business
sets up on the day it opens (most worth a lead; wrong numbers and spam are not)."""

from __future__ import annotations

from mockst.jbce.call_reasons import create_call_reason
from mockst.seed.story import Story

# (name, isLead, active): a retired reason stays, inactive, as real tenants' lists do.
CALL_REASONS = (
    ("Repair / Service Call", True, True),
    ("Maintenance Agreement", True, True),
    ("Estimate / Replacement", True, True),
    ("Emergency", True, True),
    ("Follow-up on Existing Job", False, True),
    ("Billing Question", False, True),
    ("Wrong Number", False, True),
    ("Spam / Solicitor", False, True),
    ("Coupon Inquiry", True, False),
)


def populate(story: Story) -> None:
    builder = story.builder

    def set_up() -> None:
        ctx = builder.ctx()
        for name, is_lead, active in CALL_REASONS:
            create_call_reason(ctx, name, is_lead=is_lead, active=active)
        builder.count("call_reasons", len(CALL_REASONS))

    builder.at(story.setup, set_up)
