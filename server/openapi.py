"""The OpenAPI 3 document, generated from the views' declared schemas (apispec + marshmallow)."""
import re
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask

from server.schemas.records import RECORD_SCHEMAS
from server.schemas.wire import ProblemDoc

_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
_PARAM_SCHEMAS = {"uuid": {"type": "string", "format": "uuid"}, "int": {"type": "integer"}}


def _path_and_params(rule: str) -> tuple[str, list[dict]]:
    """Turn a werkzeug rule into an OpenAPI path and its path parameters."""
    params = [{"name": name, "in": "path", "required": True,
               "schema": _PARAM_SCHEMAS.get(conv or "string", {"type": "string"})}
              for conv, name in _PARAM.findall(rule)]
    return _PARAM.sub(r"{\2}", rule), params


def _operation(meta: dict, params: list[dict]) -> dict:
    """One OpenAPI operation from a view's documented facts."""
    problem = {"content": {"application/problem+json": {"schema": "ProblemDoc"}}}
    ok: dict[str, Any] = {"description": "OK"}
    binary = {"schema": {"type": "string", "format": "binary"}}
    if meta["response"] is not None:
        ok["content"] = {"application/json": {"schema": meta["response"]}}
    if meta.get("produces"):
        ok["content"] = {meta["produces"]: binary}
    op: dict[str, Any] = {"summary": meta["summary"], "parameters": params + meta.get("query", []),
          "responses": {"200": ok}}
    for status in meta.get("errors", (400, 401) if meta["auth"] else (400,)):
        op["responses"][str(status)] = {"description": "Problem", **problem}
    if meta["body"] is not None:
        op["requestBody"] = {"required": True,
                             "content": {"application/json": {"schema": meta["body"]}}}
    if meta.get("consumes"):
        op["requestBody"] = {"required": True, "content": {meta["consumes"]: binary}}
    if meta["auth"]:
        op["security"] = [{"bearer": []}]
    return op


def build_spec(app: Flask) -> dict:
    """Build (once per app) the OpenAPI document of every documented view."""
    if "openapi" in app.extensions:
        return app.extensions["openapi"]
    spec = APISpec(title="Feltmappe sync API", version="1", openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()])
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.schema("ProblemDoc", schema=ProblemDoc)
    for record_type, schema in RECORD_SCHEMAS.items():
        name = "".join(part.title() for part in record_type.split("_")) + "Data"
        spec.components.schema(name, schema=schema)
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        meta = getattr(app.view_functions[rule.endpoint], "openapi", None)
        if meta is None:
            continue
        path, params = _path_and_params(rule.rule)
        ops = {m.lower(): _operation(meta, params)
               for m in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})}
        spec.path(path=path, operations=ops)
    app.extensions["openapi"] = spec.to_dict()
    return app.extensions["openapi"]
