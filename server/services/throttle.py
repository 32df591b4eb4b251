"""Login throttling, counted in the database so every server process sees the same count.

Rules: failures are counted per (username, address), per username alone and per address
alone. After LOGIN_FAILURES_PER_USER failures for one username from one address, each
further attempt must wait a delay that doubles with every failure (30 s, 60 s, … up to the
window); the username alone is held the same way after LOGIN_FAILURES_PER_ACCOUNT failures
from any addresses, and the address alone after LOGIN_FAILURES_PER_ADDRESS, since a whole
job centre may sit behind one address. A count is forgotten once its last failure is older
than the window.

An attempt is counted before its password is checked, in one transaction that locks the
counters: parallel attempts can never all pass a check made before any of them was counted.
A successful login takes its attempt back and clears the (username, address) count.
"""
import math
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from server.errors import Problem
from server.extensions import db
from server.models import LoginFailure
from server.models.types import utcnow
from server.services.sql_store import SqlStore
from server.services.transaction import in_write_transaction

BASE_DELAY_SECONDS = 30
LIMITS = ("LOGIN_FAILURES_PER_USER", "LOGIN_FAILURES_PER_ACCOUNT", "LOGIN_FAILURES_PER_ADDRESS")


def throttle_keys(username: str, address: str) -> tuple[str, str, str]:
    """The (username, address) key, the username key and the address key."""
    name = username.strip().lower()
    return f"ua:{name}|{address}", f"u:{name}", f"a:{address}"


def _wait_seconds(row: LoginFailure, limit: int, now: datetime) -> float:
    """Seconds until this counter allows another attempt (0 when it does)."""
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    if row.count < limit or row.last_at < now - timedelta(seconds=window):
        return 0
    delay = min(BASE_DELAY_SECONDS * 2 ** (row.count - limit), window)
    return (row.last_at + timedelta(seconds=delay) - now).total_seconds()


def count_attempt(username: str, address: str) -> None:
    """Count a login attempt as a failure under every key and commit; raise 429 rate-limited
    with Retry-After (counting nothing) when one of the keys must wait."""
    cfg, now = current_app.config, utcnow()
    keys = throttle_keys(username, address)
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert

    def work(_store: SqlStore) -> None:
        db.session.execute(insert(LoginFailure).values(
            [{"key": key, "count": 0, "first_at": now, "last_at": now} for key in keys])
            .on_conflict_do_nothing(index_elements=[LoginFailure.key]))
        rows = {row.key: row for row in db.session.scalars(
            select(LoginFailure).where(LoginFailure.key.in_(keys)).order_by(LoginFailure.key)
            .with_for_update())}
        wait = max(_wait_seconds(rows[key], cfg[limit], now)
                   for key, limit in zip(keys, LIMITS))
        if wait > 0:
            retry = str(max(1, math.ceil(wait)))
            raise Problem("rate-limited", 429, "Too many attempts",
                          f"try again in {retry} seconds", headers={"Retry-After": retry})
        stale = LoginFailure.last_at < now - timedelta(seconds=cfg["LOGIN_WINDOW_SECONDS"])
        db.session.execute(update(LoginFailure).where(LoginFailure.key.in_(keys)).values(
            count=case((stale, 1), else_=LoginFailure.count + 1),
            first_at=case((stale, now), else_=LoginFailure.first_at), last_at=now)
            .execution_options(synchronize_session=False))

    in_write_transaction(work)


def take_back(username: str, address: str) -> None:
    """After a successful login: forget the (username, address) failures and uncount the
    attempt under the other keys (caller commits)."""
    user_address, *others = throttle_keys(username, address)
    db.session.execute(delete(LoginFailure).where(LoginFailure.key == user_address))
    db.session.execute(update(LoginFailure).where(LoginFailure.key.in_(others),
                                                  LoginFailure.count > 0)
                       .values(count=LoginFailure.count - 1)
                       .execution_options(synchronize_session=False))
