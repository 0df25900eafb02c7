"""CRM Contacts v2: contact-method preferences (opt-ins) and their metadata.

The official document fixes only the shapes and that ``dataType`` is "Bool"; the catalogue of
preference types is ours, modelled on ServiceTitan's notification toggles (job notifications on
by default, marketing off until the customer opts in):

| name | applies to | default |
|---|---|---|
| TransactionalSms | Phone, MobilePhone | "true" |
| MarketingSms | Phone, MobilePhone | "false" |
| TransactionalEmail | Email | "true" |
| MarketingEmail | Email | "false" |

A method lists only the preferences that apply to its type (a fax has none). Names match in any
case; a name that does not apply to the method is a 404. A Bool value is ``"true"`` or ``"false"``
(any case, stored lower-case); anything else, or a missing value, is a 400. Values are kept on the
contact-method row, so an update stamps the method's ``modifiedOn``. Preference type ids are
fixed GUIDs, the same in every tenant and every run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from mockst.api.listing import project
from mockst.api.operation import Call, Many, One
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.contact_methods import METHOD_PATH, find_method
from mockst.crm.contacts import API_USER_ID, METHODS_TABLE, READ_ERRORS
from mockst.crm.models.contacts import (
    ContactPreferenceResponse,
    ContactPreferenceTypeResponse,
    UpdateContactMethodPreferenceRequest,
)
from mockst.errors import ApiError, field_error
from mockst.store.table import Row

BOOL = "Bool"
PHONES = ("Phone", "MobilePhone")


@dataclass(frozen=True)
class PreferenceType:
    name: str
    description: str
    applies_to: tuple[str, ...]
    default: str
    data_type: str = BOOL

    @property
    def id(self) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mockst:crm:contact-preference:{self.name}"))

    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "dataType": self.data_type,
        }


CATALOGUE: tuple[PreferenceType, ...] = (
    PreferenceType(
        "TransactionalSms",
        "Job notifications (confirmations, reminders, technician on the way) by text message.",
        PHONES,
        "true",
    ),
    PreferenceType("MarketingSms", "Marketing updates by text message.", PHONES, "false"),
    PreferenceType(
        "TransactionalEmail",
        "Job notifications (confirmations, reminders, invoices) by e-mail.",
        ("Email",),
        "true",
    ),
    PreferenceType("MarketingEmail", "Marketing updates by e-mail.", ("Email",), "false"),
)

PREFERENCES = Resource(
    family=FAMILY,
    path="/contacts/{contactId}/contact-methods/{contactMethodId}/preferences",
    table=METHODS_TABLE,
    scope="tn.crm.contacts",
    tag="ContactPreferences",
    noun="Contact preference",
)
METADATA = Resource(
    family=FAMILY,
    path="/contacts/preferences",
    table=METHODS_TABLE,
    scope="tn.crm.contacts",
    tag="Contacts",
    noun="Contact preference type",
)
PREFERENCE_PATH = (*METHOD_PATH, path("preferenceName", "string"))


def applicable(method: Row) -> list[PreferenceType]:
    return [p for p in CATALOGUE if method.get("type") in p.applies_to]


def _render(method: Row, pref: PreferenceType) -> dict[str, Any]:
    stored = method.get("preferences") or {}
    value = stored.get(pref.name, pref.default)
    return project(
        {"name": pref.name, "dataType": pref.data_type, "value": value}, ContactPreferenceResponse
    )


def _find(method: Row, name: str) -> PreferenceType:
    for pref in applicable(method):
        if pref.name.lower() == name.strip().lower():
            return pref
    raise ApiError(
        404,
        "Contact preference not found.",
        {
            "preferenceName": [
                f"No preference named '{name}' applies to a {method.get('type')} contact method."
            ]
        },
    )


def _method(call: Call) -> Row:
    return find_method(call, call.path["contactId"], call.path["contactMethodId"])


def _metadata(_call: Call) -> list[dict[str, Any]]:
    return [project(p.metadata(), ContactPreferenceTypeResponse) for p in CATALOGUE]


def _list(call: Call) -> list[dict[str, Any]]:
    method = _method(call)
    return [_render(method, p) for p in applicable(method)]


def _get(call: Call) -> dict[str, Any]:
    method = _method(call)
    return _render(method, _find(method, call.path["preferenceName"]))


def _bool_value(value: str | None) -> str:
    if value is None:
        raise field_error("value", "The value field is required.")
    text = value.strip().lower()
    if text not in ("true", "false"):
        raise field_error("value", f"The value '{value}' is not valid for Bool; use true or false.")
    return text


def _update(call: Call) -> dict[str, Any]:
    body: UpdateContactMethodPreferenceRequest = call.body
    method = _method(call)
    pref = _find(method, call.path["preferenceName"])
    value = _bool_value(body.value)
    stored = {**(method.get("preferences") or {}), pref.name: value}
    method = PREFERENCES.change(call, method, {"preferences": stored, "modifiedBy": API_USER_ID})
    return _render(method, pref)


OPERATIONS = [
    METADATA.operation(
        "Contacts_GetPreferenceMetadataList",
        "GET",
        _metadata,
        summary="List the preference types",
        response=Many(ContactPreferenceTypeResponse),
        errors=(403, 400),
    ),
    PREFERENCES.operation(
        "ContactPreferences_GetContactMethodPreferences",
        "GET",
        _list,
        summary="List a contact method's preferences",
        path_params=METHOD_PATH,
        response=Many(ContactPreferenceResponse),
        errors=READ_ERRORS,
    ),
    PREFERENCES.operation(
        "ContactPreferences_GetContactMethodPreference",
        "GET",
        _get,
        suffix="/{preferenceName}",
        summary="Read one preference of a contact method",
        path_params=PREFERENCE_PATH,
        response=One(ContactPreferenceResponse),
        errors=READ_ERRORS,
    ),
    PREFERENCES.operation(
        "ContactPreferences_UpdateContactMethodPreference",
        "PATCH",
        _update,
        suffix="/{preferenceName}",
        summary="Set one preference of a contact method",
        path_params=PREFERENCE_PATH,
        body=UpdateContactMethodPreferenceRequest,
        response=One(ContactPreferenceResponse),
        errors=READ_ERRORS,
    ),
]
