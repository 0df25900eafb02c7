"""The projects part of a seeded story: project types, statuses and sub-statuses, project custom
fields, a work breakdown structure with budget codes, and a few projects at customers' homes.

Called from ``mockst.jpm.seed.populate``. Projects are started during the story's last months at
locations that exist by then, so they follow the customers; when the story is over, each takes
the jobs at its location that are in no project. Choices come from a generator of its own, so
adding projects changes nothing else the story draws.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from mockst.api.operation import TenantContext
from mockst.encoding import instant, ticks_of
from mockst.jpm.budget_codes import create_budget_code
from mockst.jpm.job_records import JOBS
from mockst.jpm.models.budget_codes import SegmentItemCostCategory, SegmentStructure, SegmentType
from mockst.jpm.models.common import CustomFieldDataType
from mockst.jpm.models.projects import CreateProjectRequest, CustomFieldCreateOrUpdateModel
from mockst.jpm.project_custom_fields import create_project_custom_field_type
from mockst.jpm.project_records import PROJECTS
from mockst.jpm.project_statuses import create_project_status
from mockst.jpm.project_sub_statuses import create_project_sub_status
from mockst.jpm.project_types import create_project_type
from mockst.jpm.projects import create_project
from mockst.jpm.work_breakdown import create_segment, create_segment_item
from mockst.seed.story import Story

if TYPE_CHECKING:
    from mockst.seed.populate import StoryBuilder

TYPES = (
    ("Remodel", "Rework of a room or more of an existing home."),
    ("New Construction", "Plumbing and HVAC for a house being built."),
    ("System Replacement", "A whole system swapped out: repipe, furnace and AC."),
)
# (status, its sub-statuses)
STATUSES = (
    ("Pre-Construction", ("Estimating", "Permitting")),
    ("In Progress", ("Rough-In", "Finish Work")),
    ("Closed", ("Complete", "Canceled")),
)
# (name, type, status, sub-status, days planned, started this many days before the story ends)
PROJECTS_PLANNED = (
    ("HVAC System Replacement", 2, 2, 0, 14, 80),
    ("Whole-Home Repipe", 2, 1, 1, 21, 30),
    ("Kitchen Remodel", 0, 1, 0, 45, 20),
    ("Basement Finish", 0, 0, 1, 60, 10),
    ("Home Addition", 1, 0, 0, 120, 5),
)
# Cost codes in a tree (division, then work), cost types flat; budget codes for every work item
# with labor and with material.
COST_CODES = (
    ("01", "Site Work", (("100", "Excavation"), ("200", "Grading"))),
    ("15", "Plumbing", (("100", "Rough-In"), ("200", "Fixtures"))),
    ("23", "HVAC", (("100", "Equipment"), ("200", "Ductwork"))),
)
COST_TYPES = (
    ("L", "Labor", SegmentItemCostCategory.LABOR),
    ("M", "Material", SegmentItemCostCategory.MATERIAL),
    ("E", "Equipment", SegmentItemCostCategory.EQUIPMENT),
    ("S", "Subcontract", SegmentItemCostCategory.SUBCONTRACT),
)


def populate(story: Story) -> None:
    builder = story.builder
    rng = random.Random(f"projects:{builder.tenant.tenant_id}:{story.now.timestamp()}")
    types: list[int] = []
    statuses: list[tuple[int, list[int]]] = []
    fields: list[int] = []

    def set_up() -> None:
        ctx = builder.ctx()
        types.extend(int(create_project_type(ctx, n, d).id) for n, d in TYPES)
        for name, subs in STATUSES:
            status = int(create_project_status(ctx, name).id)
            statuses.append((status, [int(create_project_sub_status(ctx, status, s).id)
                                      for s in subs]))  # fmt: skip
        fields.append(int(create_project_custom_field_type(ctx, "Permit Number").id))
        fields.append(int(create_project_custom_field_type(
            ctx, "Financing", CustomFieldDataType.DROPDOWN, ("Cash", "Financed")).id))
        codes = _work_breakdown(builder.ctx())
        builder.count("project_types", len(TYPES))
        builder.count("project_statuses", len(STATUSES))
        builder.count("project_substatuses", sum(len(s) for _, s in STATUSES))
        builder.count("budget_codes", codes)

    # just after the company opens, at a stamp with all seven digits, as real ones mostly have
    builder.at(instant(ticks_of(story.setup) + rng.randrange(10**6) * 10 + rng.randrange(1, 10)),
               set_up)  # fmt: skip
    for name, kind, status, sub, days, ago in PROJECTS_PLANNED:

        def start(name: str = name, kind: int = kind, status: int = status, sub: int = sub,
                  days: int = days) -> None:  # fmt: skip
            ctx = builder.ctx()
            locations = sorted(ctx.table("locations").rows(), key=lambda r: r.id)
            if not locations:
                return
            managers = sorted(int(e.id) for e in ctx.table("employees").rows())
            done = STATUSES[status][0] == "Closed"
            body = CreateProjectRequest(
                locationId=int(rng.choice(locations).id), name=name,
                summary=f"<p>{name}.</p>", projectTypeId=types[kind],
                statusId=statuses[status][0], subStatusId=statuses[status][1][sub],
                projectManagerIds=[rng.choice(managers)] if managers else [],
                businessUnitIds=builder.units[:1], startDate=ctx.now,
                targetCompletionDate=ctx.now + timedelta(days=days),
                actualCompletionDate=ctx.now + timedelta(days=days) if done else None,
                customFields=[
                    CustomFieldCreateOrUpdateModel(typeId=fields[0],
                                                   value=f"BP-{rng.randrange(10000, 99999)}"),
                    CustomFieldCreateOrUpdateModel(typeId=fields[1],
                                                   value=rng.choice(("Cash", "Financed"))),
                ],
            )  # fmt: skip
            create_project(ctx, body)
            builder.count("projects")

        builder.at(story.now - timedelta(days=ago), start)
    story.after_events(lambda: _take_jobs(builder))


def _work_breakdown(ctx: TenantContext) -> int:
    """Segments, items and budget codes; how many codes."""
    codes = int(create_segment(ctx, "Cost Code", SegmentType.COST_CODE,
                               SegmentStructure.HIERARCHAL).id)  # fmt: skip
    kinds = int(create_segment(ctx, "Cost Type", SegmentType.COST_TYPE).id)
    work: list[int] = []
    for code, description, children in COST_CODES:
        division = int(create_segment_item(ctx, codes, code, description).id)
        work += [int(create_segment_item(ctx, codes, c, d, parent_id=division).id)
                 for c, d in children]  # fmt: skip
    by_type = [int(create_segment_item(ctx, kinds, c, d, category=k).id)
               for c, d, k in COST_TYPES]  # fmt: skip
    made = 0
    for item in work:
        for kind in by_type[:2]:
            create_budget_code(ctx, {codes: item, kinds: kind}, full=True)
            made += 1
    return made


def _take_jobs(builder: StoryBuilder) -> None:
    """Each project takes the jobs at its location that are in no project."""
    ctx = builder.ctx()
    projects = {p.get("locationId"): p for p in ctx.table(PROJECTS.table).rows()}
    grown = set()
    for job in list(ctx.table(JOBS.table).rows()):
        project = projects.get(job.get("locationId"))
        if project is not None and job.get("projectId") is None:
            JOBS.change(ctx, job, {"projectId": project.id})
            grown.add(project.id)
    for ident in sorted(grown):  # its jobIds changed: the project feed delivers it again
        PROJECTS.change(ctx, ctx.table(PROJECTS.table).get(ident), {})
