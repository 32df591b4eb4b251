"""Users and teams as an administrator changes them (docs/protocol.md 7), from the API or the CLI.

Users are never deleted. Deactivating revokes every device of the user (each answers
`device-revoked` with `wipe` from then on) and refuses the password at login like a wrong
one; reactivating lets the user log in again on new devices. A team or role change needs
nothing more: a checkpoint names the team and role it was made for, so the user's devices
get `410 resync-required` at their next pull. Every change is in the admin log.
"""
import uuid
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update

from server.errors import Problem, validation_problem
from server.extensions import db
from server.models import Device, Team, User
from server.models.types import rfc3339, utcnow
from server.services.admin_log import Operator, log_change, require_reader
from server.services.password_rules import check_password
from server.services.passwords import hash_password
from server.services.sql_store import SqlStore
from server.services.transaction import in_write_transaction
from sync.types import Actor

ROLE_WORDS = {"consultant": "konsulent", "lead": "leder", "admin": "administrator"}


def _last_seen():
    """A subquery: each user's newest device contact."""
    return (select(Device.user_id, func.max(Device.last_seen_at).label("seen"))
            .group_by(Device.user_id).subquery())


def list_users(actor: Actor) -> list[dict]:
    """Every user (admins) or the lead's team, with the newest device contact."""
    require_reader(actor)
    seen = _last_seen()
    query = (select(User, seen.c.seen).outerjoin(seen, seen.c.user_id == User.id)
             .order_by(func.lower(User.display_name), User.username))
    if not actor.is_admin:
        query = query.where(User.team_id == actor.team_id)
    answer = [_user_dict(user, last) for user, last in db.session.execute(query)]
    db.session.rollback()
    return answer


def _user_dict(user: User, last_seen=None) -> dict:
    """A user as the admin API shows it."""
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "team_id": user.team_id, "active": user.active,
            "last_seen_at": rfc3339(last_seen)}


def _team(team_id: str) -> Team:
    """The team with this id, or a validation problem naming team_id."""
    team = db.session.get(Team, team_id)
    if team is None:
        raise validation_problem({"team_id": ["findes ikke"]}, "Ukendt team")
    return team


def user_by_name(username: str) -> User:
    """The user with this username (any case), or a not-found problem."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        raise Problem("not-found", 404, "Not found", f"no user {username}")
    return user


def create_user(operator: Operator, username: str, display_name: str, role: str,
                team_id: str, password: str) -> dict:
    """Create a user whose password obeys the rules in an existing team; log it and commit."""
    def work(_store: SqlStore):
        team = _team(team_id)
        _check_new_user(username, display_name, password)
        return _create(operator, username, display_name, role, team, password)

    return in_write_transaction(work)


def create_user_in_team(operator: Operator, username: str, display_name: str, role: str,
                        team_name: str, password: str) -> dict:
    """Create a user in the team of this name, made (and logged) when it does not exist."""
    def work(_store: SqlStore):
        _check_new_user(username, display_name, password)
        team = team_by_name(team_name) or _new_team(operator, team_name)
        return _create(operator, username, display_name, role, team, password)

    return in_write_transaction(work)


def _check_new_user(username: str, display_name: str, password: str) -> None:
    """A free username and a password that obeys the rules."""
    if db.session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise validation_problem({"username": ["er allerede i brug"]}, "Brugernavnet er taget")
    check_password(password, username, display_name)


def _create(operator: Operator, username: str, display_name: str, role: str, team: Team,
            password: str) -> dict:
    """Add the user to the team and log it (the caller commits)."""
    user = User(id=str(uuid.uuid4()), team_id=team.id, username=username,
                display_name=display_name, role=role, password_hash=hash_password(password),
                active=True)
    db.session.add(user)
    log_change(operator, "user.create", "user", user.id, team.id,
               f"{username} ({ROLE_WORDS[role]}, {team.name})")
    return _user_dict(user)


def update_user(operator: Operator, user_id: str, changes: dict) -> dict:
    """Change a user's name, role, team, active state or password; log each change."""
    def work(_store: SqlStore):
        user = db.session.get(User, user_id)
        if user is None:
            raise Problem("not-found", 404, "Not found")
        _refuse_self_lockout(operator, user, changes)
        if "team_id" in changes:
            _team(changes["team_id"])
        if "password" in changes:
            check_password(changes["password"], user.username,
                           changes.get("display_name", user.display_name))
        for name, value in changes.items():
            if getattr(user, name, None) != value or name == "password":
                APPLY[name](operator, user, value)
        return _user_dict(user)

    return in_write_transaction(work)


def _refuse_self_lockout(operator: Operator, user: User, changes: dict) -> None:
    """An admin may not deactivate themself or give up their own admin role."""
    if operator.user_id != user.id:
        return
    if changes.get("active") is False:
        raise validation_problem({"active": ["du kan ikke deaktivere dig selv"]})
    if changes.get("role", "admin") != "admin":
        raise validation_problem({"role": ["du kan ikke fjerne din egen administratorrolle"]})


def _rename(operator: Operator, user: User, name: str) -> None:
    """Set the display name."""
    log_change(operator, "user.rename", "user", user.id, user.team_id,
               f"{user.display_name} → {name}")
    user.display_name = name


def _set_role(operator: Operator, user: User, role: str) -> None:
    """Set the role (the user's devices resync at their next pull)."""
    log_change(operator, "user.role", "user", user.id, user.team_id,
               f"{ROLE_WORDS[user.role]} → {ROLE_WORDS[role]}")
    user.role = role


def _move(operator: Operator, user: User, team_id: str) -> None:
    """Move to another team (the user's devices resync at their next pull)."""
    old, new = db.session.get_one(Team, user.team_id), _team(team_id)
    detail = f"{old.name} → {new.name}"
    log_change(operator, "user.move", "user", user.id, user.team_id, detail)
    log_change(operator, "user.move", "user", user.id, team_id, detail)
    user.team_id = team_id


def _set_active(operator: Operator, user: User, active: bool) -> None:
    """Deactivate (revoking every device) or reactivate."""
    user.active = active
    if active:
        log_change(operator, "user.reactivate", "user", user.id, user.team_id)
        return
    revoked = cast(CursorResult, db.session.execute(
        update(Device).where(Device.user_id == user.id, Device.revoked_at.is_(None))
        .values(revoked_at=utcnow()).execution_options(synchronize_session=False))).rowcount
    log_change(operator, "user.deactivate", "user", user.id, user.team_id,
               f"{revoked} enheder tilbagekaldt")


def _set_password(operator: Operator, user: User, password: str) -> None:
    """Set a new password (already checked); the log says only that it changed."""
    user.password_hash = hash_password(password)
    log_change(operator, "user.password", "user", user.id, user.team_id)


APPLY: dict[str, Callable[[Operator, User, Any], None]] = {
    "display_name": _rename, "role": _set_role, "team_id": _move, "active": _set_active,
    "password": _set_password}


def list_teams(actor: Actor) -> list[dict]:
    """Every team (admins) or the lead's own, with its number of active users."""
    require_reader(actor)
    counts = (select(User.team_id, func.count().label("n")).where(User.active.is_(True))
              .group_by(User.team_id).subquery())
    query = (select(Team, counts.c.n).outerjoin(counts, counts.c.team_id == Team.id)
             .order_by(Team.name))
    if not actor.is_admin:
        query = query.where(Team.id == actor.team_id)
    answer = [_team_dict(team, n) for team, n in db.session.execute(query)]
    db.session.rollback()
    return answer


def _team_dict(team: Team, active_users: int | None = 0) -> dict:
    """A team as the admin API shows it."""
    return {"id": team.id, "name": team.name, "active_users": active_users or 0}


def create_team(operator: Operator, name: str) -> dict:
    """Create a team with a unique name; log it and commit."""
    name = name.strip()

    def work(_store: SqlStore):
        if not name:
            raise validation_problem({"name": ["skal udfyldes"]})
        if team_by_name(name):
            raise validation_problem({"name": ["findes allerede"]}, "Teamet findes")
        team = _new_team(operator, name)
        return _team_dict(team)

    return in_write_transaction(work)


def _new_team(operator: Operator, name: str) -> Team:
    """Add a team and log it (the caller commits)."""
    team = Team(id=str(uuid.uuid4()), name=name)
    db.session.add(team)
    db.session.flush()
    log_change(operator, "team.create", "team", team.id, team.id, name)
    return team


def team_by_name(name: str) -> Team | None:
    """The team with this name (any case), or None."""
    wanted = name.strip().casefold()
    return next((team for team in all_teams() if team.name.casefold() == wanted), None)


def all_users() -> list[User]:
    """Every user, by username (for the command line)."""
    return list(db.session.scalars(select(User).order_by(User.username)))


def all_teams() -> list[Team]:
    """Every team, by name (for the command line)."""
    return list(db.session.scalars(select(Team).order_by(Team.name)))
