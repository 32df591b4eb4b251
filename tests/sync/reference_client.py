"""A model device that follows docs/protocol.md section 3 "What the client sends" and section 4.

A device holds `known`, the newest state the server gave it of each record, and an
`outbox` of pending changes in send order. Per record the outbox holds at most one sent
(frozen) change waiting for its result, then at most one unsent change; a rejected change
is kept, and never sent again, until the user discards it.

A pending change carries `base_rev` with `base_data` (that revision's data exactly as the
server gave it, `{}` for 0), `data` (base_data with this device's edits) and `origin`: the
data its edits were made on, the base for rebasing them. The origin is base_data, except
for edits made while a frozen change waited for its result: those start from its data.

The user sees a record with a pending change as that change's data: it never hides an
edit, but while a change is frozen, or does not rebase cleanly, it shows older server data
for the other units (a real app would show the merge; this model keeps edits simple).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sync.merge import merge
from sync.paths import set_unit
from sync.types import DELETE, REJECTED, UPSERT
from sync.units import json_equal


@dataclass(frozen=True)
class Record:
    """A record as a device holds or shows it."""

    type: str
    rev: int
    deleted: bool
    data: dict[str, Any]

    @classmethod
    def from_envelope(cls, envelope: dict[str, Any]) -> Record:
        """The record of a server envelope."""
        return cls(envelope["type"], envelope["rev"], envelope["deleted"], envelope["data"])


@dataclass
class Pending:
    """One change in the outbox."""

    id: str
    type: str
    op: str
    base_rev: int
    base_data: dict[str, Any]
    origin: dict[str, Any]
    data: dict[str, Any]
    mutation_id: str | None = None
    error: dict[str, Any] | None = None

    @property
    def unsent(self) -> bool:
        """Whether the change was never sent, so it may still take edits."""
        return self.mutation_id is None

    @property
    def frozen(self) -> bool:
        """Whether the change was sent and waits for its result."""
        return self.mutation_id is not None and self.error is None

    def wire(self) -> dict[str, Any]:
        """The change as a push carries it."""
        change = {"mutation_id": self.mutation_id, "type": self.type, "id": self.id,
                  "op": self.op, "base_rev": self.base_rev}
        if self.op == UPSERT:
            change["data"] = self.data
        return change


class Device:
    """One installation of the app: its copy of the server's records and its outbox."""

    def __init__(self, new_id: Callable[[], str]):
        self.known: dict[str, Record] = {}
        self.outbox: list[Pending] = []
        self.checkpoint: str | None = None
        self._new_id = new_id

    def view(self, record_id: str) -> Record | None:
        """What the user sees: the newest server state with the pending change on top."""
        known = self.known.get(record_id)
        pending = self._last(record_id)
        if pending is None:
            return known
        rev = known.rev if known else 0
        return Record(pending.type, rev, pending.op == DELETE, {} if pending.op == DELETE
                      else pending.data)

    def live(self) -> dict[str, Record]:
        """The records the user sees as live, by id."""
        ids = sorted({*self.known, *(p.id for p in self.outbox)})
        return {i: shown for i in ids if (shown := self.view(i)) and not shown.deleted}

    def kept(self) -> list[Pending]:
        """The rejected changes the device keeps for the user."""
        return [p for p in self.outbox if p.error is not None]

    def create(self, record_id: str, record_type: str, data: dict[str, Any]) -> None:
        """Create a record: a change from base_rev 0."""
        self.outbox.append(Pending(record_id, record_type, UPSERT, 0, {}, {}, data))

    def edit(self, record_id: str, unit: str, value: Any) -> None:
        """Set one unit of a live record, in the record's unsent change."""
        change = self._open_change(record_id)
        change.data = set_unit(change.data, unit, value)

    def delete(self, record_id: str) -> None:
        """Delete a live record; a create that was never sent just goes away."""
        change = self._open_change(record_id)
        if self._creates(change):
            self.outbox.remove(change)
        else:
            change.op, change.data = DELETE, {}

    def discard(self, record_id: str) -> None:
        """Give up the record's rejected change."""
        self.outbox = [p for p in self.outbox if not (p.id == record_id and p.error)]

    def outgoing(self) -> list[dict[str, Any]]:
        """Freeze the next push: sent changes again, and unsent ones of records with none sent."""
        waiting = {p.id for p in self.outbox if p.frozen}
        for change in self.outbox:
            if change.unsent and change.id not in waiting:
                change.mutation_id = self._new_id()
        return [p.wire() for p in self.outbox if p.frozen]

    def receive(self, results: list[dict[str, Any]]) -> None:
        """Settle the frozen changes with their push results; rebase edits made meanwhile."""
        for result in results:
            sent = next(p for p in self.outbox if p.mutation_id == result["mutation_id"])
            if result["status"] == REJECTED:
                sent.error = result["error"]
                continue
            self.outbox.remove(sent)
            self.learn(result["record"])
            follow_up = self._unsent(sent.id)
            if follow_up is not None:
                _rebase(follow_up, Record.from_envelope(result["record"]))
                _rebase(follow_up, self.known[sent.id])

    def apply_page(self, page: dict[str, Any]) -> None:
        """Store a pulled page, rebasing unsent edits onto newer records, then its checkpoint."""
        for envelope in page["changes"]:
            record_id = envelope["id"]
            unsent = self._unsent(record_id)
            if self.learn(envelope) and unsent and self._frozen(record_id) is None:
                _rebase(unsent, self.known[record_id])
        self.checkpoint = page["checkpoint"]

    def learn(self, envelope: dict[str, Any]) -> bool:
        """Take a server record unless its rev is not newer; tell whether it was taken."""
        known = self.known.get(envelope["id"])
        if known is not None and envelope["rev"] <= known.rev:
            return False
        self.known[envelope["id"]] = Record.from_envelope(envelope)
        return True

    def _open_change(self, record_id: str) -> Pending:
        """The record's unsent change, moved last unless it creates the record; else a new one.

        The change takes an edit made after every change before it, so it moves behind them
        (a delete must follow the creation of a record that references it), except a create,
        which stays before the changes that reference the new record.
        """
        unsent = self._unsent(record_id)
        if unsent is not None:
            if not self._creates(unsent):
                self.outbox.remove(unsent)
                self.outbox.append(unsent)
            return unsent
        frozen = self._frozen(record_id)
        if frozen is not None:
            change = Pending(record_id, frozen.type, UPSERT, frozen.base_rev, frozen.base_data,
                             frozen.data, frozen.data)
        else:
            known = self.known[record_id]
            change = Pending(record_id, known.type, UPSERT, known.rev, known.data, known.data,
                             known.data)
        self.outbox.append(change)
        return change

    def _creates(self, change: Pending) -> bool:
        """Whether the change creates its record: base_rev 0 and nothing sent before it."""
        return change.base_rev == 0 and self._frozen(change.id) is None

    def _last(self, record_id: str) -> Pending | None:
        return next((p for p in reversed(self.outbox) if p.id == record_id), None)

    def _unsent(self, record_id: str) -> Pending | None:
        return next((p for p in self.outbox if p.id == record_id and p.unsent), None)

    def _frozen(self, record_id: str) -> Pending | None:
        return next((p for p in self.outbox if p.id == record_id and p.frozen), None)


def _rebase(change: Pending, record: Record) -> None:
    """Move a change onto a live revision where its edits apply cleanly; else keep its base."""
    if record.deleted:
        return
    if change.op == DELETE:
        clean, data = json_equal(record.data, change.origin), {}
    else:
        outcome = merge(change.type, change.origin, record.data, change.data)
        clean, data = not outcome.conflicts, outcome.data
    if clean:
        change.base_rev, change.base_data, change.origin = record.rev, record.data, record.data
        change.data = data
