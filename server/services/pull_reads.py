"""Where a pull reads: the primary, or the hot standby that PULL_DATABASE_URL names.

Only the reads of GET /sync/pull go there (records, purges, restore generation: the page and
its checkpoint checks). The device's authentication and its last-seen stamp, and the audit
entry of the citizen records a page hands out, stay on the primary (in_write_transaction).
A standby replays the primary's WAL in commit order, so a pull there reads the primary as it
was a moment ago: a prefix of every team's feed (docs/operations.md, "Reads from a hot
standby"). Its transactions are READ ONLY, so nothing can write through it by mistake.
"""
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from flask import Flask, current_app
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from server.extensions import db

ENGINE = "feltmappe_pull_engine"


def init_pull_engine(app: Flask) -> None:
    """Make the pull engine when PULL_DATABASE_URL is set (the primary's engine options)."""
    url = app.config["PULL_DATABASE_URL"]
    if not url:
        return
    if not url.startswith("postgresql"):
        raise ValueError("PULL_DATABASE_URL must name a PostgreSQL hot standby")
    app.extensions[ENGINE] = create_engine(url, **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
                                           execution_options={"postgresql_readonly": True})


@contextmanager
def pull_reads() -> Iterator[None]:
    """Within it, db.session reads from the pull engine, when there is one; then the primary."""
    engine = current_app.extensions.get(ENGINE)
    if engine is None:
        yield
        return
    # A plain Session: Flask-SQLAlchemy's own picks the primary's engine whatever it is bound to.
    registry = cast(Any, db.session.registry)
    primary = registry()
    with Session(bind=engine) as reading:
        registry.set(reading)
        try:
            yield
        finally:
            registry.set(primary)
