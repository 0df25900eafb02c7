"""The project feeds: ``/export/projects`` and ``/export/project-notes``, on the continuation
model every feed has (``mockst.api.export``).

A project row shows its jobs as they are when the page is read. Attaching or detaching a job
changes the project (its ``modifiedOn``), so the feed delivers it again with the new ``jobIds``.
External data is not shown in a feed (no request names an application), as in CRM's feeds.
Scopes are the feeds' own: ``tn.jpm.projects:r`` and ``tn.jpm.projectnotes:r``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.export import EXPORT_PARAMS, export_rows
from mockst.api.operation import Call, Export
from mockst.jpm.models.export import ExportProjectNotesResponse, ExportProjectsResponse
from mockst.jpm.project_notes import PROJECT_NOTES
from mockst.jpm.project_records import PROJECTS, jobs_by_project, show_project
from mockst.store.table import Row


def _projects(call: Call) -> dict[str, Any]:
    jobs: dict[int, list[int]] | None = None

    def render(row: Row) -> dict[str, Any]:
        nonlocal jobs
        if jobs is None:  # one pass over the jobs per batch, only when the batch has projects
            jobs = jobs_by_project(call)
        return show_project(call, row.data, jobs.get(int(row.id), []), None,
                            ExportProjectsResponse)  # fmt: skip

    return export_rows(call, call.table(PROJECTS.table), ExportProjectsResponse, render)


def _notes(call: Call) -> dict[str, Any]:
    return export_rows(call, call.table(PROJECT_NOTES.table), ExportProjectNotesResponse)


OPERATIONS = [
    replace(PROJECTS.operation(
        "Export_Projects", "GET", _projects, at="/export/projects",
        summary="Export projects", query=EXPORT_PARAMS, response=Export(ExportProjectsResponse),
        table=PROJECTS.table,
    ), tag="Export"),
    replace(PROJECT_NOTES.operation(
        "Export_ProjectNotes", "GET", _notes, at="/export/project-notes",
        scope="tn.jpm.projectnotes:r", summary="Export project notes", query=EXPORT_PARAMS,
        response=Export(ExportProjectNotesResponse), table=PROJECT_NOTES.table,
    ), tag="Export"),
]  # fmt: skip
