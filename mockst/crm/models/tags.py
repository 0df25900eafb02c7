"""Bulk tag assignment of CRM v2: the add and remove requests."""

from pydantic import ConfigDict

from mockst.api.types import Int64, StModel


class AddBulkTagsRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.AddBulkTagsRequest")

    customerIds: list[Int64]
    tagTypeIds: list[Int64]


class RemoveBulkTagsRequest(AddBulkTagsRequest):
    model_config = ConfigDict(title="Crm.V2.RemoveBulkTagsRequest")
