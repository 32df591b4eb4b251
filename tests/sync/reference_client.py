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

A resync (after `410`) takes every pulled record whatever its rev and ends by removing the
records it did not see, except those with pending changes.
"""
from __future__ import annotations

import json
import re
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
    pulled_since: bool = False  # a pull returned the record after the change was rejected

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
        named = set(UUID.findall(json.dumps(change.data)))
        at = self.outbox.index(change)
        creates = [i for i, p in enumerate(self.outbox)
                   if i > at and p.id in named and self._creates(p)]
        if creates and not self._creates(change):
            self.outbox.remove(change)
            self.outbox.insert(creates[-1], change)

    def delete(self, record_id: str) -> None:
        """Delete a live record; a create that was never sent just goes away."""
        change = self._open_change(record_id, deleting=True)
        if self._creates(change):
            self.outbox.remove(change)
        else:
            change.op, change.data = DELETE, {}

    def discard(self, record_id: str) -> None:
        """Give up the record's rejected change; a record the server no longer has goes: it
        answered not-found and no pull returned the record since (after a restore the
        server may have an older rev of it)."""
        gone = any(p.id == record_id and p.error and p.base_rev > 0 and not p.pulled_since
                   and p.error["type"].endswith("/not-found") for p in self.outbox)
        self.outbox = [p for p in self.outbox if not (p.id == record_id and p.error)]
        if gone and not any(p.id == record_id for p in self.outbox):
            self.known.pop(record_id, None)

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
            if "record" not in result:  # the record was purged meanwhile: it goes here too
                follow_up = self._unsent(sent.id)
                if follow_up is not None:  # it names the result's rev, never 0: not-found,
                    # kept for the user (from 0 it would make the purged id again at rev 1)
                    follow_up.base_rev, follow_up.base_data = result["rev"], follow_up.origin
                if not any(p.id == sent.id for p in self.outbox):
                    self.known.pop(sent.id, None)
                continue
            self.learn(result["record"])
            follow_up = self._unsent(sent.id)
            if follow_up is not None:
                moved = _rebase(follow_up, Record.from_envelope(result["record"]))
                moved = _rebase(follow_up, self.known[sent.id]) or moved
                if not moved:
                    _reroot(follow_up)

    def apply_page(self, page: dict[str, Any], seen: set[str] | None = None) -> None:
        """Store a pulled page, rebasing unsent edits onto newer records, then its checkpoint;
        during a resync (`seen` collects the ids) whatever the revs."""
        for envelope in page["changes"]:
            record_id = envelope["id"]
            for kept in self.kept():
                if kept.id == record_id:
                    kept.pulled_since = True
            unsent = self._unsent(record_id)
            if self.learn(envelope, force=seen is not None) and unsent \
                    and self._frozen(record_id) is None:
                _rebase(unsent, self.known[record_id])
            if seen is not None:
                seen.add(record_id)
        self.checkpoint = page["checkpoint"]

    def remove_unseen(self, seen: set[str]) -> None:
        """End a resync: forget the records it did not return, unless changes wait for them."""
        pending = {p.id for p in self.outbox}
        self.known = {i: r for i, r in self.known.items() if i in seen or i in pending}

    def learn(self, envelope: dict[str, Any], force: bool = False) -> bool:
        """Take a server record unless its rev is not newer (`force`: whatever the rev);
        tell whether it was taken."""
        known = self.known.get(envelope["id"])
        if known is not None and envelope["rev"] <= known.rev and not force:
            return False
        self.known[envelope["id"]] = Record.from_envelope(envelope)
        return True

    def _open_change(self, record_id: str, deleting: bool = False) -> Pending:
        """The record's unsent change, placed for the edit; else a new one, last.

        A delete moves behind every other change (it must follow the changes that stop
        referencing the record). An edit keeps the change where it is (a delete behind it may
        rely on it), unless it must follow a create behind it that it names (placed after the
        edit: see `edit`). A create stays before the changes that reference the new record.
        """
        unsent = self._unsent(record_id)
        if unsent is not None:
            if deleting and not self._creates(unsent):
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


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _rebase(change: Pending, record: Record) -> bool:
    """Move a change onto a live revision where its edits apply cleanly (True); else keep
    its base (False)."""
    if record.deleted:
        return False
    if change.op == DELETE:
        clean, data = json_equal(record.data, change.origin), {}
    else:
        outcome = merge(change.type, change.origin, record.data, change.data)
        clean, data = not outcome.conflicts, outcome.data
    if clean:
        change.base_rev, change.base_data, change.origin = record.rev, record.data, record.data
        change.data = data
    return clean


def _reroot(change: Pending) -> None:
    """A change made behind a settled one that did not rebase: keep its base, but send only
    its own edits (origin -> data) on the base data, not the settled change's again."""
    if json_equal(change.origin, change.base_data):
        return
    if change.op == UPSERT:
        outcome = merge(change.type, change.origin, change.base_data, change.data)
        data = outcome.data
        for unit, conflict in outcome.conflicts.items():
            data = set_unit(data, unit, conflict.client)
        change.data = data
    change.origin = change.base_data
