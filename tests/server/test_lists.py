"""The job centre's lists (docs/domain.md "Lists"): defaults, ETag, admins replace a list."""
import pytest

from server.default_lists import DEFAULT_LISTS
from tests.server.sync_helpers import new_id


def test_defaults_are_db07_sections_and_about_thirty_job_functions(client, auth_header):
    response = client.get("/api/v1/lists", headers=auth_header("anne"))
    assert response.status_code == 200 and response.headers["ETag"]
    lists = response.get_json()
    assert len(lists["company_types"]) == 21
    assert lists["company_types"][5] == {"id": "db07_f", "label": "Bygge- og anlægsvirksomhed",
                                         "retired": False}
    assert 28 <= len(lists["job_functions"]) <= 35
    again = client.get("/api/v1/lists", headers={**auth_header("anne"),
                                                 "If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_an_admin_retires_and_adds_items_and_the_etag_changes(client, auth_header):
    admin = auth_header("admin")
    before = client.get("/api/v1/lists", headers=admin).headers["ETag"]
    items = [dict(item) for item in DEFAULT_LISTS["job_functions"]]
    items[0]["retired"] = True
    items.append({"id": "droner", "label": "Droneoperatør"})
    response = client.put("/api/v1/admin/lists/job_functions", json={"items": items},
                          headers=admin)
    assert response.status_code == 200, response.get_json()
    after = client.get("/api/v1/lists", headers=auth_header("anne"))
    assert after.headers["ETag"] != before
    functions = after.get_json()["job_functions"]
    assert functions[0]["retired"] is True
    assert functions[-1] == {"id": "droner", "label": "Droneoperatør", "retired": False}


def _items(*drop: int) -> list[dict]:
    return [item for i, item in enumerate(DEFAULT_LISTS["company_types"]) if i not in drop]


# (who, key, body, status, slug)
REPLACEMENTS = [
    ("anne", "company_types", {"items": _items()}, 403, "forbidden"),
    ("lis", "company_types", {"items": _items()}, 403, "forbidden"),
    ("admin", "colours", {"items": []}, 404, "not-found"),
    ("admin", "company_types", {"items": _items(3)}, 400, "validation"),
    ("admin", "company_types", {"items": _items() + _items()[:1]}, 400, "validation"),
    ("admin", "company_types", {"items": [{"id": "x"}]}, 400, "validation"),
    ("admin", "company_types", {"items": "nope"}, 400, "validation"),
    ("admin", "company_types", {}, 400, "validation"),
    ("admin", "company_types", {"items": _items()}, 200, None),
]


@pytest.mark.parametrize(("who", "key", "body", "status", "slug"), REPLACEMENTS)
def test_replacing_a_list(client, auth_header, who, key, body, status, slug):
    response = client.put(f"/api/v1/admin/lists/{key}", json=body, headers=auth_header(who))
    assert response.status_code == status, response.get_json()
    if slug:
        assert response.get_json()["type"].endswith(f"/{slug}")


# (record type, data, the field refused or None): list fields take an id of the job centre's
# list; an empty value means "not given"; a retired id stays valid (docs/domain.md "Lists").
CONTACT = {"company_id": "5e0f3c53-64f4-4b55-9b3b-0a2a0a7d9a11", "contacted_on": "2026-12-07",
           "result": "internship"}
LIST_VALUES = [
    ("company", {"name": "Tarm Is", "company_type": "db07_f"}, None),
    ("company", {"name": "Tarm Is", "company_type": ""}, None),
    ("company", {"name": "Tarm Is"}, None),
    ("company", {"name": "Tarm Is", "company_type": "Bygge- og anlægsvirksomhed"},
     "data.company_type"),
    ("company", {"name": "Tarm Is", "company_type": "koekken"}, "data.company_type"),
    ("company_contact", {**CONTACT, "job_function": "koekken"}, None),
    ("company_contact", {**CONTACT, "job_function": "db07_f"}, "data.job_function"),
    ("company_contact", {**CONTACT, "job_function": "Køkken"}, "data.job_function"),
]


@pytest.mark.parametrize(("record_type", "data", "refused"), LIST_VALUES)
def test_list_fields_take_ids_of_the_lists(anne, record_type, data, refused):
    if record_type == "company_contact":
        anne.upsert("company", CONTACT["company_id"], {"name": "Kontaktet ApS"})
    result = anne.upsert(record_type, new_id(), data)
    if refused is None:
        assert result["status"] == "applied", result
    else:
        assert result["status"] == "rejected", result
        assert list(result["error"]["errors"]) == [refused]
        assert "list" in result["error"]["errors"][refused][0]


def test_an_item_an_admin_adds_is_valid_at_once_and_a_retired_one_stays_valid(
        client, auth_header, anne):
    assert anne.upsert("company", new_id(), {"name": "Drone ApS", "company_type": "db07_x"})[
        "status"] == "rejected"
    items = [dict(item) for item in DEFAULT_LISTS["company_types"]]
    items[0]["retired"] = True
    items.append({"id": "db07_x", "label": "Droner"})
    assert client.put("/api/v1/admin/lists/company_types", json={"items": items},
                      headers=auth_header("admin")).status_code == 200
    for company_type in ("db07_x", items[0]["id"]):
        result = anne.upsert("company", new_id(), {"name": "Drone ApS",
                                                   "company_type": company_type})
        assert result["status"] == "applied", result
