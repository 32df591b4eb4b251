"""Login, tokens, devices, revocation, session expiry (docs/protocol.md section 1)."""
from datetime import timedelta

from sqlalchemy import select

from server.extensions import db
from server.models import Device
from server.models.types import utcnow
from server.services.auth import token_hash
from tests.conftest import login


def test_login_gives_token_device_and_user_and_me_answers(client, users):
    answer = login(client, "anne")
    assert answer["user"] == {"id": users["anne"], "username": "anne",
                              "display_name": "Anne Andersen", "role": "consultant",
                              "team_id": answer["user"]["team_id"]}
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {answer['token']}"})
    assert me.status_code == 200
    assert me.get_json() == {**answer["user"], "device_id": answer["device_id"]}
    assert me.headers["Cache-Control"] == "no-store"


def test_username_is_case_insensitive(client, users):
    assert login(client, "ANNE", "anne-password-1")["user"]["username"] == "anne"


def test_wrong_password_and_unknown_user_get_the_same_answer(client, users):
    wrong = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "nope", "device_name": "t"})
    unknown = client.post("/api/v1/auth/login", json={
        "username": "nobody", "password": "nope", "device_name": "t"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()
    assert wrong.get_json()["type"].endswith("/unauthorized")
    assert wrong.mimetype == "application/problem+json"


def test_token_is_stored_only_as_its_hash(client, users):
    answer = login(client, "anne")
    device = db.session.get(Device, answer["device_id"])
    assert device.token_hash == token_hash(answer["token"])
    for column in Device.__table__.columns:
        assert answer["token"] not in str(getattr(device, column.key))


def test_missing_and_unknown_tokens_are_unauthorized(client, users):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
        response = client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401
        assert response.get_json()["type"].endswith("/unauthorized")


def test_logout_revokes_the_device_and_it_must_wipe(client, users):
    token = login(client, "anne")["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/v1/auth/logout", headers=headers).get_json() == {}
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.get_json()["type"].endswith("/device-revoked")
    assert response.get_json()["wipe"] is True


def test_deactivated_user_devices_answer_device_revoked(client, users):
    from server.models import User
    token = login(client, "anne")["token"]
    db.session.get(User, users["anne"]).active = False
    db.session.commit()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.get_json()["type"].endswith("/device-revoked")
    again = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "anne-password-1", "device_name": "t"})
    assert again.status_code == 401


def _age_device(device_id: str, seconds: int) -> None:
    device = db.session.get(Device, device_id)
    device.last_seen_at = utcnow() - timedelta(seconds=seconds)
    db.session.commit()


def test_idle_device_gets_session_expired_and_relogin_reuses_it(app_ctx, client, users):
    answer = login(client, "anne")
    _age_device(answer["device_id"], app_ctx.config["SESSION_MAX_IDLE"] + 5)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {answer['token']}"})
    assert response.status_code == 401
    assert response.get_json()["type"].endswith("/session-expired")
    again = login(client, "anne", device_id=answer["device_id"])
    assert again["device_id"] == answer["device_id"]
    assert again["token"] != answer["token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {again['token']}"})
    assert me.status_code == 200
    old = client.get("/api/v1/me", headers={"Authorization": f"Bearer {answer['token']}"})
    assert old.status_code == 401


def test_relogin_never_takes_over_a_live_or_foreign_device(client, users):
    anne = login(client, "anne")
    assert login(client, "anne", device_id=anne["device_id"])["device_id"] != anne["device_id"]
    _age_device(anne["device_id"], 10**8)
    assert login(client, "bo", device_id=anne["device_id"])["device_id"] != anne["device_id"]


def test_devices_list_and_revoke_respect_ownership(client, users):
    anne = login(client, "anne")
    bo = login(client, "bo")
    admin = login(client, "admin")
    as_anne = {"Authorization": f"Bearer {anne['token']}"}
    listed = client.get("/api/v1/devices", headers=as_anne).get_json()["devices"]
    assert [d["id"] for d in listed] == [anne["device_id"]]
    foreign = client.post(f"/api/v1/devices/{bo['device_id']}/revoke", headers=as_anne)
    assert foreign.status_code == 404
    as_admin = {"Authorization": f"Bearer {admin['token']}"}
    assert len(client.get("/api/v1/devices", headers=as_admin).get_json()["devices"]) == 3
    revoked = client.post(f"/api/v1/devices/{bo['device_id']}/revoke", headers=as_admin)
    assert revoked.get_json()["device"]["revoked"] is True
    bo_me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {bo['token']}"})
    assert bo_me.get_json()["wipe"] is True


def test_users_lists_own_team_and_admin_sees_all(client, users, auth_header):
    names = [u["username"] for u in client.get("/api/v1/users", headers=auth_header("anne"))
             .get_json()["users"]]
    assert names == ["anne", "lis"]
    everyone = client.get("/api/v1/users", headers=auth_header("admin")).get_json()["users"]
    assert {u["username"] for u in everyone} == {"anne", "lis", "bo", "admin"}


def test_login_validates_its_body(client, users):
    response = client.post("/api/v1/auth/login", json={"username": "anne"})
    assert response.status_code == 400
    errors = response.get_json()["errors"]
    assert set(errors) == {"password", "device_name"}
    bad_id = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "x", "device_name": "t", "device_id": "NOT-A-UUID"})
    assert set(bad_id.get_json()["errors"]) == {"device_id"}
    assert not db.session.scalars(select(Device)).all()


def test_unknown_user_costs_about_as_much_time_as_a_wrong_password(app_ctx, client,
                                                                   monkeypatch):
    import statistics
    import time

    from server.services.auth import create_user
    monkeypatch.setitem(app_ctx.config, "ARGON2_TIME_COST", 2)
    monkeypatch.setitem(app_ctx.config, "ARGON2_MEMORY_COST", 32 * 1024)
    monkeypatch.setitem(app_ctx.config, "LOGIN_FAILURES_PER_USER", 1000)
    monkeypatch.delitem(app_ctx.extensions, "argon2", raising=False)
    create_user("karen", "karen-password-1", "Nord")

    def timed(username: str) -> float:
        began = time.perf_counter()
        response = client.post("/api/v1/auth/login", json={
            "username": username, "password": "wrong", "device_name": "t"})
        assert response.status_code == 401
        return time.perf_counter() - began

    wrong = statistics.median(timed("karen") for _ in range(5))
    unknown = statistics.median(timed("nobody") for _ in range(5))
    assert 0.5 < unknown / wrong < 2, (unknown, wrong)
    assert unknown > 0.01, "an unknown user must still cost a real argon2 verification"
    app_ctx.extensions.pop("argon2", None)


def test_a_device_in_daily_use_must_log_in_again_after_the_absolute_lifetime(
        app_ctx, client, users):
    answer = login(client, "anne")
    headers = {"Authorization": f"Bearer {answer['token']}"}
    device = db.session.get(Device, answer["device_id"])
    device.logged_in_at = utcnow() - timedelta(seconds=app_ctx.config["SESSION_MAX_AGE"] + 5)
    db.session.commit()
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401, "used a minute ago, but logged in too long ago"
    assert response.get_json()["type"].endswith("/session-expired")
    again = login(client, "anne", device_id=answer["device_id"])
    assert again["device_id"] == answer["device_id"], "the same device: its mutation ids count"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {again['token']}"})
    assert me.status_code == 200
