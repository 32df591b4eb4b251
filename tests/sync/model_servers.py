"""The servers of the sync model test (test_sync_stateful.py): the same engine over two stores.

MemoryServer is sync/ over a MemoryStore; its backup is a copy of the store's dictionaries
and its restore puts them back under a new restore generation. SqlServer is sync/ over the
SqlStore in the app's database (SQLite file or PostgreSQL), committed as
server/services/transaction.py does (flush, stamp the feed, commit); its purge is
`prune-history` with retention 0 (server/services/retention.py) and its backup and restore are
those of `flask backup` / `flask restore` (server/services/backup.py: SQLite's backup API,
pg_dump / pg_restore). Both give the model the same view: `store` for the current
transaction, every record and every kept revision, and the actors of the three devices.
"""
from __future__ import annotations

import copy
import itertools
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from server.extensions import db
from server.models import Device, Record, Revision
from server.models.records import revision_data
from server.services import backup, retention
from server.services.auth import create_user
from server.services.feed import take_numbers
from server.services.sql_store import SqlStore
from server.services.transaction import begin_write
from sync.memory_store import MemoryStore
from sync.ports import RecordRules
from sync.types import Actor, StoredRecord

TEAM = "team-1"
DEVICES = {"d1": "user-1", "d2": "user-1", "d3": "user-2"}
RECORD_TABLES = ["feed_purges", "audit_records", "audit_events", "mutations",
                 "record_references", "revisions", "records"]
Revisions = dict[tuple[str, int], tuple[bool, dict[str, Any], str | None]]


class MemoryServer:
    """sync/ over a MemoryStore of one team: user-1 (devices d1, d2) and user-2 (d3)."""

    def __init__(self, rules: RecordRules):
        self.store = MemoryStore({user: TEAM for user in DEVICES.values()})
        self.store.use_references(rules.references)
        self.actors = {device: Actor(user, device, TEAM, "consultant")
                       for device, user in DEVICES.items()}
        self.generations = itertools.count(2)

    def commit(self) -> None:
        """End the transaction: the touched records take the next feed number."""
        self.store.commit()

    def records(self) -> dict[str, StoredRecord]:
        """Every record's newest state, by id."""
        return dict(self.store.records)

    def revisions(self) -> Revisions:
        """Every kept revision: (deleted, data, device id) by (record id, rev)."""
        return dict(self.store.revisions)

    def knows_mutation(self, device: str, mutation_id: str) -> bool:
        """Whether the server keeps this mutation id of the device."""
        return (self.actors[device].device_id, mutation_id) in self.store.mutations

    def purge_tombstones(self) -> int:
        """prune-history with retention 0 for tombstones: they go with their history."""
        return self.store.purge_tombstones(TEAM)

    def purge_old_revisions(self) -> None:
        """prune-history with retention 0: every revision but the newest of each record goes."""
        for record_id, rev in list(self.store.revisions):
            if rev < self.store.records[record_id].rev:
                del self.store.revisions[(record_id, rev)]

    def backup(self) -> Any:
        """A copy of everything the store keeps."""
        return copy.deepcopy(self._state())

    def restore(self, taken: Any) -> None:
        """Put a backup back; the database gets a new restore generation."""
        for name, value in copy.deepcopy(taken).items():
            setattr(self.store, name, value)
        self.store.identity = (self.store.identity[0], str(next(self.generations)))

    def _state(self) -> dict[str, Any]:
        store = self.store
        return {"records": store.records, "revisions": store.revisions,
                "mutations": store.mutations, "feed": store.feed,
                "purge_log": store.purge_log, "seq": store.seq}


class WriteTransactions:
    """A SqlStore in a write transaction of the app's session; `commit` ends it as the app
    does (flush, feed stamp per team, COMMIT) and begins the next one."""

    rules: RecordRules
    store: SqlStore

    def _begin(self) -> SqlStore:
        """Begin a write transaction and a store for it."""
        begin_write()
        return SqlStore(self.rules)

    def commit(self) -> None:
        """Flush, stamp the feed, commit, and begin the next transaction with a new store."""
        self.store.flush(take_numbers(self.store.touched_by_team()))
        db.session.commit()
        self.store = self._begin()


class SqlServer(WriteTransactions):
    """sync/ over the SqlStore in a migrated app's database (call inside its app context)."""

    def __init__(self, rules: RecordRules, uri: str, folder: Path, actors: dict[str, Actor]):
        self.rules, self.uri, self.folder, self.actors = rules, uri, folder, actors
        self.backups = itertools.count(1)
        db.session.rollback()
        for table in RECORD_TABLES:
            db.session.execute(text(f"DELETE FROM {table}"))
        db.session.execute(text("UPDATE server_meta SET value = '1' "
                                "WHERE key = 'restore_generation'"))
        db.session.commit()
        self.store = self._begin()

    @staticmethod
    def make_actors() -> dict[str, Actor]:
        """Create the team's two users and the three devices; their actors by device name."""
        users = {user: create_user(user, f"{user}-password-1", TEAM) for user in
                 sorted(set(DEVICES.values()))}
        actors = {}
        for device, user in DEVICES.items():
            device_id = str(uuid.uuid4())
            db.session.add(Device(id=device_id, user_id=users[user].id, name=device,
                                  token_hash=uuid.uuid4().hex))
            actors[device] = Actor(users[user].id, device_id, users[user].team_id, "consultant")
        db.session.commit()
        return actors

    def records(self) -> dict[str, StoredRecord]:
        """Every record's newest state, by id (this transaction's writes included)."""
        self.store.flush()
        rows = db.session.execute(select(Record.id, Record.type, Record.team_id, Record.rev,
                                         Record.deleted, Record.data))
        return {row[0]: StoredRecord(*row) for row in rows}

    def revisions(self) -> Revisions:
        """Every kept revision: (deleted, data, device id) by (record id, rev)."""
        self.store.flush()
        rows = db.session.execute(select(Revision.record_id, Revision.rev, Revision.deleted,
                                         revision_data(), Revision.device_id)
                                  .join_from(Revision, Record))
        return {(i, rev): (deleted, data, device) for i, rev, deleted, data, device in rows}

    def knows_mutation(self, device: str, mutation_id: str) -> bool:
        """Whether the server keeps this mutation id of the device."""
        return bool(self.store.known_mutations(self.actors[device].device_id, [mutation_id]))

    def purge_tombstones(self) -> int:
        """`prune-history` with retention 0 (old revisions and tombstones both go)."""
        self.commit()
        purged = retention.prune(days=0)["tombstones"]
        self.store = self._begin()
        return purged

    def purge_old_revisions(self) -> None:
        """`prune-history` with retention 0 (old revisions and tombstones both go)."""
        self.purge_tombstones()

    def backup(self) -> Path:
        """`flask backup` into the run's folder; the file."""
        self.commit()
        db.session.rollback()
        folder = self.folder / str(next(self.backups))
        taken = backup.take(self.uri, folder)
        self.store = self._begin()
        return taken

    def restore(self, taken: Path) -> None:
        """`flask restore` of a backup file (it sets a new restore generation)."""
        self.commit()
        db.session.rollback()
        db.session.close()
        backup.restore(self.uri, taken)
        self.store = self._begin()


ModelServer = MemoryServer | SqlServer
