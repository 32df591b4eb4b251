"""The job centre's lists (docs/domain.md "Lists"): defaults, ETag, admins replace a list."""
import pytest

from server.default_lists import DEFAULT_LISTS


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
