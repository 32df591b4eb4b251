"""The RecordStore of the sync engine on SQLAlchemy Core (SQLite and PostgreSQL).

Writes are kept in memory and sent in bulk (a statement per chunk and table) by `flush`, which the
service calls before it stamps the feed and commits. Reads see the pending writes: records
and revisions written in this transaction are answered from memory, and the queries that
join over several tables (referrers, signature hashes) flush first. `write` is the one
place where a record's row is built.

A body is stored once: the newest revision's data is NULL, meaning "the record's data", and is
filled in from the record (one UPDATE per flush, before the records are written) when the record
moves on. Revision data is read through `revision_data`, which coalesces the two.
"""
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    ARRAY,
    JSON,
    Integer,
    Text,
    any_,
    bindparam,
    column,
    delete,
    exists,
    func,
    select,
    tuple_,
    update,
    values,
)
from sqlalchemy import cast as type_cast
from sqlalchemy.exc import DBAPIError

from server.extensions import db
from server.jsoncodec import dumps_text, embedded
from server.models import FeedPurge, Mutation, Record, RecordReference, Revision, ServerMeta, User
from server.models.records import revision_data
from server.models.types import rfc3339, utcnow
from server.services.envelope import row_envelope
from server.services.report_facts import FACT_COLUMNS, copenhagen_day, facts_for
from sync.ports import RecordRules
from sync.types import CONFLICT_TYPE, UNREFERENCING_TYPES, Actor, StoredRecord

if TYPE_CHECKING:
    import psycopg

CITIZEN_VIA = {"placement": None, "meeting": "placement_id", "assessment": "placement_id",
               "agreement": "placement_id", "signature": "agreement_id",
               "conflict": "record_id"}
RECORDS, REVISIONS, REFERENCES = Record.__table__, Revision.__table__, RecordReference.__table__
CHUNK = 500
# A page of a team's feed after (seq, id), built once (SQLAlchemy then reuses its compiled form);
# as text, the data is cast for the page's rows only, never for every row a sort looks at.
_PAGE = (select(RECORDS)
         .where(RECORDS.c.team_id == bindparam("team_id", type_=RECORDS.c.team_id.type),
                tuple_(RECORDS.c.feed_seq, RECORDS.c.id) > tuple_(
                    bindparam("seq", type_=RECORDS.c.feed_seq.type),
                    bindparam("last_id", type_=RECORDS.c.id.type)))
         .order_by(RECORDS.c.feed_seq, RECORDS.c.id).limit(bindparam("limit", type_=Integer)))
_PAGE_ROWS = _PAGE.subquery()
_PAGE_AS_TEXT = select(*(_PAGE_ROWS.c[c.key] if c.key != "data"
                         else type_cast(_PAGE_ROWS.c.data, Text).label("data") for c in RECORDS.c)
                       ).order_by(_PAGE_ROWS.c.feed_seq, _PAGE_ROWS.c.id)
UPDATED = ("rev", "deleted", "data", "citizen_id", "feed_seq", "updated_at", "updated_by",
           *FACT_COLUMNS)


class SqlStore:
    """Records, revisions and mutation ids in the app's database session; the caller commits."""

    def __init__(self, rules: RecordRules | None, data_as_text: bool = False):
        self.rules = rules  # None for a store that only reads (a pull)
        self.data_as_text = data_as_text
        self.touched: set[str] = set()
        self.carried: set[str] = set()
        self._rows: dict[str, dict[str, Any]] = {}
        self._absent: set[str] = set()
        self._citizens: dict[str, str | None] = {}
        self._existing: set[tuple[str, str, str]] = set()
        self._looked_up: dict[str, tuple[str, str] | None] = {}
        self._revisions: dict[tuple[str, int], tuple[bool, dict[str, Any]]] = {}
        self._inserts: dict[str, dict[str, Any]] = {}
        self._updates: dict[str, dict[str, Any]] = {}
        self._new_revisions: dict[tuple[str, int], dict[str, Any]] = {}
        self._moving_on: set[str] = set()
        self._references: dict[str, tuple[set[str], set[str]]] = {}
        self._mutations: list[dict[str, Any]] = []
        self._sent_unstamped: set[str] = set()
        self._now = utcnow()

    def prepare(self, record_ids: list[str], referenced: list[str]) -> None:
        """Load and lock the named records in id order (one query; no deadlock between pushes),
        and look up the (team, type) of the referenced ones (one query, no lock)."""
        for start in range(0, len(record_ids), CHUNK):
            chunk = record_ids[start:start + CHUNK]
            rows = db.session.execute(select(RECORDS).where(_among(RECORDS.c.id, chunk))
                                      .order_by(RECORDS.c.id).with_for_update())
            self._rows.update((row["id"], dict(row)) for row in rows.mappings())
            self._absent |= set(chunk) - set(self._rows)
        others = [i for i in referenced if i not in self._rows and i not in self._absent]
        for start in range(0, len(others), CHUNK):
            chunk = others[start:start + CHUNK]
            self._looked_up.update(dict.fromkeys(chunk))
            self._looked_up.update((i, (team, kind)) for i, team, kind in db.session.execute(
                select(RECORDS.c.id, RECORDS.c.team_id, RECORDS.c.type)
                .where(_among(RECORDS.c.id, chunk))))

    def known_mutations(self, device_id: str,
                        mutation_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """The mutations already kept for this device among these ids."""
        rows = db.session.execute(select(Mutation.mutation_id, Mutation.fingerprint,
                                         Mutation.result).where(
            Mutation.device_id == device_id,
            _among(Mutation.__table__.c.mutation_id, sorted(set(mutation_ids)))))
        known = {m: (fingerprint, result) for m, fingerprint, result in rows}
        known.update((m["mutation_id"], (m["fingerprint"], m["result"])) for m in self._mutations
                     if m["device_id"] == device_id and m["mutation_id"] in mutation_ids)
        return known

    def record_mutation(self, device_id: str, mutation_id: str, fingerprint: str,
                        result: dict[str, Any]) -> None:
        """Keep the mutation id and its result; the unique key stops a concurrent duplicate."""
        self._mutations.append({"device_id": device_id, "mutation_id": mutation_id,
                                "fingerprint": fingerprint, "result": result,
                                "created_at": self._now})

    def get_record(self, record_id: str) -> StoredRecord | None:
        """The newest state, locked (FOR UPDATE on PostgreSQL) until the transaction ends."""
        row = self._row(record_id)
        if row is None:
            return None
        return StoredRecord(row["id"], row["type"], row["team_id"], row["rev"], row["deleted"],
                            row["data"])

    def _row(self, record_id: str) -> dict[str, Any] | None:
        """The record's row, loaded once and locked."""
        if record_id in self._absent:
            return None
        if record_id not in self._rows:
            row = db.session.execute(select(RECORDS).where(RECORDS.c.id == record_id)
                                     .with_for_update()).mappings().first()
            if row is None:
                self._absent.add(record_id)
                return None
            self._rows[record_id] = dict(row)
        return self._rows[record_id]

    def get_revision(self, record_id: str, rev: int) -> tuple[bool, dict[str, Any]] | None:
        """(deleted, data) of a kept revision."""
        if (record_id, rev) in self._revisions:
            return self._revisions[(record_id, rev)]
        row = db.session.execute(select(Revision.deleted, revision_data()).join_from(
            Revision, Record).where(Revision.record_id == record_id, Revision.rev == rev)).first()
        return (row[0], row[1]) if row else None

    def last_live_data(self, record_id: str) -> dict[str, Any]:
        """The data of the newest revision that was not a tombstone."""
        written = [(rev, data) for (rid, rev), (deleted, data) in self._revisions.items()
                   if rid == record_id and not deleted]
        if written:
            return max(written, key=lambda pair: pair[0])[1]
        data = db.session.scalar(select(revision_data()).join_from(Revision, Record).where(
            Revision.record_id == record_id, Revision.deleted.is_(False))
            .order_by(Revision.rev.desc()).limit(1))
        return data or {}

    def write(self, record: StoredRecord, actor: Actor) -> None:
        """Store a new revision, the references it makes and mark it for the feed."""
        row = self._row(record.id)
        before = {column: row[column] for column in FACT_COLUMNS} if row is not None else {}
        values = {"rev": record.rev, "deleted": record.deleted, "data": record.data,
                  "citizen_id": self._citizen_of(record), "updated_at": self._now,
                  "updated_by": actor.user_id,
                  **facts_for(record.type, record.data, before, actor.user_id,
                              copenhagen_day(self._now))}
        if row is None:
            row = {"id": record.id, "type": record.type, "team_id": record.team_id,
                   "feed_seq": 0, "created_at": self._now, "created_by": actor.user_id,
                   **values}
            self._absent.discard(record.id)
            self._rows[record.id] = self._inserts[record.id] = row
            old_targets: set[str] = set()
        else:
            old_targets = self._targets(row["type"], row["data"])
            self._keep_body_of(record.id, row["rev"], row["data"])
            row.update(values)
            if record.id not in self._inserts:
                self._updates[record.id] = row
        self._citizens[record.id] = values["citizen_id"]
        self._revisions[(record.id, record.rev)] = (record.deleted, record.data)
        self._new_revisions[(record.id, record.rev)] = {
            "record_id": record.id, "rev": record.rev, "deleted": record.deleted, "data": None,
            "updated_at": self._now, "updated_by": actor.user_id,
            "device_id": actor.device_id or None}
        stored, _ = self._references.get(record.id, (old_targets, None))
        self._references[record.id] = (stored, self._targets(record.type, record.data))
        self.touched.add(record.id)

    def _keep_body_of(self, record_id: str, rev: int, data: dict[str, Any]) -> None:
        """Give the revision a record moves on from its own data: in the pending row when this
        flush holds it, else from the stored record by the next flush."""
        pending = self._new_revisions.get((record_id, rev))
        if pending is not None:
            pending["data"] = data
        else:
            self._moving_on.add(record_id)

    def flush(self, numbers: dict[str, int] | None = None) -> None:
        """Send the pending rows: records, revisions, references, mutation ids (bulk). With
        `numbers` (each touched team's feed number) the records are sent stamped with it and
        those an earlier flush sent are stamped now."""
        pending = [*self._inserts.values(), *self._updates.values()]
        if numbers is None:
            self._sent_unstamped.update(row["id"] for row in pending)
        else:
            for row in pending:
                row["feed_seq"] = numbers[row["team_id"]]
            self._stamp(self._sent_unstamped - self._inserts.keys() - self._updates.keys(),
                        numbers)
            self._sent_unstamped = set()
        _fill_bodies(sorted(self._moving_on))
        _insert_many(RECORDS, list(self._inserts.values()))
        _update_records(self._updates)
        _insert_many(REVISIONS, list(self._new_revisions.values()))
        gone = [(s, t) for s, (old, new) in self._references.items() for t in sorted(old - new)]
        for start in range(0, len(gone), CHUNK):
            db.session.execute(delete(REFERENCES).where(tuple_(
                REFERENCES.c.source_id, REFERENCES.c.target_id).in_(gone[start:start + CHUNK])))
        _insert_many(REFERENCES, [{"source_id": s, "target_id": t}
                                  for s, (old, new) in self._references.items()
                                  for t in sorted(new - old)])
        _insert_many(Mutation.__table__, self._mutations)
        self._inserts, self._updates, self._new_revisions, self._mutations = {}, {}, {}, []
        self._references, self._moving_on = {}, set()

    def _stamp(self, ids: set[str], numbers: dict[str, int]) -> None:
        """Stamp records already sent with their team's feed number."""
        for team_id, seq in numbers.items():
            team_ids = sorted(i for i in ids if self._rows[i]["team_id"] == team_id)
            for start in range(0, len(team_ids), CHUNK):
                db.session.execute(update(RECORDS).where(
                    _among(RECORDS.c.id, team_ids[start:start + CHUNK])).values(feed_seq=seq))

    def _targets(self, record_type: str, data: dict[str, Any]) -> set[str]:
        """The ids a record's data references (none for conflicts)."""
        if record_type == CONFLICT_TYPE:
            return set()
        if self.rules is None:
            raise RuntimeError("a store without record rules only reads")
        return {ref_id for _, _, ref_id in self.rules.references(record_type, data)}

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
            parent = self._rows.get(parent_id)
            self._citizens[parent_id] = parent["citizen_id"] if parent else db.session.scalar(
                select(Record.citizen_id).where(Record.id == parent_id))
        return self._citizens[parent_id]

    def exists(self, team_id: str, record_type: str, record_id: str) -> bool:
        """Whether the team has such a record, deleted or not (records never vanish)."""
        key = (team_id, record_type, record_id)
        if record_id in self._rows:
            row = self._rows[record_id]
            return (row["team_id"], row["type"]) == (team_id, record_type)
        if record_id in self._looked_up:
            return self._looked_up[record_id] == (team_id, record_type)
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
        self.flush()
        rows = db.session.execute(
            select(Record.type, Record.id).join(RecordReference,
                                                RecordReference.source_id == Record.id)
            .where(RecordReference.target_id == record_id, Record.team_id == team_id,
                   Record.deleted.is_(False), Record.type.not_in(UNREFERENCING_TYPES))
            .order_by(Record.type, Record.id))
        return [(t, i) for t, i in rows]

    def signature_hashes(self, agreement_id: str) -> set[str]:
        """The content hashes of the agreement's signatures."""
        self.flush()
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
        return newest, (highest.max_seq, highest.max_id) if highest else None

    def changes_after(self, team_id: str, seq: int, last_id: str,
                      limit: int) -> list[tuple[int, dict[str, Any]]]:
        """The team's records after (seq, id) in feed order; with `data_as_text` (an answer's
        page) each data is its stored JSON text, embedded in the answer as it is, never parsed."""
        page = _PAGE_AS_TEXT if self.data_as_text else _PAGE
        result = db.session.execute(page, {"team_id": team_id, "seq": seq, "last_id": last_id,
                                           "limit": limit})
        keys = list(result.keys())
        answer = []
        for fetched in result.all():  # one fetch, one plain dict a row
            row = self._rows[fetched.id] = dict(zip(keys, fetched, strict=True))
            envelope = row_envelope(row)
            if self.data_as_text:
                envelope["data"] = embedded(row["data"])
            answer.append((row["feed_seq"], envelope))
        return answer

    def touched_by_team(self) -> dict[str, set[str]]:
        """The written records' ids by their team (a record never changes team)."""
        teams: dict[str, set[str]] = {}
        for record_id in self.touched:
            teams.setdefault(self._rows[record_id]["team_id"], set()).add(record_id)
        return teams

    def touched_records(self, ids: set[str] | None = None) -> list[tuple[str, str, str | None]]:
        """(type, id, citizen id) of the written records, or of the given loaded ones."""
        return [(row["type"], row["id"], row["citizen_id"]) for record_id in sorted(
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
        answer = row_envelope(row)
        old = None
        if rev is not None and rev != row["rev"]:
            self.flush()
            old = db.session.execute(select(
                Revision.deleted, revision_data().label("data"), Revision.updated_at,
                Revision.updated_by).join_from(Revision, Record).where(
                Revision.record_id == record_id, Revision.rev == rev)).first()
        if old is not None:
            answer.update(rev=rev, deleted=old.deleted, data=old.data,
                          updated_at=rfc3339(old.updated_at), updated_by=old.updated_by)
        return answer


def _fill_bodies(record_ids: list[str]) -> None:
    """Copy the stored data of records about to move on into their newest revision (found by
    its key: the record's stored rev) when that one's data is NULL; run before the records'
    new rows are written. `UPDATE … FROM records` on both databases."""
    for start in range(0, len(record_ids), CHUNK):
        db.session.execute(update(REVISIONS).values(data=RECORDS.c.data).where(
            _among(RECORDS.c.id, record_ids[start:start + CHUNK]),
            REVISIONS.c.record_id == RECORDS.c.id, REVISIONS.c.rev == RECORDS.c.rev,
            REVISIONS.c.data.is_(None)))


def _among(column, values: list[str]):
    """`column IN values`; one array parameter on PostgreSQL (a short statement it caches)."""
    if db.session.connection().dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def _update_records(updates: dict[str, dict[str, Any]]) -> None:
    """Update record rows in bulk. On PostgreSQL one `UPDATE … FROM (VALUES …)` per chunk and
    never an executemany: psycopg prepares an executemany's statement whatever
    prepare_threshold says, and behind PgBouncer's transaction pooling two app connections then
    meet on one server connection with the same statement name (DuplicatePreparedStatement)."""
    rows = [{"row_id": i, **{c: r[c] for c in UPDATED}} for i, r in updates.items()]
    if not rows:
        return
    if db.session.connection().dialect.name != "postgresql":
        db.session.execute(update(RECORDS).where(RECORDS.c.id == bindparam("row_id"))
                           .values({c: bindparam(c) for c in UPDATED}), rows)
        return
    columns = [column("row_id", RECORDS.c.id.type),
               *(column(c, RECORDS.c[c].type) for c in UPDATED)]
    for start in range(0, len(rows), CHUNK):
        given = values(*columns, name="given").data(
            [tuple(row.values()) for row in rows[start:start + CHUNK]])
        db.session.execute(update(RECORDS).where(RECORDS.c.id == given.c.row_id)
                           .values({c: type_cast(given.c[c], RECORDS.c[c].type)
                                    for c in UPDATED}))


def _insert_many(table, rows: list[dict[str, Any]]) -> None:
    """Insert rows in bulk, as plain values the driver takes (`_plain_rows`): COPY on
    PostgreSQL, one executemany of the statement elsewhere."""
    if not rows:
        return
    connection = db.session.connection()
    columns = list(rows[0])
    values = _plain_rows(table, columns, rows, connection.dialect)
    quoted = ", ".join(f'"{column}"' for column in columns)
    if connection.dialect.name != "postgresql":
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})",
                                   values)
        return
    statement = f"COPY {table.name} ({quoted}) FROM STDIN"
    raw = cast("psycopg.Connection", connection.connection.dbapi_connection)
    dbapi = connection.dialect.loaded_dbapi
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except dbapi.Error as error:
        raise DBAPIError.instance(statement, None, error, dbapi.Error) from error


def _remembered(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """A bind processor that processes each distinct value once (a flush's rows share their
    times, flags and users)."""
    if process is None:
        return None
    done: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        if value not in done:
            done[value] = process(value)
        return done[value]

    return remembered


def _plain_rows(table, columns: list[str], rows: list[dict[str, Any]], dialect) -> list[tuple]:
    """The rows as tuples, built column by column: JSON as compact text (None stays SQL NULL),
    other values through their type's bind processing on SQLite (each distinct value once)
    and as they are for PostgreSQL's COPY (psycopg adapts them)."""
    postgres = dialect.name == "postgresql"
    values = []
    for name in columns:
        kind = table.c[name].type
        given = [row[name] for row in rows]
        if isinstance(kind, JSON):
            given = [None if value is None else dumps_text(value) for value in given]
        elif not postgres and (process := _remembered(kind._cached_bind_processor(dialect))):
            given = list(map(process, given))
        values.append(given)
    return list(zip(*values))
