"""The interfaces the engine needs: a record store and the record rules (validation, hashes).

The SQL store (server/services/sql_store.py) and the in-memory store (sync/memory_store.py)
both implement RecordStore; the same contract tests run against both.
"""
from __future__ import annotations

from typing import Any, Protocol

from sync.types import Actor, StoredRecord


class RecordStore(Protocol):
    """Records, revisions and mutation ids, inside one transaction the caller commits."""

    def prepare(self, record_ids: list[str], referenced: list[str]) -> None:
        """Load (and lock, in id order) the records a push names, before it is applied, and
        look up the records its data references (`exists` may answer from that)."""

    def known_mutations(self, device_id: str,
                        mutation_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """{mutation id: (fingerprint, stored result)} of those already received from a device."""

    def record_mutation(self, device_id: str, mutation_id: str, fingerprint: str,
                        result: dict[str, Any]) -> None:
        """Keep a mutation id with its result; a concurrent duplicate fails the transaction."""

    def get_record(self, record_id: str) -> StoredRecord | None:
        """The newest state of a record (locked until the transaction ends), or None."""

    def get_revision(self, record_id: str, rev: int) -> tuple[bool, dict[str, Any]] | None:
        """(deleted, data) of one kept revision, or None when it is gone."""

    def last_live_data(self, record_id: str) -> dict[str, Any]:
        """The data of the newest revision that was not a tombstone."""

    def write(self, record: StoredRecord, actor: Actor) -> None:
        """Store a new revision of a record (rev 1 creates it) and mark it for the feed."""

    def exists(self, team_id: str, record_type: str, record_id: str) -> bool:
        """Whether a record of this type exists in the team, deleted or not."""

    def user_in_team(self, team_id: str, user_id: str) -> bool:
        """Whether a user belongs to the team."""

    def live_referrers(self, team_id: str, record_id: str) -> list[tuple[str, str]]:
        """(type, id) of live records other than tasks and conflicts that reference a record."""

    def signature_hashes(self, agreement_id: str) -> set[str]:
        """The content hashes of every signature stored for an agreement."""

    def now(self) -> str:
        """The server's current time as an RFC 3339 UTC string."""

    def feed_identity(self) -> tuple[str, str]:
        """(database id, restore generation)."""

    def purges(self, team_id: str, after: int) -> tuple[int, tuple[int, str] | None]:
        """(number of the newest purge of any team, highest feed position (seq, id) of a
        tombstone removed by a purge of this team numbered above `after`, or None)."""

    def changes_after(self, team_id: str, seq: int, last_id: str,
                      limit: int) -> list[tuple[int, dict[str, Any]]]:
        """Up to `limit` (feed number, envelope) of the team after (seq, last_id), in feed order."""

    def envelope(self, record_id: str, rev: int | None = None) -> dict[str, Any] | None:
        """The envelope at revision `rev` (default, or when it was purged: the newest); None
        when the record itself was purged."""


class RecordRules(Protocol):
    """What the engine asks of the record types: validation, references, hashes, text units."""

    def validate(self, record_type: str, data: dict[str, Any]) -> dict[str, list[str]]:
        """Errors keyed `data.<path>`; empty when the data is valid."""

    def references(self, record_type: str, data: dict[str, Any]) -> list[tuple[str, str, str]]:
        """(`data.`-prefixed path, target type, id) of every record reference in the data."""

    def user_references(self, record_type: str, data: dict[str, Any]) -> list[tuple[str, str]]:
        """(`data.`-prefixed path, user id) of every user reference in the data."""

    def covered_hash(self, agreement_data: dict[str, Any]) -> str:
        """The SHA-256 of the canonical JSON of an agreement's covered object."""

    def text_units(self, record_type: str, data: dict[str, Any]) -> frozenset[str]:
        """Template longtext units of this record that merge as text."""


