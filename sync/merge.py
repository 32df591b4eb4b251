"""Three-way merge of a record's data, unit by unit (docs/protocol.md 3a; units: sync.units).

- Per unit: changed on one side only -> that side; on both to the same value -> that
  value; on both to different values -> conflict (the data keeps the server's value).
- Text: diff3 on lines that end at "\\n" only ("\\r" stays in its line). Edits with an
  unchanged line between them combine; edits to the same or adjacent lines (an
  insertion next to an edited line included) and different insertions at one place
  make the whole text one conflict.
- Id-lists: items matched by id, each key ``<field>.<id>.<key>`` a unit; removed on one
  side and changed on the other -> conflict on ``<field>.<id>`` (server's item stays).
  Order: the server's; client additions after their nearest predecessor in the client's
  list that the server's list has (first if none). A client reorder counts only if the
  server's list equals the base's; otherwise the server's order stays (no conflict).
- Sets: added on either side in, removed on either side out; server's order, then the
  client's additions in the client's order.
- Keys holding null are dropped (null means no value); an emptied object or list stays
  present when its presence, merged three-way, says so.

Every unit the client changed is in ``applied`` or under a conflict, except a list's
order or an empty object's or list's presence when the server changed that field too.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from merge3 import Merge3

from sync.units import (
    MISSING,
    Kind,
    Path,
    RecordUnits,
    fits,
    json_equal,
    matches,
    record_units,
    strip_nulls,
    unit_value,
)

__all__ = ["MISSING", "MergeResult", "UnitConflict", "diff_units", "merge", "unit_value"]

Sides = tuple[Any, ...]  # (base, server, client); MISSING where a side has no value
BASE, SERVER, CLIENT = 0, 1, 2


@dataclass(frozen=True)
class UnitConflict:
    """The three values of one conflicting unit; ``MISSING`` where a side has none."""

    base: Any
    server: Any
    client: Any


@dataclass(frozen=True)
class MergeResult:
    """The merged data, the conflicts by unit name, and the units each side changed.

    ``applied`` is the part of ``client_changed`` whose value or text edit is in ``data``.
    """

    data: dict[str, Any]
    conflicts: dict[str, UnitConflict]
    client_changed: frozenset[str]
    server_changed: frozenset[str]
    applied: frozenset[str]

    @property
    def client_applied(self) -> bool:
        """Tell whether any part of the client's change is in the merged data."""
        return bool(self.applied)

    def conflict_values(self) -> tuple[dict[str, Any], ...]:
        """Return a conflict record's ``base``, ``server``, ``client`` (no key: no value)."""
        return tuple({unit: value for unit, conflict in self.conflicts.items()
                      if (value := getattr(conflict, side)) is not MISSING}
                     for side in ("base", "server", "client"))


def merge(record_type: str, base: Mapping[str, Any], server: Mapping[str, Any],
          client: Mapping[str, Any], *, text_units: Collection[str] = frozenset()) -> MergeResult:
    """Merge the client's change (base -> client) into the server's data (base -> server).

    ``text_units`` names template ``longtext`` units that merge as text, as dotted paths
    where ``"*"`` matches any one key (``answers.c07``, ``answers.tasks.*.agreement``).
    """
    sides = (strip_nulls(dict(base)), strip_nulls(dict(server)), strip_nulls(dict(client)))
    merger = _Merger(record_units(record_type), text_units)
    data = merger.merge((), sides)
    client_changed = frozenset(merger.changed((), sides, CLIENT))
    return MergeResult(data, merger.conflicts, client_changed,
                       frozenset(merger.changed((), sides, SERVER)),
                       frozenset(merger.applied) & client_changed)


def diff_units(record_type: str, base: Mapping[str, Any], other: Mapping[str, Any], *,
               text_units: Collection[str] = frozenset()) -> frozenset[str]:
    """Return the names of the units whose value in ``other`` differs from ``base``."""
    old, new = strip_nulls(dict(base)), strip_nulls(dict(other))
    merger = _Merger(record_units(record_type), text_units)
    return frozenset(merger.changed((), (old, new, new), SERVER))


class _LineMatcher:
    """difflib's matcher between the common prefix and suffix of two line lists.

    The trim keeps typical edits fast and exact; in the middle, difflib's popular-line
    heuristic (texts of 200+ lines) bounds the cost. A poorer match only adds conflicts.
    """

    def __init__(self, isjunk: Any, a: list[str], b: list[str]):
        self.a, self.b = a, b

    def get_matching_blocks(self) -> list[tuple[int, int, int]]:
        """Return (i, j, n) blocks with a[i:i+n] == b[j:j+n], ending with (len a, len b, 0)."""
        a, b = self.a, self.b
        prefix = 0
        while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
            suffix += 1
        middle = difflib.SequenceMatcher(None, a[prefix:len(a) - suffix],
                                         b[prefix:len(b) - suffix]).get_matching_blocks()
        blocks = [(0, 0, prefix), *((i + prefix, j + prefix, n) for i, j, n in middle),
                  (len(a) - suffix, len(b) - suffix, suffix)]
        return [block for block in blocks if block[2]] + [(len(a), len(b), 0)]


class _Merger:
    """One merge: walks the three sides together and records the outcome per unit."""

    def __init__(self, units: RecordUnits, text_units: Collection[str]):
        self.units = units
        self.text_patterns = [tuple(pattern.split(".")) for pattern in text_units]
        self.conflicts: dict[str, UnitConflict] = {}
        self.applied: set[str] = set()

    def kind(self, path: Path, sides: Sides) -> Kind:
        """Return how the value at ``path`` merges, given its values on the three sides."""
        declared = self.units.kind(path) if path else Kind.OBJECT
        if declared is None and any(matches(path, p) for p in self.text_patterns):
            declared = Kind.TEXT
        if declared is None:
            nested = len(path) > 1 and any(isinstance(side, dict) for side in sides)
            declared = Kind.OBJECT if nested else Kind.ATOMIC
        shaped = all(fits(declared, side) for side in sides if side is not MISSING)
        return declared if shaped else Kind.ATOMIC

    def changed(self, path: Path, sides: Sides, side: int, kind: Kind | None = None) -> set[str]:
        """Return the units under ``path`` whose value on ``side`` differs from the base."""
        if json_equal(sides[BASE], sides[side]):
            return set()
        kind = kind or self.kind(path, sides)
        if kind is Kind.ITEM and sides[side] is MISSING:
            return {_name(path)}
        units: set[str] = set()
        if kind in (Kind.OBJECT, Kind.ITEM):
            for key, child_kind in _children(kind, sides):
                units |= self.changed(path + (key,), _child(sides, key), side, child_kind)
        elif kind is Kind.ID_LIST:
            for item_id, item_sides in _items(sides):
                units |= self.changed(path + (item_id,), item_sides, side, Kind.ITEM)
            if _common_order(sides[BASE], sides[side]) != _common_order(sides[side], sides[BASE]):
                units.add(_name(path))
        return units or {_name(path)}

    def merge(self, path: Path, sides: Sides, kind: Kind | None = None) -> Any:
        """Return the merged value at ``path`` (``MISSING`` for no value)."""
        base, server, client = sides
        kind = kind or self.kind(path, sides)
        if json_equal(server, base) or json_equal(server, client):
            self.applied |= self.changed(path, sides, CLIENT, kind)
            return client
        if json_equal(client, base):
            return server
        if kind in (Kind.OBJECT, Kind.ITEM):
            return self._object(path, sides, kind)
        both_changed = {Kind.ID_LIST: self._id_list, Kind.SET: self._set,
                        Kind.TEXT: self._text, Kind.ATOMIC: self._conflict}
        return both_changed[kind](path, sides)

    def _conflict(self, path: Path, sides: Sides) -> Any:
        self.conflicts[_name(path)] = UnitConflict(*sides)
        return sides[SERVER]

    def _container(self, path: Path, sides: Sides, value: dict[str, Any] | list[Any]) -> Any:
        """Return a merged object, item or list; ``MISSING`` if empty and merged away."""
        base, server, client = (side is not MISSING for side in sides)
        present = bool(value) or (client if server == base else server)
        if present == client != base:
            self.applied.add(_name(path))
        return value if present else MISSING

    def _object(self, path: Path, sides: Sides, kind: Kind) -> Any:
        if kind is Kind.ITEM and (sides[SERVER] is MISSING or sides[CLIENT] is MISSING):
            return self._conflict(path, sides)  # removed on one side, changed on the other
        merged: dict[str, Any] = {"id": path[-1]} if kind is Kind.ITEM else {}
        for key, child_kind in _children(kind, sides):
            value = self.merge(path + (key,), _child(sides, key), child_kind)
            if value is not MISSING:
                merged[key] = value
        return self._container(path, sides, merged)

    def _id_list(self, path: Path, sides: Sides) -> Any:
        items = {}
        for item_id, item_sides in _items(sides):
            item = self.merge(path + (item_id,), item_sides, Kind.ITEM)
            if item is not MISSING:
                items[item_id] = item
        server_ids = [item_id for item_id in _ids(sides[SERVER]) if item_id in items]
        order = _place(server_ids, _ids(sides[CLIENT]), items)
        return self._container(path, sides, [items[item_id] for item_id in order])

    def _set(self, path: Path, sides: Sides) -> Any:
        base, server, client = ([] if side is MISSING else side for side in sides)
        removed = set(base) - set(client)
        added = [word for word in client if word not in base and word not in server]
        if set(client) != set(base):
            self.applied.add(_name(path))
        return self._container(path, sides, [w for w in server if w not in removed] + added)

    def _text(self, path: Path, sides: Sides) -> Any:
        texts = ["" if side is MISSING else side for side in sides]
        base, server, client = (_lines(text) for text in texts)
        merged: list[str] = []
        for group in Merge3(base, server, client, sequence_matcher=_LineMatcher).merge_groups():
            if group[0] == "conflict":
                return self._conflict(path, sides)
            merged.extend(group[1])
        self.applied.add(_name(path))
        text = "".join(merged)
        return next((sides[s] for s in (SERVER, CLIENT) if texts[s] == text), text)


def _name(path: Path) -> str:
    return ".".join(path)


def _keys(sides: Sides) -> list[str]:
    """Keys of the dicts among the sides: the server's order, then client's, then base's."""
    keys: dict[str, None] = {}
    for side in (sides[SERVER], sides[CLIENT], sides[BASE]):
        if isinstance(side, dict):
            keys.update(dict.fromkeys(side))
    return list(keys)


def _children(kind: Kind, sides: Sides) -> list[tuple[str, Kind | None]]:
    """Keys of an object (kinds found per key) or of an item (atomic, ``id`` left out)."""
    if kind is Kind.ITEM:
        return [(key, Kind.ATOMIC) for key in _keys(sides) if key != "id"]
    return [(key, None) for key in _keys(sides)]


def _child(sides: Sides, key: str) -> Sides:
    return tuple(side.get(key, MISSING) if isinstance(side, dict) else MISSING for side in sides)


def _ids(items: Any) -> list[str]:
    """The ids of an id-list (none for ``MISSING``), in order."""
    return [] if items is MISSING else [item["id"] for item in items]


def _items(sides: Sides) -> list[tuple[str, Sides]]:
    """Pair the items of three id-lists by id, as (id, (base, server, client) item)."""
    by_id = tuple({} if side is MISSING else dict(zip(_ids(side), side)) for side in sides)
    return [(item_id, _child(by_id, item_id)) for item_id in _keys(by_id)]


def _common_order(items: Any, others: Any) -> list[str]:
    """The ids of ``items`` that ``others`` also has, in the order of ``items``."""
    other_ids = set(_ids(others))
    return [item_id for item_id in _ids(items) if item_id in other_ids]


def _place(server_ids: list[str], client_ids: list[str], merged: Collection[str]) -> list[str]:
    """Server order, each client addition after its nearest predecessor the server has."""
    in_server = set(server_ids)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for item_id in client_ids:
        if item_id in in_server:
            anchor = item_id
        elif item_id in merged:
            after.setdefault(anchor, []).append(item_id)
    order = list(after.get(None, []))
    for item_id in server_ids:
        order += [item_id, *after.get(item_id, [])]
    return order


def _lines(text: str) -> list[str]:
    """Split ``text`` into lines ending at "\\n" only, keeping the line ends."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
