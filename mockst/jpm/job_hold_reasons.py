"""JobHoldReasons: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Page
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.job_hold_reasons import JobHoldReasonResponse

JOB_HOLD_REASONS = Resource(
    family=FAMILY,
    path="/job-hold-reasons",
    table="job_hold_reasons",
    scope="tn.jpm.jobholdreasons",
    tag="JobHoldReasons",
    noun="Job hold reason",
)

OPERATIONS = [
    JOB_HOLD_REASONS.planned(
        "JobHoldReasons_Get",
        "GET",
        query=(
            *PAGE_PARAMS,
            ACTIVE,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(JobHoldReasonResponse),
    ),
]
