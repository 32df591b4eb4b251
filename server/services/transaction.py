"""Write transactions: on SQLite they take the write lock at BEGIN (BEGIN IMMEDIATE).

A deferred SQLite transaction that reads and then writes can fail at once with "database is
locked" when another process wrote in between; the busy timeout does not cure that. Every
service that writes therefore starts its transaction here.
"""
from server import WRITE_OPTION
from server.extensions import db


def begin_write() -> None:
    """End whatever the session had open and begin a write transaction."""
    db.session.rollback()
    db.session.connection(execution_options={WRITE_OPTION: True})
