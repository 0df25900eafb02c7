"""Job cancel reasons: why a job was canceled (``PUT /jobs/{id}/cancel`` names one)."""

from __future__ import annotations

from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.job_cancel_reasons import JobCancelReasonResponse
from mockst.jpm.reasons import reason_list

JOB_CANCEL_REASONS = Resource(
    family=FAMILY,
    path="/job-cancel-reasons",
    table="job_cancel_reasons",
    scope="tn.jpm.jobcancelreasons",
    tag="JobCancelReasons",
    noun="Job cancel reason",
)

OPERATIONS = [
    reason_list(JOB_CANCEL_REASONS, "JobCancelReasons_GetList", JobCancelReasonResponse),
]
