"""The activity report (docs/protocol.md 8): a table of records against the exact figures.

Nord: anne (consultant) and lis (lead); Syd: bo; admin in Drift. The period is
2026-03-02 (Monday) to 2026-03-15 (Sunday): ISO weeks 2026-W10 and 2026-W11. Job orders
count from the day the server created them, so they are checked over today.
"""
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from tests.server.sync_helpers import Device, company, new_id

PERIOD = {"from": "2026-03-02", "to": "2026-03-15"}


def meeting(company_id, held_at, kind="follow_up", status="final"):
    """Meeting data."""
    return {"company_id": company_id, "kind": kind, "held_at": held_at, "status": status,
            "next_follow_up": "2026-04-01"}


def contact(company_id, day, result, positions=None):
    """Company contact data."""
    data = {"company_id": company_id, "contacted_on": day, "result": result}
    return data if positions is None else {**data, "positions": positions, "filled": 0}


def placement(citizen_id, company_id, kind, start, **extra):
    """Placement data."""
    return {"citizen_id": citizen_id, "company_id": company_id, "kind": kind,
            "start_date": start, **extra}


@pytest.fixture
def world(client, users):
    """The table of records: what counts and what must not."""
    d = {name: Device(client, name) for name in ("anne", "lis", "bo", "admin")}
    anne, lis, bo = d["anne"], d["lis"], d["bo"]
    c1, c2, c3, citizen, syd = (new_id() for _ in range(5))
    for company_id in (c1, c2, c3):
        anne.upsert("company", company_id, company(company_type="db07_f"))
    anne.upsert("citizen", citizen, {"name": "Mette Hansen"})
    bo.upsert("company", syd, company())
    rows = [
        (anne, "meeting", meeting(c1, "2026-03-03T10:00:00+01:00")),
        (anne, "meeting", meeting(c1, "2026-03-03T23:30:00Z")),          # Copenhagen 4 March
        (lis, "meeting", meeting(c2, "2026-03-10T09:00:00+01:00", kind="phone")),
        (anne, "meeting", meeting(c2, "2026-03-05T09:00:00+01:00", status="draft")),
        (anne, "meeting", meeting(c2, "2026-03-01T22:30:00Z")),          # Copenhagen 1 March
        (anne, "meeting", meeting(c3, "2026-03-15T22:59:00Z")),          # Copenhagen 15 March
        (bo, "meeting", meeting(syd, "2026-03-04T09:00:00+01:00")),
        (anne, "company_contact", contact(c1, "2026-03-02", "internship", 2)),
        (anne, "company_contact", contact(c2, "2026-03-09", "no_opening")),
        (lis, "company_contact", contact(c3, "2026-03-15", "ordinary_opening", 1)),
        (anne, "company_contact", contact(c3, "2026-03-16", "internship", 1)),
        (anne, "placement", placement(citizen, c1, "internship", "2026-03-02")),
        (anne, "placement", placement(citizen, c1, "wage_subsidy", "2026-02-01",
                                      end_date="2026-03-12", status="ended",
                                      outcome="ordinary_job")),
        (lis, "placement", placement(citizen, c2, "flex_job", "2026-03-14", status="active")),
        (anne, "placement", placement(citizen, c3, "internship", "2026-03-03",
                                      end_date="2026-03-13", status="active")),
    ]
    for device, record_type, data in rows:
        assert device.upsert(record_type, new_id(), data)["status"] == "applied"
    deleted = [("meeting", meeting(c1, "2026-03-04T10:00:00+01:00")),
               ("company_contact", contact(c1, "2026-03-05", "internship", 1)),
               ("placement", placement(citizen, c1, "internship", "2026-03-05"))]
    for record_type, data in deleted:
        record_id = new_id()
        anne.upsert(record_type, record_id, data)
        assert anne.delete(record_type, record_id, 1)["status"] == "applied"
    finished_by_lis = new_id()
    held = "2026-03-12T09:00:00+01:00"
    anne.upsert("meeting", finished_by_lis, meeting(c3, held, status="draft"))
    lis.upsert("meeting", finished_by_lis, meeting(c3, "2026-03-12T09:00:00+01:00"), base_rev=1)
    anne.upsert("meeting", finished_by_lis, {**meeting(c3, "2026-03-12T09:00:00+01:00"),
                                             "location": "Kontoret"}, base_rev=2)
    return {"devices": d, "users": users, "companies": (c1, c2, c3)}


def figures(meetings=0, visited=0, contacts=0, by_result=None, started=None, ended=None,
            orders=0, open_=0, filled=0):
    """Expected figures with every word listed."""
    results = dict.fromkeys(("no_opening", "ordinary_opening", "internship", "wage_subsidy",
                             "flex_job", "other_opening"), 0)
    kinds = dict.fromkeys(("internship", "wage_subsidy", "flex_job", "igu", "ordinary",
                           "mentor", "job_rotation", "adult_apprentice", "other"), 0)
    outcomes = dict.fromkeys(("ordinary_job", "education", "extended", "flex_job",
                              "ended_no_job", "other"), 0)
    return {"meetings_held": meetings, "companies_visited": visited,
            "company_contacts": contacts, "contacts_by_result": {**results, **(by_result or {})},
            "job_orders_created": orders, "positions_open": open_, "positions_filled": filled,
            "placements_started": {**kinds, **(started or {})},
            "placements_ended": {**outcomes, **(ended or {})}}


ANNE = figures(meetings=3, visited=2, contacts=2,
               by_result={"internship": 1, "no_opening": 1},
               started={"internship": 2}, ended={"ordinary_job": 1})
LIS = figures(meetings=2, visited=1, contacts=1, by_result={"ordinary_opening": 1},
              started={"flex_job": 1})
NORD = figures(meetings=5, visited=2, contacts=3,
               by_result={"internship": 1, "no_opening": 1, "ordinary_opening": 1},
               started={"internship": 2, "flex_job": 1}, ended={"ordinary_job": 1})
WEEKS = [{"week": "2026-W10", **figures(meetings=2, visited=1, contacts=1,
                                        by_result={"internship": 1},
                                        started={"internship": 2})},
         {"week": "2026-W11", **figures(meetings=3, visited=1, contacts=2,
                                        by_result={"no_opening": 1, "ordinary_opening": 1},
                                        started={"flex_job": 1}, ended={"ordinary_job": 1})}]


def report(device, status=200, **params):
    """GET the activity report."""
    response = device.client.get("/api/v1/reports/activity", query_string=params,
                                 headers=device.headers)
    assert response.status_code == status, response.get_json()
    return response


def test_the_lead_sees_the_team_per_user_and_week(world):
    ids = world["users"]
    answer = report(world["devices"]["lis"], **PERIOD).get_json()
    assert answer["totals"] == NORD
    assert answer["by_user"] == [{"user_id": ids["anne"], **ANNE},
                                 {"user_id": ids["lis"], **LIS}]
    assert answer["by_week"] == WEEKS
    assert (answer["from"], answer["to"]) == ("2026-03-02", "2026-03-15")
    assert answer["team_id"] == world["devices"]["lis"].user["team_id"]


# (who, extra query, status, the users in by_user or None for an empty team)
ROLES = [
    ("lis", {}, 200, ("anne", "lis")),
    ("lis", {"user_id": "anne"}, 200, ("anne",)),
    ("lis", {"team_id": "bo"}, 404, None),
    ("lis", {"user_id": "bo"}, 404, None),
    ("anne", {}, 200, ("anne",)),
    ("anne", {"user_id": "lis"}, 200, ("anne",)),
    ("anne", {"team_id": "bo"}, 404, None),
    ("bo", {}, 200, ("bo",)),
    ("admin", {"team_id": "anne"}, 200, ("anne", "lis")),
    ("admin", {}, 200, ("admin",)),
    ("admin", {"team_id": "00000000-0000-4000-8000-000000000000"}, 404, None),
]
EXPECTED = {"anne": ANNE, "lis": LIS, "bo": figures(meetings=1, visited=1)}


@pytest.mark.parametrize(("who", "extra", "status", "listed"), ROLES)
def test_role_and_team_rules(world, who, extra, status, listed):
    devices, ids = world["devices"], world["users"]
    query = dict(PERIOD)
    if "user_id" in extra:
        query["user_id"] = ids[extra["user_id"]]
    if "team_id" in extra:
        named = devices.get(extra["team_id"])
        query["team_id"] = named.user["team_id"] if named else extra["team_id"]
    response = report(devices[who], status, **query)
    if status != 200:
        assert response.get_json()["type"].endswith("/not-found")
        return
    answer = response.get_json()
    assert [row["user_id"] for row in answer["by_user"]] == [ids[name] for name in listed]
    for row in answer["by_user"]:
        name = next(n for n in listed if ids[n] == row["user_id"])
        assert {k: v for k, v in row.items() if k != "user_id"} == EXPECTED.get(name, figures())
    if len(listed) == 1:
        assert answer["totals"] == EXPECTED.get(listed[0], figures())


BAD_PERIODS = [
    {"from": "2026-03-15", "to": "2026-03-02"},
    {"from": "2023-01-01", "to": "2026-01-01"},
    {"from": "2026-02-30", "to": "2026-03-02"},
    {"from": "2026-03-02"},
    {"from": "02-03-2026", "to": "2026-03-15"},
    {**PERIOD, "format": "pdf"},
]


@pytest.mark.parametrize("query", BAD_PERIODS)
def test_bad_periods_are_validation_problems(world, query):
    answer = report(world["devices"]["lis"], 400, **query).get_json()
    assert answer["type"].endswith("/validation") and answer["errors"]


def test_three_years_less_a_day_is_a_period(world):
    report(world["devices"]["lis"], **{"from": "2023-01-01", "to": "2025-12-31"})


def test_job_orders_count_from_the_day_they_were_created(world):
    anne, lis = world["devices"]["anne"], world["devices"]["lis"]
    c1 = world["companies"][0]
    orders = [(anne, {"positions": 3, "filled": 1}), (anne, {"positions": 2, "filled": 2,
                                                           "status": "filled"}),
              (lis, {"positions": 4, "status": "closed"}), (anne, {})]
    for device, extra in orders:
        device.upsert("job_order", new_id(), {"company_id": c1, "title": "Lager", **extra})
    gone = new_id()
    anne.upsert("job_order", gone, {"company_id": c1, "title": "Væk", "positions": 5})
    anne.delete("job_order", gone, 1)
    today = datetime.now(ZoneInfo("Europe/Copenhagen")).date()
    answer = report(lis, **{"from": today.isoformat(), "to": today.isoformat()}).get_json()
    totals = answer["totals"]
    assert (totals["job_orders_created"], totals["positions_open"],
            totals["positions_filled"]) == (4, 3, 2)
    assert [row["positions_open"] for row in answer["by_user"]] == [3, 0]
    assert [row["positions_filled"] for row in answer["by_week"]] == [2]
    before = today - timedelta(days=1)
    earlier = report(lis, **{"from": (before - timedelta(days=30)).isoformat(),
                             "to": before.isoformat()}).get_json()["totals"]
    assert (earlier["job_orders_created"], earlier["positions_open"]) == (0, 0)


def test_csv_and_xlsx_hold_the_same_figures(world):
    lis = world["devices"]["lis"]
    csv_answer = report(lis, **PERIOD, format="csv")
    assert csv_answer.headers["Content-Disposition"].startswith("attachment")
    assert csv_answer.headers["Content-Type"] == "text/csv; charset=utf-8"
    text = csv_answer.data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Totaler" and lines[1].startswith("Periode;Møder holdt;")
    assert lines[2].startswith("2026-03-02 – 2026-03-15;5;2;3;")
    assert "Anne Andersen;3;2;2;" in text and "2026-W11;3;1;2;" in text
    xlsx_answer = report(lis, **PERIOD, format="xlsx")
    assert xlsx_answer.headers["Content-Disposition"].startswith("attachment")
    book = openpyxl.load_workbook(io.BytesIO(xlsx_answer.data))
    assert book.sheetnames == ["Totaler", "Pr. medarbejder", "Pr. uge"]
    rows = list(book["Pr. medarbejder"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Medarbejder", "Møder holdt", "Virksomheder besøgt")
    assert rows[1][:4] == ("Anne Andersen", 3, 2, 2) and rows[2][:4] == ("Lis Lund", 2, 1, 1)
    weeks = list(book["Pr. uge"].iter_rows(values_only=True))
    assert [row[0] for row in weeks[1:]] == ["2026-W10", "2026-W11"]
