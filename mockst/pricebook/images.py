"""Images: a file uploaded for the price book, then named by its path in an item's ``assets``.

An upload (multipart ``file``, raw bytes, or the declared JSON) of at most ``max_upload_bytes``
answers 201 with ``Images/{tenant}/{guid}{ext}``; a bad one writes nothing
(``mockst/api/uploads.py``). GET with that ``path`` answers 302 to the stored bytes; a path
that does not start with ``Images/`` is a 400 and an unknown one a 404 (U11). Paths never
expire.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from mockst.api import uploads
from mockst.api.operation import Call, Empty, One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.api.types import StModel, string_format
from mockst.errors import field_error
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
FOLDER = "Images"


def _get(call: Call) -> str:
    path = call.query.get("path")
    if path and not path.startswith(f"{FOLDER}/"):
        raise field_error("path", f"An image path starts with '{FOLDER}/'.")
    return uploads.location(call, path, "image")


def _post(call: Call) -> dict[str, Any]:
    return {"path": uploads.store(call, FOLDER, call.body)}


OPERATIONS = [
    IMAGES.operation("Images_Get", "GET", _get, query=(Param("path", "string"),),
                     response=Empty(), status=302, errors=(400, 404)),
    IMAGES.operation("Images_Post", "POST", _post, body=ImagesPostBody,
                     response=One(ImageUploadResponse), status=201, upload=True),
]
