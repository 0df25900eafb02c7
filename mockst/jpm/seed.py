"""The Job Planning family's part of a seeded story: the job types a plumbing and HVAC company
books, each done by the business units of its trade, its cancel and hold reasons, its jobs
(``job_seed``) and projects (``project_seed``)."""

from __future__ import annotations

from mockst.jpm import job_seed, project_seed
from mockst.jpm.job_cancel_reasons import JOB_CANCEL_REASONS
from mockst.jpm.job_hold_reasons import JOB_HOLD_REASONS
from mockst.jpm.job_types import create_job_type
from mockst.jpm.models.job_types import CreateJobTypeRequest
from mockst.jpm.reasons import create_reason
from mockst.seed.story import Story

# (name, business unit indexes (names.BUSINESS_UNITS), minutes, priority, skills, no charge,
# active)
JOB_TYPES = (
    ("Drain Cleaning", (0, 3), 90, "Normal", ("Drain Cleaning",), False, True),
    ("Water Heater Repair", (0,), 120, "Normal", ("Water Heaters",), False, True),
    ("Water Heater Install", (0,), 240, "Normal", ("Water Heaters",), False, True),
    ("Leak Repair", (0, 5), 90, "High", (), False, True),
    ("Emergency Plumbing", (0, 5), 120, "Urgent", (), False, True),
    ("AC Repair", (1,), 120, "High", ("Refrigerant",), False, True),
    ("Furnace Tune-Up", (1,), 60, "Normal", (), False, True),
    ("HVAC System Replacement Estimate", (2,), 90, "Normal", ("Comfort Advisor",), True, True),
    ("Electrical Troubleshooting", (4,), 120, "Normal", ("Licensed Electrician",), False, True),
    ("Recall / Warranty Visit", (0, 1), 60, "Normal", (), True, True),
    ("Sewer Camera Inspection", (3,), 60, "Low", ("Camera",), False, False),
)

# (name, active): a retired reason stays in the list, inactive
CANCEL_REASONS = (
    ("Customer Canceled", True),
    ("Scheduling Conflict", True),
    ("Price Too High", True),
    ("Duplicate Job", True),
    ("Went With Another Company", True),
    ("Weather", False),
)
HOLD_REASONS = (
    ("Waiting on Parts", True),
    ("Customer Unavailable", True),
    ("Awaiting Customer Approval", True),
    ("Permit Pending", True),
)


def populate(story: Story) -> None:
    builder = story.builder

    def set_up() -> None:
        ctx = builder.ctx()
        for name, units, minutes, priority, skills, no_charge, active in JOB_TYPES:
            body = CreateJobTypeRequest(
                name=name,
                businessUnitIds=[builder.units[i % len(builder.units)] for i in units],
                duration=minutes * 60,
                priority=priority,
                skills=list(skills),
                noCharge=no_charge,
                summary=f"{name}.",
            )
            create_job_type(ctx, body, active=active)
        builder.count("job_types", len(JOB_TYPES))
        for resource, reasons in ((JOB_CANCEL_REASONS, CANCEL_REASONS),
                                  (JOB_HOLD_REASONS, HOLD_REASONS)):  # fmt: skip
            for name, active in reasons:
                create_reason(ctx, resource, name, active=active)
            builder.count(resource.table, len(reasons))

    builder.at(story.setup, set_up)
    job_seed.populate(story)
    project_seed.populate(story)  # after the jobs: each project takes the jobs at its location
