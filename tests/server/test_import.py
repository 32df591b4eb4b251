"""Importing cases from a CSV export (docs/protocol.md section 9): good and bad files as tables."""
import json

import pytest
from sqlalchemy import func, select

from server.extensions import db
from server.models import Record, Revision, Team
from tests.server.sync_helpers import Device, new_id

HEADER = ["cpr", "navn", "telefon", "email", "maalgruppe", "sagsbehandler",
          "sagsbehandler_email", "cvr", "virksomhed", "forloebstype", "startdato", "slutdato",
          "praktiktimer", "loentimer"]
MIA = ["010190-1234", "Mia Østergård", "12345678", "mia@example.dk", "Kontanthjælp",
       "Søren Sagsbehandler", "soren@fjordby.dk", "10000009", "Bageriet ApS",
       "Virksomhedspraktik", "01-03-2026", "31.05.2026", "18,5", "0"]
OLE = ["0202851235", "Ole Hansen", "", "", "dagpenge", "", "", "10000017", "Vognmand Ib",
       "wage_subsidy", "2026-04-01", "", "", "37"]
MIA_AGAIN = ["010190-1234", "Mia Østergård", "", "", "", "", "", "10000017", "Vognmand Ib",
             "løntilskud", "15.06.2026", "", "", "30,25"]


def csv_file(rows, header=HEADER, sep=";", encoding="utf-8") -> bytes:
    """A CSV export with the given header, rows, separator and encoding."""
    def cell(value: str) -> str:
        return f'"{value}"' if sep in value else value
    lines = [sep.join(cell(c) for c in line) for line in [header, *rows]]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def with_cell(row, column, value):
    """A copy of a row with one cell replaced."""
    changed = list(row)
    changed[HEADER.index(column)] = value
    return changed


@pytest.fixture
def nord(users):
    """The id of anne's team Nord."""
    return db.session.scalar(select(Team.id).where(Team.name == "Nord"))


def post_import(client, headers, team_id, body, dry_run=False):
    """POST a file to the import endpoint."""
    query = {"team_id": team_id, **({"dry_run": "1"} if dry_run else {})}
    return client.post("/api/v1/admin/import", query_string=query, data=body,
                       headers={**headers, "Content-Type": "text/csv"})


def record_count() -> int:
    """How many records the database holds."""
    count = db.session.scalar(select(func.count()).select_from(Record))
    db.session.rollback()
    return count


COUNTS = {"citizen": 2, "company": 2, "placement": 3}
GOOD_FILES = [
    ("utf-8 semicolon, Danish labels", csv_file([MIA, OLE, MIA_AGAIN])),
    ("utf-8 with BOM, comma", csv_file([MIA, OLE, MIA_AGAIN], sep=",", encoding="utf-8-sig")),
    ("windows-1252 semicolon", csv_file([MIA, OLE, MIA_AGAIN], encoding="cp1252")),
    ("headers in another order and case, an unknown column",
     csv_file([[r[i] for i in range(len(HEADER) - 1, -1, -1)] + ["x"]
               for r in (MIA, OLE, MIA_AGAIN)],
              header=[h.upper() for h in reversed(HEADER)] + ["Ukendt"])),
]


@pytest.mark.parametrize(("name", "body"), GOOD_FILES, ids=[n for n, _ in GOOD_FILES])
def test_a_good_file_is_imported_and_a_second_time_changes_nothing(client, users, nord,
                                                                  auth_header, name, body):
    admin = auth_header("admin")
    dry = post_import(client, admin, nord, body, dry_run=True)
    assert dry.status_code == 200, dry.get_json()
    assert dry.get_json()["created"] == COUNTS and record_count() == 0
    first = post_import(client, admin, nord, body)
    assert first.get_json() == {**dry.get_json()}
    records, _ = Device(client, "anne").pull_all()
    by_type = {kind: [r for r in records.values() if r["type"] == kind] for kind in COUNTS}
    mia = next(r for r in by_type["citizen"] if r["data"]["name"] == "Mia Østergård")
    assert mia["data"] == {"name": "Mia Østergård", "cpr": "010190-1234", "phone": "12345678",
                           "email": "mia@example.dk", "target_group": "kontanthjaelp",
                           "caseworker_name": "Søren Sagsbehandler",
                           "caseworker_email": "soren@fjordby.dk"}
    assert mia["created_by"] == users["admin"] and mia["team_id"] == nord
    internship = next(r["data"] for r in by_type["placement"] if r["data"]["kind"] == "internship")
    assert internship["start_date"] == "2026-03-01" and internship["end_date"] == "2026-05-31"
    assert [(h["from_date"], h["internship_hours"], h["paid_hours"])
            for h in internship["hours"]] == [("2026-03-01", 18.5, 0)]
    later = next(r["data"] for r in by_type["placement"] if r["data"]["start_date"] == "2026-06-15")
    assert later["citizen_id"] == mia["id"] and later["hours"][0]["paid_hours"] == 30.25
    revisions = db.session.scalar(select(func.count()).select_from(Revision))
    second = post_import(client, admin, nord, body).get_json()
    assert second["created"] == dict.fromkeys(COUNTS, 0)
    assert second["unchanged"] == COUNTS and second["errors"] == []
    assert db.session.scalar(select(func.count()).select_from(Revision)) == revisions


# (what is wrong, rows, expected (row, column) problems)
BAD_FILES = [
    ("a CVR with a wrong check digit", [MIA, with_cell(OLE, "cvr", "10000018")], [(2, "cvr")]),
    ("31-02 is no date", [with_cell(MIA, "startdato", "31-02-2026"), OLE], [(1, "startdato")]),
    ("a date in no accepted form", [with_cell(MIA, "slutdato", "2026/05/31")], [(1, "slutdato")]),
    ("a CPR with no real date", [with_cell(MIA, "cpr", "310290-1234")], [(1, "cpr")]),
    ("a CPR that is not ten digits", [with_cell(MIA, "cpr", "0101901")], [(1, "cpr")]),
    ("an unknown placement kind", [with_cell(OLE, "forloebstype", "Praktik i udlandet")],
     [(1, "forloebstype")]),
    ("an unknown target group", [with_cell(OLE, "maalgruppe", "pension")], [(1, "maalgruppe")]),
    ("hours that are not a number", [with_cell(MIA, "praktiktimer", "mange")],
     [(1, "praktiktimer")]),
    ("hours with three decimals", [with_cell(MIA, "loentimer", "7,125")], [(1, "loentimer")]),
    ("an end before the start", [with_cell(MIA, "slutdato", "01-01-2026")],
     [(1, "slutdato"), (1, "startdato")]),
    ("a bad e-mail", [OLE, with_cell(MIA, "email", "mia@")], [(2, "email")]),
    ("a bad caseworker e-mail", [with_cell(MIA, "sagsbehandler_email", "x")],
     [(1, "sagsbehandler_email")]),
    ("an empty required cell", [MIA, with_cell(OLE, "virksomhed", "")], [(2, "virksomhed")]),
    ("every problem of every row",
     [with_cell(MIA, "cvr", "12345678"), OLE, with_cell(OLE, "startdato", "30.02.2026")],
     [(1, "cvr"), (3, "startdato")]),
]


@pytest.mark.parametrize(("name", "rows", "expected"), BAD_FILES, ids=[n for n, _, _ in BAD_FILES])
def test_a_bad_file_names_each_problem_and_writes_nothing(client, users, nord, auth_header,
                                                         name, rows, expected):
    for dry_run in (True, False):
        response = post_import(client, auth_header("admin"), nord, csv_file(rows), dry_run)
        assert response.status_code == 400
        body = response.get_json()
        assert body["type"].endswith("/validation") and body["rows"] == len(rows)
        assert sorted({(e["row"], e["column"]) for e in body["errors"]}) == expected, body
        assert all(e["message"] for e in body["errors"])
    assert record_count() == 0


HEADER_PROBLEMS = [
    ("the cvr column missing", csv_file([[c for h, c in zip(HEADER, MIA) if h != "cvr"]],
                                        header=[h for h in HEADER if h != "cvr"]), [(0, "cvr")]),
    ("a column twice", csv_file([MIA + ["x"]], header=HEADER + ["NAVN"]), [(0, "NAVN")]),
    ("an empty file", b"", [(0, "")]),
    ("not text", b"\x00\x01\x02;\x00", [(0, "")]),
    ("a cell longer than CSV allows",
     csv_file([MIA]) + b'x;"' + b"y" * 200_000 + b'"\r\n', [(2, "")]),
]


@pytest.mark.parametrize(("name", "body", "expected"), HEADER_PROBLEMS,
                         ids=[n for n, _, _ in HEADER_PROBLEMS])
def test_a_file_without_the_columns_is_refused(client, users, nord, auth_header, name, body,
                                               expected):
    response = post_import(client, auth_header("admin"), nord, body)
    assert response.status_code == 400
    assert sorted((e["row"], e["column"]) for e in response.get_json()["errors"]) == expected


def test_a_matched_record_changes_only_where_the_file_differs(client, users, nord, auth_header):
    anne = Device(client, "anne")
    citizen = new_id()
    anne.upsert("citizen", citizen, {"name": "Mia Østergård", "cpr": "010190-1234",
                                     "phone": "87654321", "special_considerations": "Ryg"})
    company = new_id()
    anne.upsert("company", company, {"name": "Bageriet", "cvr": "10000009", "city": "Vejle"})
    row = with_cell(with_cell(MIA, "telefon", ""), "email", "ny@example.dk")
    answer = post_import(client, auth_header("admin"), nord, csv_file([row])).get_json()
    assert answer["updated"] == {"citizen": 1, "company": 1, "placement": 0}
    assert answer["created"] == {"citizen": 0, "company": 0, "placement": 1}
    mia = anne.get("citizen", citizen).get_json()
    assert mia["rev"] == 2 and mia["data"]["phone"] == "87654321"
    assert mia["data"]["email"] == "ny@example.dk"
    assert mia["data"]["special_considerations"] == "Ryg"
    firm = anne.get("company", company).get_json()["data"]
    assert firm == {"name": "Bageriet ApS", "cvr": "10000009", "city": "Vejle"}


def test_only_admins_import_and_the_team_must_exist(client, users, nord, auth_header):
    body = csv_file([MIA])
    for who in ("anne", "lis", "bo"):
        assert post_import(client, auth_header(who), nord, body).status_code == 403
    admin = auth_header("admin")
    assert post_import(client, admin, new_id(), body).status_code == 400
    wrong_type = client.post("/api/v1/admin/import", query_string={"team_id": nord},
                             json={"x": 1}, headers=admin)
    assert wrong_type.status_code == 415
    assert record_count() == 0


def _run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_the_command_prints_the_same_summary(app_ctx, client, users, nord, auth_header, tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(csv_file([MIA, OLE, MIA_AGAIN], encoding="cp1252"))
    bad.write_bytes(csv_file([with_cell(MIA, "startdato", "31-02-2026")]))
    api = post_import(client, auth_header("admin"), nord, good.read_bytes(), dry_run=True)
    dry = _run(app_ctx, "import-cases", str(good), "--team", "Nord", "--dry-run")
    assert dry.exit_code == 0 and json.loads(dry.output) == api.get_json()
    assert record_count() == 0
    done = _run(app_ctx, "import-cases", str(good), "--team", "Nord", "--user", "lis")
    assert done.exit_code == 0 and json.loads(done.output)["created"] == COUNTS
    creators = set(db.session.scalars(select(Record.created_by)))
    db.session.rollback()
    assert creators == {users["lis"]}
    failed = _run(app_ctx, "import-cases", str(bad), "--team", "Nord")
    assert failed.exit_code == 1
    assert json.loads(failed.output)["errors"][0] | {"message": ""} == {
        "row": 1, "column": "startdato", "message": ""}
    assert _run(app_ctx, "import-cases", str(good), "--team", "Ukendt").exit_code == 1
