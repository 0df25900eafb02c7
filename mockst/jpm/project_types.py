"""Project types: the kinds of long-running work a tenant groups jobs into (a remodel, a new
construction, a system replacement).

Read-only in the API, as ServiceTitan keeps them in the tenant's settings; seeds and the control
plane add them with ``create_project_type``. The list takes only the page parameters (the document
declares no filter and no sort) and is in id order. ``createdById`` is the integration user (0)
for types the simulator writes.
"""

from __future__ import annotations

from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.crm.customer_records import API_USER_ID
from mockst.errors import field_error
from mockst.jpm import FAMILY
from mockst.jpm.models.project_types import ProjectTypeResponse
from mockst.store.table import Row

PROJECT_TYPES = Resource(
    family=FAMILY,
    path="/project-types",
    table="project_types",
    scope="tn.jpm.projecttypes",
    tag="ProjectTypes",
    noun="Project type",
)


def create_project_type(ctx: TenantContext, name: str, description: str = "") -> Row:
    """A project type of the tenant (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A project type needs a name.")
    data = {"name": name.strip(), "description": description, "createdById": API_USER_ID,
            "active": True}  # fmt: skip
    return PROJECT_TYPES.insert(ctx, data)


OPERATIONS = [
    PROJECT_TYPES.get_op("ProjectTypes_Get", ProjectTypeResponse, summary="Get a project type"),
    PROJECT_TYPES.list_op(
        "ProjectTypes_GetList", ProjectTypeResponse, summary="List project types"
    ),
]
