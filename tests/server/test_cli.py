"""The operator commands of docs/protocol.md section 6, run through Flask's CLI runner."""
from sqlalchemy import func, select

from server.extensions import db
from server.models import Device, Record, Team, User
from tests.conftest import login


def _run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_user_create_makes_the_team_and_the_user_can_log_in(app_ctx, client):
    result = _run(app_ctx, "user", "create", "karen", "--password", "karen-password-1",
                  "--team", "Virksomhedsservice Øst", "--role", "lead", "--name", "Karen Ø")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "karen"))
    assert (user.role, user.display_name, user.team.name) == ("lead", "Karen Ø",
                                                              "Virksomhedsservice Øst")
    assert user.password_hash.startswith("$argon2id$")
    assert login(client, "karen")["user"]["role"] == "lead"


def test_user_create_refuses_a_duplicate_and_a_bad_role(app_ctx):
    assert _run(app_ctx, "user", "create", "karen", "--password", "blå-hest-cykler-hjem",
                "--team", "Øst").exit_code == 0
    again = _run(app_ctx, "user", "create", "KAREN", "--password", "blå-hest-cykler-hjem",
                 "--team", "Øst")
    assert again.exit_code != 0 and "username: er allerede i brug" in again.output
    bad = _run(app_ctx, "user", "create", "x", "--password", "p", "--team", "Øst",
               "--role", "king")
    assert bad.exit_code != 0
    assert db.session.scalar(select(func.count()).select_from(Team)) == 1


def test_device_revoke_makes_the_device_wipe(app_ctx, client, users):
    answer = login(client, "anne")
    result = _run(app_ctx, "device", "revoke", answer["device_id"])
    assert result.exit_code == 0, result.output
    assert db.session.get(Device, answer["device_id"]).revoked_at is not None
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {answer['token']}"})
    assert me.get_json()["wipe"] is True
    assert _run(app_ctx, "device", "revoke", "no-such-device").exit_code != 0


def test_seed_demo_loads_once_and_its_users_log_in(app_ctx, client):
    first = _run(app_ctx, "seed-demo", "--if-empty")
    assert first.exit_code == 0 and "loaded demo data" in first.output
    companies = db.session.scalar(select(func.count()).select_from(Record)
                                  .where(Record.type == "company"))
    assert 35 <= companies <= 45
    second = _run(app_ctx, "seed-demo", "--if-empty")
    assert "not loaded" in second.output
    assert db.session.scalar(select(func.count()).select_from(Record)
                             .where(Record.type == "company")) == companies
    answer = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "demo-anne-2026", "device_name": "t"}).get_json()
    headers = {"Authorization": f"Bearer {answer['token']}"}
    page = client.get("/api/v1/sync/pull?limit=1000", headers=headers).get_json()
    types = {record["type"] for record in page["changes"]}
    assert {"company", "contact", "citizen", "placement", "meeting", "assessment"} <= types
    assert all(r["team_id"] == answer["user"]["team_id"] for r in page["changes"])


def test_the_shell_page_is_served(client):
    response = client.get("/")
    assert response.status_code == 200 and "Feltmappe" in response.get_data(as_text=True)


def test_db_upgrade_makes_the_demo_seal_outside_production_only(tmp_path):
    from server import create_app
    from tests.conftest import config_for
    for env, made in (("development", True), ("production", False)):
        seal = tmp_path / env
        app = create_app(config_for(
            SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / env}.sqlite3", ENV_NAME=env,
            SECRET_KEY="x" * 40, SEAL_KEY_PATH=str(seal / "key.pem"),
            SEAL_CERT_PATH=str(seal / "cert.pem")))
        result = app.test_cli_runner().invoke(args=["db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert (seal / "cert.pem").exists() is made, env
        with app.app_context():
            assert "feed_purges" in db.inspect(db.engine).get_table_names()
            db.engine.dispose()


def test_database_errors_never_carry_record_values(app_ctx):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError
    cpr = "010190-1234"
    try:
        db.session.execute(text("INSERT INTO no_such_table (cpr) VALUES (:cpr)"), {"cpr": cpr})
    except DBAPIError as error:
        assert cpr not in str(error), "hide_parameters keeps values out of error texts"
    else:
        raise AssertionError("the statement must fail")
    finally:
        db.session.rollback()
