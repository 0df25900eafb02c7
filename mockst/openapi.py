"""The simulator's own OpenAPI 3.1 document, built from the same declarations that serve requests.

Components are named as in ServiceTitan's documents (each model's title is its official schema
name), so a reader can hold the two side by side; envelopes (``PaginatedResponse_Of_X``,
``ExportResponse_Of_X``) and ``ApiErrorResponse`` are generated here once for every model.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from mockst import __version__
from mockst.api import registry
from mockst.api.operation import Empty, Export, Many, One, Operation, Page, Raw, Stream
from mockst.api.params import Param
from mockst.api.routing import TENANT
from mockst.control import ops_routes
from mockst.control import routes as control
from mockst.openapi_auth import token_operation

REF = "#/components/schemas/"
CONTROL_TAG = "mockst control plane"

ERROR_DESCRIPTIONS = {
    400: "Invalid request: see the field errors",
    401: "The app key or access token is missing, invalid or expired",
    403: "The token does not grant this operation (scope, tenant or booking provider)",
    404: "Not found",
    409: "The request conflicts with the current state",
    413: "The request body is too large",
    415: "The request body is not JSON",
    429: "Too many requests; wait for Retry-After seconds",
    501: "Declared from the official document but not simulated yet",
}

API_ERROR_RESPONSE: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "traceId", "errors", "data"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "format": "int32"},
        "traceId": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "data": {"type": "object", "additionalProperties": {}},
    },
    "additionalProperties": False,
}


# OpenAPI links: where an answer's ids flow into later calls (stateful testing follows them,
# e.g. schemathesis' stateful phase). Source operationId -> [(target operationId, parameters)];
# "tenant" and a "booking_provider" the target shares with the source are carried over.
BODY_ID = "$response.body#/id"
LINKS: dict[str, list[tuple[str, dict[str, str]]]] = {
    "Customers_Create": [
        *((t, {"id": BODY_ID}) for t in (
            "Customers_Get", "Customers_Update", "Customers_GetNotes", "Customers_CreateNote",
            "Customers_GetContactList", "Customers_CreateContact")),
        *((t, {"id": "$response.body#/locations/0/id"}) for t in (
            "Locations_Get", "Locations_Update", "Locations_CreateNote",
            "Locations_GetContactList", "Locations_CreateContact")),
    ],
    "Customers_CreateContact": [
        (t, {"id": "$request.path.id", "contactId": BODY_ID})
        for t in ("Customers_UpdateContact", "Customers_DeleteContact")
    ],
    "Customers_CreateNote": [
        ("Customers_DeleteNote", {"id": "$request.path.id", "noteId": BODY_ID}),
    ],
    "Locations_Create": [
        (t, {"id": BODY_ID}) for t in (
            "Locations_Get", "Locations_Update", "Locations_GetNotes", "Locations_CreateNote",
            "Locations_GetContactList", "Locations_CreateContact")
    ],
    "Locations_CreateContact": [
        (t, {"id": "$request.path.id", "contactId": BODY_ID})
        for t in ("Locations_UpdateContact", "Locations_DeleteContact")
    ],
    "Locations_CreateNote": [
        ("Locations_DeleteNote", {"id": "$request.path.id", "noteId": BODY_ID}),
    ],
    "BookingProviderTags_Create": [
        ("BookingProviderTags_Get", {"id": BODY_ID}),
        ("BookingProviderTags_Update", {"id": BODY_ID}),
        ("Bookings_Create", {"booking_provider": BODY_ID}),
        ("Bookings_GetList2", {"booking_provider": BODY_ID}),
    ],
    "Bookings_Create": [
        ("Bookings_Get", {"id": BODY_ID}),
        ("Bookings_GetContactList", {"id": BODY_ID}),
        *((t, {"booking_provider": "$request.path.booking_provider", "id": BODY_ID}) for t in (
            "Bookings_GetForProvider", "Bookings_Update", "Bookings_CreateContact",
            "Bookings_GetContactList2", "Bookings_DismissBooking")),
    ],
    "Bookings_CreateContact": [
        (t, {"booking_provider": "$request.path.booking_provider", "id": "$request.path.id",
             "contactId": BODY_ID})
        for t in ("Bookings_UpdateBookingContact", "Bookings_DeleteContact")
    ],
    "Leads_Create": [
        (t, {"id": BODY_ID}) for t in (
            "Leads_Get", "Leads_Update", "Leads_GetNotes", "Leads_CreateNote",
            "Leads_CreateFollowUp", "Leads_Dismiss")
    ],
    "Contacts_Create": [
        *((t, {"id": BODY_ID}) for t in (
            "Contacts_Get", "Contacts_Update", "Contacts_Replace", "Contacts_DeleteContact")),
        *((t, {"contactId": BODY_ID}) for t in (
            "ContactMethods_CreateContactMethod", "ContactMethods_GetContactMethods",
            "Contacts_GetContactRelationshipList")),
    ],
    "ContactMethods_CreateContactMethod": [
        (t, {"contactId": "$request.path.contactId", "contactMethodId": BODY_ID}) for t in (
            "ContactMethods_GetContactMethod", "ContactMethods_UpdateContactMethod",
            "ContactMethods_UpsertContactMethod", "ContactMethods_DeleteContactMethod",
            "ContactPreferences_GetContactMethodPreferences")
    ],
    "Employees_Create": [
        (t, {"id": BODY_ID})
        for t in ("Employees_Get", "Employees_Update", "Employees_AccountActions")
    ],
    "Technicians_Create": [
        (t, {"id": BODY_ID})
        for t in ("Technicians_Get", "Technicians_Update", "Technicians_AccountActions")
    ],
    "TagTypes_Create": [("TagTypes_Update", {"id": BODY_ID})],
}  # fmt: skip


def _links(op: Operation) -> dict[str, Any]:
    return {
        target: {"operationId": target, "parameters": {"tenant": "$request.path.tenant", **params}}
        for target, params in LINKS.get(op.operation_id, ())
    }


def _title(model: type[BaseModel]) -> str:
    return str(model.model_config.get("title") or model.__name__)


class Components:
    """Collects models, names each by its title, and rewrites pydantic's refs to components."""

    def __init__(self) -> None:
        self.models: dict[tuple[type[BaseModel], str], None] = {}
        self.extra: dict[str, dict[str, Any]] = {"ApiErrorResponse": API_ERROR_RESPONSE}

    def ref(self, model: type[BaseModel], mode: str = "serialization") -> dict[str, str]:
        self.models[(model, mode)] = None
        return {"$ref": REF + _title(model)}

    def page(self, model: type[BaseModel]) -> dict[str, str]:
        name = f"PaginatedResponse_Of_{_title(model)}"
        self.extra[name] = {
            "type": "object",
            "required": ["page", "pageSize", "hasMore", "data"],
            "properties": {
                "page": {"type": "integer", "format": "int32"},
                "pageSize": {"type": "integer", "format": "int32"},
                "hasMore": {"type": "boolean"},
                "totalCount": {"type": ["integer", "null"], "format": "int32"},
                "data": {"type": "array", "items": self.ref(model)},
            },
            "additionalProperties": False,
        }
        return {"$ref": REF + name}

    def export(self, model: type[BaseModel]) -> dict[str, str]:
        name = f"ExportResponse_Of_{_title(model)}"
        self.extra[name] = {
            "type": "object",
            "required": ["hasMore", "continueFrom", "data"],
            "properties": {
                "hasMore": {"type": "boolean"},
                "continueFrom": {"type": "string"},
                "data": {"type": "array", "items": self.ref(model)},
            },
            "additionalProperties": False,
        }
        return {"$ref": REF + name}

    def build(self) -> dict[str, Any]:
        if not self.models:
            return dict(self.extra)
        _, defs = models_json_schema(
            list(self.models),
            ref_template="#/$defs/{model}",  # type: ignore[arg-type]
        )
        raw = defs.get("$defs", {})
        names = {key: schema.get("title", key) for key, schema in raw.items()}
        result: dict[str, Any] = {}
        for key, schema in raw.items():
            name = names[key]
            if name in result and result[name] != schema:
                name = key  # two modes render differently: keep pydantic's distinct key
                names[key] = key
            result[name] = schema
        rewritten = _rewrite_refs(result, {f"#/$defs/{k}": REF + v for k, v in names.items()})
        return {**rewritten, **self.extra}


def _rewrite_refs(node: Any, mapping: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                mapping.get(v, v)
                if k == "$ref" and isinstance(v, str)
                else _rewrite_refs(v, mapping)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v, mapping) for v in node]
    return node


def _parameter(param: Param) -> dict[str, Any]:
    result: dict[str, Any] = {"name": param.name, "in": param.place, "schema": param.schema()}
    if param.required or param.place == "path":
        result["required"] = True
    if param.description:
        result["description"] = param.description
    return result


def _error_responses(codes: tuple[int, ...]) -> dict[str, Any]:
    return {
        str(code): {
            "description": ERROR_DESCRIPTIONS.get(code, "Error"),
            "content": {"application/json": {"schema": {"$ref": REF + "ApiErrorResponse"}}},
        }
        for code in codes
    }


def _success(op: Operation, components: Components) -> dict[str, Any]:
    shape = op.response
    if isinstance(shape, Empty):
        return {"description": "The request has succeeded"}
    if isinstance(shape, Stream):
        binary = {"type": "string", "format": "binary"}
        content = {shape.media_type: {"schema": binary}}
        return {"description": "The request has succeeded", "content": content}
    if isinstance(shape, One):
        schema = components.ref(shape.model)
    elif isinstance(shape, Page):
        schema = components.page(shape.model)
    elif isinstance(shape, Export):
        schema = components.export(shape.model)
    elif isinstance(shape, Many):
        schema = {"type": "array", "items": components.ref(shape.model)}
    else:
        assert isinstance(shape, Raw)
        schema = copy.deepcopy(shape.schema)
    return {
        "description": "The request has succeeded",
        "content": {"application/json": {"schema": schema}},
    }


def declared_errors(op: Operation) -> tuple[int, ...]:
    """The operation's own codes, the guard's (401, 403, 429), and 404 wherever a path names an id:
    an unknown id is 404 even where the official document declares only 400."""
    codes = {*op.errors, 401, 403, 429}
    if op.path_params:
        codes.add(404)
    if op.planned:
        codes.add(501)
    return tuple(sorted(codes))


def _api_operation(op: Operation, components: Components) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "tags": [op.tag],
        "summary": op.summary,
        "operationId": op.operation_id,
        "parameters": [_parameter(p) for p in (TENANT, *op.path_params, *op.query)],
        "responses": {
            str(op.status): _success(op, components),
            **_error_responses(declared_errors(op)),
        },
        "security": [{"apiKeyHeader": [], "oauth": [op.scope]}],
    }
    links = _links(op)
    if links:
        doc["responses"][str(op.status)]["links"] = links
    if op.body is not None:
        doc["requestBody"] = {
            "required": op.body_required,
            "content": {"application/json": {"schema": components.ref(op.body, "validation")}},
        }
    return doc


def _control_operation(route: control.ControlRoute, components: Components) -> dict[str, Any]:
    params = [
        {
            "name": seg[1:-1],
            "in": "path",
            "required": True,
            "schema": {"type": "string"}
            if seg == "{client_id}"
            else {"type": "integer", "format": "int64"},
        }
        for seg in route.path.split("/")
        if seg.startswith("{")
    ]
    params += ops_routes.QUERY_PARAMETERS.get((route.method, route.path), [])
    doc: dict[str, Any] = {
        "tags": [CONTROL_TAG],
        "summary": route.summary,
        "operationId": "Mock_" + route.handler.__name__.strip("_").title().replace("_", ""),
        "parameters": params,
        "responses": {
            "200": {"description": "Done", "content": {"application/json": {"schema": {}}}},
            **_error_responses((400, 404, 409)),
        },
        # Only a server started with --control-token asks for it; {} says it may be left out.
        "security": [{"controlToken": []}, {}],
    }
    if route.body is not None:
        doc["requestBody"] = {
            "content": {"application/json": {"schema": components.ref(route.body, "validation")}}
        }
    return doc


@cache
def build_document() -> dict[str, Any]:
    """Built once per process: the declarations never change while it runs (treat as read-only)."""
    components = Components()
    paths: dict[str, dict[str, Any]] = {"/connect/token": {"post": token_operation()}}
    scopes: set[str] = set()
    for op in registry.operations():
        paths.setdefault(op.full_path, {})[op.method.lower()] = _api_operation(op, components)
        scopes.add(op.scope)
    for route in control.ROUTES:
        paths.setdefault(route.path, {})[route.method.lower()] = _control_operation(
            route, components
        )
    families = ", ".join(f.title for f in registry.families())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"mockst: a local ServiceTitan (auth, {families})",
            "version": __version__,
            "description": "Stateful simulator of ServiceTitan's public API. Operations tagged "
            f"'{CONTROL_TAG}' are the simulator's own.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": components.build(),
            "securitySchemes": {
                "apiKeyHeader": {"type": "apiKey", "name": "ST-App-Key", "in": "header"},
                "controlToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The control plane's token (mockst serve --control-token), "
                    "when the server has one.",
                },
                "oauth": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": "/connect/token",
                            "scopes": {s: s for s in sorted(scopes)},
                        }
                    },
                },
            },
        },
    }
