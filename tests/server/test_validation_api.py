"""Record validation through the real push API (docs/protocol.md 0 and 3, docs/domain.md "Values",
"References", "Validation"), table-driven on SQLite and PostgreSQL.

The field tables are the unit tests' own (tests/server/test_validation.py and the
parametrize tables of tests/server/test_validation_records.py), pushed as records of a small
world of parent records of anne's team: every placeholder id in a reference field is
replaced by the world's record of the type the field names. Templates are the built-in ones.
Each test pushes all its cases in as few pushes as the protocol allows (one result per
change, in order) and reports every case that went wrong at once:

- a valid case is `applied` at rev 1 and its record holds the data as sent, less nulls;
- an invalid case is `rejected` with a `/validation` (or `/reference`) problem of status
  400 whose `errors` name exactly the expected dotted fields, and GET answers 404.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import pytest

from server.builtin_templates import load_builtin_templates
from server.schemas.records import canonical_sha256, record_references, user_references
from tests.server import test_validation_records as unit_records
from tests.server.sync_helpers import Device, new_id, upsert
from tests.server.test_validation import (
    BOOLEAN,
    CONTROL,
    DATE,
    FIELD_RULES,
    INTEGER,
    REQUIRED,
    REQUIRED_FIELDS,
    SAFE,
    STRING,
    SURROGATE,
    longer,
)
from tests.server.validation_fixtures import COVERED, ITEM_IDS, MINIMAL, U1, U2, U3, put

NIL = "00000000-0000-0000-0000-000000000000"
PLACEHOLDERS = {U1, U2, U3, *ITEM_IDS}
ROW = ITEM_IDS[2]
MAX_PUSH_BYTES = 4 * 1024 * 1024
FINAL = "is required when status is final"
FINAL_ANSWERS = "final needs every required item answered"
NOT_AN_ITEM = "is not an item of this template version"
TIME = "must be a time written HH:MM"
TEMPLATES = load_builtin_templates()
TEMPLATE_OF = {"assessment": "progressionskort", "agreement": "opstartsaftale"}
# The unit tables' minimal records, with the built-in templates instead of the test one.
API_MINIMAL = {**MINIMAL, **{kind: {**MINIMAL[kind], "template_key": key}
                             for kind, key in TEMPLATE_OF.items()}}
PUSHABLE = sorted(set(MINIMAL) - {"conflict"})
# The unit table's records that set every field, answers and content emptied (they use the
# unit tests' own template).
FULL_API = {**unit_records.FULL, **{
    kind: {**unit_records.FULL[kind], "template_key": key,
           ("answers" if kind == "assessment" else "content"): {}}
    for kind, key in TEMPLATE_OF.items()}}


@dataclass(frozen=True)
class Case:
    """One record to push: `errors` None means valid; else path -> expected messages.

    A message list of one string that ends in "…" is a prefix; otherwise it must be equal.
    """

    name: str
    record_type: str
    data: dict
    errors: dict[str, list[str]] | None = None
    slug: str = "validation"


def prefix(message: str) -> list[str]:
    """An expected message list of exactly one message starting with `message`."""
    return [message + "…"]


def table(test) -> list:
    """The rows of a unit test's parametrize table (the unit tests' data, not a copy)."""
    (mark,) = [mark for mark in test.pytestmark if mark.name == "parametrize"]
    return list(mark.args[1])


def is_json(value: object) -> bool:
    """Whether a value can travel as JSON: NaN and Infinity cannot (the body is refused)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(is_json(v) for v in value.values())
    if isinstance(value, list):
        return all(is_json(v) for v in value)
    return True


def same_json(a: object, b: object) -> bool:
    """JSON equality that tells booleans from numbers (Python's == does not: True == 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def without_nulls(value: object) -> object:
    """The value as the server should store it: object keys whose value is null dropped at
    every depth, null list elements kept (docs/domain.md "Values")."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def in_world(record_type: str, data: dict, world: dict) -> dict:
    """The data with every placeholder reference replaced by the world's record or user."""
    for path, target, ref in record_references(record_type, data):
        if ref in PLACEHOLDERS:
            data = put(data, path.removeprefix("data."), world[target])
    for path, ref in user_references(record_type, data):
        if ref in PLACEHOLDERS:
            data = put(data, path.removeprefix("data."), world["user"])
    return data


def encode(changes: list[dict]) -> bytes:
    """A push body as UTF-8 JSON; lone surrogates travel as JSON escapes (\\udXXX)."""
    return json.dumps({"changes": changes}, ensure_ascii=False, allow_nan=False).encode(
        "utf-8", "backslashreplace")


def push_all(device: Device, changes: list[dict]) -> list[dict]:
    """Push the changes in order, in as few pushes as the size limits allow."""
    results, batch, size = [], [], 0
    batches = []
    for change in changes:
        bytes_ = len(encode([change]))
        if batch and (len(batch) == 500 or size + bytes_ > MAX_PUSH_BYTES):
            batches.append(batch)
            batch, size = [], 0
        batch.append(change)
        size += bytes_
    batches.append(batch)
    for batch in batches:
        response = device.client.post("/api/v1/sync/push", data=encode(batch),
                                      content_type="application/json", headers=device.headers)
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        answer = response.get_json()["results"]
        assert [r["mutation_id"] for r in answer] == [c["mutation_id"] for c in batch], \
            "one result per change, in request order"
        results += answer
    return results


def messages_match(expected: list[str], actual: object) -> bool:
    """Whether a field's messages are the expected ones (a trailing … means a prefix)."""
    if len(expected) == 1 and expected[0].endswith("…"):
        return (isinstance(actual, list) and len(actual) == 1 and isinstance(actual[0], str)
                and actual[0].startswith(expected[0][:-1]))
    return actual == expected


def failures_of(device: Device, cases: list[Case], world: dict) -> list[str]:
    """Push every case and describe each one whose outcome is not the expected one."""
    assert cases, "an empty table tests nothing"
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names are unique"
    sent = [(case, new_id(), in_world(case.record_type, case.data, world)) for case in cases]
    results = push_all(device, [upsert(case.record_type, record_id, data)
                                for case, record_id, data in sent])
    failures = []
    for (case, record_id, data), result in zip(sent, results):
        if case.errors is None:
            record = result.get("record") or {}
            if (result["status"], result.get("rev")) != ("applied", 1):
                failures.append(f"{case.name}: valid but {result['status']}: "
                                f"{result.get('error')}")
            elif not same_json(record.get("data"), without_nulls(data)):
                failures.append(f"{case.name}: stored {str(record.get('data'))[:300]}, "
                                f"sent {str(without_nulls(data))[:300]}")
            continue
        error = result.get("error") or {}
        if result["status"] != "rejected":
            failures.append(f"{case.name}: invalid but {result['status']}")
        elif not (str(error.get("type", "")).endswith(f"/{case.slug}")
                  and error.get("status") == 400):
            failures.append(f"{case.name}: not a 400 /{case.slug} problem: {error}")
        elif set(error.get("errors", {})) != set(case.errors):
            failures.append(f"{case.name}: errors name {sorted(error.get('errors', {}))}, "
                            f"expected {sorted(case.errors)}")
        elif not all(messages_match(case.errors[k], error["errors"][k]) for k in case.errors):
            failures.append(f"{case.name}: messages {error['errors']}, expected {case.errors}")
        response = device.get(case.record_type, record_id)
        if response.status_code != 404:
            failures.append(f"{case.name}: GET after the rejection answers "
                            f"{response.status_code}, not 404")
    return failures


def check_cases(device: Device, cases: list[Case], world: dict) -> None:
    """Assert every case's outcome; on failure list every case that went wrong."""
    failures = failures_of(device, cases, world)
    failed = {line.split(":", 1)[0] for line in failures}
    assert not failures, f"{len(failed)} of {len(cases)} cases:\n" + "\n".join(failures)


# --- the world --------------------------------------------------------------------------

def make_world(device: Device, with_nil_company: bool = False) -> dict:
    """Parent records of the device's team, one per referenced type, pushed parents first."""
    ids = {name: new_id() for name in ("company", "contact", "citizen", "placement",
                                       "agreement", "meeting", "job_order")}
    records = [
        ("company", ids["company"], {"name": "Bager Hansen ApS", "cvr": "24256790"}),
        ("contact", ids["contact"], {"company_id": ids["company"], "name": "Mette Holm"}),
        ("citizen", ids["citizen"], {"name": "Ali Hassan"}),
        ("placement", ids["placement"], {"citizen_id": ids["citizen"],
                                         "company_id": ids["company"], "kind": "internship",
                                         "start_date": "2025-03-03"}),
        ("agreement", ids["agreement"], {"placement_id": ids["placement"],
                                         "template_key": "opstartsaftale",
                                         "template_version": 1, "content": {}}),
        ("meeting", ids["meeting"], {"company_id": ids["company"], "kind": "follow_up"}),
        ("job_order", ids["job_order"], {"company_id": ids["company"], "title": "Bager"}),
    ]
    if with_nil_company:
        records.insert(1, ("company", NIL, {"name": "Nul ApS"}))
    results = push_all(device, [upsert(*record) for record in records])
    assert [r["status"] for r in results] == ["applied"] * len(records), results
    return {**ids, "user": device.user["id"]}


@pytest.fixture
def anne(client, users):
    return Device(client, "anne")


@pytest.fixture
def world(anne):
    """anne's team's parents; the nil UUID is a company too, as the UUID table names it."""
    return make_world(anne, with_nil_company=True)


# --- field rules: the unit table of every rule family, per record type -------------------

def field_rule_cases(record_type: str) -> list[Case]:
    """FIELD_RULES of a type that can travel as JSON, on the API's minimal record."""
    cases = []
    for row in FIELD_RULES:
        rtype, path, value, at, message = row.values
        if rtype != record_type or not is_json(value):
            continue
        errors = None if message is None else {f"data.{at}": prefix(message)}
        cases.append(Case(row.id, rtype, put(API_MINIMAL[rtype], path, value), errors))
    return cases


def test_field_rules_through_push(anne, world):
    """Every field rule of the unit tables holds through a push, for every record type: CVR,
    CPR, postcode, e-mail, phone, website, dates, date-times, UUIDs, integers, hours,
    booleans, enumerations, word lists, item lists, control characters and surrogates,
    lengths, nested objects."""
    cases = []
    for record_type in PUSHABLE:
        of_type = field_rule_cases(record_type)
        assert any(c.errors is None for c in of_type) and any(c.errors for c in of_type)
        cases += of_type
    check_cases(anne, cases, world)


def test_every_json_field_rule_is_pushed():
    """Only the conflict rows (not pushable) and NaN/Infinity rows (not JSON) stay out."""
    pushed = sum(len(field_rule_cases(t)) for t in PUSHABLE)
    left_out = [row.id for row in FIELD_RULES if row.values[0] != "conflict"
                and not is_json(row.values[2])]
    assert sorted(left_out) == sorted(["company.employees-bad-nan",
                                       "company.employees-bad-infinity",
                                       "job_order.hours_per_week-bad-nan",
                                       "job_order.hours_per_week-bad-infinity"])
    assert pushed == sum(1 for row in FIELD_RULES if row.values[0] != "conflict") - 4


def test_non_finite_numbers_are_not_json_and_refused_whole(anne):
    """NaN and Infinity cannot be sent: the push is a 400 validation problem, not a 500."""
    for literal in ("NaN", "Infinity", "-Infinity"):
        record_id = new_id()
        body = ('{"changes": [{"mutation_id": "%s", "type": "company", "id": "%s", '
                '"op": "upsert", "base_rev": 0, "data": {"name": "A", "employees": %s}}]}'
                % (new_id(), record_id, literal))
        response = anne.client.post("/api/v1/sync/push", data=body,
                                    content_type="application/json", headers=anne.headers)
        assert response.status_code == 400, literal
        assert response.get_json()["type"].endswith("/validation")
        assert anne.get("company", record_id).status_code == 404


# --- required fields ---------------------------------------------------------------------

def required_cases() -> list[Case]:
    """Each `*` field missing, or null: `is required`; the minimal record itself is valid."""
    cases = [Case(f"{t}-minimal", t, API_MINIMAL[t]) for t in PUSHABLE]
    for record_type, fields in REQUIRED_FIELDS.items():
        if record_type == "conflict":
            continue
        for field in fields:
            missing = {k: v for k, v in API_MINIMAL[record_type].items() if k != field}
            cases.append(Case(f"{record_type}.{field}-missing", record_type, missing,
                              {f"data.{field}": [REQUIRED]}))
            cases.append(Case(f"{record_type}.{field}-null", record_type,
                              {**API_MINIMAL[record_type], field: None},
                              {f"data.{field}": [REQUIRED]}))
    return cases


def test_required_fields_through_push(anne, world):
    """Only the `*` fields are required, and null is the same as absent."""
    check_cases(anne, required_cases(), world)


# --- rules spanning fields, final meetings, signatures, unknown keys --------------------

def cross_field_cases() -> list[Case]:
    """The unit table of cross-field rules: end before start, filled > positions, a final
    meeting without held_at or next_follow_up, a drawn signature without strokes, …"""
    return [Case(row.id, rtype, {**API_MINIMAL[rtype], **changes}, errors or None)
            for row in table(unit_records.test_cross_field_rule)
            for rtype, changes, errors in [row.values]]


def signature_cases() -> list[Case]:
    """The unit table of signature rules plus valid signatures, typed and drawn."""
    cases = [Case(row.id, "signature", put(API_MINIMAL["signature"], path, value),
                  errors or None)
             for row in table(unit_records.test_signature_rule)
             for path, value, errors in [row.values] if is_json(value)]
    with_null = {**COVERED, "content": {**COVERED["content"], "illness_contact": None}}
    sha_mismatch = ["must be the SHA-256 of the RFC 8785 canonical JSON of content"]
    tricky = {**unit_records.TRICKY, "content": {**unit_records.TRICKY["content"], "big": 1e15}}
    return cases + [
        Case("typed", "signature", API_MINIMAL["signature"]),
        Case("drawn", "signature", unit_records.FULL["signature"]),
        Case("rfc8785-tricky-content", "signature", {**API_MINIMAL["signature"],
             "content": tricky, "content_sha256": canonical_sha256(tricky)}),
        Case("hash-over-content-with-null", "signature", {
            **API_MINIMAL["signature"], "content_sha256": canonical_sha256(with_null),
            "content": with_null}, {"data.content_sha256": sha_mismatch}),
        Case("null-in-content-dropped-before-hashing", "signature", {
            **API_MINIMAL["signature"], "content": with_null}),
        Case("hash-of-another-content", "signature", {
            **API_MINIMAL["signature"],
            "content_sha256": canonical_sha256({**COVERED, "template_version": 2})},
            {"data.content_sha256": sha_mismatch}),
    ]


def nested(levels: int) -> object:
    """A string inside `levels` nested lists."""
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


def unknown_key_cases() -> list[Case]:
    """The unit table of unknown keys (kept when their values obey the value rules), plus
    the nesting limit (32 levels below the key) and the key length limit (500)."""
    company = API_MINIMAL["company"]
    return [Case(row.id, rtype, put(API_MINIMAL[rtype], path, value), errors or None)
            for row in table(unit_records.test_unknown_keys_are_kept_but_checked)
            for rtype, path, value, errors in [row.values] if is_json(value)] + [
        Case("unknown-31-levels", "company", {**company, "x_deep": nested(31)}),
        Case("unknown-32-levels", "company", {**company, "x_deep": nested(32)},
             {"data.x_deep" + ".0" * 32: ["must not be nested more than 32 levels deep"]}),
        Case("unknown-key-500-chars", "company", {**company, "k" * 500: 1}),
        Case("unknown-key-501-chars", "company", {**company, "k" * 501: 1},
             {"data." + "k" * 501: ["key must be at most 500 characters"]}),
    ]


def test_cross_field_rules_through_push(anne, world):
    """Rules spanning fields are rejected naming every field they span."""
    cases = cross_field_cases()
    assert {c.record_type for c in cases} >= {"placement", "meeting", "job_order", "task"}
    check_cases(anne, cases, world)


def test_signature_content_hash_through_push(anne, world):
    """A signature's hash must be the RFC 8785 hash of its own content copy (without nulls)."""
    check_cases(anne, signature_cases(), world)


def test_unknown_keys_are_kept_but_checked_through_push(anne, world):
    """Unknown keys are stored and answered unchanged; their values obey the value rules."""
    check_cases(anne, unknown_key_cases(), world)


def test_every_record_type_with_every_field_is_applied_unchanged(anne, world):
    """A record of each type setting every field (unit table FULL) is stored as sent."""
    check_cases(anne, [Case(f"{t}-full", t, FULL_API[t]) for t in PUSHABLE], world)


def test_unknown_keys_and_nulls_round_trip(anne, world):
    """Unknown keys come back unchanged at every depth; keys whose value is null are dropped
    at every depth (null list elements stay); nothing is trimmed or reformatted; GET and
    pull answer the same data."""
    record_id = new_id()
    text = {"notes_company": "  Linje 1\r\nLinje 2  \n", "purpose": "\tIndrykket ", "x_note": " "}
    data = {**text, "company_id": world["company"], "kind": "follow_up", "location": None,
            "x_rating": {"score": 4, "note": "ok", "tags": ["a", None], "gone": None},
            "follow_up": {"mood": "good", "works_well": None,
                          "attendance": {"norm_hours": 30, "attended_hours": None}},
            "agreements": [{"id": ITEM_IDS[0], "text": "Ali ringer", "priority": "high",
                            "due_date": None}],
            "participants": [{"id": ITEM_IDS[1], "contact_id": world["contact"],
                              "x_badge": [1, 2.5, True, "æ\n"], "name": None}]}
    expected = {**text, "company_id": world["company"], "kind": "follow_up",
                "x_rating": {"score": 4, "note": "ok", "tags": ["a", None]},
                "follow_up": {"mood": "good", "attendance": {"norm_hours": 30}},
                "agreements": [{"id": ITEM_IDS[0], "text": "Ali ringer", "priority": "high"}],
                "participants": [{"id": ITEM_IDS[1], "contact_id": world["contact"],
                                  "x_badge": [1, 2.5, True, "æ\n"]}]}
    result = anne.upsert("meeting", record_id, data)
    assert (result["status"], result["rev"]) == ("applied", 1), result
    assert same_json(result["record"]["data"], expected)
    assert same_json(anne.get("meeting", record_id).get_json()["data"], expected)
    pulled, _ = anne.pull_all()
    assert same_json(pulled[record_id]["data"], expected)


# --- numbers beyond 2^53 - 1, however they are spelled ------------------------------

NUMBER_FIELDS = [
    # (record type, path to put the value at, path the error names); Number fields only:
    # the Integer fields' float spellings are in the unit table (INTEGERS "huge-float").
    ("job_order", "hours_per_week", "hours_per_week"),
    ("placement", "hours.0.internship_hours", "hours.0.internship_hours"),
    ("meeting", "follow_up.attendance.norm_hours", "follow_up.attendance.norm_hours"),
    ("signature", "width", "width"),
    ("signature", "strokes", "strokes.0.0.0"),
    ("company", "x_unknown", "x_unknown"),
    ("company", "employees", "employees"),
]
# JSON has one number type: 9007199254740992.0 and 1e+20 are the integers 2^53 and 10^20.
BEYOND_SAFE = {"2^53-as-float": 2.0 ** 53, "1e20": 1e20, "largest-double": 1.7976931348623157e308}


def number_spelling_cases() -> list[Case]:
    """Each number field with 2^53 - 1 written as a float (valid) and numbers beyond it
    written as floats (each a `validation` error naming the field, like the integer
    spellings of the same numbers)."""
    cases = []
    for record_type, path, at in NUMBER_FIELDS:
        def data(value, record_type=record_type, path=path):
            value = [[[value, 0, 0]]] if path == "strokes" else value
            return put(API_MINIMAL[record_type], path, value)
        cases.append(Case(f"{record_type}.{path}-ok-max-safe-as-float", record_type,
                          data(float(2 ** 53 - 1))))
        for label, value in BEYOND_SAFE.items():
            cases.append(Case(f"{record_type}.{path}-bad-{label}", record_type, data(value),
                              {f"data.{at}": [SAFE]}))
            cases.append(Case(f"{record_type}.{path}-bad-minus-{label}", record_type,
                              data(-value), {f"data.{at}": prefix("must be")}))
    return cases


def test_numbers_beyond_2_53_are_rejected_however_spelled(anne, world):
    """Integers lie within +-(2^53 - 1) (docs/domain.md "Values"): a number beyond that is a
    validation error whether the JSON spells it 9007199254740992 or 9007199254740992.0."""
    check_cases(anne, number_spelling_cases(), world)


def test_an_accepted_record_is_accepted_back_as_answered(anne, world):
    """Whatever the server applies, it answers in a form it accepts again: the record as
    GET answers it, sent back with one more key, is applied (nothing the store does to
    numbers may make an accepted record invalid). A value refused at once is a
    `validation` error naming its field."""
    samples = [(f"{t}-full", t, in_world(t, FULL_API[t], world), None) for t in PUSHABLE]
    job_order = in_world("job_order", API_MINIMAL["job_order"], world)
    for label, value in {**BEYOND_SAFE, "integral-float": 40.0, "cent": 0.01}.items():
        samples.append((f"hours-{label}", "job_order", {**job_order, "hours_per_week": value},
                        "data.hours_per_week"))
        samples.append((f"unknown-{label}", "job_order", {**job_order, "x_number": value},
                        "data.x_number"))
    ids = [new_id() for _ in samples]
    firsts = push_all(anne, [upsert(t, i, data) for (_, t, data, _), i in zip(samples, ids)])
    failures, echoes = [], []
    for (name, record_type, _, field), record_id, first in zip(samples, ids, firsts):
        if first["status"] != "applied":
            if first["status"] != "rejected" or field is None or not str(
                    first["error"]["type"]).endswith("/validation") or list(
                    first["error"].get("errors", {})) != [field]:
                failures.append(f"{name}: {first['status']} {first.get('error')}")
            continue
        answered = anne.get(record_type, record_id).get_json()["data"]
        extra = {} if record_type == "signature" else {"x_seen": True}  # signatures never change
        echoes.append((name, answered, upsert(record_type, record_id, {**answered, **extra}, 1)))
    for (name, answered, _), again in zip(echoes, push_all(anne, [e[2] for e in echoes])):
        if again["status"] != "applied":
            failures.append(f"{name}: stored as {answered}, sent back: {again.get('error')}")
    assert not failures, "\n".join(failures)


# --- templates: answers and content against the built-in templates ---------------------

def item_values(item: dict, first_of_type: bool) -> tuple[dict, dict]:
    """Valid values and invalid (value, messages) of a template item, by its type.

    Length boundaries are tried on the first item of a type in each template only.
    """
    kind = item["type"]
    if kind == "text":
        valid, invalid = {"plain": "Jens Jensen, værkfører"}, {
            "number": (5, prefix(STRING)), "nul": ("a\x00b", prefix(CONTROL))}
        if first_of_type:
            valid["500-chars"] = "æ" * 500
            invalid["501-chars"] = ("æ" * 501, [longer(500)])
        return valid, invalid
    if kind == "longtext":
        valid, invalid = {"lines": "Linje 1\nLinje 2\r\n\tindrykket"}, {
            "list": (["x"], prefix(STRING)), "surrogate": ("a\ud800", prefix(SURROGATE))}
        if first_of_type:
            valid["100000-chars"] = "x" * 100_000
            invalid["100001-chars"] = ("x" * 100_001, [longer(100_000)])
        return valid, invalid
    if kind == "date":
        return {"leap-day": "2024-02-29"}, {"30-february": ("2025-02-30", prefix(DATE)),
                                           "danish-order": ("10-03-2025", prefix(DATE))}
    if kind == "time":
        return {"morning": "07:30", "midnight": "00:00", "last-minute": "23:59"}, {
            "hour-24": ("24:00", [TIME]), "one-digit-hour": ("7:30", [TIME]),
            "seconds": ("07:30:00", [TIME]), "number": (730, prefix(STRING))}
    if kind == "boolean":
        return {"true": True, "false": False}, {"zero": (0, prefix(BOOLEAN)),
                                                "danish": ("ja", prefix(BOOLEAN))}
    if kind == "level":
        values = [level["value"] for level in item["levels"]]
        one_of = ["must be one of: " + ", ".join(str(v) for v in values)]
        return {f"level-{v}": v for v in values}, {
            "unknown": (max(values) + 1, one_of), "as-string": (str(values[0]), one_of),
            "true-is-not-1": (True, one_of), "label": (item["levels"][0]["label"], one_of)}
    if kind == "rating":
        low, high = item["min"], item["max"]
        return {"min": low, "max": high}, {
            "below-min": (low - 1, [f"must be at least {low}"]),
            "above-max": (high + 1, [f"must be at most {high}"]),
            "fraction": (low + 0.5, prefix(INTEGER)), "bool": (True, prefix(INTEGER))}
    raise AssertionError(f"no value table for item type {kind}")


def sample(item: dict) -> object:
    """The first valid value of an item; one full row for a repeating group."""
    if item["type"] == "repeat":
        return {ROW: {sub["id"]: sample(sub) for sub in item["items"]}}
    return next(iter(item_values(item, False)[0].values()))


def template_items(template: dict) -> list[dict]:
    """The top-level items of a template, every section."""
    return [item for section in template["definition"]["sections"] for item in section["items"]]


def answer_cases(template: dict) -> list[Case]:
    """Each item's valid and invalid values, repeating groups' shapes, unknown items, as the
    answers of an assessment or the content of an agreement with this template."""
    kind, key = template["kind"], template["key"]
    field = "answers" if kind == "assessment" else "content"
    base = {**API_MINIMAL[kind], "template_key": key, "template_version": template["version"]}
    cases: list[Case] = []
    seen: set[str] = set()

    def add(name: str, answers: dict, errors: dict | None = None) -> None:
        cases.append(Case(f"{key}.{name}", kind, {**base, field: answers}, errors))

    def item_cases(item: dict, wrap, path: str) -> None:
        first = item["type"] not in seen
        seen.add(item["type"])
        valid, invalid = item_values(item, first)
        for label, value in valid.items():
            add(f"{path}-ok-{label}", wrap(value))
        for label, (value, messages) in invalid.items():
            add(f"{path}-bad-{label}", wrap(value), {f"data.{field}.{path}": messages})

    for item in template_items(template):
        item_id = item["id"]
        if item["type"] != "repeat":
            item_cases(item, lambda value, i=item_id: {i: value}, item_id)
            continue
        group = f"{item_id}.{ROW}"
        add(f"{item_id}-ok-one-row", {item_id: sample(item)})
        add(f"{item_id}-ok-no-rows", {item_id: {}})
        add(f"{item_id}-bad-list", {item_id: [sample(item)[ROW]]},
            {f"data.{field}.{item_id}": ["must be an object keyed by lower-case UUIDs"]})
        add(f"{item_id}-bad-upper-case-key", {item_id: {ROW.upper(): {}}},
            {f"data.{field}.{item_id}.{ROW.upper()}": ["must be keyed by a lower-case UUID"]})
        add(f"{item_id}-bad-row-not-object", {item_id: {ROW: 1}},
            {f"data.{field}.{group}": ["must be an object"]})
        add(f"{item_id}-bad-unknown-item-in-row", {item_id: {ROW: {"x_unknown": 1}}},
            {f"data.{field}.{group}.x_unknown": [NOT_AN_ITEM]})
        for sub in item["items"]:
            item_cases(sub, lambda value, i=item_id, s=sub["id"]: {i: {ROW: {s: value}}},
                       f"{group}.{sub['id']}")
    every = {item["id"]: sample(item) for item in template_items(template)}
    add("ok-every-item", every)
    add("ok-empty", {})
    add("bad-unknown-item", {**every, "c07": 1}, {f"data.{field}.c07": [NOT_AN_ITEM]})
    add("bad-unknown-item-with-null", {"c07": {"x": None}},
        {f"data.{field}.c07": [NOT_AN_ITEM]})
    return cases


def template_choice_cases() -> list[Case]:
    """The template is looked up by record type, key and version."""
    cases = []
    for kind, key in TEMPLATE_OF.items():
        other = {"assessment": "opstartsaftale", "agreement": "progressionskort"}[kind]
        base = API_MINIMAL[kind]
        cases += [
            Case(f"{kind}-version-2-unknown", kind, {**base, "template_version": 2},
                 {"data.template_version": [f"must name an existing version of template {key}"]}),
            Case(f"{kind}-unknown-key", kind, {**base, "template_key": "ukendt"},
                 {"data.template_version": ["must name an existing version of template ukendt"]}),
            Case(f"{kind}-template-of-the-other-kind", kind, {**base, "template_key": other},
                 {"data.template_version": [
                     f"must name an existing version of template {other}"]}),
            Case(f"{kind}-version-as-string", kind, {**base, "template_version": "1"},
                 {"data.template_version": prefix(INTEGER)}),
            Case(f"{kind}-version-integral-float", kind, {**base, "template_version": 1.0}),
        ]
    return cases


def test_template_answers_against_builtin_templates(anne, world):
    """Answers (assessments) and content (agreements) use only their template version's item
    ids and value types: text, longtext, date, time, boolean, level, rating, repeat groups;
    the template is the built-in one of the record's type, key and version."""
    assert {t["kind"] for t in TEMPLATES} == {"assessment", "agreement"}
    cases = [case for template in TEMPLATES for case in answer_cases(template)]
    check_cases(anne, cases + template_choice_cases(), world)


def final_assessment_cases(template: dict) -> list[Case]:
    """A final assessment answers every required item, in every row of a group too ("" is
    no answer); a draft need not."""
    key, version = template["key"], template["version"]
    base = {**API_MINIMAL["assessment"], "template_key": key, "template_version": version}
    items = template_items(template)
    every = {item["id"]: sample(item) for item in items}
    required = [item["id"] for item in items if item.get("required")]
    cases = [Case(f"{key}-final-complete", "assessment",
                  {**base, "status": "final", "answers": every}),
             Case(f"{key}-draft-empty", "assessment", {**base, "status": "draft", "answers": {}}),
             Case(f"{key}-final-empty", "assessment", {**base, "status": "final", "answers": {}},
                  {"data.status": [FINAL_ANSWERS],
                   **{f"data.answers.{i}": [FINAL] for i in required}} if required else None)]
    for item in items:
        if item.get("required"):
            answers = {k: v for k, v in every.items() if k != item["id"]}
            cases.append(Case(f"{key}-final-without-{item['id']}", "assessment",
                              {**base, "status": "final", "answers": answers},
                              {"data.status": [FINAL_ANSWERS],
                               f"data.answers.{item['id']}": [FINAL]}))
        if item["type"] == "repeat":
            for sub in item["items"]:
                if not sub.get("required"):
                    continue
                row = {k: v for k, v in every[item["id"]][ROW].items() if k != sub["id"]}
                empty = "" if sub["type"] in ("text", "longtext") else None
                for how, value in (("missing", row), ("empty", {**row, sub["id"]: empty})):
                    if how == "empty" and empty is None:
                        continue
                    cases.append(Case(
                        f"{key}-final-row-{how}-{sub['id']}", "assessment",
                        {**base, "status": "final", "answers": {**every, item["id"]: {ROW: value}}},
                        {"data.status": [FINAL_ANSWERS],
                         f"data.answers.{item['id']}.{ROW}.{sub['id']}": [FINAL]}))
    return cases


def test_final_status_completeness(anne, world):
    """Completeness is checked only where a rule says so: a final assessment answers every
    required item of its built-in template, in every row of a group too; drafts and
    agreements of any status need not. (A final meeting is in the cross-field table.)"""
    cases = [case for t in TEMPLATES if t["kind"] == "assessment"
             for case in final_assessment_cases(t)]
    assert sum(1 for c in cases if c.errors) >= 15
    for template in TEMPLATES:
        if template["kind"] == "agreement":
            base = {**API_MINIMAL["agreement"], "template_key": template["key"]}
            cases += [Case(f"{template['key']}-signed-empty", "agreement",
                           {**base, "status": "signed", "content": {}}),
                      Case(f"{template['key']}-ready-partial", "agreement",
                           {**base, "status": "ready",
                            "content": {template_items(template)[0]["id"]: sample(
                                template_items(template)[0])}})]
    check_cases(anne, cases, world)


# --- references ------------------------------------------------------------------------

REFERENCE_FIELDS = [
    # (record type, dotted path under data, the type of record or "user" it names)
    ("contact", "company_id", "company"), ("placement", "citizen_id", "citizen"),
    ("placement", "company_id", "company"), ("placement", "contact_id", "contact"),
    ("placement", "mentor_id", "contact"), ("meeting", "company_id", "company"),
    ("meeting", "placement_id", "placement"), ("meeting", "participants.0.contact_id", "contact"),
    ("assessment", "placement_id", "placement"), ("agreement", "placement_id", "placement"),
    ("agreement", "replaces_id", "agreement"), ("signature", "agreement_id", "agreement"),
    ("job_order", "company_id", "company"), ("job_order", "contact_id", "contact"),
    ("task", "related_id", "meeting"), ("company", "responsible_user_id", "user"),
    ("task", "assignee_id", "user"), ("job_order", "log.0.user_id", "user"),
]
WRONG_TYPE = {"company": "citizen", "citizen": "company", "contact": "company",
              "placement": "agreement", "agreement": "placement", "meeting": "company"}


def reference_data(record_type: str, path: str, value: str, world: dict) -> dict:
    """The minimal record in the world with one reference set to `value`."""
    data = API_MINIMAL[record_type]
    if record_type == "task":
        data = {**data, "related_type": "meeting"}
    return put(in_world(record_type, data, world), path, value)


def reference_cases(world: dict, theirs: dict, deleted_company: str) -> list[Case]:
    """For each reference: the world's record is valid; a dangling id, a record of the wrong
    type and another team's record (or user) are `/reference` naming the field and the id."""
    cases = []
    for record_type, path, target in REFERENCE_FIELDS:
        name = f"{record_type}.{path}"
        cases.append(Case(f"{name}-ok", record_type,
                          reference_data(record_type, path, world[target], world)))
        wrong = {"dangling": new_id(), "other-team": theirs[target]}
        if target != "user":
            wrong["wrong-type"] = world[WRONG_TYPE[target]]
        for label, ref in wrong.items():
            cases.append(Case(f"{name}-{label}", record_type,
                              reference_data(record_type, path, ref, world),
                              {f"data.{path}": prefix(f"no {target} {ref} in this team")},
                              slug="reference"))
    cases.append(Case("contact.company_id-deleted-record-is-valid", "contact",
                      reference_data("contact", "company_id", deleted_company, world)))
    return cases


def test_references_must_name_a_record_of_the_team(client, anne, world):
    """A reference that names nothing of its type in the team, or a record or user of
    another team (bo's), is rejected `reference` naming the field and the missing id; a
    deleted record of the team is a valid target."""
    bo = Device(client, "bo")
    theirs = make_world(bo)
    gone = new_id()
    assert anne.upsert("company", gone, {"name": "Lukket ApS"})["status"] == "applied"
    assert anne.delete("company", gone, 1)["status"] == "applied"
    cases = reference_cases(world, theirs, gone)
    assert len(cases) == 18 + 15 * 3 + 3 * 2 + 1
    check_cases(anne, cases, world)
    for name in ("company", "citizen", "placement"):
        assert bo.get(name, theirs[name]).get_json()["rev"] == 1, "bo's records are untouched"
