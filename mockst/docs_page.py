"""``/docs``: an interactive reference of the simulator's own OpenAPI document, offline.

Swagger UI's files come from a Python package (``swagger-ui-py``, Swagger UI 5, which reads
OpenAPI 3.1), served by the simulator itself: no CDN, so the page works on a plane and in CI.
The document is offered one API family at a time (``/openapi.json?family=crm``; the top bar's
menu switches), so no page lists three hundred operations, and each family's document keeps only
the schemas and scopes its operations use. The Authorize dialog takes the app key and the
client id and secret (client credentials against ``/connect/token``).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

from mockst.api import registry
from mockst.errors import ApiError

# What the page loads from the package's static folder; nothing else of it is served.
ASSETS = (
    "swagger-ui.css",
    "swagger-ui-bundle.js",
    "swagger-ui-standalone-preset.js",
    "favicon-32x32.png",
)
MOCKST_GROUP = "mockst"  # the token endpoint and the control plane
_REF = "#/components/schemas/"


@cache
def assets_dir() -> Path | None:
    """Swagger UI's static folder, found without importing the package (it imports jinja2 and
    yaml, which the page does not need), or None when it is not installed."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static"
    return folder if all((folder / name).is_file() for name in ASSETS) else None


def groups() -> list[tuple[str, str]]:
    """(key, label) of each document the page offers: every family by title, then mockst's."""
    ordered = sorted(registry.families(), key=lambda f: f.title.lower())
    found = [(f.name, f"{f.title} ({f.server})") for f in ordered]
    return [*found, (MOCKST_GROUP, "Auth and the mockst control plane")]


def family_document(document: dict[str, Any], key: str) -> dict[str, Any]:
    """The part of ``document`` one group's operations need. Raises a 400 ``ApiError`` that
    names the groups for an unknown key."""
    key = key.strip().lower()
    if key == MOCKST_GROUP:
        wanted = ("/connect/", "/_mock/")
    else:
        servers = {f.name: f.server for f in registry.families()}
        if key not in servers:
            names = ", ".join(name for name, _ in groups())
            raise ApiError(400, "Unknown API family.", {"family": [f"Use one of: {names}."]})
        wanted = (servers[key] + "/",)
    paths = {p: item for p, item in document["paths"].items() if p.startswith(wanted)}
    schemas = document["components"]["schemas"]
    kept = _reachable(paths, schemas)
    scopes = {
        scope
        for item in paths.values()
        for op in item.values()
        for requirement in op.get("security", [])
        for scope in requirement.get("oauth", [])
    }
    security = json.loads(json.dumps(document["components"]["securitySchemes"]))
    flow = security["oauth"]["flows"]["clientCredentials"]
    flow["scopes"] = {s: s for s in sorted(scopes)}
    return {
        **document,
        "paths": paths,
        "components": {
            "schemas": {name: schemas[name] for name in sorted(kept)},
            "securitySchemes": security,
        },
    }


def _reachable(node: Any, schemas: dict[str, Any]) -> set[str]:
    """Names of the schemas ``node`` refers to, directly or through other schemas."""
    seen: set[str] = set()
    pending = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith(_REF):
                name = ref[len(_REF) :]
                if name not in seen and name in schemas:
                    seen.add(name)
                    pending.append(schemas[name])
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return seen


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mockst API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="stylesheet" href="/docs/page.css">
</head><body>
<p class="mockst-note"><b>mockst</b>, a local ServiceTitan. Pick an API family at the top right.
To try a call: <b>Authorize</b> with the app key (<code>apiKeyHeader</code>) and the client id and
secret (<code>oauth</code>, client credentials: <code>mockst serve --demo</code> prints them), then
put the tenant id in the path. The whole document: <a href="/openapi.json">/openapi.json</a>.</p>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script>
</body></html>
"""

CSS = """body { margin: 0; }
.mockst-note { font: 14px/1.5 sans-serif; margin: 0; padding: 8px 20px; background: #f3f7f9;
  border-bottom: 1px solid #d8dde0; }
.swagger-ui .topbar .download-url-wrapper .select-label { max-width: 100%; }
"""


def init_js() -> str:
    """The page's script: one document per group in the top bar's menu, CRM first."""
    urls = [{"name": label, "url": f"/openapi.json?family={key}"} for key, label in groups()]
    primary = next((label for key, label in groups() if key == "crm"), urls[0]["name"])
    options = {
        "urls": urls,
        "urls.primaryName": primary,
        "dom_id": "#swagger-ui",
        "deepLinking": True,
        "layout": "StandaloneLayout",
        # Not kept in the browser's storage: the secret and token stay in the page's memory.
        "persistAuthorization": False,
        "docExpansion": "list",
        "defaultModelsExpandDepth": -1,
        "filter": True,
        "displayOperationId": True,
        "validatorUrl": None,  # Swagger UI would otherwise send the document to swagger.io
    }
    return (
        "window.ui = SwaggerUIBundle(Object.assign("
        + json.dumps(options)
        + ", {presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],"
        " plugins: [SwaggerUIBundle.plugins.DownloadUrl]}));\n"
    )
