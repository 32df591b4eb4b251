"""Push, pull and resolve: the transaction boundary around the pure engine in sync/.

A push runs in one transaction (BEGIN IMMEDIATE on SQLite); it locks the records it names in
id order, audits what it wrote and takes its feed number last, just before COMMIT (see
server/services/feed.py). A deadlock, a serialization failure or a lost race on a unique key
(two processes creating one record, or replaying one mutation id) rolls the whole push back
and runs it again; mutation ids make that safe.
"""
import random
import time
from collections.abc import Callable
from typing import TypeVar

from flask import current_app
from sqlalchemy.exc import DBAPIError, IntegrityError

from server.errors import Problem
from server.extensions import db
from server.services.audit import log_access
from server.services.feed import stamp_touched
from server.services.rules import SchemaRules
from server.services.sql_store import SqlStore
from server.services.transaction import begin_write
from sync import engine, feed, resolve
from sync.types import Actor, Change, PushResult, Refused

RETRIES = 8
RETRYABLE_SQLSTATES = {"40001", "40P01"}
T = TypeVar("T")


def rules() -> SchemaRules:
    """The app's record rules (built once: templates are read at start)."""
    if "feltmappe_rules" not in current_app.extensions:
        current_app.extensions["feltmappe_rules"] = SchemaRules()
    return current_app.extensions["feltmappe_rules"]


def _retryable(error: DBAPIError) -> bool:
    """Whether a database error is a lost race worth running the transaction again for."""
    if isinstance(error, IntegrityError):
        return True
    code = getattr(error.orig, "sqlstate", None)
    return code in RETRYABLE_SQLSTATES or "database is locked" in str(error.orig)


def in_write_transaction(work: Callable[[SqlStore], T], actor: Actor | None = None,
                         action: str = "") -> T:
    """Run `work` in a write transaction, audit and stamp what it wrote, commit; retry races."""
    attempt = 0
    while True:
        begin_write()
        store = SqlStore(rules())
        try:
            outcome = work(store)
            if actor is not None:
                log_access(actor, action, store.touched_records(store.touched | store.carried))
            stamp_touched(store.touched)
            db.session.commit()
            return outcome
        except DBAPIError as error:
            db.session.rollback()
            attempt += 1
            if not _retryable(error) or attempt == RETRIES:
                raise
            time.sleep(random.uniform(0, 0.02 * 2 ** attempt))
        except BaseException:
            db.session.rollback()
            raise


def push(actor: Actor, changes: list[Change]) -> list[dict]:
    """Apply a push and answer one result per change (PROTOCOL.md section 3)."""
    def work(store: SqlStore) -> list[dict]:
        results = engine.push(store, rules(), actor, changes)
        return [_result(store, result) for result in results]
    return in_write_transaction(work, actor, "push")


def _result(store: SqlStore, result: PushResult) -> dict:
    """A push result on the wire, with the record as it was at the result's rev."""
    answer = {"mutation_id": result.mutation_id, "id": result.id, "status": result.status}
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
    """One page of the change feed (PROTOCOL.md section 4)."""
    store = SqlStore(rules())
    try:
        page = feed.pull(store, actor, since, limit)
        read = store.touched_records({record["id"] for record in page.records})
    except Refused as refused:
        raise Problem.of(refused.rejection) from None
    finally:
        db.session.rollback()
    if any(citizen for _, _, citizen in read):
        begin_write()
        log_access(actor, "pull", read)
        db.session.commit()
    return {"changes": page.records, "checkpoint": page.checkpoint, "has_more": page.has_more}


def resolve_conflict(actor: Actor, conflict_id: str, chosen: dict, restore: bool,
                     delete: bool, server_rev: int | None = None) -> dict:
    """Resolve a conflict and answer the conflict and the record (PROTOCOL.md section 5)."""
    def work(store: SqlStore) -> tuple[bool, dict]:
        applied = resolve.resolve(store, rules(), actor, conflict_id, chosen, restore, delete,
                                  server_rev)
        conflict = store.carry(conflict_id)
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
