"""The GUID-keyed Contacts family of CRM v2.

Covers contacts, their contact methods, contact-method preferences, preference types and
contact relationships (responses and create/replace/update requests).
"""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Guid, Int64, StModel
from mockst.crm.models.common import ContactType


class ContactMethodResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ContactMethodResponse")

    id: Guid
    contactId: Guid
    referenceId: str | None = None
    type: ContactType
    value: str
    memo: str | None = None
    createdOn: DateTime
    createdBy: Int64
    modifiedOn: DateTime
    modifiedBy: Int64


class CreateContactMethodRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.CreateContactMethodRequest")

    referenceId: str | None = None
    type: ContactType
    value: str
    memo: str | None = None


class UpsertContactMethodRequest(CreateContactMethodRequest):
    model_config = ConfigDict(title="Crm.V2.UpsertContactMethodRequest")


class UpdateContactMethodRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.UpdateContactMethodRequest")

    value: str = Field(default=None)
    memo: str = Field(default=None)


class ContactPreferenceResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ContactPreferenceResponse")

    name: str
    dataType: str
    value: str | None = None


class UpdateContactMethodPreferenceRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.UpdateContactMethodPreferenceRequest")

    value: str = Field(default=None)


class ContactResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ContactResponse")

    id: Guid
    referenceId: str | None = None
    name: str | None = None
    title: str | None = None
    isArchived: bool
    createdOn: DateTime
    createdBy: Int64
    modifiedOn: DateTime
    modifiedBy: Int64


class CreateContactRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.CreateContactRequest")

    name: str | None = None
    title: str | None = None
    referenceId: str | None = None


class ReplaceContactRequest(CreateContactRequest):
    model_config = ConfigDict(title="Crm.V2.ReplaceContactRequest")

    isArchived: bool


class ContactRelationshipResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ContactRelationshipResponse")

    id: Guid
    relatedEntityId: Int64
    typeName: str
    typeSlug: str
    createdOn: DateTime
    createdBy: Int64


class UpdateContactRequest(ReplaceContactRequest):
    model_config = ConfigDict(title="Crm.V2.UpdateContactRequest")


class ContactPreferenceTypeResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ContactPreferenceTypeResponse")

    id: Guid
    name: str
    description: str | None = None
    dataType: str
