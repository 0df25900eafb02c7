"""Settings user roles: the roles an employee's or a technician's ``roleId`` names.

The API only lists roles (there is no create). A tenant starts with a default set, written lazily
the first time anything reads the table while it is empty: Admin, Manager, CSR, Dispatcher and
Accounting for office employees, Technician and Installer for technicians (``DEFAULT_ROLES``).
Seeds and the control plane add more with ``create_user_role``. Each row also keeps the built-in
role it was made from (``builtInRole``, an ``EmployeeUserRole``), which fills the deprecated
``role`` of employees.

``employeeType`` filters by the role's employee type; ``None`` and ``All`` filter nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from mockst.api.listing import Filter, active_filter, contains, date_filters, ids_filter
from mockst.api.operation import Call, TenantContext
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.settings import FAMILY
from mockst.settings.models.common import EmployeeType, EmployeeUserRole, RequestedEmployeeTypeArg
from mockst.settings.models.user_roles import UserRoleResponse
from mockst.store.table import Row

USER_ROLES = Resource(
    family=FAMILY,
    path="/user-roles",
    table="user_roles",
    scope="tn.stt.userroles",
    tag="UserRoles",
    noun="User role",
)

# (name, employee type, built-in role it was made from)
DEFAULT_ROLES: tuple[tuple[str, EmployeeType, EmployeeUserRole], ...] = (
    ("Admin", EmployeeType.EMPLOYEE, EmployeeUserRole.ADMIN),
    ("Manager", EmployeeType.EMPLOYEE, EmployeeUserRole.FIELD_MANAGER),
    ("CSR", EmployeeType.EMPLOYEE, EmployeeUserRole.CSR),
    ("Dispatcher", EmployeeType.EMPLOYEE, EmployeeUserRole.DISPATCH),
    ("Accounting", EmployeeType.EMPLOYEE, EmployeeUserRole.ACCOUNTING),
    ("Technician", EmployeeType.TECHNICIAN, EmployeeUserRole.TECHNICIAN),
    ("Installer", EmployeeType.TECHNICIAN, EmployeeUserRole.TECHNICIAN_INSTALLER),
)


def create_user_role(
    ctx: TenantContext,
    name: str,
    employee_type: EmployeeType | str,
    built_in: EmployeeUserRole | str | None = None,
    *,
    active: bool = True,
) -> Row:
    """A user role; for seeds and the control plane (the API cannot create one)."""
    kind = EmployeeType(employee_type)
    if built_in is None:
        built_in = (
            EmployeeUserRole.EMPTY_TECHNICIAN
            if kind is EmployeeType.TECHNICIAN
            else EmployeeUserRole.EMPTY_EMPLOYEE
        )
    if not name.strip():
        raise field_error("name", "A user role needs a name.")
    return USER_ROLES.insert(
        ctx,
        {
            "active": active,
            "name": name.strip(),
            "employeeType": kind.value,
            "builtInRole": EmployeeUserRole(built_in).value,
        },
    )


def ensure_default_roles(ctx: TenantContext) -> None:
    """Write ``DEFAULT_ROLES`` when the tenant has never had a role."""
    table = ctx.table(USER_ROLES.table)
    if next(iter(table.rows(include_deleted=True)), None) is not None:
        return
    for name, kind, built_in in DEFAULT_ROLES:
        create_user_role(ctx, name, kind, built_in)


def roles(ctx: TenantContext) -> Iterable[Row]:
    ensure_default_roles(ctx)
    return ctx.table(USER_ROLES.table).rows()


def check_role(ctx: TenantContext, role_id: int, employee_type: EmployeeType) -> Row:
    """The active role ``role_id`` of ``employee_type``, or a 400 naming ``roleId``."""
    ensure_default_roles(ctx)
    row = ctx.table(USER_ROLES.table).get(role_id)
    if row is None or not row.active:
        raise field_error("roleId", f"User role {role_id} does not exist.")
    if row.get("employeeType") != employee_type.value:
        raise field_error(
            "roleId",
            f"User role {role_id} is a role for {row.get('employeeType')} users, "
            f"not for {employee_type.value} users.",
        )
    return row


def _employee_type_matches(row: Row, value: str) -> bool:
    if value in (RequestedEmployeeTypeArg.NONE, RequestedEmployeeTypeArg.ALL):
        return True
    return row.get("employeeType") == value


EMPLOYEE_TYPE = Filter(
    Param(
        "employeeType",
        "enum",
        enum=tuple(v.value for v in RequestedEmployeeTypeArg),
        enum_name=RequestedEmployeeTypeArg.__spec_name__,
    ),
    _employee_type_matches,
)


def _rows(call: Call) -> Iterable[Row]:
    return roles(call)


OPERATIONS = [
    USER_ROLES.list_op(
        "UserRoles_GetList", UserRoleResponse,
        summary="List user roles",
        filters=(
            ids_filter(),
            contains("name"),
            active_filter("ActiveRequestArg"),
            *date_filters(modified=""),
            EMPLOYEE_TYPE,
        ),
        rows=_rows,
        order=(
            "ids", "name", "active", "page", "pageSize", "includeTotal",
            "createdBefore", "createdOnOrAfter", "employeeType",
        ),
    ),
]
