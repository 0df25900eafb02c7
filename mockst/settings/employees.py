"""Settings employees: office users (CSRs, dispatchers, managers…), their accounts and export feed.

Rules the official document leaves to us (README, defaults):

* Create answers ``{id}`` only and gives the employee a new ``userId`` (unique in the world).
* ``roleId`` must name an active user role of the tenant whose employee type is ``Employee``
  (technicians use ``Technician`` roles); ``businessUnitId`` an existing business unit. The role
  also fills the deprecated ``role`` with the built-in role it was made from.
* ``loginName`` is the ``login`` sent; logins are unique within a tenant across employees and
  technicians, ignoring case. ``AssignLoginAndPassword`` needs both ``login`` and ``password``
  (never stored). Emails must look like ``name@domain.tld``. Every rule failure is a 400.
* ``name`` is split at its last space into ``firstName`` and ``lastName``.
* PATCH changes only the fields present; an explicit ``null`` clears ``businessUnitId`` and is a
  400 for the other fields.
* Account actions: ``Activate``/``Deactivate`` set ``active`` (deactivating also stamps
  ``terminationDate``, activating clears it); ``SendInvite`` and ``SendPasswordResetLink`` change
  nothing but need an active account with an email. Every action answers ``{"status": "Success"}``;
  an unknown id is a 404 although the official operation declares only 400.
* List filters: ``name`` contains (any case), ``email`` equals (any case, as SQL Server compares),
  ``ids``/``userIds`` at most 50, ``active`` True (default), Any or False.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from mockst.api.listing import active_filter, contains, date_filters, equals, ids_filter
from mockst.api.operation import Call, One, TenantContext
from mockst.api.resource import ID, Resource
from mockst.encoding import format_date
from mockst.errors import field_error, validation_error
from mockst.settings import FAMILY
from mockst.settings.business_units import check_business_unit
from mockst.settings.models.common import (
    AccountAction,
    AccountActionResponse,
    AccountCreationMethod,
    EmployeeType,
)
from mockst.settings.models.employees import (
    AccountActionRequest,
    EmployeeCreateRequest,
    EmployeeCreateResponse,
    EmployeeResponse,
    EmployeeUpdateRequest,
    EmployeeUpdateResponse,
    ExportEmployeeResponse,
)
from mockst.settings.user_roles import check_role
from mockst.store.table import Row

EMPLOYEES = Resource(
    family=FAMILY,
    path="/employees",
    table="employees",
    scope="tn.stt.employees",
    tag="Employees",
    noun="Employee",
)
TECHNICIANS_TABLE = "technicians"

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FIELDS = frozenset(EmployeeResponse.model_fields)

LIST_ORDER = (
    "ids", "userIds", "name", "email", "active", "page", "pageSize", "includeTotal",
    "createdBefore", "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter",
)


# -- rules shared with technicians -----------------------------------------------------------


def split_name(name: str) -> tuple[str, str | None]:
    first, _, last = name.strip().rpartition(" ")
    return (first, last) if first else (last, None)


def check_name(name: str) -> str:
    if not name.strip():
        raise field_error("name", "The name must not be empty.")
    return name.strip()


def check_email(email: str | None, field: str = "email") -> str | None:
    if email is None:
        return None
    email = email.strip()
    if not EMAIL.match(email):
        raise field_error(field, f"'{email}' is not a valid email address.")
    return email


def check_login(ctx: TenantContext, login: str | None, except_user_id: int | None = None):
    """Logins are unique per tenant across employees and technicians, ignoring case."""
    if login is None:
        return None
    login = login.strip()
    if not login:
        raise field_error("login", "The login must not be empty.")
    for table in (EMPLOYEES.table, TECHNICIANS_TABLE):
        for row in ctx.table(table).rows():
            taken = row.get("loginName")
            if taken and taken.lower() == login.lower() and row.get("userId") != except_user_id:
                raise field_error("login", f"The login '{login}' is already taken.")
    return login


def check_account_creation(
    method: AccountCreationMethod, login: str | None, password: str | None, email: str | None
) -> None:
    errors: dict[str, list[str]] = {}
    if method is AccountCreationMethod.ASSIGN_LOGIN_AND_PASSWORD:
        if not login:
            errors["login"] = ["A login is required with AssignLoginAndPassword."]
        if not password:
            errors["password"] = ["A password is required with AssignLoginAndPassword."]
    if method is AccountCreationMethod.SEND_INVITE and not email:
        errors["email"] = ["An email is required to send an invite."]
    if errors:
        raise validation_error(errors)


def custom_fields(items: list[Any] | None) -> list[dict[str, Any]]:
    return [{"typeId": f.typeId, "name": None, "value": f.value} for f in items or []]


def account_action(
    resource: Resource, call: Call, row: Row, action: AccountAction, extra: dict[str, Any]
) -> dict[str, Any]:
    if action is AccountAction.ACTIVATE:
        changes = {"active": True, "terminationDate": None, **extra}
        if any(row.get(k) != v for k, v in changes.items()):
            resource.change(call, row, changes)
    elif action is AccountAction.DEACTIVATE:
        if row.active:
            resource.change(
                call, row, {"active": False, "terminationDate": format_date(call.now)}
            )
    else:
        if not row.active:
            raise field_error("action", f"{action.value} needs an active account.")
        if not row.get("email"):
            raise field_error("action", f"{action.value} needs an email address on the account.")
    return {"status": "Success"}


# -- employees -------------------------------------------------------------------------------


def create_employee(
    ctx: TenantContext, request: EmployeeCreateRequest, **extra: Any
) -> Row:
    """Create through the API's rules; ``extra`` (wire names of EmployeeResponse, e.g.
    ``hourlyRate``, ``home``, ``startDate``) lets seeds fill what the request cannot."""
    unknown = set(extra) - _FIELDS
    if unknown:
        raise ValueError(f"unknown employee fields: {sorted(unknown)}")
    name = check_name(request.name)
    email = check_email(request.email)
    role = check_role(ctx, request.roleId, EmployeeType.EMPLOYEE)
    check_business_unit(ctx, request.businessUnitId)
    login = check_login(ctx, request.login)
    check_account_creation(request.accountCreationMethod, login, request.password, email)
    first, last = split_name(name)
    data: dict[str, Any] = {
        "userId": ctx.world.new_id(),
        "name": name,
        "firstName": first,
        "lastName": last,
        "managerId": None,
        "role": role.get("builtInRole"),
        "roleIds": [role.id],
        "businessUnitId": request.businessUnitId,
        "email": email,
        "phoneNumber": request.phoneNumber,
        "mobilePhoneNumber": request.mobilePhoneNumber,
        "loginName": login,
        "active": True,
        "aadUserId": request.aadUserId,
        "accountLocked": False,
        "home": None,
        "agentId": 0,
        "startDate": format_date(ctx.now),
        "terminationDate": None,
        "hourlyRate": 0.0,
        "overtimeProfileId": None,
        "customFields": custom_fields(request.customFields),
        "permissions": [],
        "positions": [p.value for p in request.positions],
        "accountCreationMethod": request.accountCreationMethod.value,
        **extra,
    }
    return EMPLOYEES.insert(ctx, data)


def _create(call: Call) -> dict[str, Any]:
    return {"id": create_employee(call, call.body).id}


NOT_NULL = ("name", "mobilePhoneNumber", "phoneNumber", "email", "login", "roleId", "positions",
            "aadUserId", "customFields", "accountLocked")


def update_changes(call: Call, row: Row, body: Any, employee_type: EmployeeType) -> dict[str, Any]:
    """The row changes a PATCH body asks for, after every rule holds (shared with technicians)."""
    present = body.model_fields_set
    errors = {
        key: [f"The {key} field must not be null."]
        for key in present
        if key in NOT_NULL and getattr(body, key) is None
    }
    if errors:
        raise validation_error(errors)
    changes: dict[str, Any] = {}
    if "name" in present:
        name = check_name(body.name)
        first, last = split_name(name)
        changes.update(name=name, firstName=first, lastName=last)
    if "email" in present:
        changes["email"] = check_email(body.email)
    if "login" in present:
        changes["loginName"] = check_login(call, body.login, row.get("userId"))
    if "roleId" in present:
        role = check_role(call, body.roleId, employee_type)
        changes["roleIds"] = [role.id]
        if employee_type is EmployeeType.EMPLOYEE:
            changes["role"] = role.get("builtInRole")
    if "businessUnitId" in present:
        check_business_unit(call, body.businessUnitId)
        changes["businessUnitId"] = body.businessUnitId
    if "positions" in present:
        changes["positions"] = [p.value for p in body.positions]
    if "customFields" in present:
        changes["customFields"] = custom_fields(body.customFields)
    for key in ("phoneNumber", "aadUserId", "accountLocked"):
        if key in present:
            changes[key] = getattr(body, key)
    return changes


def _update(call: Call) -> dict[str, Any]:
    body: EmployeeUpdateRequest = call.body
    row = EMPLOYEES.find(call, call.path["id"])
    changes = update_changes(call, row, body, EmployeeType.EMPLOYEE)
    if "mobilePhoneNumber" in body.model_fields_set:
        changes["mobilePhoneNumber"] = body.mobilePhoneNumber
    if changes:
        EMPLOYEES.change(call, row, changes)
    return {"id": row.id}


def _account_action(call: Call) -> dict[str, Any]:
    body: AccountActionRequest = call.body
    row = EMPLOYEES.find(call, call.path["id"])
    return account_action(EMPLOYEES, call, row, body.action, {})


def list_filters(with_email: bool) -> tuple[Any, ...]:
    return (
        ids_filter(),
        ids_filter("userIds", "userId"),
        contains("name"),
        *((equals("email"),) if with_email else ()),
        active_filter("ActiveRequestArg"),
        *date_filters(),
    )


OPERATIONS = [
    EMPLOYEES.list_op(
        "Employees_GetList", EmployeeResponse,
        summary="List employees", filters=list_filters(with_email=True), order=LIST_ORDER,
    ),
    EMPLOYEES.operation(
        "Employees_Create", "POST", _create,
        summary="Create an employee",
        body=EmployeeCreateRequest, response=One(EmployeeCreateResponse), errors=(400,),
    ),
    EMPLOYEES.get_op("Employees_Get", EmployeeResponse, summary="Get an employee"),
    EMPLOYEES.operation(
        "Employees_Update", "PATCH", _update, suffix="/{id}",
        summary="Update an employee", path_params=(ID,),
        body=EmployeeUpdateRequest, response=One(EmployeeUpdateResponse), errors=(400, 404),
    ),
    EMPLOYEES.operation(
        "Employees_AccountActions", "POST", _account_action, suffix="/{id}/account-actions",
        summary="Act on an employee's account", path_params=(ID,),
        body=AccountActionRequest, response=One(AccountActionResponse), errors=(400,),
    ),
    replace(
        EMPLOYEES.export_op(
            "Export_Employees", ExportEmployeeResponse, "/export/employees",
            summary="Export employees",
        ),
        tag="Export",
    ),
]
