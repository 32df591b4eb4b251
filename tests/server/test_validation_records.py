"""Record-level rules: cross-field rules, completeness, unknown keys, templates, signatures,
references, and that no JSON input makes validation raise."""
from __future__ import annotations

import hashlib
import json
from functools import partial

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from server.schemas.records import (
    RECORD_SCHEMAS,
    RECORD_TYPES,
    canonical_sha256,
    record_references,
    strip_nulls,
    user_references,
)
from tests.server.validation_fixtures import (
    COVERED,
    ITEM_IDS,
    MINI,
    MINIMAL,
    U1,
    U2,
    U3,
    check,
    find_mini,
    put,
    signed,
)

W1, W2, R1 = ITEM_IDS
FINAL = "is required when status is final"

FULL = {
    "company": {**MINIMAL["company"], "cvr": "24256790", "address": "Bagergade 1",
                "postcode": "2100", "city": "København Ø", "industry": "Bageri", "employees": 12,
                "phone": "+45 33 12 34 56", "email": "kontakt@bager.dk",
                "website": "https://bager.dk", "status": "active", "responsible_user_id": U3,
                "interests": ["internship", "mentor"],
                "knowledge": "Bager brød.\nRekrutterer lokalt."},
    "contact": {**MINIMAL["contact"], "title": "Indehaver", "phone": "33 12 34 56",
                "mobile": "20 30 40 50", "email": "mette@bager.dk", "role": "owner",
                "is_primary": True},
    "citizen": {**MINIMAL["citizen"], "cpr": "010190-1234", "phone": "20304050",
                "email": "ali@mail.dk", "target_group": "integration",
                "caseworker_name": "Sara", "caseworker_email": "sara@kommune.dk",
                "job_goals": {"a": "Bager", "b": "Bagerimedhjælper", "c": "Lagerarbejder"},
                "special_considerations": "Ali fortæller, at han ikke kan løfte tungt."},
    "placement": {**MINIMAL["placement"], "end_date": "2000-03-31", "purpose": "Afklaring",
                  "goals": "Mål 1\nMål 2", "contact_id": U2, "mentor_id": U3,
                  "work_functions": [{"id": W1, "name": "Dej", "tasks": "Ælte"}],
                  "hours": [{"id": W2, "from_date": "2000-01-03", "internship_hours": 15,
                             "paid_hours": 2.5}], "status": "active", "outcome": "ordinary_job"},
    "meeting": {**MINIMAL["meeting"], "placement_id": U2,
                "scheduled_at": "2025-03-01T09:00:00+01:00", "held_at": "2025-03-01T09:10:00Z",
                "duration_minutes": 60, "location": "Bageriet",
                "participants": [{"id": W1, "contact_id": U3, "name": "Mette", "role": "mentor"}],
                "purpose": "Opfølgning", "agenda": "1. Status", "notes_citizen": "Ali siger ...",
                "notes_company": "Aftalt: flere timer", "themes_covered": ["company", "offers"],
                "follow_up": {"tasks": "Dej", "works_well": "Mødestabilitet", "difficult": "",
                              "adjustments": "Ingen", "ordinary_hours_discussed": True,
                              "attendance": {"attended_hours": 28.5, "norm_hours": 30,
                                             "period_start": "2025-02-01",
                                             "period_end": "2025-02-28"}},
                "agreements": [{"id": W2, "text": "Ali ringer", "responsible": "Ali",
                                "due_date": "2025-03-08", "done": False}],
                "next_follow_up": "2025-04-01", "status": "final"},
    "assessment": {**MINIMAL["assessment"], "assessor_role": "company", "comment": "Godt",
                   "status": "draft", "answers": {"note": "ok", "level": 4}},
    "agreement": {**MINIMAL["agreement"], "status": "ready", "replaces_id": U2,
                  "content": {"day": "2025-03-10", "at": "08:00"}},
    "signature": signed(COVERED, method="drawn", width=640, height=240.5,
                        strokes=[[[1, 2, 0], [3.5, 4, 16]], [[5, 6, 40]]]),
    "job_order": {**MINIMAL["job_order"], "offers": ["ordinary"], "hours_type": "full_time",
                  "hours_per_week": 37, "start_date": "2025-04-01", "description": "Bager",
                  "professional_qualifications": "Svendebrev",
                  "personal_qualifications": "Mødestabil",
                  "requirements_must": ["Kørekort B"], "requirements_nice": [],
                  "candidate_delivery": "cv", "contact_id": U2, "deadline": "2025-03-20",
                  "positions": 2, "filled": 2, "status": "filled",
                  "log": [{"id": W1, "date": "2025-03-01", "user_id": U3, "text": "Ringede"}]},
    "task": {**MINIMAL["task"], "due_date": "2025-03-08", "related_type": "meeting",
             "related_id": U2, "assignee_id": U3, "done": False},
    "company_contact": {**MINIMAL["company_contact"], "result": "internship", "contact_id": U2,
                        "channel": "visit", "job_function": "koekken", "positions": 2,
                        "filled": 1, "job_order_id": U3, "note": "Ring igen i maj"},
    "team_goal": {"indicator": "custom", "name": "Jobrotation", "year": 2026, "target": 12,
                  "weekly": [{"id": W1, "week": "2026-W53", "count": 2}], "note": "Fra planen"},
    "conflict": {**MINIMAL["conflict"], "base": {"notes_company": "a"},
                 "server": {"notes_company": "b"}, "client": {"notes_company": "c"},
                 "client_base_rev": 2, "client_user_id": U2, "client_device_id": U3,
                 "mutation_id": W1, "resolved": True, "resolved_by": U2,
                 "resolved_at": "2025-03-02T08:00:00Z", "resolution": {"notes_company": "b\nc"}},
}


@pytest.mark.parametrize("record_type", sorted(FULL))
def test_record_with_every_field_is_valid(record_type):
    """A record that sets every field of its type validly passes."""
    assert set(FULL[record_type]) >= set(MINIMAL[record_type])
    assert check(record_type, FULL[record_type]) == {}


def test_schemas_cover_every_type_and_conflict_is_not_pushable():
    """Every record type has a schema; conflicts have one too but are not pushable."""
    assert set(RECORD_SCHEMAS) == set(RECORD_TYPES) | {"conflict"}
    assert "conflict" not in RECORD_TYPES


@pytest.mark.parametrize("record_type, changes, errors", [
    pytest.param("placement", {"end_date": "2000-01-02"}, {
        "data.start_date": ["must not be after end_date"],
        "data.end_date": ["must not be before start_date"]}, id="placement-end-before-start"),
    pytest.param("placement", {"end_date": "2000-01-03"}, {}, id="placement-one-day"),
    pytest.param("meeting", {"follow_up": {"attendance": {
        "period_start": "2025-02-28", "period_end": "2025-02-01"}}}, {
        "data.follow_up.attendance.period_start": ["must not be after period_end"],
        "data.follow_up.attendance.period_end": ["must not be before period_start"]},
        id="attendance-period-reversed"),
    pytest.param("meeting", {"follow_up": {"attendance": {
        "period_start": "2025-02-01", "period_end": "2025-02-01"}}}, {}, id="attendance-one-day"),
    pytest.param("job_order", {"positions": 2, "filled": 3}, {
        "data.filled": ["must not be more than positions"],
        "data.positions": ["must not be less than filled"]}, id="job-order-overfilled"),
    pytest.param("job_order", {"positions": 2, "filled": 2}, {}, id="job-order-all-filled"),
    pytest.param("job_order", {"filled": 3}, {}, id="job-order-filled-without-positions"),
    pytest.param("company_contact", {"result": "internship", "positions": 0}, {
        "data.positions": ["must be at least 1 for an opening"],
        "data.result": ["an opening needs at least 1 position"]}, id="opening-without-positions"),
    pytest.param("company_contact", {"positions": 0}, {}, id="no-opening-zero-positions"),
    pytest.param("company_contact", {"result": "flex_job", "positions": 1, "filled": 2}, {
        "data.filled": ["must not be more than positions"],
        "data.positions": ["must not be less than filled"]}, id="contact-overfilled"),
    pytest.param("team_goal", {"indicator": "custom"}, {
        "data.name": ["is required when indicator is custom"],
        "data.indicator": ["custom needs a name"]}, id="custom-goal-without-name"),
    pytest.param("team_goal", {"weekly": [{"id": W1, "week": "2026-W02", "count": 1}]}, {
        "data.weekly": ["only a custom indicator has weekly counts"],
        "data.indicator": ["only custom has weekly counts"]}, id="weekly-of-a-record-figure"),
    pytest.param("team_goal", {"indicator": "custom", "name": "X", "weekly": [
        {"id": W1, "week": "2025-W53", "count": 1}]}, {
        "data.weekly.0.week": ["must be an ISO week YYYY-Www"]}, id="week-53-of-a-short-year"),
    pytest.param("task", {"related_id": U2}, {
        "data.related_type": ["is required when related_id is set"],
        "data.related_id": ["needs related_type"]}, id="task-related-id-without-type"),
    pytest.param("task", {"related_type": "meeting"}, {}, id="task-related-type-alone"),
    pytest.param("meeting", {"status": "final"}, {
        "data.status": ["final needs held_at and next_follow_up"],
        "data.held_at": [FINAL], "data.next_follow_up": [FINAL]}, id="meeting-final-empty"),
    pytest.param("meeting", {"status": "final", "held_at": "2025-03-01T10:00:00Z"}, {
        "data.status": ["final needs next_follow_up"], "data.next_follow_up": [FINAL]},
        id="meeting-final-without-next-follow-up"),
    pytest.param("meeting", {"status": "final", "held_at": "2025-03-01T10:00:00Z",
                             "next_follow_up": "2025-04-01"}, {}, id="meeting-final-complete"),
    pytest.param("meeting", {"status": "draft"}, {}, id="meeting-draft-incomplete"),
    pytest.param("signature", {"method": "drawn"}, {
        "data.strokes": ["is required when method is drawn"]}, id="drawn-without-strokes"),
    pytest.param("signature", {"method": "drawn", "strokes": [[]]}, {
        "data.strokes": ["is required when method is drawn"]}, id="drawn-with-empty-stroke"),
])
def test_cross_field_rule(record_type, changes, errors):
    """Rules spanning fields report on every field they span."""
    assert check(record_type, {**MINIMAL[record_type], **changes}) == errors


@pytest.mark.parametrize("path, value, errors", [
    pytest.param("strokes", [[[1, 2]]], {"data.strokes.0.0": [
        "must be an [x, y, t] point of three numbers"]}, id="two-numbers"),
    pytest.param("strokes", [[[1, "2", 3]]], {"data.strokes.0.0.1": ["must be a number"]},
                 id="string-coordinate"),
    pytest.param("strokes", [[[1, 2, float("nan")]]], {"data.strokes.0.0.2": [
        "must be a finite number"]}, id="nan-time"),
    pytest.param("strokes", [[1, 2, 3]], {f"data.strokes.0.{i}": ["must be a list"]
                                          for i in range(3)}, id="flat-stroke"),
    pytest.param("strokes", "M 1 2 L 3 4", {"data.strokes": ["must be a list"]}, id="svg-path"),
    pytest.param("content", {"template_key": "x", "content": {}}, {
        "data.content.template_version": ["is required"]}, id="content-without-version"),
    pytest.param("content", {**COVERED, "content": "text"}, {
        "data.content.content": ["must be an object"]}, id="content-content-not-object"),
    pytest.param("content_sha256", canonical_sha256(COVERED).upper(), {
        "data.content_sha256": ["must be 64 lower-case hexadecimal digits"]}, id="hash-upper"),
    pytest.param("content_sha256", "0" * 64, {"data.content_sha256": [
        "must be the SHA-256 of the RFC 8785 canonical JSON of content"]}, id="hash-mismatch"),
    pytest.param("content_sha256", hashlib.sha256(json.dumps(
        COVERED, sort_keys=True).encode()).hexdigest(), {"data.content_sha256": [
            "must be the SHA-256 of the RFC 8785 canonical JSON of content"]},
        id="hash-of-sorted-dump"),
])
def test_signature_rule(path, value, errors):
    """Strokes are lists of [x, y, t] points; the hash must be that of the covered copy."""
    assert check("signature", put(MINIMAL["signature"], path, value)) == errors


TRICKY = {"template_key": "opstartsaftale", "template_version": 1, "content": {
    "contact_person": "Søren Ærø Østergård", "big": 1e21, "tenth": 0.1, "one": 1.0,
    "\ue000": "private use", "😀": "astral key sorts before U+E000 in UTF-16",
    "nested": [[1, [2, [3]]], {"b": [True, False, None], "a": "æ\n\t"}],
}}


def test_canonical_hash_is_rfc8785_not_a_sorted_dump():
    """The hash is over RFC 8785 bytes: ES6 numbers, UTF-16 key order, UTF-8, no spaces."""
    canonical = rfc8785.dumps(TRICKY["content"])
    assert canonical.startswith(b'{"big":1e+21,"contact_person":"S\xc3\xb8ren')
    assert b'"one":1,' in canonical and b'"tenth":0.1' in canonical
    assert canonical.index("😀".encode()) < canonical.index("\ue000".encode())
    assert canonical_sha256(TRICKY) == hashlib.sha256(rfc8785.dumps(TRICKY)).hexdigest()
    assert canonical_sha256(TRICKY) != hashlib.sha256(
        json.dumps(TRICKY, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    storable = {**TRICKY, "content": {**TRICKY["content"], "big": 1e15}}
    assert check("signature", signed(storable)) == {}
    assert "data.content.content.big" in check("signature", signed(TRICKY)), \
        "a number beyond 2^53 cannot round-trip through PostgreSQL or JavaScript"


def test_canonical_hash_matches_the_rfc8785_number_vector():
    """The RFC 8785 section 3.2.2 number example canonicalises as the RFC says."""
    value = json.loads('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, '
                       '0.000000000000000000000000001], "literals": [null, true, false]}')
    expected = b'{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}'
    assert canonical_sha256(value) == hashlib.sha256(expected).hexdigest()


def test_signature_hash_is_checked_on_the_content_as_stored_without_nulls():
    """Null keys are dropped before the check: a hash over a copy with nulls does not match."""
    with_null = {**COVERED, "content": {**COVERED["content"], "illness_contact": None}}
    assert check("signature", signed(with_null)) == {"data.content_sha256": [
        "must be the SHA-256 of the RFC 8785 canonical JSON of content"]}
    assert check("signature", {**signed(COVERED), "content": with_null}) == {}


@pytest.mark.parametrize("record_type, path, value, errors", [
    pytest.param("company", "x_rating", {"score": 4, "note": "ok", "tags": ["a"]}, {},
                 id="unknown-top-level-kept"),
    pytest.param("meeting", "agreements", [{"id": U1, "priority": "high"}], {},
                 id="unknown-item-key-kept"),
    pytest.param("meeting", "follow_up", {"mood": "good"}, {}, id="unknown-nested-key-kept"),
    pytest.param("company", "x_note", {"deep": ["a\x00"]}, {
        "data.x_note.deep.0": ["must not contain control characters other than tab, line feed "
                               "and carriage return"]}, id="unknown-nul"),
    pytest.param("company", "x_big", 2**53, {"data.x_big": [
        "must be between -9007199254740991 and 9007199254740991"]}, id="unknown-big-int"),
    pytest.param("company", "x_nan", [float("nan")], {"data.x_nan.0": [
        "must be a finite number"]}, id="unknown-nan"),
    pytest.param("company", "x_text", "x" * 100_001, {"data.x_text": [
        "must be at most 100000 characters"]}, id="unknown-too-long"),
    pytest.param("company", "x\x00key", 1, {"data.x\x00key": [
        "key must not contain control characters other than tab, line feed and carriage "
        "return"]}, id="unknown-key-with-nul"),
    pytest.param("company", "x_\ud800", 1, {"data.x_\\ud800": [
        "key must not contain lone surrogates"]}, id="unknown-key-surrogate-escaped"),
    pytest.param("meeting", "follow_up", {"mood": "\ud800"}, {"data.follow_up.mood": [
        "must not contain lone surrogates"]}, id="unknown-nested-surrogate"),
])
def test_unknown_keys_are_kept_but_checked(record_type, path, value, errors):
    """Keys a newer client sends are accepted when their values obey the value rules."""
    assert check(record_type, put(MINIMAL[record_type], path, value)) == errors


def test_too_deep_unknown_value_is_reported():
    """Nesting deeper than 32 levels is a validation error, not a crash."""
    deep = "x"
    for _ in range(5000):
        deep = [deep]
    errors = check("company", {**MINIMAL["company"], "x_deep": deep})
    assert errors == {"data.x_deep" + ".0" * 32: ["must not be nested more than 32 levels deep"]}


def test_strip_nulls_drops_null_keys_at_every_depth_and_keeps_list_elements():
    """Null keys go (in items too); null list elements and unknown keys stay."""
    data = {"name": "A", "cvr": None, "x_new": {"a": None, "b": [None, {"c": None, "d": 1}]}}
    assert strip_nulls(data) == {"name": "A", "x_new": {"b": [None, {"d": 1}]}}
    assert data["cvr"] is None
    deep = {}
    for _ in range(10_000):
        deep = {"k": deep, "n": None}
    assert "n" not in strip_nulls(deep)


MINI_ANSWERS = {
    "note": "Møder til tiden", "story": "Linje 1\nLinje 2", "day": "2025-03-03", "at": "07:30",
    "count": 3, "amount": 12.5, "ok": False, "colour": "blue", "tags": ["a", "c"], "level": 5,
    "score": 10, "per_function": {W1: {"start": 1, "comment": "Dej"}},
    "rows": {R1: {"task": "Bage", "rating": 7}},
}


@pytest.mark.parametrize("answers, errors", [
    pytest.param(MINI_ANSWERS, {}, id="every-type-valid"),
    pytest.param({}, {}, id="draft-empty"),
    pytest.param({"c07": 1}, {"data.answers.c07": ["is not an item of this template version"]},
                 id="unknown-item"),
    pytest.param({"note": 5}, {"data.answers.note": ["must be a string"]}, id="text-number"),
    pytest.param({"note": "x" * 501}, {"data.answers.note": ["must be at most 500 characters"]},
                 id="text-too-long"),
    pytest.param({"story": "x" * 100_000}, {}, id="longtext-at-limit"),
    pytest.param({"day": "2025-02-30"}, {"data.answers.day": [
        "must be a real date written YYYY-MM-DD"]}, id="date-unreal"),
    pytest.param({"at": "24:00"}, {"data.answers.at": ["must be a time written HH:MM"]},
                 id="time-24"),
    pytest.param({"at": "7:30"}, {"data.answers.at": ["must be a time written HH:MM"]},
                 id="time-one-digit"),
    pytest.param({"count": 1.5}, {"data.answers.count": ["must be an integer"]},
                 id="integer-fraction"),
    pytest.param({"count": True}, {"data.answers.count": ["must be an integer"]},
                 id="integer-bool"),
    pytest.param({"amount": "12"}, {"data.answers.amount": ["must be a number"]},
                 id="number-string"),
    pytest.param({"ok": 0}, {"data.answers.ok": ["must be true or false"]}, id="boolean-zero"),
    pytest.param({"colour": "green"}, {"data.answers.colour": ["must be one of: red, blue"]},
                 id="choice-unknown"),
    pytest.param({"colour": "Rød"}, {"data.answers.colour": ["must be one of: red, blue"]},
                 id="choice-label-not-value"),
    pytest.param({"tags": ["a", "z"]}, {"data.answers.tags.1": ["must be one of: a, b, c"]},
                 id="multichoice-unknown"),
    pytest.param({"tags": ["a", "a"]}, {"data.answers.tags": ["must not repeat a value"]},
                 id="multichoice-repeat"),
    pytest.param({"tags": "a"}, {"data.answers.tags": ["must be a list"]},
                 id="multichoice-string"),
    pytest.param({"level": 6}, {"data.answers.level": ["must be one of: 1, 2, 3, 4, 5"]},
                 id="level-unknown"),
    pytest.param({"level": "5"}, {"data.answers.level": ["must be one of: 1, 2, 3, 4, 5"]},
                 id="level-string"),
    pytest.param({"level": True}, {"data.answers.level": ["must be one of: 1, 2, 3, 4, 5"]},
                 id="level-true-is-not-1"),
    pytest.param({"score": 0}, {"data.answers.score": ["must be at least 1"]}, id="rating-low"),
    pytest.param({"score": 11}, {"data.answers.score": ["must be at most 10"]}, id="rating-high"),
    pytest.param({"score": 5.5}, {"data.answers.score": ["must be an integer"]},
                 id="rating-fraction"),
    pytest.param({"per_function": [{"start": 1}]}, {"data.answers.per_function": [
        "must be an object keyed by lower-case UUIDs"]}, id="repeat-list"),
    pytest.param({"per_function": {W1.upper(): {"start": 1}}}, {
        f"data.answers.per_function.{W1.upper()}": ["must be keyed by a lower-case UUID"]},
        id="repeat-upper-case-key"),
    pytest.param({"per_function": {W1: 1}}, {f"data.answers.per_function.{W1}": [
        "must be an object"]}, id="repeat-row-not-object"),
    pytest.param({"per_function": {W1: {"start": 9, "x": 1}}}, {
        f"data.answers.per_function.{W1}.start": ["must be one of: 1, 2, 3, 4, 5"],
        f"data.answers.per_function.{W1}.x": ["is not an item of this template version"]},
        id="repeat-row-bad-items"),
    pytest.param({"rows": {R1: {"note": "x"}}}, {f"data.answers.rows.{R1}.note": [
        "is not an item of this template version"]}, id="repeat-row-outer-item"),
])
def test_answers_follow_the_template(answers, errors):
    """Answers use only the template version's item ids and value types."""
    assert check("assessment", {**MINIMAL["assessment"], "answers": answers}) == errors
    content_errors = {key.replace("answers", "content"): value for key, value in errors.items()}
    assert check("agreement", {**MINIMAL["agreement"], "content": answers}) == content_errors


@pytest.mark.parametrize("answers, errors", [
    pytest.param(MINI_ANSWERS, {}, id="complete"),
    pytest.param({}, {"data.status": ["final needs every required item answered"],
                      "data.answers.note": [FINAL], "data.answers.level": [FINAL],
                      "data.answers.rows": [FINAL]}, id="empty"),
    pytest.param({**MINI_ANSWERS, "note": ""}, {
        "data.status": ["final needs every required item answered"],
        "data.answers.note": [FINAL]}, id="empty-string-is-no-answer"),
    pytest.param({**MINI_ANSWERS, "rows": {R1: {"rating": 3}},
                  "per_function": {W1: {"comment": "x"}}}, {
        "data.status": ["final needs every required item answered"],
        f"data.answers.per_function.{W1}.start": [FINAL],
        f"data.answers.rows.{R1}.task": [FINAL]}, id="required-inside-rows"),
    pytest.param({**MINI_ANSWERS, "rows": {}}, {
        "data.status": ["final needs every required item answered"],
        "data.answers.rows": [FINAL]}, id="required-group-without-rows"),
])
def test_final_assessment_answers_every_required_item(answers, errors):
    """A final assessment needs every required item; a draft or an agreement does not."""
    final = {**MINIMAL["assessment"], "status": "final", "answers": answers}
    assert check("assessment", final) == errors
    assert check("assessment", {**final, "status": "draft"}) == {}
    assert check("agreement", {**MINIMAL["agreement"], "content": answers,
                               "status": "signed"}) == {}


@pytest.mark.parametrize("record_type", ["assessment", "agreement"])
def test_unknown_template_version_and_the_kind_asked_for(record_type):
    """The template is looked up by (record type, key, version); an unknown one is an error."""
    asked = []

    def find(kind, key, version):
        asked.append((kind, key, version))
        return find_mini(kind, key, version)

    data = {**MINIMAL[record_type], "template_version": 2}
    assert check(record_type, data, find) == {
        "data.template_version": ["must name an existing version of template mini"]}
    assert asked == [(record_type, "mini", 2)]
    assert check(record_type, {**data, "template_version": "1"}, find) == {
        "data.template_version": ["must be an integer"]}
    assert len(asked) == 1


def test_integral_float_version_names_the_integer_version():
    """JSON `1.0` is the number 1: it names version 1 (the data keeps it as sent)."""
    from server.builtin_templates import find_template

    data = {**MINIMAL["assessment"], "template_version": 1.0, "answers": {"score": 7.0}}
    assert check("assessment", data, partial(find_template, [MINI])) == {}


def _sample(item: dict) -> object:
    """A valid answer to a template item."""
    if item["type"] == "repeat":
        return {R1: {sub["id"]: _sample(sub) for sub in item["items"]}}
    samples = {"text": "tekst", "longtext": "linje\nlinje", "date": "2025-03-03",
               "time": "08:00", "integer": 1, "number": 1.5, "boolean": True}
    if item["type"] == "level":
        return item["levels"][0]["value"]
    if item["type"] == "rating":
        return item["max"]
    if item["type"] in ("choice", "multichoice"):
        first = item["options"][0]
        first = first["value"] if isinstance(first, dict) else first
        return first if item["type"] == "choice" else [first]
    return samples[item["type"]]


def test_builtin_templates_accept_a_complete_final_record():
    """Every built-in template accepts a final record that answers every item."""
    from server.builtin_templates import find_template, load_builtin_templates

    templates = load_builtin_templates()
    find = partial(find_template, templates)
    assert {t["key"] for t in templates} >= {"progressionskort", "opstartsaftale"}
    for template in templates:
        kind = template["kind"]
        answers = {item["id"]: _sample(item) for section in template["definition"]["sections"]
                   for item in section["items"]}
        data = {**MINIMAL[kind], "template_key": template["key"],
                "template_version": template["version"],
                "status": "final" if kind == "assessment" else "signed",
                ("answers" if kind == "assessment" else "content"): answers}
        assert check(kind, data, find) == {}, template["key"]


@pytest.mark.parametrize("record_type, data, expected", [
    pytest.param("placement", FULL["placement"], [
        ("data.citizen_id", "citizen", U1), ("data.company_id", "company", U2),
        ("data.contact_id", "contact", U2), ("data.mentor_id", "contact", U3)], id="placement"),
    pytest.param("meeting", FULL["meeting"], [
        ("data.company_id", "company", U1), ("data.placement_id", "placement", U2),
        ("data.participants.0.contact_id", "contact", U3)], id="meeting"),
    pytest.param("agreement", FULL["agreement"], [
        ("data.placement_id", "placement", U1), ("data.replaces_id", "agreement", U2)],
        id="agreement"),
    pytest.param("signature", FULL["signature"], [("data.agreement_id", "agreement", U1)],
                 id="signature"),
    pytest.param("task", FULL["task"], [("data.related_id", "meeting", U2)], id="task"),
    pytest.param("task", {"related_type": "conflict", "related_id": U2}, [],
                 id="task-related-to-unknown-type"),
    pytest.param("company", {"company_id": U1, "contact_id": U2}, [],
                 id="undeclared-id-fields-are-not-references"),
    pytest.param("contact", {"company_id": U1.upper()}, [], id="malformed-id"),
    pytest.param("meeting", {"participants": [None, {"contact_id": U1}, "x"]},
                 [("data.participants.1.contact_id", "contact", U1)], id="odd-participants"),
    pytest.param("nonsense", {"company_id": U1}, [], id="unknown-type"),
    pytest.param("conflict", FULL["conflict"], [], id="conflict"),
])
def test_record_references(record_type, data, expected):
    """Every well-formed record reference, with the type it names."""
    assert record_references(record_type, data) == expected


@pytest.mark.parametrize("record_type, data, expected", [
    pytest.param("company", FULL["company"], [("data.responsible_user_id", U3)], id="company"),
    pytest.param("task", FULL["task"], [("data.assignee_id", U3)], id="task"),
    pytest.param("job_order", FULL["job_order"], [("data.log.0.user_id", U3)], id="job-order"),
    pytest.param("job_order", {"log": [{"user_id": "me"}, 5]}, [], id="malformed-log"),
    pytest.param("meeting", {"assignee_id": U1}, [], id="undeclared-user-field"),
])
def test_user_references(record_type, data, expected):
    """Every well-formed user reference."""
    assert user_references(record_type, data) == expected


def test_unknown_type_and_non_object_data():
    """An unknown type is an error on `type`; data that is no object, one on `data`."""
    assert list(check("widget", {})) == ["type"]
    assert list(check(["company"], {})) == ["type"]
    for data in (None, [], "x", 1, True):
        assert check("company", data) == {"data": ["must be an object"]}


def test_errors_are_capped():
    """A record with very many bad values gets at most 100 errors."""
    errors = check("company", {**MINIMAL["company"], "x": ["\x00"] * 10_000})
    assert len(errors) == 100
    assert list(errors)[:2] == ["data.x.0", "data.x.1"]


def test_huge_string_is_rejected_quickly():
    """A 5 MB name is a length error."""
    assert check("company", {"name": "æ" * 5_000_000}) == {
        "data.name": ["must be at most 200 characters"]}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.text(st.characters(categories=["L", "N", "P", "Z", "C"]), max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12)
SAMPLES = st.sampled_from([U1, "mini", 1, "final", "drawn", "2025-03-03", [], {},
                           [{"id": U1}], {"note": 1}, MINI_ANSWERS, COVERED])


def _records(record_type: str):
    """Random JSON objects using the type's own field names, so the field code runs."""
    names = [field.data_key or name for name, field in RECORD_SCHEMAS[record_type]().fields.items()]
    return st.fixed_dictionaries({}, optional={name: JSON | SAMPLES for name in names}) | JSON


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_random_json_never_raises(record_type, data):
    """No JSON input makes validation or the reference helpers raise."""
    value = data.draw(_records(record_type))
    errors = check(record_type, value)
    assert isinstance(errors, dict)
    assert all(isinstance(k, str) and all(isinstance(m, str) for m in v)
               for k, v in errors.items())
    json.dumps(errors, ensure_ascii=False).encode()
    assert isinstance(record_references(record_type, value), list)
    assert isinstance(user_references(record_type, value), list)


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
def test_deeply_nested_input_never_raises(record_type):
    """Values nested thousands of levels deep in any field are errors, not crashes."""
    deep = {}
    for _ in range(3000):
        deep = {"k": [deep]}
    data = {name: deep for name in MINIMAL[record_type]} | {"answers": deep, "content": deep}
    assert check(record_type, data)


def test_openapi_can_be_generated_from_the_schemas():
    """apispec turns every schema into a component without warnings."""
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    spec = APISpec(title="t", version="1", openapi_version="3.0.3", plugins=[MarshmallowPlugin()])
    for name, schema in RECORD_SCHEMAS.items():
        spec.components.schema(name, schema=schema)
    company = spec.to_dict()["components"]["schemas"]["company"]
    assert company["required"] == ["name"]
    assert company["properties"]["status"]["enum"] == ["prospect", "active", "inactive"]
