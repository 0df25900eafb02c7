"""Images: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.operation import Empty, One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.api.types import StModel, string_format
from mockst.pricebook import FAMILY
from mockst.pricebook.models.images import ImageUploadResponse


class ImagesPostBody(StModel):
    model_config = ConfigDict(title="ImagesPostBody")

    file: string_format("binary") = Field(default=None)


IMAGES = Resource(
    family=FAMILY,
    path="/images",
    table="images",
    scope="tn.pb.images",
    tag="Images",
    noun="Image",
)

OPERATIONS = [
    IMAGES.planned(
        "Images_Get",
        "GET",
        query=(Param("path", "string"),),
        response=Empty(),
        status=302,
        errors=(400, 404),
    ),
    IMAGES.planned(
        "Images_Post",
        "POST",
        body=ImagesPostBody,
        response=One(ImageUploadResponse),
        status=201,
    ),
]
