"""The demo-data generator (server/demo/data.py): deterministic, valid and complete."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from server.builtin_templates import find_template, load_builtin_templates
from server.demo.data import PLACEMENT_KINDS, RECORD_ORDER, build_demo
from server.schemas.jsontree import canonical_sha256
from server.schemas.records import validate_record_data

TODAY = date(2026, 11, 12)
TEMPLATES = load_builtin_templates()
MEETING_KINDS = {"first_visit", "follow_up", "startup", "tripartite", "closing", "issue", "phone"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TARGETS = {"company_id": "company", "contact_id": "contact", "mentor_id": "contact",
           "citizen_id": "citizen", "placement_id": "placement"}
USER_FIELDS = {"responsible_user_id", "assignee_id", "user_id"}
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(scope="module")
def demo():
    return build_demo(TODAY, TEMPLATES)


def walk(value, path=()):
    """Every (path, key, value) in a JSON tree, keys of lists being indexes."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        yield path, key, child
        if isinstance(child, (dict, list)):
            yield from walk(child, path + (key,))


def of_type(demo, kind):
    return [record for record in demo.records if record.type == kind]


def cvr_ok(cvr: str) -> bool:
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    return bool(re.fullmatch(r"\d{8}", cvr)) and sum(
        int(d) * w for d, w in zip(cvr, weights)) % 11 == 0


def cpr_birth_date(cpr: str) -> date:
    match = re.fullmatch(r"(\d\d)(\d\d)(\d\d)-(\d)\d{3}", cpr)
    assert match, cpr
    day, month, year, seventh = (int(g) for g in match.groups())
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if year <= 36 else 1900
    else:
        century = 2000 if year <= 57 else 1800
    return date(century + year, month, day)


def test_same_seed_gives_the_same_data(demo):
    assert build_demo(TODAY, TEMPLATES) == demo
    other = build_demo(TODAY, TEMPLATES, seed=7)
    assert [r.id for r in other.records if r.type == "company"] == [
        r.id for r in of_type(demo, "company")]
    assert other.records != demo.records


def test_teams_users_and_passwords(demo):
    assert len(demo.teams) == 2
    for team in demo.teams:
        members = Counter(u.role for u in demo.users if u.team_key == team.key)
        assert 3 <= members["consultant"] <= 4 and members["lead"] == 1
    assert [u.role for u in demo.users].count("admin") == 1
    for user in demo.users:
        assert re.fullmatch(r"[a-z]+", user.username)
        assert len(user.password) >= 12 and user.username in user.password
        assert UUID.fullmatch(user.id)
    assert len({u.username for u in demo.users}) == len(demo.users)


def test_ids_are_lower_case_uuids_and_unique(demo):
    ids = [r.id for r in demo.records] + [u.id for u in demo.users]
    for record in demo.records:
        ids += [value for _, key, value in walk(record.data) if key == "id"]
    assert all(UUID.fullmatch(i) for i in ids)
    assert len(set(ids)) == len(ids)
    for assessment in of_type(demo, "assessment"):
        groups = [v for v in assessment.data["answers"].values() if isinstance(v, dict)]
        assert all(UUID.fullmatch(key) for group in groups for key in group)


def test_records_come_parents_first(demo):
    order = [RECORD_ORDER.index(r.type) for r in demo.records]
    assert order == sorted(order)


def test_every_reference_points_back_within_the_team(demo):
    seen: dict[str, tuple[str, str]] = {}
    users = {u.id: u.team_key for u in demo.users}
    for record in demo.records:
        for _, key, value in walk(record.data):
            if key in USER_FIELDS:
                assert users[value] == record.team_key, (record.type, key)
            elif key in TARGETS:
                assert seen[value] == (TARGETS[key], record.team_key), (record.type, key)
        if "related_id" in record.data:
            target = seen[record.data["related_id"]]
            assert target == (record.data["related_type"], record.team_key)
        seen[record.id] = (record.type, record.team_key)


def test_mentors_and_contacts_belong_to_the_placement_company(demo):
    company_of = {r.id: r.data["company_id"] for r in of_type(demo, "contact")}
    for placement in of_type(demo, "placement"):
        for key in ("contact_id", "mentor_id"):
            if key in placement.data:
                assert company_of[placement.data[key]] == placement.data["company_id"]


def test_cvr_numbers_pass_modulus_11(demo):
    cvrs = [r.data["cvr"] for r in of_type(demo, "company")]
    assert all(cvr_ok(cvr) for cvr in cvrs) and len(set(cvrs)) == len(cvrs)


def test_cpr_numbers_follow_the_century_rule(demo):
    for citizen in of_type(demo, "citizen"):
        born = cpr_birth_date(citizen.data["cpr"])
        assert 16 <= (TODAY - born).days // 365 <= 67


def test_sizes_and_kinds(demo):
    companies = of_type(demo, "company")
    assert 35 <= len(companies) <= 45
    assert {r.team_key for r in companies} == {t.key for t in demo.teams}
    assert 50 <= len(of_type(demo, "citizen")) <= 70
    for team in demo.teams:
        placements = [r for r in of_type(demo, "placement") if r.team_key == team.key]
        assert {p.data["kind"] for p in placements} == set(PLACEMENT_KINDS)
        assert {p.data["status"] for p in placements} >= {"planned", "active", "ended"}
        meetings = [r for r in of_type(demo, "meeting") if r.team_key == team.key]
        assert {m.data["kind"] for m in meetings} == MEETING_KINDS
    contacts = Counter(r.data["company_id"] for r in of_type(demo, "contact"))
    assert all(1 <= contacts[c.id] <= 3 for c in companies)
    primary = Counter(r.data["company_id"] for r in of_type(demo, "contact")
                      if r.data["is_primary"])
    assert all(primary[c.id] == 1 for c in companies)
    keys = {r.data["template_key"] for r in of_type(demo, "assessment")}
    assert keys == {"progressionskort", "progressionsvaerktoej", "progression-mod-job"}


def test_every_record_validates(demo):
    def find(record_type, key, version):
        return find_template(TEMPLATES, record_type, key, version)

    for record in demo.records:
        assert validate_record_data(record.type, record.data, find_template=find) == {}, (
            record.type, record.id)


def test_values_are_clean(demo):
    for record in demo.records:
        for _, key, value in walk(record.data):
            assert value is not None, (record.type, key)
            if isinstance(value, str):
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value)
                assert value == value.strip() and value
            if key in ("date", "due_date", "start_date", "end_date", "from_date",
                       "next_follow_up", "assessed_on", "deadline", "period_start",
                       "period_end"):
                assert DATE.fullmatch(value) and date.fromisoformat(value)
            if key in ("held_at", "scheduled_at"):
                moment = datetime.fromisoformat(value)
                local = moment.replace(tzinfo=None)
                assert moment.utcoffset() == COPENHAGEN.utcoffset(local), value


def test_meetings_follow_the_rules(demo):
    for meeting in of_type(demo, "meeting"):
        data = meeting.data
        if data["status"] == "final":
            assert data["held_at"][:10] < TODAY.isoformat()
            assert data["next_follow_up"] > data["held_at"][:10]
            assert data["notes_citizen"] and data["notes_company"]
            assert all(a["responsible"] and a["due_date"] for a in data["agreements"])
        else:
            assert data["scheduled_at"][:10] >= TODAY.isoformat() and "held_at" not in data
        attendance = data.get("follow_up", {}).get("attendance")
        if attendance:
            assert 0 < attendance["attended_hours"] <= attendance["norm_hours"]
            assert attendance["period_end"] < data["held_at"][:10]
        if data["kind"] == "first_visit" and data["status"] == "final":
            assert set(data["themes_covered"]) == {"company", "challenges", "offers",
                                                   "campaigns"}


def test_the_today_screen_has_meetings_for_everyone(demo):
    today = {r.created_by_username for r in of_type(demo, "meeting")
             if r.data["status"] == "draft" and r.data["scheduled_at"][:10] == TODAY.isoformat()}
    assert today == {u.username for u in demo.users if u.role in ("consultant", "lead")}


def test_hours_are_dated_and_some_paid_hours_rise(demo):
    rising = 0
    for placement in of_type(demo, "placement"):
        hours = placement.data["hours"]
        starts = [h["from_date"] for h in hours]
        assert starts == sorted(set(starts)) and starts[0] == placement.data["start_date"]
        paid = [h["paid_hours"] for h in hours]
        assert paid == sorted(paid)
        rising += paid[-1] > paid[0]
    assert rising >= 5


def test_assessments_line_up_with_work_functions_and_improve(demo):
    functions = {r.id: {wf["id"] for wf in r.data["work_functions"]}
                 for r in of_type(demo, "placement")}
    cards: dict[str, list[tuple[str, int]]] = {}
    for assessment in of_type(demo, "assessment"):
        data = assessment.data
        if data["template_key"] == "progressionsvaerktoej":
            rows = data["answers"]["work_function_progress"]
            assert set(rows) == functions[data["placement_id"]]
        if data["template_key"] == "progressionskort":
            total = sum(v for v in data["answers"].values() if isinstance(v, int))
            cards.setdefault(data["placement_id"], []).append((data["assessed_on"], total))
    assert cards and all(2 <= len(dated) <= 3 for dated in cards.values())
    improving = sum(max(dated)[1] > min(dated)[1] for dated in cards.values())
    assert improving >= len(cards) * 0.8


def test_job_orders_fill_at_most_their_positions(demo):
    orders = of_type(demo, "job_order")
    assert {o.data["status"] for o in orders} == {"open", "filled", "closed"}
    for order in orders:
        assert order.data["filled"] <= order.data["positions"] and order.data["log"]


def test_dates_follow_today():
    later = date(2027, 6, 30)
    moved = build_demo(later, TEMPLATES)
    drafts = [r for r in moved.records if r.type == "meeting" and r.data["status"] == "draft"]
    assert any(r.data["scheduled_at"].startswith("2027-06-30T") for r in drafts)
    assert all(r.data["scheduled_at"][:10] >= later.isoformat() for r in drafts)


def test_without_templates_there_are_no_assessments():
    assert not [r for r in build_demo(TODAY, []).records if r.type == "assessment"]


def test_agreements_are_drafted_readied_and_signed_and_signatures_cover_them(demo):
    agreements = {r.id: r for r in of_type(demo, "agreement")}
    statuses = Counter(r.data["status"] for r in agreements.values())
    assert statuses == {"signed": 4, "ready": 2, "draft": 2}
    signed = {r.data["agreement_id"]: set() for r in of_type(demo, "signature")}
    for signature in of_type(demo, "signature"):
        agreement = agreements[signature.data["agreement_id"]].data
        covered = {k: agreement[k] for k in ("template_key", "template_version", "content")}
        assert signature.data["content"] == covered
        assert signature.data["content_sha256"] == canonical_sha256(covered)
        assert all(len(stroke) >= 18 for stroke in signature.data["strokes"])
        signed[signature.data["agreement_id"]].add(signature.data["role"])
    assert set(signed) == {i for i, r in agreements.items() if r.data["status"] == "signed"}
    assert all(roles == {"citizen", "company", "consultant"} for roles in signed.values())
