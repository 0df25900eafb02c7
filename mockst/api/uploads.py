"""Uploaded files: read whole and bounded, stored whole, fetched by the path the upload answered.

The documents declare an upload body as JSON with a binary ``file``; real clients send
``multipart/form-data`` with a ``file`` part (the first file part otherwise), or the bytes as they
are. All three are read here, before the handler and its transaction, so a body over
``max_upload_bytes`` (413), a broken form or one without a file (400), or a client that goes away
while sending writes nothing. A stored file is one row of the tenant's ``uploads`` table, its bytes
in base64 so the world still exports as JSON. Reading one back by path answers 302 to
``/_mock/blobs/{tenant}/{id}/{token}``, as ServiceTitan redirects to a signed storage URL: the
random token is what makes the address private, so the blob route needs no credentials.
"""

from __future__ import annotations

import base64
import mimetypes
import secrets
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import Response

from mockst import bodies
from mockst.api.operation import TenantContext
from mockst.errors import ApiError, field_error, validation_error

TABLE = "uploads"


@dataclass(frozen=True)
class Upload:
    """One uploaded file, as the handler sees it."""

    data: bytes
    filename: str | None = None
    content_type: str | None = None


async def read_upload(headers: Mapping[str, str], receive: Any, limit: int) -> Upload:
    try:
        raw = await bodies.read_body(receive, limit, headers.get("content-length"))
    except bodies.BodyTooLarge:
        message = {"file": [f"A file of at most {limit} bytes is accepted."]}
        raise ApiError(413, "Request body too large.", message, headers=bodies.CLOSE) from None
    except bodies.BodyNotReceived:
        raise ApiError(400, "The request body was not received.") from None
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        upload = await _from_form(headers, raw, limit)
    elif media == "application/x-www-form-urlencoded":  # a form of fields cannot hold a file
        raise field_error("file", "The form has no file part.")
    elif media in ("application/json", "text/json") or media.endswith("+json"):
        upload = _from_json(raw)
    else:
        upload = Upload(raw, None, media or None)
    if not upload.data:
        raise field_error("file", "A non-empty file is required.")
    return upload


async def _from_form(headers: Mapping[str, str], raw: bytes, limit: int) -> Upload:
    async def stream() -> AsyncIterator[bytes]:
        yield raw

    parser = MultiPartParser(Headers(dict(headers)), stream(), max_files=8, max_fields=32,
                             max_part_size=limit)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise validation_error({"file": [f"The form could not be read: {exc.message}"]}) from None
    files = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
    chosen = form.get("file") if isinstance(form.get("file"), UploadFile) else None
    chosen = chosen or (files[0] if files else None)
    try:
        if chosen is None:
            raise field_error("file", "The form has no file part.")
        return Upload(await chosen.read(), chosen.filename, chosen.content_type)
    finally:
        await form.close()


def _from_json(raw: bytes) -> Upload:
    try:
        body = orjson.loads(raw) if raw.strip() else {}
    except orjson.JSONDecodeError as exc:
        raise validation_error({"$": [f"The JSON value could not be parsed: {exc}"]}) from None
    file = body.get("file") if isinstance(body, dict) else None
    if file is not None and not isinstance(file, str):
        raise field_error("file", "The file must be a string of its bytes.")
    return Upload((file or "").encode(), None, None)


def store(ctx: TenantContext, folder: str, upload: Upload) -> str:
    """Keep ``upload``; answer its path (``{folder}/{tenant}/{guid}{ext}``)."""
    ext = _extension(upload)
    path = f"{folder}/{ctx.tenant_id}/{uuid.uuid4()}{ext}"
    ctx.table(TABLE).insert(ctx.world.new_id(), {
        "path": path, "token": secrets.token_urlsafe(16), "fileName": upload.filename,
        "contentType": upload.content_type or mimetypes.guess_type(path)[0]
        or "application/octet-stream",
        "size": len(upload.data), "data": base64.b64encode(upload.data).decode(),
    }, ctx.now)  # fmt: skip
    return path


def _extension(upload: Upload) -> str:
    name = upload.filename or ""
    if "." in name:
        ext = "." + name.rsplit(".", 1)[-1].lower()
        if ext[1:].isalnum() and len(ext) <= 8:
            return ext
    guessed = mimetypes.guess_extension(upload.content_type or "") if upload.content_type else None
    return guessed or ""


def location(ctx: TenantContext, path: str | None, noun: str = "file") -> str:
    """Where a stored file can be fetched, or 404 (400 when no path is given)."""
    if not path or not path.strip():
        raise field_error("path", "The path field is required.")
    for row in ctx.table(TABLE).rows():
        if row.get("path") == path.strip():  # paths are case-sensitive, as blob names are
            return f"/_mock/blobs/{ctx.tenant_id}/{row.id}/{row.get('token')}"
    raise ApiError(404, "Not Found", {"path": [f"No {noun} is stored at '{path}'."]})


async def blob(request: Request) -> Response:
    """GET /_mock/blobs/{tenant}/{id}/{token}: a stored file's bytes, where uploads redirect."""
    world = request.app.state.world
    params = request.path_params
    try:
        tenant_id, ident = int(params["tenant"]), int(params["ident"])
    except ValueError:
        return Response(status_code=404)
    data = world.tenants.get(tenant_id)
    row = data.table(TABLE).get(ident) if data is not None else None
    if row is None or not secrets.compare_digest(str(row.get("token")), params["token"]):
        return Response(status_code=404)
    headers = {"Content-Disposition": f'inline; filename="{row.get("fileName") or ident}"'}
    return Response(base64.b64decode(row.get("data")), media_type=row.get("contentType"),
                    headers=headers)
