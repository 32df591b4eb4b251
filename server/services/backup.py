"""Backups and restores of the whole database: pg_dump / pg_restore on PostgreSQL, SQLite's online
backup API on the embedded default.

A restore gives the database a new restore generation (server_meta), so every checkpoint
taken before it answers `410 resync-required`: devices pull from the beginning and push again
what they hold that the restored database lacks (docs/protocol.md section 4).
"""
import os
import shutil
import sqlite3
import subprocess
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.engine import URL, make_url

from server.extensions import db
from server.models.records import ServerMeta
from server.services.transaction import in_write_transaction


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def take(uri: str, directory: Path) -> Path:
    """Write a consistent backup of the database at `uri` into `directory`; its path."""
    url = make_url(uri)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if url.get_backend_name() == "postgresql":
        target = directory / f"feltmappe-{stamp}.dump"
        _pg("pg_dump", url, ["--format=custom", "--no-owner", "--no-privileges",
                             f"--file={target}", url.database or ""])
    else:
        target = directory / f"feltmappe-{stamp}.sqlite3"
        source = sqlite3.connect(_sqlite_path(url))
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
    target.chmod(0o600)
    return target


def restore(uri: str, backup: Path) -> str:
    """Replace the database at `uri` with a backup; the new restore generation."""
    url = make_url(uri)
    if url.get_backend_name() == "postgresql":
        if backup.suffix != ".dump":
            raise BackupError(f"{backup} is not a pg_dump file (.dump) made by `flask backup`")
        _pg("pg_restore", url, ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                                "--single-transaction", "--exit-on-error",
                                f"--dbname={url.database}", str(backup)])
    else:
        if backup.suffix != ".sqlite3":
            raise BackupError(f"{backup} is not an SQLite backup (.sqlite3) made by `flask backup`")
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        live = sqlite3.connect(_sqlite_path(url))
        try:
            with live:
                source.backup(live)
        finally:
            live.close()
            source.close()
    db.engine.dispose()
    generation = str(uuid.uuid4())
    in_write_transaction(lambda _store: db.session.execute(
        update(ServerMeta).where(ServerMeta.key == "restore_generation").values(value=generation)))
    return generation


def _sqlite_path(url: URL) -> str:
    """The file of an SQLite URL (an in-memory database has none to back up)."""
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return url.database


def _pg(program: str, url: URL, arguments: list[str]) -> None:
    """Run pg_dump or pg_restore against the URL's server (password through the environment)."""
    if not shutil.which(program):
        raise BackupError(f"{program} is not installed (Debian: apt-get install postgresql-client)")
    env = {**os.environ, "PGHOST": url.host or "localhost", "PGPORT": str(url.port or 5432),
           "PGUSER": url.username or "", "PGPASSWORD": url.password or "",
           "PGDATABASE": url.database or ""}
    done = subprocess.run([program, *arguments], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{program} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
