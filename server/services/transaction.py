"""Write transactions: the one way a service writes to the database.

Rules:
- A write transaction takes the write lock at BEGIN on SQLite (BEGIN IMMEDIATE): a deferred
  transaction that reads and then writes can fail at once with "database is locked" when
  another process wrote in between, and the busy timeout does not cure that.
- A deadlock, a serialization failure or a lost race on a unique key (two processes creating
  one record, or replaying one mutation id) rolls the whole transaction back and runs it
  again; the work must therefore be safe to repeat (mutation ids make a push so).
- What the work wrote through its store is audited (when an actor is given); then its team's
  feed number is taken and the pending rows are sent carrying it, as the last step before
  COMMIT (server/services/feed.py).
"""
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError

from server.extensions import db
from server.services.audit import log_access
from server.services.feed import drawn_early, take_numbers
from server.services.sql_store import SqlStore
from server.services.template_versions import rules
from sync.types import Actor

WRITE_OPTION = "feltmappe_write"
RETRIES = 8
RETRYABLE_SQLSTATES = {"40001", "40P01"}
T = TypeVar("T")


def begin_write() -> None:
    """End whatever the session had open and begin a write transaction."""
    db.session.rollback()
    db.session.connection(execution_options={WRITE_OPTION: True})


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
    drawn = drawn_early(actor.team_id if actor else None)
    while True:
        begin_write()
        store = SqlStore(rules())
        try:
            outcome = work(store)
            if actor is not None:
                log_access(actor, action, store.touched_records(store.touched | store.carried))
            store.flush(take_numbers(store.touched_by_team(), drawn))
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
