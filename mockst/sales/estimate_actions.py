"""Estimate status moves: Open → Sold (who sold it, when) → Open by unsell; Open → Dismissed.

Each move lands in the estimate's status history. A move from any other status is a 400 naming
``status`` (the operations declare no 409; catalogue U4). The seller must be one of the tenant's
active technicians, or with ``estimate_sellers="employees"`` an active employee too (U6); a tenant
with neither yet accepts any id, as other Settings references do. Selling books no job and
writes no invoice items; unsell clears the seller and the date, and is refused once a job was
booked from the estimate (``createdFromEstimateId``).
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import Call, Empty, One
from mockst.api.params import path
from mockst.encoding import format_datetime
from mockst.errors import field_error
from mockst.jpm.job_records import JOBS
from mockst.sales.estimate_records import DISMISSED, ESTIMATES, OPEN, SOLD, move, render
from mockst.sales.models.estimates import EstimateResponse, SellRequest
from mockst.settings.employees import EMPLOYEES
from mockst.settings.technicians import TECHNICIANS
from mockst.store.table import Row

VERBS = {SOLD: "sold", OPEN: "unsold", DISMISSED: "dismissed"}
ARTICLES = {OPEN: "an", SOLD: "a"}


def _from(row: Row, wanted: str, to: str) -> None:
    status = row.get("status")
    if status != wanted:
        raise field_error("status", f"Estimate {row.id} is {status}: only {ARTICLES[wanted]} "
                                    f"{wanted} estimate can be {VERBS[to]}.")


def check_seller(call: Any, ident: int) -> None:
    tables = [TECHNICIANS.table]
    if call.config.estimate_sellers == "employees":
        tables.append(EMPLOYEES.table)
    known = False
    for table in tables:
        rows = call.table(table)
        row = rows.get(ident)
        if row is not None and row.active:
            return
        known = known or len(rows) > 0
    if known or ident <= 0:
        noun = "Technician or employee" if len(tables) > 1 else "Technician"
        raise field_error("soldBy", f"{noun} {ident} does not exist.")


def sell(call: Any, row: Row, sold_by: int) -> Row:
    """Open → Sold (the API, seeds)."""
    _from(row, OPEN, SOLD)
    check_seller(call, sold_by)
    return move(call, row, SOLD, soldOn=format_datetime(call.now), soldBy=sold_by)


def unsell(call: Any, row: Row) -> Row:
    _from(row, SOLD, OPEN)
    if any(job.get("createdFromEstimateId") == row.id for job in call.table(JOBS.table).rows()):
        raise field_error("status", f"Estimate {row.id} was booked into a job: it stays Sold.")
    return move(call, row, OPEN, soldOn=None, soldBy=None)


def dismiss(call: Any, row: Row) -> Row:
    _from(row, OPEN, DISMISSED)
    return move(call, row, DISMISSED)


def _sell(call: Call) -> dict[str, Any]:
    body: SellRequest = call.body
    return render(call, sell(call, ESTIMATES.find(call, call.path["id"]), body.soldBy))


def _unsell(call: Call) -> None:
    unsell(call, ESTIMATES.find(call, call.path["id"]))


def _dismiss(call: Call) -> None:
    dismiss(call, ESTIMATES.find(call, call.path["id"]))


OPERATIONS = [
    ESTIMATES.operation(
        "Estimates_Sell", "PUT", _sell, suffix="/{id}/sell", path_params=(path("id"),),
        body=SellRequest, response=One(EstimateResponse),
    ),
    ESTIMATES.operation(
        "Estimates_Unsell", "PUT", _unsell, suffix="/{id}/unsell", path_params=(path("id"),),
        response=Empty(),
    ),
    ESTIMATES.operation(
        "Estimates_Dismiss", "PUT", _dismiss, suffix="/{id}/dismiss", path_params=(path("id"),),
        response=Empty(),
    ),
]
