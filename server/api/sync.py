"""Push, pull and conflict resolution (docs/protocol.md sections 3, 4 and 5)."""
from flask import Blueprint, current_app, request

from server.api.common import authenticated, documented, gzip_answer_at, json_body, load_with
from server.errors import Problem
from server.metrics import count_push_results
from server.schemas import wire
from server.services import sync
from sync.types import Actor, Change

api = Blueprint("sync", __name__)

PULL_QUERY = [{"name": "since", "in": "query", "required": False, "schema": {"type": "string"}},
              {"name": "limit", "in": "query", "required": False,
               "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}]


@api.post("/sync/push")
@documented("Push changes; one result per change", wire.PushResponse, wire.PushRequest,
            errors=(400, 401, 413, 415))
@authenticated
def push(actor: Actor):
    """Apply the changes in order."""
    body = json_body()
    changes = body.get("changes")
    if isinstance(changes, list) and len(changes) > current_app.config["MAX_PUSH_CHANGES"]:
        raise Problem("payload-too-large", 413, "Too many changes",
                      f"at most {current_app.config['MAX_PUSH_CHANGES']} changes per push")
    results = sync.push(actor, _changes(body))
    count_push_results(results)
    return {"results": results}


def _changes(body: dict) -> list[Change]:
    """The push's changes; the schema (and its messages) only when a quick check fails."""
    changes = body.get("changes")
    if not (isinstance(changes, list) and all(wire.is_plain_change(c) for c in changes)):
        changes = load_with(wire.PushRequest(), body, "Invalid push")["changes"]
    return [Change(c["mutation_id"], c["type"], c["id"], c["op"], c["base_rev"],
                   c.get("data") or {}) for c in changes]


@api.get("/sync/pull")
@documented("The next page of the change feed", wire.PullResponse, query=PULL_QUERY,
            errors=(400, 401, 410))
@authenticated
def pull(actor: Actor):
    """Records changed after the checkpoint."""
    query = load_with(wire.PullQuery(), request.args.to_dict(), "Invalid query")
    gzip_answer_at(current_app.config["PULL_GZIP_LEVEL"])
    return sync.pull(actor, query["since"], query["limit"])


@api.post("/conflicts/<uuid:conflict_id>/resolve")
@documented("Resolve a conflict with chosen values", wire.ResolveResponse, wire.ResolveRequest,
            errors=(400, 401, 404, 409))
@authenticated
def resolve(conflict_id, actor: Actor):
    """Write the chosen values as a new revision and mark the conflict resolved."""
    body = json_body(wire.ResolveRequest())
    return sync.resolve_conflict(actor, str(conflict_id), body["data"], body["restore"],
                                 body["delete"], body["server_rev"])
