"""Every role and team rule on every endpoint, as one table (docs/protocol.md sections 1 and 5).

The records belong to anne's team (Nord): anne is a consultant there, lis its lead; bo is a
consultant of another team; admin administers every team.
"""
import pytest

from server.default_lists import DEFAULT_LISTS
from tests.server.admin_helpers import STRONG, every_item_type
from tests.server.agreement_helpers import make_agreement
from tests.server.sync_helpers import Device, company, new_id

WHO = ("anne", "lis", "bo", "admin")



@pytest.fixture
def world(client, users, sealing):
    """Nord's company, citizen, a conflict on the company and an agreement; every device."""
    devices = {name: Device(client, name) for name in WHO}
    anne, lis = devices["anne"], devices["lis"]
    ids = {"company": new_id(), "citizen": new_id()}
    anne.upsert("company", ids["company"], company())
    anne.upsert("citizen", ids["citizen"], {"name": "Mette Hansen"})
    anne.upsert("company", ids["company"], company(city="Vejle"), base_rev=1)
    ids["conflict"] = lis.upsert("company", ids["company"], company(city="Kolding"),
                                 base_rev=1)["conflict_id"]
    ids["agreement"] = make_agreement(anne)["agreement"]
    ids["anne_user"] = anne.user["id"]
    ids["nord"] = anne.user["team_id"]
    ids["team"] = anne.user["team_id"]
    return {"devices": devices, **ids}


def _call(world, who, method, path, body=None):
    device = world["devices"][who]
    names = {**{k: v for k, v in world.items() if k != "devices"},
             "device": world["devices"]["anne"].device_id}
    path = path.format(**names)
    if isinstance(body, dict):
        body = {k: v.format(**names) if isinstance(v, str) else v for k, v in body.items()}
    return getattr(device.client, method)(path, json=body, headers=device.headers)


# (method, path, body, expected status for anne, lis, bo, admin)
MATRIX = [
    ("get", "/api/v1/records/company/{company}", None, (200, 200, 404, 200)),
    ("get", "/api/v1/records/citizen/{citizen}/history", None, (200, 200, 404, 200)),
    ("get", "/api/v1/records/conflict/{conflict}", None, (200, 200, 404, 200)),
    ("get", "/api/v1/audit?citizen_id={citizen}", None, (403, 200, 403, 200)),
    ("get", "/api/v1/templates", None, (200, 200, 200, 200)),
    ("get", "/api/v1/users", None, (200, 200, 200, 200)),
    ("get", "/api/v1/devices", None, (200, 200, 200, 200)),
    ("get", "/api/v1/sync/pull", None, (200, 200, 200, 200)),
    ("get", "/api/v1/me", None, (200, 200, 200, 200)),
    ("post", "/api/v1/conflicts/{conflict}/resolve", {"data": {"city": "Vejle"}},
     (200, 200, 404, 404)),
    ("post", "/api/v1/devices/{device}/revoke", {}, (200, 404, 404, 200)),
    ("get", "/api/v1/agreements/{agreement}/pdf", None, (200, 200, 404, 200)),
    ("post", "/api/v1/agreements/verify", {}, (415, 415, 415, 415)),
    ("get", "/api/v1/admin/users", None, (403, 200, 403, 200)),
    ("post", "/api/v1/admin/users", {"username": "karen", "display_name": "Karen",
                                     "role": "consultant", "team_id": "{nord}",
                                     "password": STRONG}, (403, 403, 403, 201)),
    ("patch", "/api/v1/admin/users/{anne_user}", {"display_name": "Anne A."},
     (403, 403, 403, 200)),
    ("get", "/api/v1/admin/teams", None, (403, 200, 403, 200)),
    ("post", "/api/v1/admin/teams", {"name": "Øst"}, (403, 403, 403, 201)),
    ("get", "/api/v1/admin/templates", None, (403, 200, 403, 200)),
    ("post", "/api/v1/admin/templates", every_item_type(), (403, 403, 403, 201)),
    ("patch", "/api/v1/admin/templates/progressionskort/1", {"retired": True},
     (403, 403, 403, 200)),
    ("get", "/api/v1/admin/log", None, (403, 200, 403, 200)),
    ("post", "/api/v1/audit/citizens", {"q": "Mette"}, (403, 200, 403, 200)),
    ("get", "/api/v1/audit/report?citizen_id={citizen}", None, (403, 200, 403, 200)),
    ("get", "/api/v1/audit/report?citizen_id={citizen}&format=csv", None, (403, 200, 403, 200)),
    ("post", "/api/v1/admin/import", {}, (403, 403, 403, 415)),
    ("get", "/api/v1/lists", None, (200, 200, 200, 200)),
    ("put", "/api/v1/admin/lists/job_functions", {"items": DEFAULT_LISTS["job_functions"]},
     (403, 403, 403, 200)),
    ("get", "/api/v1/reports/activity?from=2026-01-01&to=2026-03-31", None,
     (200, 200, 200, 200)),
    ("get", "/api/v1/reports/activity?from=2026-01-01&to=2026-03-31&team_id={team}", None,
     (200, 200, 404, 200)),
    ("get", "/api/v1/reports/activity?from=2026-01-01&to=2026-03-31&format=xlsx", None,
     (200, 200, 200, 200)),
]


@pytest.mark.parametrize(("method", "path", "body", "expected"), MATRIX,
                         ids=[f"{m} {p.split('?')[0]}" for m, p, _, _ in MATRIX])
@pytest.mark.parametrize("who", WHO)
def test_role_and_team_rules(world, who, method, path, body, expected):
    response = _call(world, who, method, path, body)
    assert response.status_code == expected[WHO.index(who)], response.get_json()


@pytest.mark.parametrize("who", WHO)
def test_pull_shows_only_the_own_team(world, who):
    records, _ = world["devices"][who].pull_all()
    own = world["devices"][who].user["team_id"]
    assert all(r["team_id"] == own for r in records.values())
    assert (world["company"] in records) == (who in ("anne", "lis"))


@pytest.mark.parametrize("who", WHO)
def test_push_to_nords_record_only_from_nord(world, who):
    result = world["devices"][who].upsert("company", world["company"],
                                          company(city="Vejle", phone="1234"), base_rev=2)
    assert (result["status"] != "rejected") == (who in ("anne", "lis")), result
    if result["status"] == "rejected":
        assert result["error"]["type"].endswith("/not-found")


def test_users_list_is_per_team(world):
    bo = world["devices"]["bo"]
    names = {u["username"] for u in bo.client.get("/api/v1/users", headers=bo.headers)
             .get_json()["users"]}
    assert names == {"bo"}
