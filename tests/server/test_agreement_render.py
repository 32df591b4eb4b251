"""The PDF builder without HTTP: Danish values, stroke geometry, repeating groups."""
from datetime import UTC, datetime

import pytest

from server.config import TestConfig
from server.pdf import AgreementDocument, covered, render_agreement, signed_data
from server.pdf.strokes import fit_strokes, smooth_segments
from server.pdf.values import danish_time, format_value
from server.schemas.jsontree import canonical_sha256
from tests.server.agreement_helpers import pdf_text

WF1, WF2 = "0b7e2a52-7d1e-4c8e-9a55-2f4f3b1f0a01", "0b7e2a52-7d1e-4c8e-9a55-2f4f3b1f0a02"
TEMPLATE = {
    "kind": "agreement", "key": "skema", "version": 2, "title": "Praktikaftale for lager",
    "roles": [{"role": "citizen", "required": True}, {"role": "mentor", "required": False}],
    "definition": {"sections": [
        {"id": "s1", "title": "Arbejdsfunktioner", "items": [
            {"id": "hours", "type": "number", "label": "Timer om ugen"},
            {"id": "tasks", "type": "repeat", "over": "work_functions", "label": "Opgaver",
             "items": [{"id": "level", "type": "level", "label": "Niveau",
                        "levels": [{"value": 1, "label": "Begynder", "points": 1},
                                   {"value": 2, "label": "Avanceret begynder", "points": 2}]},
                       {"id": "note", "type": "text", "label": "Aftale"}]}]}]}}


@pytest.mark.parametrize(("item", "value", "shown"), [
    ({"type": "boolean"}, False, "Nej"),
    ({"type": "number"}, 7.5, "7,5"),
    ({"type": "integer"}, 12, "12"),
    ({"type": "date"}, "2027-01-04", "4. januar 2027"),
    ({"type": "time"}, "07:45", "07.45"),
    ({"type": "choice", "options": [{"value": "a", "label": "Lager"}]}, "a", "Lager"),
    ({"type": "multichoice", "options": ["x", "y"]}, ["x", "y"], "x, y"),
    ({"type": "rating", "min": 1, "max": 10}, 7, "7 (skala 1–10)"),
    ({"type": "text"}, "", "—"),
    ({"type": "longtext"}, None, "—"),
])
def test_values_are_shown_the_danish_way(item, value, shown):
    assert format_value(item, value) == shown


def test_times_are_shown_in_copenhagen_time_winter_and_summer():
    assert danish_time("2026-11-20T09:18:30Z") == "20. november 2026 kl. 10.18"
    assert danish_time("2026-07-01T08:00:00+00:00") == "1. juli 2026 kl. 10.00"
    assert danish_time("not a time") == "not a time"


def test_strokes_fit_the_box_with_their_aspect_ratio_and_upright():
    pad = [[[0, 0, 0], [400, 100, 5]]]
    (points,) = fit_strokes(pad, 400, 100, 200, 100)
    assert points == [(0.0, 75.0), (200.0, 25.0)], "scaled by 0.5, centred, y flipped"
    (bounded,) = fit_strokes([[[10, 10, 0], [30, 20, 1]]], None, None, 100, 100)
    assert bounded[0] == (0.0, 75.0) and bounded[1] == (100.0, 25.0)
    assert fit_strokes([[], [[1]]], 10, 10, 50, 50) == []


def test_smoothing_keeps_the_ends_of_a_stroke():
    points = [(0.0, 0.0), (10.0, 10.0), (20.0, 0.0), (30.0, 10.0)]
    segments = smooth_segments(points)
    assert segments[-1][2] == points[-1]
    assert segments[0][2] == (5.0, 5.0), "the first curve ends half way along the first line"
    assert len(segments) == len(points)
    assert smooth_segments([(1.0, 1.0)]) == []


def test_repeat_groups_print_as_tables_in_the_placements_order():
    agreement = {"placement_id": WF1, "template_key": "skema", "template_version": 2,
                 "content": {"hours": 12.5, "tasks": {
                     WF2: {"level": 2, "note": "Truck efter kursus"},
                     WF1: {"level": 1, "note": "Pluk med scanner"}}, "legacy": "Gammelt felt"}}
    doc = AgreementDocument(WF1, agreement, [], {("skema", 2): TEMPLATE}, "Jobcenter Fjordby",
                            datetime(2026, 11, 23, 9, 0, tzinfo=UTC), "Łukasz Żółtowski",
                            "Lager & Logistik A/S", {WF1: "Plukning", WF2: "Truckkørsel"},
                            TestConfig.PDF_FONT_DIR)
    text = pdf_text(render_agreement(doc))
    assert "Praktikaftale for lager" in text and "Łukasz Żółtowski" in text
    assert "Lager & Logistik A/S" in text and "12,5" in text
    assert text.index("Plukning") < text.index("Truckkørsel")
    assert "Begynder" in text and "Avanceret begynder" in text and "Pluk med scanner" in text
    assert "Øvrige felter" in text and "Gammelt felt" in text
    assert "Dannet 23. november 2026 kl. 10.00" in text
    assert "Mangler underskrift på den nuværende version: Borger" in text


def test_the_embedded_data_recomputes_to_the_printed_hash():
    """Also: without DejaVu the bundled Vera font still prints Danish letters."""
    agreement = {"template_key": "skema", "template_version": 2, "content": {"hours": 3}}
    doc = AgreementDocument(WF1, agreement, [], {}, "Jobcenter Fjordby", datetime.now(UTC),
                            "Søren Ærø", font_dir="/nonexistent")
    data = signed_data(doc)
    assert data["covered"] == covered(agreement)
    assert data["covered_sha256"] == canonical_sha256(covered(agreement))
    text = pdf_text(render_agreement(doc))
    assert data["covered_sha256"] in text and "Søren Ærø" in text
