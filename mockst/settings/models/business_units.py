"""Business units of Settings v2.

Covers the business-unit response and its export-feed item with their address, tenant and named
parts, external data and its update request, the update request, and the Intacct business-unit
mapping that the Settings document serves under ``/business-units/intacct``.
"""

from pydantic import ConfigDict, Field

from mockst.api.shared_models import NamedModel as NamedModel
from mockst.api.types import DateTime, Decimal, Double, Guid, Int64, StModel
from mockst.settings.models.common import Email, ExternalDataPatchMode, Html, Phone


class BusinessUnitAddressResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.BusinessUnitAddressResponse")

    street: str | None = None
    unit: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    latitude: Double | None = None
    longitude: Double | None = None
    isManualCoordinates: bool
    isMilitary: bool


class BusinessUnitTenantResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.BusinessUnitTenantResponse")

    id: Int64
    name: str
    accountCode: str | None = None
    franchiseId: str | None = None
    conceptCode: str | None = None
    modifiedOn: DateTime


class ExternalDataModel(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.ExternalDataModel")

    key: str
    value: str


class BusinessUnitResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.BusinessUnitResponse")

    id: Int64
    active: bool
    name: str
    officialName: str | None = None
    email: Email | None = None
    currency: str | None = None
    phoneNumber: Phone | None = None
    invoiceHeader: Html | None = None
    invoiceMessage: Html | None = None
    defaultTaxRate: Decimal | None = None
    authorizationParagraph: Html | None = None
    acknowledgementParagraph: Html | None = None
    address: BusinessUnitAddressResponse | None = None
    materialSku: str | None = None
    quickbooksClass: str | None = None
    accountCode: str | None = None
    franchiseId: str | None = None
    conceptCode: str | None = None
    corporateContractNumber: str | None = None
    trade: NamedModel | None = None
    division: NamedModel | None = None
    tagTypeIds: list[Int64] | None = None
    tenant: BusinessUnitTenantResponse | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    externalData: list[ExternalDataModel] | None = None
    certifiedSentriconSpecialistCode: str | None = None


class ExportBusinessUnitResponse(BusinessUnitResponse):
    model_config = ConfigDict(title="TenantSettings.V2.ExportBusinessUnitResponse")


class ExternalDataUpdateModel(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.ExternalDataUpdateModel")

    key: str
    value: str | None = None


class ExternalDataUpdateRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.ExternalDataUpdateRequest")

    patchMode: ExternalDataPatchMode | None = None
    applicationGuid: Guid
    externalData: list[ExternalDataUpdateModel]


class UpdateBusinessUnitRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.UpdateBusinessUnitRequest")

    externalData: ExternalDataUpdateRequest = Field(default=None)


class IntacctBusinessUnitMappingResponse(StModel):
    model_config = ConfigDict(
        title="Accounting.V2.Integrations.Intacct.IntacctBusinessUnitMappingResponse"
    )

    id: Int64
    name: str | None = None
    active: bool
    tradeName: str | None = None
    intacctLocationName: str | None = None
    intacctLocationId: str | None = None
    intacctDepartment: str | None = None
    intacctClass: str | None = None
