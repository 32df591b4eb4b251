"""`flask import-cases`: the importing user and the device it writes as, then the import.

The command line has no login, so it acts as the named user (default: the first active
admin) through a device of its own, "import-cases (kommandolinje)", that never has a usable
token: the revisions, mutation ids and audit entries name it like any device.
"""
import secrets
import uuid

from sqlalchemy import select

from server.extensions import db
from server.models import Device, Team, User
from server.models.types import utcnow
from server.services.auth import token_hash
from server.services.imports import ImportFailed, import_cases
from server.services.sql_store import SqlStore
from server.services.transaction import in_write_transaction
from sync.types import Actor

CLI_DEVICE = "import-cases (kommandolinje)"


def _problem(message: str) -> dict:
    """A summary holding one problem of the command itself."""
    return {"rows": 0, "errors": [{"row": 0, "column": "", "message": message}]}


def cli_actor(username: str | None) -> Actor | None:
    """The importing user on its command-line device (made once); None when no such user."""
    def work(_store: SqlStore) -> Actor | None:
        query = select(User).where(User.active.is_(True))
        query = query.where(User.username == username) if username else query.where(
            User.role == "admin").order_by(User.created_at, User.username)
        user = db.session.scalars(query.limit(1)).first()
        if user is None:
            return None
        device = db.session.scalar(select(Device).where(Device.user_id == user.id,
                                                        Device.name == CLI_DEVICE))
        if device is None:
            device = Device(id=str(uuid.uuid4()), user_id=user.id, name=CLI_DEVICE,
                            token_hash=token_hash(secrets.token_urlsafe(32)),
                            revoked_at=utcnow())
            db.session.add(device)
        return Actor(user.id, device.id, user.team_id, user.role)

    return in_write_transaction(work)


def run_import(body: bytes, team_name: str, username: str | None,
               dry_run: bool) -> tuple[dict, bool]:
    """(summary, whether it succeeded) for a file imported into the named team."""
    team_id = db.session.scalar(select(Team.id).where(Team.name == team_name))
    if team_id is None:
        return _problem(f"no team named {team_name}"), False
    actor = cli_actor(username)
    if actor is None:
        return _problem(f"no active user {username}" if username else "no active admin"), False
    try:
        return import_cases(actor, team_id, body, dry_run), True
    except ImportFailed as failed:
        return failed.summary, False
