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


def _link(operation_id: str, parameters: dict[str, str], body: dict | None = None) -> dict:
    """An OpenAPI link to another operation, its values taken from this answer's body (the
    stateful test follows them: tests/server/test_openapi.py)."""
    values = {name: f"$response.body#/{pointer}" for name, pointer in parameters.items()}
    link: dict[str, Any] = {"operationId": operation_id, "parameters": values}
    if body is not None:
        link.update(requestBody=body, **{"x-schemathesis": {"merge_body": False}})
    return link


LINKS = {
    "sync.push": {
        "GetPushedRecord": _link("records.get_record", {"record_type": "results/0/record/type",
                                                        "record_id": "results/0/id"}),
        "GetPushedHistory": _link("records.record_history",
                                  {"record_type": "results/0/record/type",
                                   "record_id": "results/0/id"}),
        "ResolvePushedConflict": _link(
            "sync.resolve", {"conflict_id": "results/0/conflict_id"},
            {"data": {}, "server_rev": "$response.body#/results/0/rev"}),
    },
    "sync.pull": {
        "PullNextPage": _link("sync.pull", {"since": "checkpoint"}),
        "GetPulledRecord": _link("records.get_record", {"record_type": "changes/0/type",
                                                        "record_id": "changes/0/id"}),
        "ResolvePulledConflict": _link(  # a conflict is pulled after its record: keep theirs
            "sync.resolve", {"conflict_id": "changes/1/id"},
            {"data": "$response.body#/changes/1/data/server",
             "server_rev": "$response.body#/changes/1/data/server_rev"}),
    },
    "sync.resolve": {
        "GetResolvedRecord": _link("records.get_record", {"record_type": "record/type",
                                                          "record_id": "record/id"}),
        "GetConflict": _link("records.get_record", {"record_type": "conflict/type",
                                                    "record_id": "conflict/id"}),
    },
}


def _operation(meta: dict, params: list[dict], operation_id: str) -> dict:
    """One OpenAPI operation from a view's documented facts."""
    problem = {"content": {"application/problem+json": {"schema": "ProblemDoc"}}}
    ok: dict[str, Any] = {"description": "OK"}
    if operation_id in LINKS:
        ok["links"] = LINKS[operation_id]
    binary = {"schema": {"type": "string", "format": "binary"}}
    if meta["response"] is not None:
        ok["content"] = {"application/json": {"schema": meta["response"]}}
    if meta.get("produces"):
        ok["content"] = {meta["produces"]: binary}
    for mimetype in meta.get("also_produces", ()):  # e.g. ?format=csv beside the JSON
        ok["content"][mimetype] = binary
    op: dict[str, Any] = {"operationId": operation_id, "summary": meta["summary"],
                          "parameters": params + meta.get("query", []),
                          "responses": {str(status): ok for status in meta.get("ok", (200,))}}
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
        operation_id = rule.endpoint.removeprefix("api.")
        ops = {m.lower(): _operation(meta, params, operation_id)
               for m in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})}
        spec.path(path=path, operations=ops)
    app.extensions["openapi"] = spec.to_dict()
    return app.extensions["openapi"]
