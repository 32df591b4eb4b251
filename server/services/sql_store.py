"""The RecordStore of the sync engine on SQLAlchemy (SQLite and PostgreSQL)."""
from typing import Any

from sqlalchemy import delete, exists, func, select, tuple_

from server.extensions import db
from server.models import FeedPurge, Mutation, Record, RecordReference, Revision, ServerMeta, User
from server.models.types import rfc3339, utcnow
from server.services.records import envelope
from sync.ports import RecordRules
from sync.types import CONFLICT_TYPE, UNREFERENCING_TYPES, Actor, StoredRecord

CITIZEN_VIA = {"placement": None, "meeting": "placement_id", "assessment": "placement_id",
               "agreement": "placement_id", "signature": "agreement_id",
               "conflict": "record_id"}


class SqlStore:
    """Records, revisions and mutation ids in the app's database session; the caller commits."""

    def __init__(self, rules: RecordRules):
        self.rules = rules
        self.touched: set[str] = set()
        self.carried: set[str] = set()
        self._absent: set[str] = set()
        self._rows: dict[str, Record] = {}
        self._citizens: dict[str, str | None] = {}
        self._existing: set[tuple[str, str, str]] = set()

    def prepare(self, record_ids: list[str]) -> None:
        """Load and lock the named records in id order (one query; no deadlock between pushes)."""
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start:start + 500]
            rows = db.session.scalars(select(Record).where(Record.id.in_(chunk))
                                      .order_by(Record.id).with_for_update())
            self._rows.update((row.id, row) for row in rows)
            self._absent |= set(chunk) - set(self._rows)

    def known_mutations(self, device_id: str,
                        mutation_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """The mutations already kept for this device among these ids."""
        rows = db.session.execute(select(Mutation.mutation_id, Mutation.fingerprint,
                                         Mutation.result).where(
            Mutation.device_id == device_id, Mutation.mutation_id.in_(set(mutation_ids))))
        return {m: (fingerprint, result) for m, fingerprint, result in rows}

    def record_mutation(self, device_id: str, mutation_id: str, fingerprint: str,
                        result: dict[str, Any]) -> None:
        """Keep the mutation id and its result; the unique key stops a concurrent duplicate."""
        db.session.add(Mutation(device_id=device_id, mutation_id=mutation_id,
                                fingerprint=fingerprint, result=result, created_at=utcnow()))

    def get_record(self, record_id: str) -> StoredRecord | None:
        """The newest state, locked (FOR UPDATE on PostgreSQL) until the transaction ends."""
        row = self._row(record_id)
        if row is None:
            return None
        return StoredRecord(row.id, row.type, row.team_id, row.rev, row.deleted, row.data)

    def _row(self, record_id: str) -> Record | None:
        """The record's row, loaded once and locked (held here so the session keeps it)."""
        if record_id in self._absent:
            return None
        if record_id not in self._rows:
            row = db.session.get(Record, record_id, with_for_update=True)
            if row is None:
                self._absent.add(record_id)
                return None
            self._rows[record_id] = row
        return self._rows[record_id]

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
        row = self._row(record.id)
        if row is None:
            row = Record(id=record.id, type=record.type, team_id=record.team_id, feed_seq=0,
                         created_at=now, created_by=actor.user_id)
            db.session.add(row)
            self._absent.discard(record.id)
            self._rows[record.id] = row
            old_targets: set[str] = set()
        else:
            old_targets = self._targets(row.type, row.data)
        row.rev, row.deleted, row.data = record.rev, record.deleted, record.data
        row.updated_at, row.updated_by = now, actor.user_id
        row.citizen_id = self._citizen_of(record)
        self._citizens[record.id] = row.citizen_id
        db.session.add(Revision(record_id=record.id, rev=record.rev, deleted=record.deleted,
                                data=record.data, updated_at=now, updated_by=actor.user_id,
                                device_id=actor.device_id or None))
        self._keep_references(record, old_targets)
        self.touched.add(record.id)

    def _targets(self, record_type: str, data: dict[str, Any]) -> set[str]:
        """The ids a record's data references (none for conflicts)."""
        if record_type == CONFLICT_TYPE:
            return set()
        return {ref_id for _, _, ref_id in self.rules.references(record_type, data)}

    def _keep_references(self, record: StoredRecord, old_targets: set[str]) -> None:
        """Add and remove reference rows so they match the record's new data."""
        targets = self._targets(record.type, record.data)
        if old_targets - targets:
            db.session.execute(delete(RecordReference).where(
                RecordReference.source_id == record.id,
                RecordReference.target_id.in_(old_targets - targets)))
        db.session.add_all(RecordReference(source_id=record.id, target_id=t)
                           for t in sorted(targets - old_targets))

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
        if parent_id not in self._citizens:
            self._citizens[parent_id] = db.session.scalar(
                select(Record.citizen_id).where(Record.id == parent_id))
        return self._citizens[parent_id]

    def exists(self, team_id: str, record_type: str, record_id: str) -> bool:
        """Whether the team has such a record, deleted or not (records never vanish)."""
        key = (team_id, record_type, record_id)
        if key not in self._existing and db.session.scalar(select(exists().where(
                Record.id == record_id, Record.team_id == team_id, Record.type == record_type))):
            self._existing.add(key)
        return key in self._existing

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

    def feed_identity(self) -> tuple[str, str]:
        """(database id, restore generation)."""
        meta = dict(db.session.execute(select(ServerMeta.key, ServerMeta.value)).all())
        return meta["database_id"], meta["restore_generation"]

    def purges(self, team_id: str, after: int) -> tuple[int, tuple[int, str] | None]:
        """(newest purge number, highest tombstone position the team's later purges removed)."""
        newest = db.session.scalar(select(func.max(FeedPurge.number))) or 0
        highest = db.session.execute(
            select(FeedPurge.max_seq, FeedPurge.max_id)
            .where(FeedPurge.team_id == team_id, FeedPurge.number > after)
            .order_by(FeedPurge.max_seq.desc(), FeedPurge.max_id.desc()).limit(1)).first()
        return newest, tuple(highest) if highest else None

    def changes_after(self, team_id: str, seq: int, last_id: str,
                      limit: int) -> list[tuple[int, dict[str, Any]]]:
        """The team's records after (seq, id) in feed order."""
        rows = db.session.scalars(
            select(Record).where(Record.team_id == team_id,
                                 tuple_(Record.feed_seq, Record.id) > tuple_(seq, last_id))
            .order_by(Record.feed_seq, Record.id).limit(limit))
        return [(row.feed_seq, envelope(row)) for row in self._remember(rows)]

    def _remember(self, rows) -> list[Record]:
        """Keep read rows (for the audit of what was read)."""
        rows = list(rows)
        self._rows.update((row.id, row) for row in rows)
        return rows

    def touched_records(self, ids: set[str] | None = None) -> list[tuple[str, str, str | None]]:
        """(type, id, citizen id) of the written records, or of the given loaded ones."""
        return [(row.type, row.id, row.citizen_id) for record_id in sorted(
            self.touched if ids is None else ids) if (row := self._rows.get(record_id))]

    def carry(self, record_id: str) -> dict[str, Any] | None:
        """The newest envelope of a record the answer hands out (audited); None when purged."""
        if self._row(record_id) is None:
            return None
        self.carried.add(record_id)
        return self.envelope(record_id)

    def envelope(self, record_id: str, rev: int | None = None) -> dict[str, Any] | None:
        """The envelope of a record at a revision (default, or when that one was purged:
        newest); None when the record itself was purged."""
        row = self._row(record_id)
        if row is None:
            return None
        answer = envelope(row)
        old = db.session.get(Revision, (record_id, rev)) if rev not in (None, row.rev) else None
        if old is not None:
            answer.update(rev=rev, deleted=old.deleted, data=old.data,
                          updated_at=rfc3339(old.updated_at), updated_by=old.updated_by)
        return answer
