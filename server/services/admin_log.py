"""The admin log: every administrative change, who made it (or the command line) and when.

Entries name the action and its target, and a short detail such as "lead → admin"; a
password never appears in one. Leads read the entries about their own team.
"""
from dataclasses import dataclass

from sqlalchemy import or_, select

from server.errors import Problem
from server.extensions import db
from server.models import AdminLogEntry
from server.models.types import rfc3339
from sync.types import Actor

LIMIT = 1000


@dataclass(frozen=True)
class Operator:
    """Who makes an administrative change: an admin through the API, or the command line."""

    user_id: str | None
    via: str

    @classmethod
    def cli(cls) -> "Operator":
        """The operator at the command line (no user)."""
        return cls(None, "cli")


def require_admin(actor: Actor) -> Operator:
    """The operator for an admin's change; 403 for anyone else."""
    if not actor.is_admin:
        raise Problem("forbidden", 403, "Forbidden", "only administrators may change this")
    return Operator(actor.user_id, "api")


def require_reader(actor: Actor) -> None:
    """Leads and admins may read the administration; consultants get 403."""
    if actor.role not in ("lead", "admin"):
        raise Problem("forbidden", 403, "Forbidden", "only leads and administrators read this")


def log_change(operator: Operator, action: str, target_type: str, target_id: str,
               team_id: str | None = None, detail: str = "") -> None:
    """Add an entry to the admin log (the caller commits)."""
    db.session.add(AdminLogEntry(user_id=operator.user_id, via=operator.via, action=action,
                                 target_type=target_type, target_id=target_id,
                                 team_id=team_id, detail=detail[:300]))


def entries(actor: Actor) -> list[dict]:
    """The newest entries, newest first (leads: their team's and the shared templates')."""
    require_reader(actor)
    query = select(AdminLogEntry).order_by(AdminLogEntry.at.desc(), AdminLogEntry.id.desc())
    if not actor.is_admin:
        query = query.where(or_(AdminLogEntry.team_id == actor.team_id,
                                AdminLogEntry.target_type == "template"))
    rows = db.session.scalars(query.limit(LIMIT)).all()
    db.session.rollback()
    return [{"at": rfc3339(e.at), "user_id": e.user_id, "via": e.via, "action": e.action,
             "target_type": e.target_type, "target_id": e.target_id, "team_id": e.team_id,
             "detail": e.detail} for e in rows]
