"""Login throttling: growing delays per user and address, counted in the shared database."""
import pytest

from server.services.auth import create_user
from tests.conftest import BOTH_DATABASES, migrated_app, spare_postgres_url

LOGIN = "/api/v1/auth/login"


def _fail(client, username="anne", address="10.1.1.1", headers=None):
    return client.post(LOGIN, json={"username": username, "password": "wrong",
                                    "device_name": "t"},
                       environ_base={"REMOTE_ADDR": address}, headers=headers or {})


def test_repeated_failures_answer_429_with_retry_after(app_ctx, client, users):
    limit = app_ctx.config["LOGIN_FAILURES_PER_USER"]
    statuses = [_fail(client).status_code for _ in range(limit)]
    assert statuses == [401] * limit
    held = _fail(client)
    assert held.status_code == 429
    assert held.get_json()["type"].endswith("/rate-limited")
    assert 1 <= int(held.headers["Retry-After"]) <= 30
    right = client.post(LOGIN, json={"username": "anne", "password": "anne-password-1",
                                     "device_name": "t"}, environ_base={"REMOTE_ADDR": "10.1.1.1"})
    assert right.status_code == 429, "a held key must not be tried, even with the right password"


def test_another_address_or_user_is_not_held(app_ctx, client, users):
    for _ in range(app_ctx.config["LOGIN_FAILURES_PER_USER"]):
        _fail(client)
    assert _fail(client, address="10.9.9.9").status_code == 401
    assert _fail(client, username="bo").status_code == 401


def test_address_alone_has_a_much_higher_limit(app_ctx, client, users, monkeypatch):
    monkeypatch.setitem(app_ctx.config, "LOGIN_FAILURES_PER_ADDRESS", 8)
    statuses = [_fail(client, username=f"user{i}").status_code for i in range(8)]
    assert statuses == [401] * 8
    assert _fail(client, username="someone-else").status_code == 429


def test_forwarded_address_is_trusted_only_from_a_listed_proxy(app_ctx, client, users,
                                                               monkeypatch):
    limit = app_ctx.config["LOGIN_FAILURES_PER_USER"]
    spoof = {"X-Forwarded-For": "1.2.3.4"}
    for i in range(limit):
        _fail(client, headers={"X-Forwarded-For": f"7.7.7.{i}"})
    assert _fail(client, headers=spoof).status_code == 429, "untrusted XFF must be ignored"
    monkeypatch.setitem(app_ctx.config, "TRUSTED_PROXIES", ["10.1.1.0/24"])
    assert _fail(client, headers=spoof).status_code == 401, "XFF from a trusted proxy counts"


def _shared_apps(tmp_path, backend):
    if backend == "postgresql":
        url = spare_postgres_url()
    else:
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    return migrated_app(url), migrated_app(url)


@pytest.mark.parametrize("backend", BOTH_DATABASES)
def test_throttle_holds_across_two_app_instances_sharing_a_database(tmp_path, backend):
    first, second = _shared_apps(tmp_path, backend)
    with first.app_context():
        create_user("anne", "anne-password-1", "Nord")
    limit = first.config["LOGIN_FAILURES_PER_USER"]
    clients = [first.test_client(), second.test_client()]
    statuses = [_fail(clients[i % 2]).status_code for i in range(limit)]
    assert statuses == [401] * limit
    assert _fail(clients[0]).status_code == 429
    assert _fail(clients[1]).status_code == 429


def test_one_account_is_held_across_addresses(app_ctx, client, users, monkeypatch):
    monkeypatch.setitem(app_ctx.config, "LOGIN_FAILURES_PER_ACCOUNT", 6)
    statuses = [_fail(client, address=f"10.2.0.{i}").status_code for i in range(6)]
    assert statuses == [401] * 6
    assert _fail(client, address="10.3.3.3").status_code == 429
    assert _fail(client, username="bo", address="10.3.3.3").status_code == 401


def test_a_right_password_takes_its_attempt_back(app_ctx, client, users, monkeypatch):
    monkeypatch.setitem(app_ctx.config, "LOGIN_FAILURES_PER_ACCOUNT", 3)
    for i in range(2):
        _fail(client, address=f"10.4.0.{i}")
    for i in range(3):
        right = client.post(LOGIN, json={"username": "anne", "password": "anne-password-1",
                                         "device_name": "t"},
                            environ_base={"REMOTE_ADDR": f"10.5.0.{i}"})
        assert right.status_code == 200, "successful logins do not use up the account's limit"
    assert _fail(client, address="10.6.0.1").status_code == 401
    assert _fail(client, address="10.6.0.2").status_code == 429
