"""Pricebook: images schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import StModel


class ImageUploadResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ImageUploadResponse")

    path: str
