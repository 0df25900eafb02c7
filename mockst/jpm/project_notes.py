"""Notes on projects: written by ``POST /projects/{id}/notes``, listed by ``GET`` there in the
order they were written (no sort is declared, and pinned notes are not moved first, as on CRM
notes), and exported by ``/export/project-notes``. ``pinToTop`` becomes ``isPinned``; the text
may not be blank; ``createdById`` is the integration user (0). The API cannot change or delete
a project note.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, page_of, project
from mockst.api.operation import Call, One, Page
from mockst.api.resource import ID, Resource
from mockst.crm.customer_records import API_USER_ID, Problems
from mockst.jpm.models.common import NoteResponse
from mockst.jpm.models.projects import ProjectNoteCreateRequest
from mockst.jpm.project_records import PROJECTS

PROJECT_NOTES = Resource(
    family=PROJECTS.family,
    path=PROJECTS.path,
    table="project_notes",
    scope=PROJECTS.scope,
    tag=PROJECTS.tag,
    noun="Note",
)


def _list(call: Call) -> dict[str, Any]:
    owner = PROJECTS.find(call, call.path["id"])
    rows = (r for r in call.table(PROJECT_NOTES.table).rows() if r.get("projectId") == owner.id)
    return page_of(call, rows, NoteResponse)


def _create(call: Call) -> dict[str, Any]:
    body: ProjectNoteCreateRequest = call.body
    owner = PROJECTS.find(call, call.path["id"])
    problems = Problems()
    problems.required_text("text", body.text)
    problems.check()
    note = PROJECT_NOTES.insert(call, {
        "text": body.text, "isPinned": bool(body.pinToTop), "createdById": API_USER_ID,
        "projectId": int(owner.id), "active": True,
    })  # fmt: skip
    return project(note.data, NoteResponse)


OPERATIONS = [
    PROJECT_NOTES.operation(
        "Projects_GetNotes", "GET", _list, suffix="/{id}/notes",
        summary="List a project's notes", path_params=(ID,), query=PAGE_PARAMS,
        response=Page(NoteResponse), errors=(400, 404),
    ),
    PROJECT_NOTES.operation(
        "Projects_CreateNote", "POST", _create, suffix="/{id}/notes",
        summary="Write a note on a project", path_params=(ID,), body=ProjectNoteCreateRequest,
        response=One(NoteResponse), errors=(400, 404),
    ),
]  # fmt: skip
