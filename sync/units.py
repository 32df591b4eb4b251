"""Merge units: per-type tables (docs/domain.md "Record types", docs/protocol.md 3a), value rules.

A record's ``data`` splits into merge units by the kind of each field:

- ``TEXT``: free text marked *(text)* in docs/domain.md (and template ``longtext`` fields,
  which the caller names at merge time); merged line by line.
- ``OBJECT``: not a unit itself; each key is a unit, recursively, named by its dotted
  path (``follow_up.works_well``, ``answers.tasks.<uuid>.employer``).
- ``ID_LIST``: a list of objects with an ``id``; each of its ``ITEM``s is matched by id
  and each key of an item is an atomic unit named ``<field>.<id>.<key>``.
- ``SET``: a list of enumeration words, merged as a set.
- ``ATOMIC``: everything else, including keys this table does not know and the
  declared exception ``follow_up.attendance``.

A value whose shape does not fit its declared kind is atomic. Paths are tuples of keys;
``"*"`` in a path pattern matches any one key. Null and a missing key are the same (no
value, ``MISSING``); JSON values compare strictly (``true`` never equals ``1``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

Path = tuple[str, ...]


class Missing(Enum):
    """Type of the ``MISSING`` sentinel."""

    MISSING = "missing"

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = Missing.MISSING
"""No value on a side (distinct from every JSON value, ``null`` included)."""


class Kind(Enum):
    """How a merge unit (or a structure holding units) merges."""

    ATOMIC = "atomic"
    TEXT = "text"
    OBJECT = "object"
    ID_LIST = "id_list"
    SET = "set"
    ITEM = "item"  # an item of an ID_LIST: each key but ``id`` is an atomic unit


@dataclass(frozen=True)
class RecordUnits:
    """The declared kinds of one record type's fields, by dotted path."""

    text: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    id_lists: frozenset[str] = frozenset()
    sets: frozenset[str] = frozenset()
    atomic: frozenset[str] = frozenset()

    def kind(self, path: Path) -> Kind | None:
        """Return the declared kind of the field at ``path``, or None if undeclared."""
        dotted = ".".join(path)
        for kind, paths in (
            (Kind.ATOMIC, self.atomic),
            (Kind.TEXT, self.text),
            (Kind.OBJECT, self.objects),
            (Kind.ID_LIST, self.id_lists),
            (Kind.SET, self.sets),
        ):
            if dotted in paths:
                return kind
        return None


def _units(**fields: Iterable[str]) -> RecordUnits:
    return RecordUnits(**{name: frozenset(paths) for name, paths in fields.items()})


RECORD_UNITS: Mapping[str, RecordUnits] = {
    "company": _units(text={"knowledge"}, sets={"interests"}),
    "contact": _units(),
    "citizen": _units(text={"special_considerations"}, objects={"job_goals"}),
    "placement": _units(text={"purpose", "goals"}, id_lists={"work_functions", "hours"}),
    "meeting": _units(
        text={
            "purpose", "agenda", "notes_citizen", "notes_company",
            "follow_up.tasks", "follow_up.works_well", "follow_up.difficult",
            "follow_up.adjustments",
        },
        objects={"follow_up"},
        atomic={"follow_up.attendance"},
        id_lists={"participants", "agreements"},
        sets={"themes_covered"},
    ),
    "assessment": _units(text={"comment"}, objects={"answers"}),
    "agreement": _units(objects={"content"}),
    "signature": _units(),
    "job_order": _units(
        text={"description", "professional_qualifications", "personal_qualifications"},
        id_lists={"log"},
        sets={"offers"},
    ),
    "task": _units(),
    "company_contact": _units(text={"note"}),
    "team_goal": _units(text={"note"}, id_lists={"weekly"}),
    "conflict": _units(),
}


def record_units(record_type: str) -> RecordUnits:
    """Return the unit table of ``record_type``; an unknown type has only atomic fields."""
    return RECORD_UNITS.get(record_type, RecordUnits())


def matches(path: Path, pattern: Path) -> bool:
    """Tell whether ``path`` matches ``pattern``, where ``"*"`` matches any one key."""
    return len(path) == len(pattern) and all(
        want in ("*", key) for key, want in zip(path, pattern)
    )


def template_text_units(field: str, definition: Mapping[str, Any]) -> frozenset[str]:
    """Return the dotted text-unit patterns of a template's ``longtext`` items under ``field``."""

    def walk(prefix: str, items: Iterable[Mapping[str, Any]]) -> Iterable[str]:
        for item in items:
            if item.get("type") == "longtext":
                yield f"{prefix}.{item['id']}"
            elif item.get("type") == "repeat":
                yield from walk(f"{prefix}.{item['id']}.*", item.get("items", ()))

    sections = definition.get("sections", ())
    return frozenset(p for section in sections for p in walk(field, section.get("items", ())))


def fits(kind: Kind, value: Any) -> bool:
    """Tell whether a present ``value`` has the shape that ``kind`` merges."""
    if kind is Kind.TEXT:
        return isinstance(value, str)
    if kind in (Kind.OBJECT, Kind.ITEM):
        return isinstance(value, dict)
    if kind is Kind.SET:
        return (isinstance(value, list) and all(isinstance(word, str) for word in value)
                and len(set(value)) == len(value))
    if kind is Kind.ID_LIST:
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return False
        ids = [item.get("id") for item in value]
        return all(isinstance(item_id, str) for item_id in ids) and len(set(ids)) == len(ids)
    return True


def strip_nulls(value: Any) -> Any:
    """Return a copy of ``value`` without dict keys that hold null, at every depth."""
    if isinstance(value, dict):
        return {key: strip_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [strip_nulls(item) for item in value]
    return value


def json_equal(a: Any, b: Any) -> bool:
    """Compare two JSON values strictly: booleans never equal numbers."""
    if type(a) is not type(b):
        numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b))
        return numbers and a == b
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_equal(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(json_equal, a, b))
    return bool(a == b)


def unit_value(data: Mapping[str, Any], unit: str) -> Any:
    """Return the value of the named unit in ``data`` (list items by id), or ``MISSING``."""
    value: Any = data
    for key in unit.split("."):
        if isinstance(value, Mapping):
            value = value.get(key, MISSING)
        elif isinstance(value, list):
            value = next((item for item in value
                          if isinstance(item, dict) and item.get("id") == key), MISSING)
        else:
            return MISSING
    return MISSING if value is None else value
