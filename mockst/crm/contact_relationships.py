"""CRM Contacts v2: links from a contact to customers, locations and bookings.

A relationship is (contact, related entity id, type); the type slug is ``customer``, ``location``
or ``booking`` (any case in the path, stored lower-case) and its name ``Customer``, ``Location``
or ``Booking``. Status codes follow the official declarations, which differ from the rest of the
family:

- an unknown contact is a **409** "Contact not found" on create, delete and list;
- an unknown type slug is a 409 "Unknown Contact Relationship Type" (create and delete);
- on create, the related entity must be a live row of the tenant's ``customers``, ``locations``
  or ``bookings``: otherwise 404 "External entity not found";
- creating a relationship that already exists is a 409; deleting one that does not is a 409
  "Contact relationship not found";
- ``GET /contacts/relationships/{relationshipId}`` takes the related entity's id (entity ids are
  unique across the world, so the id alone names the entity) and pages the contacts linked to it,
  with the contact list's filters; it is a 404 when the id is neither a customer, location or
  booking of the tenant nor the target of any relationship.

A connection restricted to one booking provider may not link, unlink or read through a booking
of another provider (403, as the guard refuses that provider's paths; reads follow
``Config.restricted_tenant_bookings``), and a contact's relationship list leaves such links out.

List filters: ``relatedEntityId`` exact; ``typeSlug``/``typeName`` any case, an unknown one is a
400; ``sort`` takes ID and CreatedOn. Relationships are never changed, only created and deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mockst.api.listing import Filter, date_filters
from mockst.api.operation import Call, TenantContext
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.contacts import (
    API_USER_ID,
    CONTACT_FILTERS,
    CONTACT_ID_IN_PATH,
    CONTACT_SORT,
    CONTACTS_TABLE,
    RELATIONSHIPS_TABLE,
    blank_is_none,
    contact_or_conflict,
    new_guid,
)
from mockst.crm.models.contacts import ContactRelationshipResponse, ContactResponse
from mockst.crm.provider_restriction import require_booking, restriction
from mockst.errors import ApiError, conflict, field_error
from mockst.store.table import Row

# slug -> (type name, table of the related entity)
TYPES: dict[str, tuple[str, str]] = {
    "customer": ("Customer", "customers"),
    "location": ("Location", "locations"),
    "booking": ("Booking", "bookings"),
}

RELATIONSHIPS = Resource(
    family=FAMILY,
    path="/contacts/{contactId}/relationships",
    table=RELATIONSHIPS_TABLE,
    scope="tn.crm.contacts",
    tag="Contacts",
    noun="Contact relationship",
)
BY_ENTITY = Resource(
    family=FAMILY,
    path="/contacts/relationships/{relationshipId}",
    table=CONTACTS_TABLE,
    scope="tn.crm.contacts",
    tag="Contacts",
    noun="Contact",
)

LINK_PATH = (CONTACT_ID_IN_PATH, path("relatedEntityId"), path("typeSlug", "string"))
ERRORS = (403, 400, 404, 409)


def _slug(text: str) -> str:
    slug = text.strip().lower()
    if slug not in TYPES:
        raise conflict("Unknown Contact Relationship Type", "typeSlug")
    return slug


def _links(ctx: TenantContext, contact_id: str, entity_id: int, slug: str) -> list[Row]:
    return [
        r
        for r in ctx.table(RELATIONSHIPS_TABLE).rows()
        if r.get("contactId") == contact_id
        and r.get("relatedEntityId") == entity_id
        and r.get("typeSlug") == slug
    ]


def link(ctx: TenantContext, contact_id: str, entity_id: int, slug: str) -> Row:
    """Relate a contact to an entity; also usable by seeds. The caller checked the contact."""
    type_name, table = TYPES[slug]
    if ctx.table(table).get(entity_id) is None:
        raise ApiError(
            404,
            "External entity not found.",
            {"relatedEntityId": [f"{type_name} {entity_id} was not found."]},
        )
    if _links(ctx, contact_id, entity_id, slug):
        raise conflict(
            f"The contact is already related to {type_name} {entity_id}.", "relatedEntityId"
        )
    data = {
        "contactId": contact_id,
        "relatedEntityId": entity_id,
        "typeName": type_name,
        "typeSlug": slug,
        "createdBy": API_USER_ID,
    }
    return RELATIONSHIPS.insert(ctx, data, ident=new_guid())


def _check_booking(call: Call, entity_id: Any, *, reading: bool = False) -> None:
    """The restriction, when ``entity_id`` is a booking (of any provider)."""
    booking = call.table(TYPES["booking"][1]).get(entity_id)
    if booking is not None:
        require_booking(call, booking, reading=reading)


def _create(call: Call) -> None:
    contact = contact_or_conflict(call, call.path["contactId"])
    slug = _slug(call.path["typeSlug"])
    if slug == "booking":
        _check_booking(call, call.path["relatedEntityId"])
    link(call, str(contact.id), call.path["relatedEntityId"], slug)


def _delete(call: Call) -> None:
    contact = contact_or_conflict(call, call.path["contactId"])
    slug = _slug(call.path["typeSlug"])
    if slug == "booking":
        _check_booking(call, call.path["relatedEntityId"])
    rows = _links(call, str(contact.id), call.path["relatedEntityId"], slug)
    if not rows:
        raise conflict("Contact relationship not found.", "relatedEntityId")
    for row in rows:
        RELATIONSHIPS.remove(call, row)


def _of_contact(call: Call) -> Iterable[Row]:
    contact = contact_or_conflict(call, call.path["contactId"])
    rows = (r for r in call.table(RELATIONSHIPS_TABLE).rows() if r.get("contactId") == contact.id)
    if restriction(call) is None:
        return rows
    return (r for r in rows if _readable(call, r))


def _readable(call: Call, relationship: Row) -> bool:
    if relationship.get("typeSlug") != "booking":
        return True
    try:
        _check_booking(call, relationship.get("relatedEntityId"), reading=True)
    except ApiError:
        return False
    return True


def _choice(name: str, allowed: dict[str, str]) -> Any:
    def prepare(value: Any, call: Call) -> str | None:
        value = blank_is_none(value, call)
        if value is None:
            return None
        found = allowed.get(value.strip().lower())
        if found is None:
            choices = ", ".join(allowed.values())
            raise field_error(name, f"The value '{value}' is not valid for {name}. Use: {choices}.")
        return found

    return prepare


RELATIONSHIP_FILTERS: tuple[Filter, ...] = (
    Filter(
        Param("relatedEntityId", "int64"),
        lambda row, value: row.get("relatedEntityId") == value,
    ),
    Filter(
        Param("typeSlug", "string"),
        lambda row, value: row.get("typeSlug") == value,
        _choice("typeSlug", {slug: slug for slug in TYPES}),
    ),
    Filter(
        Param("typeName", "string"),
        lambda row, value: row.get("typeName") == value,
        _choice("typeName", {name.lower(): name for name, _ in TYPES.values()}),
    ),
    *date_filters(modified=""),
)


def _contacts_of_entity(call: Call) -> Iterable[Row]:
    entity_id = call.path["relationshipId"]
    _check_booking(call, entity_id, reading=True)
    contact_ids = {
        r.get("contactId")
        for r in call.table(RELATIONSHIPS_TABLE).rows()
        if r.get("relatedEntityId") == entity_id
    }
    known = any(call.table(table).get(entity_id) is not None for _, table in TYPES.values())
    if not contact_ids and not known:
        raise ApiError(
            404,
            "Contact not found.",
            {"relationshipId": [f"No customer, location or booking {entity_id} has contacts."]},
        )
    contacts = call.table(CONTACTS_TABLE)
    rows = (contacts.get(ident) for ident in contact_ids)
    return (row for row in rows if row is not None)


OPERATIONS = [
    BY_ENTITY.list_op(
        "Contacts_GetByRelationshipId",
        ContactResponse,
        summary="List the contacts related to an entity",
        path_params=(path("relationshipId"),),
        rows=_contacts_of_entity,
        filters=CONTACT_FILTERS,
        sort=CONTACT_SORT,
        errors=(403, 400, 404),
    ),
    RELATIONSHIPS.operation(
        "Contacts_DeleteContactRelationship",
        "DELETE",
        _delete,
        suffix="/{relatedEntityId}/{typeSlug}",
        summary="Unlink a contact from an entity",
        path_params=LINK_PATH,
        errors=ERRORS,
    ),
    RELATIONSHIPS.operation(
        "Contacts_CreateContactRelationship",
        "POST",
        _create,
        suffix="/{relatedEntityId}/{typeSlug}",
        summary="Link a contact to a customer, location or booking",
        path_params=LINK_PATH,
        errors=ERRORS,
    ),
    RELATIONSHIPS.list_op(
        "Contacts_GetContactRelationshipList",
        ContactRelationshipResponse,
        summary="List a contact's relationships",
        path_params=(CONTACT_ID_IN_PATH,),
        rows=_of_contact,
        filters=RELATIONSHIP_FILTERS,
        sort={"ID": "id", "CreatedOn": "createdOn"},
        errors=ERRORS,
    ),
]
