"""Shared data for the record validation tests: minimal records, a small template, helpers."""
from __future__ import annotations

import copy

import pytest

from server.schemas.records import canonical_sha256, validate_record_data

U1 = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
U2 = "6fa459ea-ee8a-3ca4-894e-db77e160355e"
U3 = "886313e1-3b8a-5372-9b90-0c9aee199e5d"
ITEM_IDS = ["0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "c56a4180-65aa-42ec-a945-5fd21dec0538"]

LEVELS = [{"value": value, "label": f"Niveau {value}", "points": value} for value in range(1, 6)]
MINI = {
    "kind": "assessment", "key": "mini", "version": 1, "title": "Lille skabelon",
    "definition": {"sections": [
        {"id": "basics", "title": "Grundlag", "items": [
            {"id": "note", "type": "text", "label": "Note", "required": True},
            {"id": "story", "type": "longtext", "label": "Forløb", "required": False},
            {"id": "day", "type": "date", "label": "Dato"},
            {"id": "at", "type": "time", "label": "Mødetid"},
            {"id": "count", "type": "integer", "label": "Antal"},
            {"id": "amount", "type": "number", "label": "Beløb"},
            {"id": "ok", "type": "boolean", "label": "OK"},
            {"id": "colour", "type": "choice", "label": "Farve",
             "options": [{"value": "red", "label": "Rød"}, {"value": "blue", "label": "Blå"}]},
            {"id": "tags", "type": "multichoice", "label": "Mærker", "options": ["a", "b", "c"]},
            {"id": "level", "type": "level", "label": "Niveau", "required": True,
             "levels": LEVELS},
            {"id": "score", "type": "rating", "label": "Score", "min": 1, "max": 10},
        ]},
        {"id": "groups", "title": "Grupper", "items": [
            {"id": "per_function", "type": "repeat", "over": "work_functions",
             "label": "Arbejdsfunktion", "items": [
                 {"id": "start", "type": "level", "label": "Start", "required": True,
                  "levels": LEVELS},
                 {"id": "comment", "type": "text", "label": "Kommentar"}]},
            {"id": "rows", "type": "repeat", "over": "rows", "label": "Opgaver",
             "required": True, "items": [
                 {"id": "task", "type": "text", "label": "Opgave", "required": True},
                 {"id": "rating", "type": "rating", "label": "Vurdering", "min": 1, "max": 10}]},
        ]},
    ]},
}


def find_mini(kind: str, key: str, version: int) -> dict | None:
    """The small template, for both kinds, as key `mini` version 1."""
    return {**MINI, "kind": kind} if (key, version) == ("mini", 1) else None


def signed(content: dict, **fields) -> dict:
    """A valid typed signature over `content` (the covered object)."""
    return {"agreement_id": U1, "role": "citizen", "signer_name": "Ali Hassan",
            "signed_at": "2025-03-03T10:15:00+01:00", "content": content,
            "content_sha256": canonical_sha256(content), "method": "typed", **fields}


COVERED = {"template_key": "opstartsaftale", "template_version": 1,
           "content": {"start_date": "2025-03-10", "contact_person": "Søren Ærø"}}

MINIMAL = {
    "company": {"name": "Bager Hansen ApS"},
    "contact": {"company_id": U1, "name": "Mette Holm"},
    "citizen": {"name": "Ali Hassan"},
    "placement": {"citizen_id": U1, "company_id": U2, "kind": "internship",
                  "start_date": "2000-01-03"},
    "meeting": {"company_id": U1, "kind": "follow_up"},
    "assessment": {"placement_id": U1, "template_key": "mini", "template_version": 1,
                   "assessed_on": "2025-03-03"},
    "agreement": {"placement_id": U1, "template_key": "mini", "template_version": 1},
    "signature": signed(COVERED),
    "job_order": {"company_id": U1, "title": "Bagerlærling"},
    "task": {"title": "Ring til Mette"},
    "company_contact": {"company_id": U1, "contacted_on": "2026-03-02", "result": "no_opening"},
    "team_goal": {"indicator": "meetings_held", "year": 2026, "target": 400},
    "conflict": {"record_type": "meeting", "record_id": U1, "reason": "edit",
                 "fields": ["notes_company"], "server_rev": 4},
}


def check(record_type: str, data: object, find_template=find_mini) -> dict:
    """validate_record_data with the small template."""
    return validate_record_data(record_type, data, find_template=find_template)


def put(data: dict, path: str, value: object) -> dict:
    """A copy of `data` with `value` at a dotted path; list items are made with an `id`."""
    data = copy.deepcopy(data)
    node = data
    parts = [int(part) if part.isdigit() else part for part in path.split(".")]
    for part, following in zip(parts, parts[1:]):
        if isinstance(node, list):
            while len(node) <= part:
                node.append({"id": ITEM_IDS[len(node)]})
            node = node[part]
        else:
            node = node.setdefault(part, [] if isinstance(following, int) else {})
    node[parts[-1]] = value
    return data


def rule(record_type: str, path: str, valid: dict, invalid: dict, at: str | None = None):
    """Params for one field rule: each valid value passes; each invalid one fails with its message.

    `invalid` maps a label to (value, message); the error is expected at `at` (default `path`).
    """
    for label, value in valid.items():
        yield pytest.param(record_type, path, value, None, None,
                           id=f"{record_type}.{path}-ok-{label}")
    for label, (value, message) in invalid.items():
        yield pytest.param(record_type, path, value, at or path, message,
                           id=f"{record_type}.{path}-bad-{label}")
