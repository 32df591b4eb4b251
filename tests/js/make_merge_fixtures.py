"""Write tests/js/fixtures/merge-cases.json: the Python merge's answers for the JS cross-check.

Run from the repository root: `.venv/bin/python tests/js/make_merge_fixtures.py`.
The cases are test_merge.py's table rows, derandomized examples of the property tests'
record triples, long texts that reach difflib's popular-line rule, and a few values with
their canonical SHA-256 (server.schemas.records.canonical_sha256).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from server.schemas.records import canonical_sha256  # noqa: E402
from sync.merge import MISSING, diff_units, merge  # noqa: E402
from tests.sync import test_merge as table  # noqa: E402
from tests.sync.test_merge_properties import TEXT_UNITS, triples  # noqa: E402

OUT = Path(__file__).parent / "fixtures" / "merge-cases.json"
ROWS = (table.ATOMIC_ROWS + table.NULL_AND_UNKNOWN_ROWS + table.TEXT_ROWS + table.LIST_ROWS
        + table.SET_ROWS + table.OBJECT_ROWS + table.TEMPLATE_ROWS)
HASH_VALUES = [
    {"b": [1, 2.5, 1e21, 0.1, -0.0, 1e-7], "a": "Ærø æøå ÆØÅ", "é": None, "€": True},
    {"content": {"text": "Praktik hos Bageriet\r\n👍🏽", "hours": 37, "nested": [[1, [2]], {}]}},
    [], {}, "", 0, 123456789012345, 4.5e-324, "\u2028\u0000\u001f\"\\",
]


def case(name, record_type, base, server, client, text_units=()):
    """One merge case with the Python merge's full answer."""
    result = merge(record_type, base, server, client, text_units=frozenset(text_units))
    conflicts = {unit: {side: value for side in ("base", "server", "client")
                        if (value := getattr(c, side)) is not MISSING}
                 for unit, c in result.conflicts.items()}
    return {"name": name, "type": record_type, "base": base, "server": server,
            "client": client, "textUnits": sorted(text_units), "data": result.data,
            "conflicts": conflicts, "clientChanged": sorted(result.client_changed),
            "serverChanged": sorted(result.server_changed), "applied": sorted(result.applied)}


def property_triples(count):
    """Derandomized (record type, base, server, client) examples of the property tests."""
    found = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(triples())
    def collect(triple):
        found.append(triple)

    collect()
    return found


def long_text(rng, size):
    """A text of `size` lines from a small vocabulary, so that some lines are popular."""
    return "".join(rng.choice(["a\n", "b\n", "\n", "\n", "Linje 1\n", "Linje 2\n"])
                   for _ in range(size))


def edit_lines(rng, text):
    """Drop, change or insert a line near each end and one or two in between."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(3, 4)):
        at = min(len(lines), max(0, rng.choice([rng.randrange(10), len(lines) - rng.randrange(10),
                                                rng.randrange(len(lines) + 1)])))
        action = rng.choice(["drop", "change", "insert"])
        if action == "insert" or at == len(lines):
            lines.insert(at, rng.choice(["ny\n", "\n", "a\n"]))
        elif action == "drop":
            del lines[at]
        else:
            lines[at] = "ændret\n"
    return "".join(lines)


def main():
    cases = [case(row.id, *row.values[:4], text_units=row.values[6]) for row in ROWS]
    for index, (record_type, base, server, client) in enumerate(property_triples(300)):
        cases.append(case(f"property-{index}", record_type, base, server, client, TEXT_UNITS))
    rng = random.Random(8785)
    for index in range(20):
        base = long_text(rng, rng.randint(200, 320))
        sides = [{"notes_company": edit_lines(rng, base)} for _ in range(2)]
        cases.append(case(f"long-text-{index}", "meeting", {"notes_company": base}, *sides))
    diffs = [{"type": p.values[0], "base": p.values[1], "other": p.values[2],
              "units": sorted(diff_units(*p.values[:3]))}
             for p in table.test_diff_units.pytestmark[0].args[1]]
    hashes = [{"value": value, "sha256": canonical_sha256(value)} for value in HASH_VALUES]
    sections = {"merges": cases, "diffs": diffs, "hashes": hashes}
    OUT.write_text("{\n" + ",\n".join(  # one case a line
        f'"{name}": [\n' + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
        + "\n]" for name, items in sections.items()) + "\n}\n", encoding="utf-8")
    print(f"{len(cases)} merges, {len(diffs)} diffs, {len(hashes)} hashes -> {OUT}")


if __name__ == "__main__":
    main()
