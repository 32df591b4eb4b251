"""The RecordStore of the sync engine on SQLAlchemy (SQLite and PostgreSQL)."""
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, exists, select, tuple_
from sqlalchemy.exc import IntegrityError

from server.extensions import db
from server.models import Mutation, Record, RecordReference, Revision, ServerMeta, User
from server.models.types import rfc3339, utcnow
from server.services.records import envelope
from sync.ports import RecordRules
from sync.types import CONFLICT_TYPE, Actor, StoredRecord

UNREFERENCING_TYPES = ("task", CONFLICT_TYPE)
CITIZEN_VIA = {"placement": None, "meeting": "placement_id", "assessment": "placement_id",
               "agreement": "placement_id", "signature": "agreement_id"}


class SqlStore:
    """Records, revisions and mutation ids in the app's database session; the caller commits."""

    def __init__(self, rules: RecordRules):
        self.rules = rules
        self.touched: set[str] = set()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint, rolled back when the block raises."""
        with db.session.begin_nested():
            yield

    def claim_mutation(self, device_id: str, mutation_id: str,
                       fingerprint: str) -> tuple[str, dict[str, Any]] | None:
        """Insert the claim; a concurrent or earlier claim wins and is returned instead."""
        try:
            with db.session.begin_nested():
                db.session.add(Mutation(device_id=device_id, mutation_id=mutation_id,
                                        fingerprint=fingerprint, result={}, created_at=utcnow()))
                db.session.flush()
        except IntegrityError:
            known = db.session.scalar(select(Mutation).where(
                Mutation.device_id == device_id, Mutation.mutation_id == mutation_id))
            return known.fingerprint, known.result
        return None

    def finish_mutation(self, device_id: str, mutation_id: str, result: dict[str, Any]) -> None:
        """Keep the result with the claimed mutation id."""
        claim = db.session.scalar(select(Mutation).where(
            Mutation.device_id == device_id, Mutation.mutation_id == mutation_id))
        claim.result = result

    def get_record(self, record_id: str) -> StoredRecord | None:
        """The newest state, locked (FOR UPDATE on PostgreSQL) until the transaction ends."""
        row = db.session.get(Record, record_id, with_for_update=True, populate_existing=True)
        if row is None:
            return None
        return StoredRecord(row.id, row.type, row.team_id, row.rev, row.deleted, row.data)

    def get_revision(self, record_id: str, rev: int) -> tuple[bool, dict[str, Any]] | None:
        """(deleted, data) of a kept revision."""
        row = db.session.get(Revision, (record_id, rev))
        return (row.deleted, row.data) if row else None

    def last_live_data(self, record_id: str) -> dict[str, Any]:
        """The data of the newest revision that was not a tombstone."""
        data = db.session.scalar(select(Revision.data).where(
            Revision.record_id == record_id, Revision.deleted.is_(False))
            .order_by(Revision.rev.desc()).limit(1))
        return data or {}

    def write(self, record: StoredRecord, actor: Actor) -> None:
        """Store a new revision, the references it makes and mark it for the feed."""
        now = utcnow()
        row = db.session.get(Record, record.id)
        if row is None:
            row = Record(id=record.id, type=record.type, team_id=record.team_id, feed_seq=0,
                         created_at=now, created_by=actor.user_id)
            db.session.add(row)
        row.rev, row.deleted, row.data = record.rev, record.deleted, record.data
        row.updated_at, row.updated_by = now, actor.user_id
        row.citizen_id = self._citizen_of(record)
        db.session.add(Revision(record_id=record.id, rev=record.rev, deleted=record.deleted,
                                data=record.data, updated_at=now, updated_by=actor.user_id,
                                device_id=actor.device_id or None))
        db.session.flush()
        self._keep_references(record)
        self.touched.add(record.id)

    def _keep_references(self, record: StoredRecord) -> None:
        """Replace the reference rows of a record."""
        db.session.execute(delete(RecordReference).where(RecordReference.source_id == record.id))
        targets = {ref_id for _, _, ref_id in self.rules.references(record.type, record.data)}
        if record.type == CONFLICT_TYPE:
            targets = set()
        db.session.add_all(RecordReference(source_id=record.id, target_id=t) for t in targets)

    def _citizen_of(self, record: StoredRecord) -> str | None:
        """The citizen a record concerns, for the access audit (None when none)."""
        if record.type == "citizen":
            return record.id
        if record.type == "placement":
            return record.data.get("citizen_id")
        via = CITIZEN_VIA.get(record.type)
        parent_id = record.data.get(via) if via else None
        if not isinstance(parent_id, str):
            return None
        return db.session.scalar(select(Record.citizen_id).where(Record.id == parent_id))

    def exists(self, team_id: str, record_type: str, record_id: str) -> bool:
        """Whether the team has such a record, deleted or not."""
        return bool(db.session.scalar(select(exists().where(
            Record.id == record_id, Record.team_id == team_id, Record.type == record_type))))

    def user_in_team(self, team_id: str, user_id: str) -> bool:
        """Whether the user belongs to the team."""
        return bool(db.session.scalar(select(exists().where(
            User.id == user_id, User.team_id == team_id))))

    def live_referrers(self, team_id: str, record_id: str) -> list[tuple[str, str]]:
        """Live records other than tasks and conflicts that reference the record."""
        rows = db.session.execute(
            select(Record.type, Record.id).join(RecordReference,
                                                RecordReference.source_id == Record.id)
            .where(RecordReference.target_id == record_id, Record.team_id == team_id,
                   Record.deleted.is_(False), Record.type.not_in(UNREFERENCING_TYPES))
            .order_by(Record.type, Record.id))
        return [(t, i) for t, i in rows]

    def signature_hashes(self, agreement_id: str) -> set[str]:
        """The content hashes of the agreement's signatures."""
        datas = db.session.scalars(
            select(Record.data).join(RecordReference, RecordReference.source_id == Record.id)
            .where(RecordReference.target_id == agreement_id, Record.type == "signature"))
        return {data.get("content_sha256") for data in datas}

    def now(self) -> str:
        """The server's time."""
        return rfc3339(utcnow())

    def feed_identity(self) -> tuple[str, str, int]:
        """(database id, restore generation, oldest servable feed number)."""
        meta = dict(db.session.execute(select(ServerMeta.key, ServerMeta.value)).all())
        return meta["database_id"], meta["restore_generation"], int(meta["tombstone_horizon"])

    def changes_after(self, team_id: str, seq: int, last_id: str,
                      limit: int) -> list[tuple[int, dict[str, Any]]]:
        """The team's records after (seq, id) in feed order."""
        rows = db.session.scalars(
            select(Record).where(Record.team_id == team_id,
                                 tuple_(Record.feed_seq, Record.id) > tuple_(seq, last_id))
            .order_by(Record.feed_seq, Record.id).limit(limit))
        return [(row.feed_seq, envelope(row)) for row in rows]

    def envelope(self, record_id: str, rev: int | None = None) -> dict[str, Any]:
        """The envelope of a record at a revision (default newest)."""
        row = db.session.get(Record, record_id)
        answer = envelope(row)
        if rev is not None and rev != row.rev:
            old = db.session.get(Revision, (record_id, rev))
            answer.update(rev=rev, deleted=old.deleted, data=old.data,
                          updated_at=rfc3339(old.updated_at), updated_by=old.updated_by)
        return answer
