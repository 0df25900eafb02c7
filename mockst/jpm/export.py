"""Export: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE
from mockst.api.operation import Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.export import (
    ExportAppointmentsResponse,
    ExportJobCanceledLogResponse,
    ExportJobHistoryResponse,
    ExportJobNotesResponse,
    ExportJobsResponse,
)

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.jpm.jobs",
    tag="Export",
    noun="Export",
)

OPERATIONS = [
    EXPORT.planned(
        "Export_Jobs",
        "GET",
        suffix="/jobs",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportJobsResponse),
        table="jobs",
    ),
    EXPORT.planned(
        "Export_Appointments",
        "GET",
        suffix="/appointments",
        scope="tn.jpm.appointments:r",
        query=(ACTIVE, Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportAppointmentsResponse),
        table="appointments",
    ),
    EXPORT.planned(
        "Export_JobCancelReasons",
        "GET",
        suffix="/job-canceled-logs",
        scope="tn.jpm.jobcanceledlogs:r",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportJobCanceledLogResponse),
        table="job_canceled_logs",
    ),
    EXPORT.planned(
        "Export_JobNotes",
        "GET",
        suffix="/job-notes",
        scope="tn.jpm.jobnotes:r",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportJobNotesResponse),
        table="job_notes",
    ),
    EXPORT.planned(
        "Export_JobHistory",
        "GET",
        suffix="/job-history",
        scope="tn.jpm.jobhistory:r",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportJobHistoryResponse),
        table="job_history",
    ),
]
