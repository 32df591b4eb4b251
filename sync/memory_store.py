"""An in-memory RecordStore: the reference implementation and the property tests' server."""
from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from sync.types import UNREFERENCING_TYPES, Actor, StoredRecord


class MemoryStore:
    """Records, revisions and mutation ids in dictionaries; one feed number per team and commit."""

    def __init__(self, users: dict[str, str] | None = None, database_id: str = "memory"):
        self.records: dict[str, StoredRecord] = {}
        self.revisions: dict[tuple[str, int], tuple[bool, dict[str, Any], str]] = {}
        self.mutations: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        self.feed: dict[str, int] = {}
        self.users = dict(users or {})
        self.identity = (database_id, "1")
        self.purge_log: list[tuple[int, str, tuple[int, str]]] = []
        self.seq: dict[str, int] = {}
        self._touched: set[str] = set()
        self._references: Any = None

    def use_references(self, references: Any) -> None:
        """Tell the store how to find a record's references (the rules' `references`)."""
        self._references = references

    def commit(self) -> None:
        """Give every record touched since the last commit its team's next feed number."""
        for team_id in sorted({self.records[rid].team_id for rid in self._touched}):
            self.seq[team_id] = self.seq.get(team_id, 0) + 1
        for record_id in self._touched:
            self.feed[record_id] = self.seq[self.records[record_id].team_id]
        self._touched = set()

    def prepare(self, record_ids: list[str], referenced: list[str]) -> None:
        """Nothing to load: every record is in memory."""

    def known_mutations(self, device_id: str,
                        mutation_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """The kept mutations of a device among these ids."""
        return {m: copy.deepcopy(self.mutations[(device_id, m)]) for m in mutation_ids
                if (device_id, m) in self.mutations}

    def record_mutation(self, device_id: str, mutation_id: str, fingerprint: str,
                        result: dict[str, Any]) -> None:
        """Keep a mutation id with its result."""
        if (device_id, mutation_id) in self.mutations:
            raise ValueError(f"mutation {mutation_id} of {device_id} is already kept")
        self.mutations[(device_id, mutation_id)] = (fingerprint, copy.deepcopy(result))

    def get_record(self, record_id: str) -> StoredRecord | None:
        """The newest state of a record."""
        return self.records.get(record_id)

    def get_revision(self, record_id: str, rev: int) -> tuple[bool, dict[str, Any]] | None:
        """(deleted, data) of a revision."""
        kept = self.revisions.get((record_id, rev))
        return (kept[0], copy.deepcopy(kept[1])) if kept else None

    def last_live_data(self, record_id: str) -> dict[str, Any]:
        """The newest non-tombstone data of a record that is still kept ({} when none is)."""
        for rev in range(self.records[record_id].rev, 0, -1):
            deleted, data, _ = self.revisions.get((record_id, rev), (True, None, None))
            if not deleted and data is not None:
                return copy.deepcopy(data)
        return {}

    def write(self, record: StoredRecord, actor: Actor) -> None:
        """Store a new revision."""
        frozen = StoredRecord(record.id, record.type, record.team_id, record.rev,
                              record.deleted, copy.deepcopy(record.data))
        self.records[record.id] = frozen
        self.revisions[(record.id, record.rev)] = (record.deleted, frozen.data, actor.device_id)
        self._touched.add(record.id)

    def exists(self, team_id: str, record_type: str, record_id: str) -> bool:
        """Whether the team has such a record, deleted or not."""
        record = self.records.get(record_id)
        return record is not None and record.team_id == team_id and record.type == record_type

    def user_in_team(self, team_id: str, user_id: str) -> bool:
        """Whether the user is in the team."""
        return self.users.get(user_id) == team_id

    def live_referrers(self, team_id: str, record_id: str) -> list[tuple[str, str]]:
        """Live records (not tasks or conflicts) that reference the record."""
        return sorted((r.type, r.id) for r in self.records.values()
                      if r.team_id == team_id and not r.deleted
                      and r.type not in UNREFERENCING_TYPES and self._references
                      and any(ref == record_id for _, _, ref in self._references(r.type, r.data)))

    def signature_hashes(self, agreement_id: str) -> set[str]:
        """Hashes of the agreement's signatures."""
        return {r.data["content_sha256"] for r in self.records.values()
                if r.type == "signature" and r.data.get("agreement_id") == agreement_id}

    def now(self) -> str:
        """The current UTC time."""
        return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def feed_identity(self) -> tuple[str, str]:
        """(database id, generation)."""
        return self.identity

    def purges(self, team_id: str, after: int) -> tuple[int, tuple[int, str] | None]:
        """(newest purge number, highest tombstone position removed after `after`)."""
        newest = self.purge_log[-1][0] if self.purge_log else 0
        return newest, max((position for number, team, position in self.purge_log
                            if team == team_id and number > after), default=None)

    def purge_tombstones(self, team_id: str) -> int:
        """Remove the team's committed tombstones with their history (retention 0 days)."""
        gone = [rid for rid, r in self.records.items()
                if r.team_id == team_id and r.deleted and rid in self.feed]
        if gone:
            highest = max((self.feed[rid], rid) for rid in gone)
            self.purge_log.append((len(self.purge_log) + 1, team_id, highest))
        for rid in gone:
            for key in [k for k in self.revisions if k[0] == rid]:
                del self.revisions[key]
            del self.records[rid], self.feed[rid]
        return len(gone)

    def changes_after(self, team_id: str, seq: int, last_id: str,
                      limit: int) -> list[tuple[int, dict[str, Any]]]:
        """Committed records of the team after (seq, id) in feed order."""
        keys = sorted((s, rid) for rid, s in self.feed.items()
                      if self.records[rid].team_id == team_id and (s, rid) > (seq, last_id))
        return [(s, answer) for s, rid in keys[:limit]
                if (answer := self.envelope(rid)) is not None]

    def envelope(self, record_id: str, rev: int | None = None) -> dict[str, Any] | None:
        """The record as it was at `rev` (default or purged: newest); None when purged."""
        record = self.records.get(record_id)
        if record is None:
            return None
        rev = record.rev if rev is None or (record_id, rev) not in self.revisions else rev
        deleted, data, _ = self.revisions[(record_id, rev)]
        return {"type": record.type, "id": record.id, "rev": rev, "deleted": deleted,
                "data": copy.deepcopy(data), "team_id": record.team_id}
