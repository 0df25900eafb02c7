"""Job hold reasons: why a job or appointment waits (parts on order, a customer away)."""

from __future__ import annotations

from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.job_hold_reasons import JobHoldReasonResponse
from mockst.jpm.reasons import reason_list

JOB_HOLD_REASONS = Resource(
    family=FAMILY,
    path="/job-hold-reasons",
    table="job_hold_reasons",
    scope="tn.jpm.jobholdreasons",
    tag="JobHoldReasons",
    noun="Job hold reason",
)

OPERATIONS = [
    reason_list(JOB_HOLD_REASONS, "JobHoldReasons_Get", JobHoldReasonResponse),
]
