"""Settings technicians: field users, their accounts and export feed.

The rules are the employees' (see ``mockst.settings.employees``) with these differences:

* ``roleId`` must name a user role whose employee type is ``Technician``; ``email`` is optional
  (``SendInvite`` then needs one).
* ``licenseType`` is required; ``isManagedTech`` is true for ``ManagedTech`` and
  ``ManagedInstaller``. ``dailyGoal``/``burdenRate`` default to 0, as do the rates the request
  cannot set (commission, hourly, sold-by); ``status`` starts ``Idle``.
* ``home`` is stored with ``streetAddress`` composed from its parts.
* ``Activate`` needs ``licenseType`` (a 400 otherwise) and sets the technician's license from it;
  ``truckId`` is kept but not shown (no response field carries it).
* The list has no ``email`` filter (the official operation has none).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.operation import Call, One, TenantContext
from mockst.api.resource import ID, Resource
from mockst.encoding import format_date
from mockst.errors import field_error, validation_error
from mockst.settings import FAMILY
from mockst.settings.business_units import check_business_unit
from mockst.settings.employees import (
    account_action,
    check_account_creation,
    check_email,
    check_login,
    check_name,
    custom_fields,
    list_filters,
    split_name,
    update_changes,
)
from mockst.settings.models.common import (
    AccountAction,
    AccountActionResponse,
    EmployeeType,
    LicenseType,
    TechnicianLicenseType,
)
from mockst.settings.models.technicians import (
    CreateOrUpdateAddressRequest,
    ExportTechnicianResponse,
    TechnicianAccountActionRequest,
    TechnicianCreateRequest,
    TechnicianCreateResponse,
    TechnicianResponse,
    TechnicianUpdateRequest,
    TechnicianUpdateResponse,
)
from mockst.settings.user_roles import check_role
from mockst.store.table import Row

TECHNICIANS = Resource(
    family=FAMILY,
    path="/technicians",
    table="technicians",
    scope="tn.stt.technicians",
    tag="Technicians",
    noun="Technician",
)

_FIELDS = frozenset(TechnicianResponse.model_fields)
MANAGED = (LicenseType.MANAGED_TECH, LicenseType.MANAGED_INSTALLER)
LICENSES = {
    TechnicianLicenseType.NON_MANAGED_TECHNICIAN: LicenseType.NON_MANAGED_TECH,
    TechnicianLicenseType.MANAGED_TECHNICIAN: LicenseType.MANAGED_TECH,
    TechnicianLicenseType.MANAGED_INSTALLER: LicenseType.MANAGED_INSTALLER,
}
LIST_ORDER = (
    "ids", "userIds", "name", "active", "page", "pageSize", "includeTotal",
    "createdBefore", "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter",
)


def home_address(home: CreateOrUpdateAddressRequest | None) -> dict[str, Any] | None:
    if home is None:
        return None
    errors = {
        f"home.{key}": [f"The {key} must not be empty."]
        for key in ("street", "city")
        if not getattr(home, key).strip()
    }
    if errors:
        raise validation_error(errors)
    line = ", ".join(
        part
        for part in (
            " ".join(p for p in (home.street, home.unit) if p),
            home.city,
            " ".join(p for p in (home.state, home.zip) if p),
        )
        if part
    )
    return {
        "street": home.street,
        "unit": home.unit,
        "country": home.country,
        "city": home.city,
        "state": home.state,
        "zip": home.zip,
        "streetAddress": line,
        "latitude": home.latitude,
        "longitude": home.longitude,
    }


def create_technician(ctx: TenantContext, request: TechnicianCreateRequest, **extra: Any) -> Row:
    """Create through the API's rules; ``extra`` (wire names of TechnicianResponse, e.g.
    ``hourlyRate``, ``team``, ``skills``) lets seeds fill what the request cannot."""
    unknown = set(extra) - _FIELDS
    if unknown:
        raise ValueError(f"unknown technician fields: {sorted(unknown)}")
    name = check_name(request.name)
    email = check_email(request.email)
    role = check_role(ctx, request.roleId, EmployeeType.TECHNICIAN)
    check_business_unit(ctx, request.businessUnitId)
    login = check_login(ctx, request.login)
    check_account_creation(request.accountCreationMethod, login, request.password, email)
    home = home_address(request.home)
    first, last = split_name(name)
    data: dict[str, Any] = {
        "userId": ctx.world.new_id(),
        "name": name,
        "roleIds": [role.id],
        "businessUnitId": request.businessUnitId,
        "mainZoneId": None,
        "zoneIds": [],
        "email": email,
        "phoneNumber": request.phoneNumber,
        "loginName": login,
        "home": home,
        "dailyGoal": request.dailyGoal or 0.0,
        "isManagedTech": request.licenseType in MANAGED,
        "licenseType": request.licenseType.value,
        "customFields": custom_fields(request.customFields),
        "active": True,
        "aadUserId": request.aadUserId,
        "burdenRate": request.burdenRate or 0.0,
        "team": request.team,
        "jobFilter": request.jobFilter.value if request.jobFilter else None,
        "jobHistoryDateFilter": (
            request.jobHistoryDateFilter.value if request.jobHistoryDateFilter else None
        ),
        "permissions": [],
        "accountLocked": False,
        "commissionRate": 0.0,
        "currentValue": None,
        "firstName": first,
        "lastName": last,
        "hourlyRate": 0.0,
        "jobId": None,
        "mobilePhone": None,
        "outboundCallerId": None,
        "payrollId": None,
        "payrollProfileId": None,
        "appoitmentId": None,
        "shiftStart": None,
        "shiftEnd": None,
        "soldByRate": 0.0,
        "startDate": format_date(ctx.now),
        "terminationDate": None,
        "status": "Idle",
        "skills": [],
        "positions": [p.value for p in request.positions],
        "location": None,
        "bio": request.bio,
        "memo": request.memo,
        "accountCreationMethod": request.accountCreationMethod.value,
        **extra,
    }
    return TECHNICIANS.insert(ctx, data)


def _create(call: Call) -> dict[str, Any]:
    return {"id": create_technician(call, call.body).id}


def _update(call: Call) -> dict[str, Any]:
    body: TechnicianUpdateRequest = call.body
    row = TECHNICIANS.find(call, call.path["id"])
    present = body.model_fields_set
    for key in ("licenseType", "team", "bio", "memo", "home"):
        if key in present and getattr(body, key) is None:
            raise field_error(key, f"The {key} field must not be null.")
    changes = update_changes(call, row, body, EmployeeType.TECHNICIAN)
    if "licenseType" in present:
        changes["licenseType"] = body.licenseType.value
        changes["isManagedTech"] = body.licenseType in MANAGED
    if "home" in present:
        changes["home"] = home_address(body.home)
    for key in ("team", "bio", "memo", "dailyGoal", "burdenRate"):
        if key in present:
            changes[key] = getattr(body, key)
    for key in ("dailyGoal", "burdenRate"):
        if key in changes and changes[key] is None:
            changes[key] = 0.0
    for key in ("jobFilter", "jobHistoryDateFilter"):
        if key in present:
            value = getattr(body, key)
            changes[key] = value.value if value is not None else None
    if changes:
        TECHNICIANS.change(call, row, changes)
    return {"id": row.id}


def _account_action(call: Call) -> dict[str, Any]:
    body: TechnicianAccountActionRequest = call.body
    row = TECHNICIANS.find(call, call.path["id"])
    extra: dict[str, Any] = {}
    if body.action is AccountAction.ACTIVATE:
        if body.licenseType is None:
            raise field_error("licenseType", "A licenseType is required to activate a technician.")
        license_type = LICENSES[body.licenseType]
        extra = {"licenseType": license_type.value, "isManagedTech": license_type in MANAGED}
        if body.truckId is not None:
            extra["truckId"] = body.truckId
    return account_action(TECHNICIANS, call, row, body.action, extra)


OPERATIONS = [
    replace(
        TECHNICIANS.export_op(
            "Export_Technicians", ExportTechnicianResponse, "/export/technicians",
            summary="Export technicians",
        ),
        tag="Export",
    ),
    TECHNICIANS.list_op(
        "Technicians_GetList", TechnicianResponse,
        summary="List technicians", filters=list_filters(with_email=False), order=LIST_ORDER,
    ),
    TECHNICIANS.operation(
        "Technicians_Create", "POST", _create,
        summary="Create a technician",
        body=TechnicianCreateRequest, response=One(TechnicianCreateResponse), errors=(400,),
    ),
    TECHNICIANS.get_op("Technicians_Get", TechnicianResponse, summary="Get a technician"),
    TECHNICIANS.operation(
        "Technicians_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a technician", path_params=(ID,),
        body=TechnicianUpdateRequest, response=One(TechnicianUpdateResponse), errors=(400, 404),
    ),
    TECHNICIANS.operation(
        "Technicians_AccountActions", "POST", _account_action, suffix="/{id}/account-actions",
        summary="Act on a technician's account", path_params=(ID,),
        body=TechnicianAccountActionRequest, response=One(AccountActionResponse), errors=(400,),
    ),
]
