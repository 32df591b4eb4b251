"""Users and teams through the admin API and the CLI (docs/protocol.md 6 and 7)."""
import pytest
from sqlalchemy import select

from server.extensions import db
from server.models import AdminLogEntry, Team
from tests.conftest import login
from tests.server.admin_helpers import STRONG, Admin, as_text
from tests.server.sync_helpers import Device, new_id


@pytest.fixture
def admin(client, users):
    """The admin's device."""
    return Admin(client, "admin")


def _nord(admin: Admin) -> str:
    return next(t["id"] for t in admin.call("get", "teams", status=200)["teams"]
                if t["name"] == "Nord")


def _cli(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_deactivate_wipes_every_device_refuses_the_password_and_keeps_the_name(
        client, users, admin):
    tablet, phone = Device(client, "anne"), Device(client, "anne")
    citizen = new_id()
    tablet.upsert("citizen", citizen, {"name": "Mette Hansen"})
    admin.change(users["anne"], active=False)
    for device in (tablet, phone):
        answer = device.pull(status=401)
        assert answer["type"].endswith("/device-revoked") and answer["wipe"] is True
    right = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "anne-password-1", "device_name": "ny"})
    wrong = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "forkert-kode-123", "device_name": "ny"})
    assert right.status_code == wrong.status_code == 401
    assert right.get_json() == wrong.get_json()
    lis = Device(client, "lis")
    assert lis.get("citizen", citizen).get_json()["created_by"] == users["anne"]
    listed = {u["id"]: u for u in lis.client.get("/api/v1/users", headers=lis.headers)
              .get_json()["users"]}
    assert listed[users["anne"]]["display_name"] == "Anne Andersen"
    assert listed[users["anne"]]["active"] is False


def test_reactivate_lets_the_user_log_in_on_a_new_device_only(client, users, admin):
    old = Device(client, "anne")
    admin.change(users["anne"], active=False)
    admin.change(users["anne"], active=True)
    assert old.pull(status=401)["wipe"] is True
    assert Device(client, "anne").pull()["changes"] == []


@pytest.mark.parametrize("change", ["team", "role"])
def test_team_or_role_change_sends_the_devices_to_resync(client, users, admin, change):
    anne = Device(client, "anne")
    _, checkpoint = anne.pull_all()
    target = {"team": {"team_id": _syd(admin)}, "role": {"role": "lead"}}[change]
    admin.change(users["anne"], **target)
    assert anne.pull(checkpoint, status=410)["type"].endswith("/resync-required")
    assert anne.pull()["has_more"] is False


def _syd(admin: Admin) -> str:
    return next(t["id"] for t in admin.call("get", "teams")["teams"] if t["name"] == "Syd")


WEAK = [
    ("kort-kode-1", "mindst 12 tegn"),
    ("", "mindst 12 tegn"),
    ("karen.holm.dk", "brugernavnet"),
    ("password1234", "for let at gætte"),
    ("qwertyuiop12", "for let at gætte"),
    ("123456789012", "for let at gætte"),
    ("Velkommen123", "for let at gætte"),
    ("Jobcenter2026", "for let at gætte"),
]


@pytest.mark.parametrize(("password", "why"), WEAK, ids=[w[0] or "empty" for w in WEAK])
def test_weak_passwords_are_refused_everywhere_with_the_reason(app_ctx, users, admin,
                                                               password, why):
    body = {"username": "karen.holm.dk", "display_name": "Karen Holm", "role": "consultant",
            "team_id": _nord(admin), "password": password}
    answers = [admin.call("post", "users", body)]
    if why != "brugernavnet":
        answers.append(admin.call("patch", f"users/{users['bo']}", {"password": password}))
    for answer in answers:
        assert answer["type"].endswith("/validation") and answer["status"] == 400, answer
        if password:
            assert why in " ".join(answer["errors"]["password"])
    if len(answers) == 2 and password:
        result = _cli(app_ctx, "user", "set-password", "bo", "--password", password)
        assert result.exit_code != 0 and "password:" in result.output


def test_a_strong_password_creates_a_user_who_logs_in(client, users, admin):
    body = {"username": "karen", "display_name": "Karen Holm", "role": "consultant",
            "team_id": _nord(admin), "password": STRONG}
    user = admin.call("post", "users", body, 201)["user"]
    assert (user["active"], user["last_seen_at"], user["role"]) == (True, None, "consultant")
    assert login(client, "karen", STRONG)["user"]["id"] == user["id"]
    again = admin.call("post", "users", {**body, "username": "KAREN"}, 400)
    assert "username" in again["errors"]
    unknown = admin.call("post", "users", {**body, "username": "x", "team_id": new_id()}, 400)
    assert "team_id" in unknown["errors"]


def test_a_new_password_works_at_once_and_logged_in_devices_keep_working(client, users, admin):
    anne = Device(client, "anne")
    admin.change(users["anne"], password=STRONG)
    assert anne.pull()["has_more"] is False
    assert login(client, "anne", STRONG)["user"]["username"] == "anne"


@pytest.mark.parametrize("change", [{"active": False}, {"role": "lead"}])
def test_an_admin_cannot_lock_themself_out(users, admin, change):
    assert admin.change(users["admin"], 400, **change)["type"].endswith("/validation")


def test_a_lead_reads_only_their_team(client, users):
    lis = Admin(client, "lis")
    names = {u["username"] for u in lis.call("get", "users", status=200)["users"]}
    assert names == {"anne", "lis"}
    assert [t["name"] for t in lis.call("get", "teams", status=200)["teams"]] == ["Nord"]


def test_teams_count_active_users_and_names_are_unique(users, admin):
    made = admin.call("post", "teams", {"name": "Øst"}, 201)["team"]
    assert made["active_users"] == 0
    assert "name" in admin.call("post", "teams", {"name": "øst"}, 400)["errors"]
    admin.change(users["bo"], active=False)
    counts = {t["name"]: t["active_users"] for t in admin.call("get", "teams")["teams"]}
    assert counts == {"Drift": 1, "Nord": 2, "Syd": 0, "Øst": 0}


def test_the_admin_log_has_every_change_and_no_password(app_ctx, client, users, admin):
    body = {"username": "karen", "display_name": "Karen Holm", "role": "consultant",
            "team_id": _nord(admin), "password": STRONG}
    karen = admin.call("post", "users", body, 201)["user"]["id"]
    admin.change(karen, password="grøn-kajak-sejler-ud")
    admin.change(karen, display_name="Karen H.", role="lead")
    admin.change(karen, team_id=_syd(admin))
    admin.change(karen, active=False)
    admin.change(karen, active=True)
    admin.call("post", "teams", {"name": "Øst"}, 201)
    assert _cli(app_ctx, "user", "set-password", "bo", "--password", "rød-cykel-kører-hjem"
                ).exit_code == 0
    entries = admin.call("get", "log", status=200)["entries"]
    actions = [e["action"] for e in reversed(entries)]
    assert actions == ["user.create", "user.password", "user.rename", "user.role", "user.move",
                       "user.move", "user.deactivate", "user.reactivate", "team.create",
                       "user.password"]
    assert entries[0]["via"] == "cli" and entries[0]["user_id"] is None
    assert all(e["via"] == "api" and e["user_id"] == users["admin"] for e in entries[1:])
    stored = as_text([(e.detail, e.target_id) for e in db.session.scalars(select(AdminLogEntry))])
    for password in (STRONG, "grøn-kajak-sejler-ud", "rød-cykel-kører-hjem"):
        assert password not in as_text(entries) and password not in stored
    lead_sees = {e["target_id"] for e in Admin(client, "lis").call("get", "log")["entries"]}
    assert karen in lead_sees and users["bo"] not in lead_sees


def test_cli_deactivate_reactivate_set_role_and_move(app_ctx, client, users):
    anne = Device(client, "anne")
    for args in (("deactivate", "anne"), ("reactivate", "anne"),
                 ("set-role", "anne", "--role", "lead"), ("move", "anne", "--team", "Øst")):
        result = _cli(app_ctx, "user", *args)
        assert result.exit_code == 0, result.output
    assert anne.pull(status=401)["wipe"] is True
    answer = login(client, "anne")["user"]
    east = db.session.scalar(select(Team).where(Team.name == "Øst"))
    assert (answer["role"], answer["team_id"]) == ("lead", east.id)
    assert _cli(app_ctx, "user", "deactivate", "nobody").exit_code != 0


def test_seed_demo_is_refused_in_production(app_ctx):
    before, app_ctx.config["ENV_NAME"] = app_ctx.config["ENV_NAME"], "production"
    try:
        result = _cli(app_ctx, "seed-demo")
    finally:
        app_ctx.config["ENV_NAME"] = before
    assert result.exit_code != 0 and "refused in production" in result.output
