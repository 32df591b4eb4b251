"""Property tests of the three-way merge: identities, no loss, server kept, determinism.

Records are meetings and assessments drawn from small vocabularies, and the server's
and the client's data are edits of the base, so that edits often touch the same units.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.merge import MISSING, merge, unit_value
from sync.units import json_equal

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
TEXT_UNITS = frozenset({"answers.c07", "answers.tasks.*.note"})
CONTAINERS = {"agreements", "participants", "themes_covered", "follow_up", "answers"}
TEXTS = {"notes_company", "notes_citizen", "follow_up.tasks", "follow_up.works_well", "comment",
         "answers.c07"}

scalars = st.sampled_from(["x", "y", "ø", 1, 2, True, False])
lines = st.sampled_from(["a\n", "b\n", "æøå\n", "c\r\n", "👍\n", "e\u0301\n", "\n", "z"])
texts = st.lists(lines, max_size=6).map("".join)
ids = st.sampled_from(["i1", "i2", "i3", "i4", "i5"])


@st.composite
def id_lists(draw, keys):
    """A list of items with distinct ids and some of ``keys``."""
    chosen = draw(st.lists(ids, unique=True, max_size=4))
    return [{"id": i, **draw(st.fixed_dictionaries({}, optional=keys))} for i in chosen]


MEETING = {
    "kind": scalars, "location": scalars, "x_future": scalars,
    "notes_company": texts, "notes_citizen": texts,
    "themes_covered": st.lists(st.sampled_from(["company", "challenges", "offers",
                                                "campaigns"]), unique=True),
    "agreements": id_lists({"text": scalars, "done": st.booleans()}),
    "participants": id_lists({"name": scalars}),
    "follow_up": st.fixed_dictionaries({}, optional={
        "tasks": texts, "works_well": texts, "ordinary_hours_discussed": st.booleans(),
        "attendance": st.fixed_dictionaries({}, optional={"attended_hours": scalars,
                                                          "norm_hours": scalars})}),
}
ASSESSMENT = {
    "comment": texts, "status": scalars,
    "answers": st.fixed_dictionaries({}, optional={
        "c01": scalars, "c07": texts, "c09": st.lists(scalars, max_size=2),
        "tasks": st.dictionaries(st.sampled_from(["u1", "u2", "u3"]),
                                 st.fixed_dictionaries({}, optional={"note": texts,
                                                                     "rating": scalars}),
                                 max_size=2)}),
}
RECORDS = {"meeting": MEETING, "assessment": ASSESSMENT}
ACTIONS = st.sampled_from(["keep", "keep", "replace", "drop", "inside"])
BOOLEANS = st.booleans()
NEW_LINES = st.lists(lines, max_size=2)


def edited(draw, value, fresh):
    """An edit of ``value``: kept, replaced by ``fresh()``, dropped, or edited inside."""
    action = draw(ACTIONS)
    if action == "keep" or (action == "inside" and value is MISSING):
        return value
    if action == "drop":
        return MISSING
    if action == "inside" and isinstance(value, str):
        kept = [line for line in value.splitlines(keepends=True) if draw(BOOLEANS)]
        return "".join(kept + draw(NEW_LINES))
    new = fresh()
    if action == "replace" or not isinstance(value, (dict, list)):
        return new
    if isinstance(value, dict):
        new = new if isinstance(new, dict) else {}
        out = {key: edited(draw, value.get(key, MISSING), lambda key=key: new.get(key, MISSING))
               for key in sorted(set(value) | set(new))}
        return {key: item for key, item in out.items() if item is not MISSING}
    if not value:
        return new
    order = draw(st.permutations(value)) if draw(BOOLEANS) else value
    if not isinstance(value[0], dict):
        return order
    return edited_items(draw, order, new if isinstance(new, list) else [])


def edited_items(draw, items, fresh_items):
    """Edit the items of an id-list in place and insert fresh items with new ids."""
    fresh = {item["id"]: {k: v for k, v in item.items() if k != "id"} for item in fresh_items}
    out = []
    for item in items:
        body = {k: v for k, v in item.items() if k != "id"}
        new_body = fresh.pop(item["id"], {})
        body = edited(draw, body, lambda new_body=new_body: new_body)
        if body is not MISSING:
            out.append({"id": item["id"], **body})
    for item_id, body in fresh.items():
        out.insert(draw(st.integers(0, len(out))), {"id": item_id, **body})
    return out


@st.composite
def triples(draw):
    """(record type, base, server, client) with server and client edited from base."""
    record_type = draw(st.sampled_from(sorted(RECORDS)))
    fields = RECORDS[record_type]
    record = st.fixed_dictionaries({}, optional=fields)
    base = draw(record)
    sides = []
    for _ in range(2):
        side = {key: edited(draw, base.get(key, MISSING), lambda key=key: draw(fields[key]))
                for key in fields}
        sides.append({key: value for key, value in side.items() if value is not MISSING})
    return record_type, base, sides[0], sides[1]


def run(record_type, base, server, client):
    """Merge with the test's template text units."""
    return merge(record_type, base, server, client, text_units=TEXT_UNITS)


def line_counts(text):
    """The lines of a text (ending at "\n" only) with their counts; none for MISSING."""
    return Counter(re.findall(r"[^\n]*\n|[^\n]+$", text if isinstance(text, str) else ""))


def is_structure(unit, *values):
    """Whether ``unit`` names an object, list or item (its presence or order changed)."""
    return unit in CONTAINERS or (unit != "follow_up.attendance"
                                  and any(isinstance(value, dict) for value in values))


def superseded(unit, old, wanted):
    """Whether a change may yield to the server's: an order, or an empty container's presence."""
    if MISSING in (old, wanted):
        return (old if wanted is MISSING else wanted) in ({}, [])
    return unit in CONTAINERS and isinstance(wanted, list)


def covered(unit, conflicts):
    """Whether ``unit`` is a conflict unit or lies under one."""
    return any(unit == name or unit.startswith(name + ".") for name in conflicts)


@SETTINGS
@given(triples())
def test_unchanged_server_takes_the_client(case):
    record_type, base, _, client = case
    result = run(record_type, base, base, client)
    assert result.data == client and result.conflicts == {}
    assert result.applied == result.client_changed


@SETTINGS
@given(triples())
def test_unchanged_client_keeps_the_server(case):
    record_type, base, server, _ = case
    result = run(record_type, base, server, base)
    assert result.data == server and result.conflicts == {}
    assert result.client_changed == frozenset()


@SETTINGS
@given(triples())
def test_same_change_on_both_sides(case):
    record_type, base, server, _ = case
    result = run(record_type, base, server, server)
    assert result.data == server and result.conflicts == {}


@SETTINGS
@given(triples())
def test_no_client_change_is_lost(case):
    record_type, base, server, client = case
    result = run(record_type, base, server, client)
    for unit in result.client_changed:
        if covered(unit, result.conflicts):
            continue
        merged, wanted, old, theirs = (unit_value(x, unit)
                                       for x in (result.data, client, base, server))
        if unit not in result.applied:
            assert superseded(unit, old, wanted) and not json_equal(theirs, old)
            continue
        if unit == "themes_covered":
            merged, wanted, old = (set(x) if x is not MISSING else set()
                                   for x in (merged, wanted, old))
            assert wanted - old <= merged and not (old - wanted) & merged
        elif is_structure(unit, merged, wanted, old):
            # A container or item the client made (or emptied) is there (or empty).
            assert (merged is MISSING) == (wanted is MISSING)
        elif not json_equal(merged, wanted):
            # Only a text merge differs from the client's value, and a clean diff3 merge
            # holds every line that the client added.
            assert unit in TEXTS or unit.endswith(".note")
            assert not line_counts(wanted) - line_counts(old) - line_counts(merged)


@SETTINGS
@given(triples())
def test_conflicts_keep_the_server_value(case):
    record_type, base, server, client = case
    result = run(record_type, base, server, client)
    for unit, conflict in result.conflicts.items():
        assert json_equal(unit_value(result.data, unit), conflict.server)
        assert json_equal(unit_value(server, unit), conflict.server)
        assert json_equal(unit_value(client, unit), conflict.client)
        assert json_equal(unit_value(base, unit), conflict.base)
        assert not json_equal(conflict.server, conflict.client)


@SETTINGS
@given(triples())
def test_merge_is_deterministic_and_writes_no_null(case):
    first, second = run(*case), run(*case)
    assert first == second
    assert "None" not in repr(first.data) and "MISSING" not in repr(first.data)
