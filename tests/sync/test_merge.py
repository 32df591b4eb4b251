"""Table-driven tests of the three-way merge (docs/protocol.md 3a).

Each row: record type, base, server, client -> merged data and conflicts
(unit -> (base, server, client), MISSING for a side without a value).

Text follows diff3: edits merge only when at least one unchanged line separates them;
edits to adjacent lines, and an insertion next to a line the other side edited,
conflict like edits to the same line.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from sync.merge import MISSING, diff_units, merge, unit_value
from sync.units import template_text_units

M = MISSING


def row(id, record_type, base, server, client, data, conflicts=None, text_units=()):
    """One table row as a pytest param with a readable id."""
    return pytest.param(record_type, base, server, client, data, conflicts or {},
                        frozenset(text_units), id=id)


def item(item_id, text, **more):
    """A meeting agreement item."""
    return {"id": item_id, "text": text, **more}


def notes(text):
    """A meeting with only notes_company."""
    return {"notes_company": text}


UUID = "5b0c7c58-2f0e-4a8e-9a43-0d3f1e7f6a01"
UUID2 = "7d1e9f40-6c2b-4b7a-8e55-1a2b3c4d5e6f"

ATOMIC_ROWS = [
    row("different-fields-changed", "company", {"name": "A", "city": "X"},
        {"name": "B", "city": "X"}, {"name": "A", "city": "Y"}, {"name": "B", "city": "Y"}),
    row("client-only", "company", {"city": "X"}, {"city": "X"}, {"city": "Y"}, {"city": "Y"}),
    row("server-only", "company", {"city": "X"}, {"city": "Y"}, {"city": "X"}, {"city": "Y"}),
    row("same-field-same-value", "company", {"city": "X"}, {"city": "Y"}, {"city": "Y"},
        {"city": "Y"}),
    row("same-field-different-values", "company", {"city": "X", "name": "A"},
        {"city": "Y", "name": "A"}, {"city": "Z", "name": "B"}, {"city": "Y", "name": "B"},
        {"city": ("X", "Y", "Z")}),
    row("both-add-field-differently", "company", {}, {"phone": "1"}, {"phone": "2"},
        {"phone": "1"}, {"phone": (M, "1", "2")}),
    row("client-removes-server-unchanged", "company", {"city": "X"}, {"city": "X"}, {},
        {}),
    row("client-removes-server-changes", "company", {"city": "X"}, {"city": "Y"}, {},
        {"city": "Y"}, {"city": ("X", "Y", M)}),
    row("server-removes-client-changes", "company", {"city": "X"}, {}, {"city": "Z"},
        {}, {"city": ("X", M, "Z")}),
    row("bool-never-equals-number", "task", {"done": False}, {"done": 0}, {"done": True},
        {"done": 0}, {"done": (False, 0, True)}),
    row("int-equals-same-float", "company", {"employees": 5}, {"employees": 5.0},
        {"employees": 6}, {"employees": 6}),
    row("other-lists-are-atomic", "job_order", {"requirements_must": ["a"]},
        {"requirements_must": ["a", "b"]}, {"requirements_must": ["a", "c"]},
        {"requirements_must": ["a", "b"]},
        {"requirements_must": (["a"], ["a", "b"], ["a", "c"])}),
]

NULL_AND_UNKNOWN_ROWS = [
    row("null-base-equals-absent", "company", {"city": None}, {}, {"city": "X"},
        {"city": "X"}),
    row("client-null-removes", "company", {"city": "X", "name": "A"},
        {"city": "X", "name": "B"}, {"city": None, "name": "A"}, {"name": "B"}),
    row("null-never-written", "company", {"name": "A"}, {"name": "A", "phone": None},
        {"name": "B", "phone": None}, {"name": "B"}),
    row("null-inside-object", "meeting", {"follow_up": {"works_well": "a\n"}},
        {"follow_up": {"works_well": "a\n", "difficult": "d\n"}},
        {"follow_up": {"works_well": None}}, {"follow_up": {"difficult": "d\n"}}),
    row("unknown-key-taken", "company", {"name": "A"}, {"name": "B"},
        {"name": "A", "x_future": {"k": 1}}, {"name": "B", "x_future": {"k": 1}}),
    row("unknown-object-key-is-atomic", "company", {"x_future": {"a": 1}},
        {"x_future": {"a": 2}}, {"x_future": {"a": 1, "b": 1}}, {"x_future": {"a": 2}},
        {"x_future": ({"a": 1}, {"a": 2}, {"a": 1, "b": 1})}),
    row("unknown-type-text-is-atomic", "future_type", {"t": "a\nb\nc\n"},
        {"t": "A\nb\nc\n"}, {"t": "a\nb\nC\n"}, {"t": "A\nb\nc\n"},
        {"t": ("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n")}),
    row("wrong-shape-is-atomic", "meeting", {"notes_company": "a\n"},
        {"notes_company": "b\n"}, {"notes_company": ["a\n"]}, {"notes_company": "b\n"},
        {"notes_company": ("a\n", "b\n", ["a\n"])}),
]

BASE3 = "one\ntwo\nthree\n"
LONG = "".join(f"Linje {i % 7}\n\n" for i in range(300))
TEXT_ROWS = [
    row("text-edits-in-different-paragraphs", "meeting", notes("p1\n\np2\n"),
        notes("P1\n\np2\n"), notes("p1\n\np2 more\n"), notes("P1\n\np2 more\n")),
    row("text-edits-one-unchanged-line-apart", "meeting", notes(BASE3),
        notes("ONE\ntwo\nthree\n"), notes("one\ntwo\nTHREE\n"), notes("ONE\ntwo\nTHREE\n")),
    row("text-same-line-conflicts", "meeting", notes(BASE3), notes("one\n2\nthree\n"),
        notes("one\nTWO\nthree\n"), notes("one\n2\nthree\n"),
        {"notes_company": (BASE3, "one\n2\nthree\n", "one\nTWO\nthree\n")}),
    row("text-adjacent-lines-conflict", "meeting", notes(BASE3), notes("ONE\ntwo\nthree\n"),
        notes("one\nTWO\nthree\n"), notes("ONE\ntwo\nthree\n"),
        {"notes_company": (BASE3, "ONE\ntwo\nthree\n", "one\nTWO\nthree\n")}),
    row("text-insert-next-to-edited-line-conflicts", "meeting", notes(BASE3),
        notes("one\nTWO\nthree\n"), notes("one\ntwo\nX\nthree\n"), notes("one\nTWO\nthree\n"),
        {"notes_company": (BASE3, "one\nTWO\nthree\n", "one\ntwo\nX\nthree\n")}),
    row("text-insert-one-line-from-edit-merges", "meeting", notes(BASE3),
        notes("ONE\ntwo\nthree\n"), notes("one\ntwo\nX\nthree\n"),
        notes("ONE\ntwo\nX\nthree\n")),
    row("text-same-edit-both-sides", "meeting", notes(BASE3), notes("one\nTWO\nthree\n"),
        notes("one\nTWO\nthree\n"), notes("one\nTWO\nthree\n")),
    row("text-insert-same-place-different-text", "meeting", notes(BASE3),
        notes("one\nA\ntwo\nthree\n"), notes("one\nB\ntwo\nthree\n"),
        notes("one\nA\ntwo\nthree\n"),
        {"notes_company": (BASE3, "one\nA\ntwo\nthree\n", "one\nB\ntwo\nthree\n")}),
    row("text-insert-same-place-same-text", "meeting", notes(BASE3),
        notes("one\nA\ntwo\nthree\n"), notes("one\nA\ntwo\nthree\n"),
        notes("one\nA\ntwo\nthree\n")),
    row("text-inserts-at-different-places", "meeting", notes(BASE3),
        notes("S\none\ntwo\nthree\n"), notes("one\ntwo\nthree\nC\n"),
        notes("S\none\ntwo\nthree\nC\n")),
    row("text-delete-and-distant-edit", "meeting", notes(BASE3), notes("two\nthree\n"),
        notes("one\ntwo\nTHREE\n"), notes("two\nTHREE\n")),
    row("text-delete-vs-edit-same-line", "meeting", notes(BASE3), notes("one\nthree\n"),
        notes("one\nTWO\nthree\n"), notes("one\nthree\n"),
        {"notes_company": (BASE3, "one\nthree\n", "one\nTWO\nthree\n")}),
    row("text-both-delete-same-line", "meeting", notes(BASE3), notes("one\nthree\n"),
        notes("one\nthree\n"), notes("one\nthree\n")),
    row("text-client-clears-vs-server-edit", "meeting", notes(BASE3),
        notes("one\nTWO\nthree\n"), {}, notes("one\nTWO\nthree\n"),
        {"notes_company": (BASE3, "one\nTWO\nthree\n", M)}),
    row("text-both-add-field-differently", "meeting", {}, notes("s\n"), notes("c\n"),
        notes("s\n"), {"notes_company": (M, "s\n", "c\n")}),
    row("text-last-line-without-newline", "meeting", notes("a\nb\nc"), notes("A\nb\nc"),
        notes("a\nb\nC"), notes("A\nb\nC")),
    row("text-crlf-lines-kept", "meeting", notes("a\r\nb\r\nc\r\n"),
        notes("A\r\nb\r\nc\r\n"), notes("a\r\nb\r\nC\r\n"), notes("A\r\nb\r\nC\r\n")),
    row("text-crlf-to-lf-is-an-edit", "meeting", notes("a\r\nb\r\nc\r\n"),
        notes("a\nb\r\nc\r\n"), notes("a\r\nb\r\nC\r\n"), notes("a\nb\r\nC\r\n")),
    row("text-line-separator-is-not-a-line-end", "meeting", notes("a\u2028b\u2028c\n"),
        notes("A\u2028b\u2028c\n"), notes("a\u2028b\u2028C\n"), notes("A\u2028b\u2028c\n"),
        {"notes_company": ("a\u2028b\u2028c\n", "A\u2028b\u2028c\n", "a\u2028b\u2028C\n")}),
    row("text-lone-cr-is-not-a-line-end", "meeting", notes("a\rb\rc\n"),
        notes("A\rb\rc\n"), notes("a\rb\rC\n"), notes("A\rb\rc\n"),
        {"notes_company": ("a\rb\rc\n", "A\rb\rc\n", "a\rb\rC\n")}),
    row("text-danish-and-emoji", "meeting", notes("Æbler\nøl\nSå 👍\n"),
        notes("Æbler og pærer\nøl\nSå 👍\n"), notes("Æbler\nøl\nSå 👍🏽 på åen\n"),
        notes("Æbler og pærer\nøl\nSå 👍🏽 på åen\n")),
    row("text-combining-characters-not-normalised", "meeting", notes("café\nx\n"),
        notes("cafe\u0301\nx\n"), notes("café!\nx\n"), notes("cafe\u0301\nx\n"),
        {"notes_company": ("café\nx\n", "cafe\u0301\nx\n", "café!\nx\n")}),
    row("text-long-blank-run-edits-at-both-ends", "meeting", notes("\n" * 500),
        notes("S\n" + "\n" * 500), notes("\n" * 500 + "C\n"),
        notes("S\n" + "\n" * 500 + "C\n")),
    row("text-long-note-distant-edits", "meeting", notes(LONG), notes("X" + LONG),
        notes(LONG + "Y\n"), notes("X" + LONG + "Y\n")),
    row("text-server-unchanged-takes-client", "placement", {"goals": "a\n"},
        {"goals": "a\n"}, {"goals": "b\r\nc"}, {"goals": "b\r\nc"}),
]

AGREEMENTS = [item("a", "A"), item("b", "B")]
LIST_ROWS = [
    row("list-add-on-both-sides", "meeting", {"agreements": [item("a", "A")]},
        {"agreements": [item("a", "A"), item("s", "S")]},
        {"agreements": [item("a", "A"), item("c", "C")]},
        {"agreements": [item("a", "A"), item("c", "C"), item("s", "S")]}),
    row("list-client-removes-server-unchanged-item", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("a", "A"), item("b", "B2")]}, {"agreements": [item("b", "B")]},
        {"agreements": [item("b", "B2")]}),
    row("list-server-removes-client-unchanged-item", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("b", "B")]}, {"agreements": [item("a", "A"), item("b", "B2")]},
        {"agreements": [item("b", "B2")]}),
    row("list-client-removes-server-changes", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("a", "A2"), item("b", "B")]}, {"agreements": [item("b", "B")]},
        {"agreements": [item("a", "A2"), item("b", "B")]},
        {"agreements.a": (item("a", "A"), item("a", "A2"), M)}),
    row("list-server-removes-client-changes", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("b", "B")]}, {"agreements": [item("a", "A2"), item("b", "B")]},
        {"agreements": [item("b", "B")]},
        {"agreements.a": (item("a", "A"), M, item("a", "A2"))}),
    row("list-item-different-keys-merge", "meeting", {"agreements": [item("a", "A")]},
        {"agreements": [item("a", "A2"), item("s", "S")]},
        {"agreements": [item("a", "A", done=True)]},
        {"agreements": [item("a", "A2", done=True), item("s", "S")]}),
    row("list-item-same-key-conflicts", "meeting", {"agreements": [item("a", "A")]},
        {"agreements": [item("a", "S")]}, {"agreements": [item("a", "C", done=True)]},
        {"agreements": [item("a", "S", done=True)]}, {"agreements.a.text": ("A", "S", "C")}),
    row("list-item-key-null-removes", "meeting", {"agreements": [item("a", "A", done=True)]},
        {"agreements": [item("a", "A", done=True), item("s", "S")]},
        {"agreements": [item("a", "A", done=None)]},
        {"agreements": [item("a", "A"), item("s", "S")]}),
    row("list-reorder-server-unchanged", "meeting", {"agreements": AGREEMENTS},
        {"agreements": AGREEMENTS}, {"agreements": AGREEMENTS[::-1]},
        {"agreements": AGREEMENTS[::-1]}),
    row("list-reorder-server-changed-item", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("a", "A2"), item("b", "B")]},
        {"agreements": [item("b", "B"), item("a", "A")]},
        {"agreements": [item("a", "A2"), item("b", "B")]}),
    row("list-reorder-both-server-order", "meeting", {"agreements": AGREEMENTS + [item("c", "C")]},
        {"agreements": [item("c", "C"), item("a", "A"), item("b", "B")]},
        {"agreements": [item("b", "B"), item("a", "A"), item("c", "C2")]},
        {"agreements": [item("c", "C2"), item("a", "A"), item("b", "B")]}),
    row("list-new-item-after-client-predecessor", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("b", "B"), item("a", "A"), item("s", "S")]},
        {"agreements": [item("a", "A"), item("x", "X"), item("b", "B")]},
        {"agreements": [item("b", "B"), item("a", "A"), item("x", "X"), item("s", "S")]}),
    row("list-new-item-first-without-predecessor", "meeting", {"agreements": AGREEMENTS},
        {"agreements": AGREEMENTS + [item("s", "S")]},
        {"agreements": [item("x", "X")] + AGREEMENTS},
        {"agreements": [item("x", "X")] + AGREEMENTS + [item("s", "S")]}),
    row("list-new-item-predecessor-removed-by-server", "meeting", {"agreements": AGREEMENTS},
        {"agreements": [item("a", "A")]}, {"agreements": AGREEMENTS + [item("x", "X")]},
        {"agreements": [item("a", "A"), item("x", "X")]}),
    row("list-new-items-keep-client-order", "meeting", {"agreements": [item("a", "A")]},
        {"agreements": [item("a", "A"), item("s", "S")]},
        {"agreements": [item("a", "A"), item("x", "X"), item("y", "Y")]},
        {"agreements": [item("a", "A"), item("x", "X"), item("y", "Y"), item("s", "S")]}),
    row("list-same-new-id-same-item", "meeting", {}, {"agreements": [item("n", "N")]},
        {"agreements": [item("n", "N")]}, {"agreements": [item("n", "N")]}),
    row("list-same-new-id-different-text", "meeting", {}, {"agreements": [item("n", "S")]},
        {"agreements": [item("n", "C", done=True)]},
        {"agreements": [item("n", "S", done=True)]}, {"agreements.n.text": (M, "S", "C")}),
    row("list-emptied-by-client-stays-present", "meeting", {"agreements": [item("a", "A")]},
        {"agreements": [item("a", "A")], "location": "x"}, {"agreements": []},
        {"agreements": [], "location": "x"}),
    row("list-of-placement-hours", "placement",
        {"hours": [{"id": "w1", "paid_hours": 2}]},
        {"hours": [{"id": "w1", "paid_hours": 2, "internship_hours": 30}]},
        {"hours": [{"id": "w1", "paid_hours": 4}, {"id": "w2", "paid_hours": 6}]},
        {"hours": [{"id": "w1", "paid_hours": 4, "internship_hours": 30},
                   {"id": "w2", "paid_hours": 6}]}),
    row("list-without-ids-is-atomic", "meeting", {"agreements": [{"text": "A"}]},
        {"agreements": [{"text": "S"}]}, {"agreements": [{"text": "C"}]},
        {"agreements": [{"text": "S"}]},
        {"agreements": ([{"text": "A"}], [{"text": "S"}], [{"text": "C"}])}),
]

SET_ROWS = [
    row("set-both-add", "company", {"interests": ["mentor"]},
        {"interests": ["mentor", "job_ads"]}, {"interests": ["internship", "mentor"]},
        {"interests": ["mentor", "job_ads", "internship"]}),
    row("set-add-and-remove", "company", {"interests": ["mentor", "job_ads"]},
        {"interests": ["mentor", "job_ads", "retention"]}, {"interests": ["job_ads"]},
        {"interests": ["job_ads", "retention"]}),
    row("set-removed-on-each-side", "meeting", {"themes_covered": ["company", "offers"]},
        {"themes_covered": ["offers"]}, {"themes_covered": ["company"]},
        {"themes_covered": []}),
    row("set-same-word-added-twice", "job_order", {"offers": []},
        {"offers": ["internship"]}, {"offers": ["internship", "ordinary"]},
        {"offers": ["internship", "ordinary"]}),
    row("set-client-reorder-server-unchanged", "company", {"interests": ["a_x", "b_x"]},
        {"interests": ["a_x", "b_x"]}, {"interests": ["b_x", "a_x"]},
        {"interests": ["b_x", "a_x"]}),
    row("set-client-reorder-server-changed", "company", {"interests": ["a_x", "b_x"]},
        {"interests": ["a_x", "b_x", "c_x"]}, {"interests": ["b_x", "a_x"]},
        {"interests": ["a_x", "b_x", "c_x"]}),
]

ATTENDANCE = {"attended_hours": 20, "norm_hours": 37, "period_start": "2024-01-01"}
OBJECT_ROWS = [
    row("object-different-keys", "meeting", {"follow_up": {"works_well": "a\n"}},
        {"follow_up": {"works_well": "A\n"}},
        {"follow_up": {"works_well": "a\n", "difficult": "d\n"}},
        {"follow_up": {"works_well": "A\n", "difficult": "d\n"}}),
    row("object-text-key-merges-lines", "meeting", {"follow_up": {"tasks": BASE3}},
        {"follow_up": {"tasks": "ONE\ntwo\nthree\n"}},
        {"follow_up": {"tasks": "one\ntwo\nTHREE\n"}},
        {"follow_up": {"tasks": "ONE\ntwo\nTHREE\n"}}),
    row("object-same-key-conflicts", "meeting",
        {"follow_up": {"ordinary_hours_discussed": False}},
        {"follow_up": {"ordinary_hours_discussed": True, "tasks": "t\n"}},
        {"follow_up": {"ordinary_hours_discussed": None}},
        {"follow_up": {"ordinary_hours_discussed": True, "tasks": "t\n"}},
        {"follow_up.ordinary_hours_discussed": (False, True, M)}),
    row("attendance-is-atomic", "meeting", {"follow_up": {"attendance": ATTENDANCE}},
        {"follow_up": {"attendance": {**ATTENDANCE, "attended_hours": 25}}},
        {"follow_up": {"attendance": {**ATTENDANCE, "norm_hours": 30}}},
        {"follow_up": {"attendance": {**ATTENDANCE, "attended_hours": 25}}},
        {"follow_up.attendance": (ATTENDANCE, {**ATTENDANCE, "attended_hours": 25},
                                  {**ATTENDANCE, "norm_hours": 30})}),
    row("job-goals-keys", "citizen", {"job_goals": {"a": "x"}},
        {"job_goals": {"a": "y"}}, {"job_goals": {"a": "x", "c": "z"}},
        {"job_goals": {"a": "y", "c": "z"}}),
    row("object-removed-by-client-server-changes-key", "citizen",
        {"job_goals": {"a": "x", "b": "y"}}, {"job_goals": {"a": "X", "b": "y"}}, {},
        {"job_goals": {"a": "X"}}, {"job_goals.a": ("x", "X", M)}),
    row("object-emptied-on-both-sides-goes", "citizen", {"job_goals": {"a": "x"}},
        {"job_goals": {}}, {}, {}),
    row("object-emptied-by-client-stays-present", "citizen", {"job_goals": {"a": "x"}},
        {"job_goals": {"a": "x"}, "name": "N"}, {"job_goals": {}},
        {"job_goals": {}, "name": "N"}),
    row("answers-repeat-group-different-keys", "assessment",
        {"answers": {"tasks": {UUID: {"task": "Kasse", "employer_rating": 3}}}},
        {"answers": {"tasks": {UUID: {"task": "Kasse", "employer_rating": 4}}}},
        {"answers": {"tasks": {UUID: {"task": "Kasse", "employer_rating": 3,
                                      "time_spent": "2 t"}}}},
        {"answers": {"tasks": {UUID: {"task": "Kasse", "employer_rating": 4,
                                      "time_spent": "2 t"}}}}),
    row("answers-repeat-group-same-key", "assessment",
        {"answers": {"tasks": {UUID: {"employer_rating": 3}}}},
        {"answers": {"tasks": {UUID: {"employer_rating": 4}}}},
        {"answers": {"tasks": {UUID: {"employer_rating": 5}}}},
        {"answers": {"tasks": {UUID: {"employer_rating": 4}}}},
        {f"answers.tasks.{UUID}.employer_rating": (3, 4, 5)}),
    row("answers-rows-added-on-both-sides", "assessment", {"answers": {}},
        {"answers": {"tasks": {UUID: {"task": "S"}}}},
        {"answers": {"tasks": {UUID2: {"task": "C"}}}},
        {"answers": {"tasks": {UUID: {"task": "S"}, UUID2: {"task": "C"}}}}),
    row("answers-multichoice-is-atomic", "assessment", {"answers": {"c01": ["a"]}},
        {"answers": {"c01": ["a", "b"]}}, {"answers": {"c01": []}},
        {"answers": {"c01": ["a", "b"]}}, {"answers.c01": (["a"], ["a", "b"], [])}),
    row("signature-content-is-atomic", "signature", {"content": {"a": 1}},
        {"content": {"a": 2}}, {"content": {"a": 1, "b": 1}}, {"content": {"a": 2}},
        {"content": ({"a": 1}, {"a": 2}, {"a": 1, "b": 1})}),
]

TEMPLATE_ROWS = [
    row("longtext-merges-as-text", "assessment", {"answers": {"c07": BASE3}},
        {"answers": {"c07": "ONE\ntwo\nthree\n"}}, {"answers": {"c07": "one\ntwo\nTHREE\n"}},
        {"answers": {"c07": "ONE\ntwo\nTHREE\n"}}, text_units={"answers.c07"}),
    row("longtext-not-named-is-atomic", "assessment", {"answers": {"c07": BASE3}},
        {"answers": {"c07": "ONE\ntwo\nthree\n"}}, {"answers": {"c07": "one\ntwo\nTHREE\n"}},
        {"answers": {"c07": "ONE\ntwo\nthree\n"}},
        {"answers.c07": (BASE3, "ONE\ntwo\nthree\n", "one\ntwo\nTHREE\n")}),
    row("longtext-in-repeat-group-by-wildcard", "assessment",
        {"answers": {"tasks": {UUID: {"agreement": BASE3}}}},
        {"answers": {"tasks": {UUID: {"agreement": "ONE\ntwo\nthree\n"}}}},
        {"answers": {"tasks": {UUID: {"agreement": "one\ntwo\nTHREE\n"}}}},
        {"answers": {"tasks": {UUID: {"agreement": "ONE\ntwo\nTHREE\n"}}}},
        text_units={"answers.tasks.*.agreement"}),
    row("longtext-in-agreement-content-conflict", "agreement", {"content": {"notes": "a\n"}},
        {"content": {"notes": "s\n"}}, {"content": {"notes": "c\n"}},
        {"content": {"notes": "s\n"}}, {"content.notes": ("a\n", "s\n", "c\n")},
        text_units={"content.notes"}),
]


@pytest.mark.parametrize(
    "record_type, base, server, client, data, conflicts, text_units",
    ATOMIC_ROWS + NULL_AND_UNKNOWN_ROWS + TEXT_ROWS + LIST_ROWS + SET_ROWS + OBJECT_ROWS
    + TEMPLATE_ROWS,
)
def test_merge_table(record_type, base, server, client, data, conflicts, text_units):
    result = merge(record_type, base, server, client, text_units=text_units)
    assert result.data == data
    assert {unit: (c.base, c.server, c.client) for unit, c in result.conflicts.items()} \
        == conflicts


@pytest.mark.parametrize("record_type, base, other, units", [
    pytest.param("company", {"city": "X"}, {"city": "Y", "name": "N"}, {"city", "name"},
                 id="top-level-fields"),
    pytest.param("company", {"city": None}, {}, set(), id="null-is-absent"),
    pytest.param("meeting", {"follow_up": {"works_well": "a\n", "attendance": ATTENDANCE}},
                 {"follow_up": {"works_well": "b\n", "attendance": {}}},
                 {"follow_up.works_well", "follow_up.attendance"}, id="object-keys"),
    pytest.param("meeting", {"agreements": AGREEMENTS},
                 {"agreements": [item("a", "A2"), item("n", "N", done=False)]},
                 {"agreements.a.text", "agreements.b", "agreements.n.text",
                  "agreements.n.done"}, id="list-items"),
    pytest.param("meeting", {"agreements": AGREEMENTS}, {"agreements": AGREEMENTS[::-1]},
                 {"agreements"}, id="list-order"),
    pytest.param("meeting", {}, {"agreements": [], "follow_up": {}},
                 {"agreements", "follow_up"}, id="empty-containers-present"),
    pytest.param("assessment", {"answers": {"tasks": {UUID: {"task": "a"}}}},
                 {"answers": {"tasks": {UUID: {"task": "b"}}}},
                 {f"answers.tasks.{UUID}.task"}, id="nested-answers"),
])
def test_diff_units(record_type, base, other, units):
    assert diff_units(record_type, base, other) == units


def test_result_reports_sides_and_applied():
    base = {"name": "A", "city": "X", "agreements": AGREEMENTS}
    server = {"name": "A", "city": "Y"}
    client = {"name": "B", "agreements": [item("a", "A2"), item("b", "B")]}
    result = merge("meeting", base, server, client)
    assert result.client_changed == {"name", "city", "agreements.a.text"}
    assert result.server_changed == {"city", "agreements.a", "agreements.b"}
    assert result.applied == {"name"} and result.client_applied
    assert result.data == {"name": "B", "city": "Y"}
    assert result.conflict_values() == (
        {"city": "X", "agreements.a": item("a", "A")}, {"city": "Y"},
        {"agreements.a": item("a", "A2")})


def test_nothing_applied_when_everything_conflicts():
    result = merge("company", {"city": "X"}, {"city": "Y"}, {"city": "Z"})
    assert not result.client_applied and result.applied == frozenset()


def test_dropped_client_reorder_is_not_applied():
    result = merge("meeting", {"agreements": AGREEMENTS},
                   {"agreements": AGREEMENTS + [item("s", "S")]},
                   {"agreements": AGREEMENTS[::-1]})
    assert result.client_changed == {"agreements"}
    assert result.applied == frozenset() and result.conflicts == {}


def test_merge_does_not_mutate_inputs():
    base = {"agreements": [item("a", "A", done=None)]}
    server = {"agreements": [item("a", "S")]}
    client = {"agreements": [item("a", "C")]}
    copies = [repr(x) for x in (base, server, client)]
    merge("meeting", base, server, client)
    assert [repr(x) for x in (base, server, client)] == copies


@pytest.mark.parametrize("data, unit, value", [
    pytest.param({"city": "X"}, "city", "X", id="top-level"),
    pytest.param({"city": None}, "city", M, id="null"),
    pytest.param({"follow_up": {"tasks": "t"}}, "follow_up.tasks", "t", id="object-key"),
    pytest.param({"agreements": AGREEMENTS}, "agreements.b.text", "B", id="item-key"),
    pytest.param({"agreements": AGREEMENTS}, "agreements.a", item("a", "A"), id="item"),
    pytest.param({"agreements": AGREEMENTS}, "agreements.z.text", M, id="absent-item"),
    pytest.param({"city": "X"}, "city.x", M, id="below-a-scalar"),
])
def test_unit_value(data, unit, value):
    assert unit_value(data, unit) == value


def test_template_text_units_names_longtext_items():
    definition = {"sections": [
        {"id": "s1", "items": [{"id": "c07", "type": "longtext"}, {"id": "c08", "type": "text"}]},
        {"id": "s2", "items": [{"id": "tasks", "type": "repeat", "over": "rows", "items": [
            {"id": "agreement", "type": "longtext"}, {"id": "rating", "type": "rating"}]}]},
    ]}
    assert template_text_units("answers", definition) == {"answers.c07",
                                                          "answers.tasks.*.agreement"}


def test_builtin_template_longtext_merges_in_repeat_group():
    units = {"answers.tasks.*.needed_for_pay"}
    result = merge("assessment",
                   {"answers": {"tasks": {UUID: {"needed_for_pay": BASE3}}}},
                   {"answers": {"tasks": {UUID: {"needed_for_pay": "ONE\ntwo\nthree\n"}}}},
                   {"answers": {"tasks": {UUID: {"needed_for_pay": "one\ntwo\nTHREE\n"}}}},
                   text_units=units)
    assert result.data["answers"]["tasks"][UUID]["needed_for_pay"] == "ONE\ntwo\nTHREE\n"
    assert result.applied == {f"answers.tasks.{UUID}.needed_for_pay"}


def test_sync_imports_only_standard_library_and_merge3():
    allowed = set(sys.stdlib_module_names) | {"merge3", "sync"}
    for source in (Path(__file__).parents[2] / "sync").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            assert {name.split(".")[0] for name in names} <= allowed, (source.name, names)
