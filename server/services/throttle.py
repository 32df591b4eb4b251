"""Login throttling, counted in the database so every server process sees the same count.

Rules: failures are counted per (username, address) and per address alone. After
LOGIN_FAILURES_PER_USER failures for one username from one address, each further attempt
must wait a delay that doubles with every failure (30 s, 60 s, … up to the window); the
address alone is held the same way, but only after LOGIN_FAILURES_PER_ADDRESS failures,
since a whole job centre may sit behind one address. A count is forgotten once its last
failure is older than the window; a successful login clears the (username, address) count.
"""
import math
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import case, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from server.errors import Problem
from server.extensions import db
from server.models import LoginFailure
from server.models.types import utcnow
from server.services.transaction import in_write_transaction

BASE_DELAY_SECONDS = 30


def throttle_keys(username: str, address: str) -> tuple[str, str]:
    """The (username, address) key and the address key."""
    return f"ua:{username.strip().lower()}|{address}", f"a:{address}"


def _wait_seconds(row: LoginFailure | None, limit: int, now: datetime) -> float:
    """Seconds until this counter allows another attempt (0 when it does)."""
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    if row is None or row.count < limit or row.last_at < now - timedelta(seconds=window):
        return 0
    delay = min(BASE_DELAY_SECONDS * 2 ** (row.count - limit), window)
    return (row.last_at + timedelta(seconds=delay) - now).total_seconds()


def check_throttle(username: str, address: str) -> None:
    """Raise 429 rate-limited with Retry-After when this login attempt must wait."""
    cfg, now = current_app.config, utcnow()
    user_key, addr_key = throttle_keys(username, address)
    rows = {r.key: r for r in db.session.scalars(
        select(LoginFailure).where(LoginFailure.key.in_([user_key, addr_key])))}
    wait = max(_wait_seconds(rows.get(user_key), cfg["LOGIN_FAILURES_PER_USER"], now),
               _wait_seconds(rows.get(addr_key), cfg["LOGIN_FAILURES_PER_ADDRESS"], now))
    db.session.rollback()
    if wait > 0:
        retry = str(max(1, math.ceil(wait)))
        raise Problem("rate-limited", 429, "Too many attempts",
                      f"try again in {retry} seconds", headers={"Retry-After": retry})


def record_failure(username: str, address: str) -> None:
    """Count one failed login under both keys, atomically, and commit."""
    now = utcnow()
    cutoff = now - timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    stale = LoginFailure.last_at < cutoff
    statements = [insert(LoginFailure).values(key=key, count=1, first_at=now, last_at=now)
                  .on_conflict_do_update(index_elements=[LoginFailure.key], set_={
                      "count": case((stale, 1), else_=LoginFailure.count + 1),
                      "first_at": case((stale, now), else_=LoginFailure.first_at),
                      "last_at": now,
                  }) for key in throttle_keys(username, address)]
    in_write_transaction(lambda _store: [db.session.execute(stmt) for stmt in statements])


def clear_failures(username: str, address: str) -> None:
    """Forget the (username, address) failures after a successful login (caller commits)."""
    user_key, _ = throttle_keys(username, address)
    db.session.execute(delete(LoginFailure).where(LoginFailure.key == user_key))
