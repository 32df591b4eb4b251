"""Shared fixtures: the app on SQLite and on PostgreSQL, a clean database per test, logins."""
import logging
import os
import re
from pathlib import Path

import flask_migrate
import pytest
from sqlalchemy import text

from server import create_app
from server.config import TestConfig
from server.extensions import db
from server.services.auth import create_user

pytest_plugins = ["tests.server.seal_fixtures"]

PG_URL = os.environ.get("FELTMAPPE_TEST_PG_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
# Both databases as parameters; the PostgreSQL one is marked `postgres` (skipped, with the
# reason, when no test database is set).
BOTH_DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
DATA_TABLES = ["team_feed_counters", "feed_purges", "job_centre_lists", "admin_log",
               "template_retirements", "template_versions", "audit_records", "audit_events",
               "mutations", "record_references", "revisions", "records", "login_failures",
               "devices", "users", "teams"]


CPR_PATTERN = re.compile(r"(?<![0-9A-Fa-f-])[0-3]\d[01]\d\d\d-?\d{4}(?![0-9A-Fa-f-])")
LOG_DIR = Path(__file__).resolve().parent.parent / "instance"


class _Keep(logging.Handler):
    """Keeps every formatted log line of the run."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(scope="session", autouse=True)
def no_cpr_in_any_log_line():
    """Fail the run if any log line (app or live gunicorn servers) holds a CPR number; the
    live servers' logs this run wrote are removed once checked (kept when the check fails)."""
    keep = _Keep()
    root = logging.getLogger()
    root.addHandler(keep)
    started = {p: p.stat().st_mtime for p in _server_logs()}
    yield
    root.removeHandler(keep)
    lines = keep.lines + [line for path in _server_logs()
                          if started.get(path) != path.stat().st_mtime
                          for line in path.read_text(errors="replace").splitlines()]
    leaked = [line for line in lines if CPR_PATTERN.search(line)]
    assert not leaked, f"CPR-like numbers in log lines: {leaked[:3]}"
    for path in LOG_DIR.glob("gunicorn-*.log"):  # checked: the live servers' logs go
        if started.get(path) != path.stat().st_mtime:
            path.unlink()


def _server_logs() -> list[Path]:
    """The logs of the live gunicorn servers and of the cluster test's app servers."""
    return [*LOG_DIR.glob("gunicorn-*.log"), *LOG_DIR.glob("cluster-ci/log/app-*.log")]


def config_for(**overrides) -> dict:
    """TestConfig as a dict, with overrides."""
    config = {key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()}
    config.update(overrides)
    return config


def pytest_runtest_setup(item) -> None:
    """Tests marked `postgres` are skipped, with the reason, when no test database is set."""
    if item.get_closest_marker("postgres") and not PG_URL:
        pytest.skip("PostgreSQL not configured (FELTMAPPE_TEST_PG_URL)")


def live_postgres_url() -> str:
    """The PostgreSQL database that live gunicorn servers use (their LiveServer empties it)."""
    return PG_URL.rsplit("/", 1)[0] + "/feltmappe_test_live"


def spare_postgres_url() -> str:
    """The second PostgreSQL test database, emptied: for apps that need a database of
    their own beside the session's."""
    url = PG_URL.rsplit("/", 1)[0] + "/feltmappe_test_2"
    reset_postgres_schema(url)
    return url


def reset_postgres_schema(url: str) -> None:
    """Drop everything in the PostgreSQL test database."""
    from sqlalchemy import create_engine
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def migrated_app(url: str, **overrides):
    """An app on `url` with the schema built by the migrations."""
    app = create_app(config_for(SQLALCHEMY_DATABASE_URI=url, **overrides))
    with app.app_context():
        flask_migrate.upgrade()
    return app


@pytest.fixture(scope="session", params=BACKENDS)
def app(request):
    """One migrated app per backend for the whole session."""
    if request.param == "postgresql":
        reset_postgres_schema(PG_URL)
        application = migrated_app(PG_URL)
    else:
        application = migrated_app("sqlite://")
    application.config["BACKEND"] = request.param
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def app_ctx(app):
    """An app context on a database emptied of every row a test may have written."""
    with app.app_context():
        empty_database()
        yield app
        db.session.rollback()


def empty_database() -> None:
    """Remove every row a test may have written; the feed and restore generation start over."""
    db.session.rollback()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text(f"TRUNCATE {', '.join(DATA_TABLES)} CASCADE"))
    else:
        for table in DATA_TABLES:
            db.session.execute(text(f"DELETE FROM {table}"))
    db.session.execute(text("UPDATE server_meta SET value = '1' "
                            "WHERE key = 'restore_generation'"))
    db.session.commit()


@pytest.fixture
def client(app_ctx):
    """A test client on a clean database."""
    return app_ctx.test_client()


@pytest.fixture
def users(app_ctx):
    """Two teams: anne (consultant) and lis (lead) in Nord, bo in Syd, an admin."""
    return create_users()


def create_users() -> dict[str, str]:
    """anne (consultant) and lis (lead) in Nord, bo in Syd, an admin; their ids by name."""
    made = {
        "anne": create_user("anne", "anne-password-1", "Nord", "consultant", "Anne Andersen"),
        "lis": create_user("lis", "lis-password-1", "Nord", "lead", "Lis Lund"),
        "bo": create_user("bo", "bo-password-1", "Syd", "consultant", "Bo Berg"),
        "admin": create_user("admin", "admin-password-1", "Drift", "admin", "Ada Admin"),
    }
    return {name: user.id for name, user in made.items()}


def login(client, username: str, password: str | None = None, **extra) -> dict:
    """Log in through the API and return the answer's JSON."""
    body = {"username": username, "password": password or f"{username}-password-1",
            "device_name": f"{username}s tablet", **extra}
    response = client.post("/api/v1/auth/login", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def auth_header(client, users):
    """A function giving the Authorization header of a fresh device for a demo user."""
    def header(username: str = "anne") -> dict:
        return {"Authorization": f"Bearer {login(client, username)['token']}"}
    return header
