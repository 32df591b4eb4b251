"""Push, pull and resolve: the transaction boundary around the pure engine in sync/.

A push runs in one write transaction (server/services/transaction.py: BEGIN IMMEDIATE on
SQLite, retried after a lost race); it locks the records it names in id order, audits what
it wrote and takes its feed number last, just before COMMIT (server/services/feed.py).
"""
from typing import Any

from server.errors import Problem
from server.extensions import db
from server.jsoncodec import sorted_json
from server.services.audit import log_access
from server.services.pull_reads import pull_reads
from server.services.sql_store import SqlStore
from server.services.template_versions import rules
from server.services.transaction import in_write_transaction
from sync import engine, feed, resolve
from sync.types import Actor, Change, PushResult, Refused


def push(actor: Actor, changes: list[Change]) -> list[dict]:
    """Apply a push and answer one result per change (docs/protocol.md section 3)."""
    def work(store: SqlStore) -> list[dict]:
        results = engine.push(store, rules(), actor, changes, sorted_json)
        return [_result(store, result) for result in results]
    return in_write_transaction(work, actor, "push")


def _result(store: SqlStore, result: PushResult) -> dict:
    """A push result on the wire, with the record as it was at the result's rev."""
    answer: dict[str, Any] = {"mutation_id": result.mutation_id, "id": result.id,
                              "status": result.status}
    if result.error is not None:
        answer["error"] = result.error.to_problem()
        return answer
    answer["rev"] = result.rev
    record = store.envelope(result.id, result.rev)
    if record is not None:
        store.carried.add(result.id)
        answer["record"] = record
    if result.conflict_id:
        answer.update(conflict_id=result.conflict_id, fields=list(result.fields or ()))
    return answer


def pull(actor: Actor, since: str | None, limit: int) -> dict:
    """One page of the change feed (docs/protocol.md section 4), each record's data as
    stored (JSON text written into the answer without parsing it); read from the standby
    when PULL_DATABASE_URL is set, audited on the primary."""
    store = SqlStore(None, data_as_text=True)
    with pull_reads():
        try:
            page = feed.pull(store, actor, since, limit)
            read = store.touched_records({record["id"] for record in page.records})
        except Refused as refused:
            raise Problem.of(refused.rejection) from None
        finally:
            db.session.rollback()
    if any(citizen for _, _, citizen in read):
        in_write_transaction(lambda _store: log_access(actor, "pull", read))
    return {"changes": page.records, "checkpoint": page.checkpoint, "has_more": page.has_more}


def resolve_conflict(actor: Actor, conflict_id: str, chosen: dict, restore: bool,
                     delete: bool, server_rev: int | None = None) -> dict:
    """Resolve a conflict and answer the conflict and the record (docs/protocol.md section 5)."""
    def work(store: SqlStore) -> tuple[bool, dict]:
        applied = resolve.resolve(store, rules(), actor, conflict_id, chosen, restore, delete,
                                  server_rev)
        conflict = store.carry(conflict_id)
        if conflict is None:
            raise Problem("not-found", 404, "Not found")
        return applied, {"conflict": conflict,
                         "record": store.carry(conflict["data"]["record_id"])}
    try:
        applied, answer = in_write_transaction(work, actor, "resolve")
    except Refused as refused:
        if refused.rejection.slug == "conflict-resolved":
            in_write_transaction(lambda store: store.carry(conflict_id), actor, "resolve")
        raise Problem.of(refused.rejection) from None
    if not applied:
        raise Problem.of(resolve.stale_rejection()).with_extra(**answer)
    return answer
