"""The access audit as a lead reads it: find a citizen, see and download who accessed what."""
import pytest

from tests.server.sync_helpers import Device, company, new_id

CPR = "010190-1234"


@pytest.fixture
def placed(client, users):
    """anne's citizen with a CPR number and a placement, pulled once by anne's tablet."""
    anne = Device(client, "anne")
    ids = {"company": new_id(), "citizen": new_id(), "placement": new_id()}
    anne.upsert("company", ids["company"], company())
    anne.upsert("citizen", ids["citizen"], {"name": "Mette Hansen", "cpr": CPR})
    anne.upsert("placement", ids["placement"], {
        "citizen_id": ids["citizen"], "company_id": ids["company"], "kind": "internship",
        "start_date": "2026-11-02"})
    anne.pull_all()
    return ids


def _get(device, path, **query):
    return device.client.get(f"/api/v1/{path}", headers=device.headers, query_string=query)


def _search(device, text):
    return device.client.post("/api/v1/audit/citizens", json={"q": text}, headers=device.headers)


@pytest.mark.parametrize("text", ["mette", "HANSEN", "010190", "0101901234"])
def test_a_lead_finds_a_citizen_by_name_or_cpr_masked(client, placed, text):
    lis = Device(client, "lis")
    hits = _search(lis, text).get_json()["citizens"]
    assert [(h["id"], h["name"], h["cpr"]) for h in hits] == [
        (placed["citizen"], "Mette Hansen", "010190-****")]


@pytest.mark.parametrize(("who", "status", "found"), [
    ("anne", 403, None), ("bo", 403, None), ("lis", 200, 1), ("admin", 200, 1)])
def test_only_leads_and_admins_search_and_a_lead_only_their_team(client, placed, who, status,
                                                                 found):
    answer = _search(Device(client, who), "Mette")
    assert answer.status_code == status
    if found is not None:
        assert len(answer.get_json()["citizens"]) == found


def test_the_report_names_users_and_devices_and_logs_its_own_reading(client, placed):
    lis = Device(client, "lis")
    _search(lis, "mette")
    report = _get(lis, "audit/report", citizen_id=placed["citizen"]).get_json()
    assert report["citizen"] == {"id": placed["citizen"], "name": "Mette Hansen",
                                 "cpr": "010190-****"}
    actions = [(e["action"], e["user_name"], e["device_name"]) for e in report["events"]]
    assert ("pull", "Anne Andersen", "annes tablet") in actions
    assert ("push", "Anne Andersen", "annes tablet") in actions
    assert ("search", "Lis Lund", "liss tablet") in actions
    again = _get(lis, "audit/report", citizen_id=placed["citizen"]).get_json()
    assert ("audit", "Lis Lund", "liss tablet") in [
        (e["action"], e["user_name"], e["device_name"]) for e in again["events"]]


def test_the_report_downloads_as_csv_without_the_full_cpr(client, placed):
    lis = Device(client, "lis")
    answer = _get(lis, "audit/report", citizen_id=placed["citizen"], format="csv")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.headers["Content-Disposition"].startswith("attachment;")
    text = answer.get_data(as_text=True)
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0] == "Adgangslog for Mette Hansen 010190-****"
    assert lines[1].startswith("Tidspunkt;Modtaget på serveren;Bruger;Brugernavn;Enhed")
    assert any(";Anne Andersen;anne;annes tablet;hentede ved synkronisering;" in line
               for line in lines)
    assert CPR not in text and CPR.replace("-", "") not in text


@pytest.mark.parametrize("who", ["bo", "anne"])
def test_the_report_is_not_for_consultants_nor_other_teams(client, placed, who):
    answer = _get(Device(client, who), "audit/report", citizen_id=placed["citizen"])
    assert answer.status_code == 403
