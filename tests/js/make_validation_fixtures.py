"""Write tests/js/fixtures/validation-cases.json: the server's verdict on many field values.

Run from the repository root: `.venv/bin/python tests/js/make_validation_fixtures.py`.
For every record type the client validates, every top-level field of its server schema
gets every value of a fixed zoo (strings of every format the schemas know, at and over
their limits, numbers, booleans, lists, objects) and, for enumerations, each word; the
server's `validate_record_data` says which fields it refuses. The node test
(validation-fixtures.test.mjs) asks `validateRecord` the same and compares the fields, so the
client's mirror of the rules cannot drift from the server's. Template answers and content
are left out (their rules come from the template, tested in template-model.test.mjs).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from server.builtin_templates import find_template, load_builtin_templates  # noqa: E402
from server.schemas.objects import Words  # noqa: E402
from server.schemas.records import RECORD_SCHEMAS, validate_record_data  # noqa: E402
from server.schemas.values import Enum  # noqa: E402

OUT = Path(__file__).parent / "fixtures" / "validation-cases.json"
U1 = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
U2 = "6fa459ea-ee8a-3ca4-894e-db77e160355e"
SHA = "a" * 64
# A minimal valid record of each type (the required fields only).
BASE = {
    "company": {"name": "Havnens Bageri"},
    "contact": {"company_id": U1, "name": "Mette Holm"},
    "citizen": {"name": "Ali Hassan"},
    "placement": {"citizen_id": U1, "company_id": U2, "kind": "internship",
                  "start_date": "2026-03-02"},
    "meeting": {"company_id": U1, "kind": "follow_up"},
    "job_order": {"company_id": U1, "title": "Lagermedarbejder"},
    "task": {"title": "Ring til Mette"},
}
SKIPPED_FIELDS = {"answers", "content"}
# Rules that span fields, each on both sides of its line.
SPANNING = [
    ("job_order", {"positions": 2, "filled": 3}), ("job_order", {"positions": 3, "filled": 3}),
    ("job_order", {"filled": 1}), ("placement", {"end_date": "2026-03-01"}),
    ("placement", {"end_date": "2026-03-02"}), ("meeting", {"status": "final"}),
    ("meeting", {"status": "final", "held_at": "2026-03-02T10:00:00Z"}),
    ("meeting", {"status": "final", "held_at": "2026-03-02T10:00:00Z",
                 "next_follow_up": "2026-04-01"}),
    ("task", {"related_id": U1, "related_type": "meeting"}), ("task", {"related_type": "meeting"}),
]
ZOO = [
    "Tekst", "Æblegade 1, 2. th.", "x" * 200, "x" * 201, "x" * 500, "x" * 501, "a\u0000b",
    "a\tb\nc\r", "a\u0007b", "x" * 100_000, "x" * 100_001,
    "10150817", "10150818", "1015081", "2026-03-02", "2026-02-30", "26-03-02", "2026-3-2",
    "2026-03-02T10:00:00Z", "2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00", "2026-03-02 10:00",
    U1, U1.upper(), "not-a-uuid", "010190-1234", "010190-4234", "320190-1234", "0101901234",
    "8000", "800", "80000", "a@b.dk", "a@b", "ab", "+45 12 34 56 78", "(45) 12-34", "12ab",
    "https://eksempel.dk", "eksempel.dk", "ftp://x.dk", SHA, SHA.upper(),
    0, 1, -1, 2.5, 2.25, 2.125, 37, 1e300, 2 ** 53, 2 ** 53 - 1,
    True, False, [], ["Tekst"], [1], [{"id": U1}], {}, {"a": 1},
]


def words(field) -> list:
    """The valid and repeated word values an enumeration or word-list field takes."""
    if isinstance(field, Enum):
        return list(field.words)
    if isinstance(field, Words):
        first = field.inner.words[0]
        return [[first], [first, first], list(field.inner.words)]
    return []


def _packed(value):
    """A long run of one character as {"repeat", "times"} (the node test unpacks it)."""
    if isinstance(value, str) and len(value) > 100 and len(set(value)) == 1:
        return {"repeat": value[0], "times": len(value)}
    return value


def verdict(templates: list[dict], record_type: str, changes: dict) -> dict:
    """One case: the changes on top of the type's base record and the fields refused."""
    errors = validate_record_data(
        record_type, {**BASE[record_type], **changes},
        find_template=lambda kind, key, version: find_template(templates, kind, key, version))
    return {"type": record_type, "data": {k: _packed(v) for k, v in changes.items()},
            "refused": sorted({path.split(".")[1] for path in errors})}


def cases(templates: list[dict]) -> list[dict]:
    """Every (type, field, value) case and the spanning cases, with the server's verdict."""
    found = [verdict(templates, record_type, {name: value})
             for record_type in BASE
             for name, field in RECORD_SCHEMAS[record_type]().fields.items()
             if name not in SKIPPED_FIELDS
             for value in [*ZOO, *words(field)]]
    return found + [verdict(templates, record_type, changes) for record_type, changes in SPANNING]


def main() -> None:
    """Write the fixture file."""
    found = cases(load_builtin_templates())
    text = json.dumps(found, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text.replace("},{", "},\n{") + "\n", encoding="utf-8")
    print(f"{len(found)} cases → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
