"""Accounts and devices: login, bearer-token authentication, logout and revocation."""
import hashlib
import secrets
import uuid
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update

from server.errors import Problem
from server.extensions import db
from server.models import Device, Team, User
from server.models.types import utcnow
from server.services import throttle
from server.services.passwords import hash_password, verify_password
from server.services.sql_store import SqlStore
from server.services.transaction import in_write_transaction
from sync.types import Actor

LAST_SEEN_GRANULARITY = timedelta(seconds=60)


def token_hash(token: str) -> str:
    """The stored form of a bearer token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def user_dict(user: User) -> dict:
    """The user object of the login and /me answers."""
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "team_id": user.team_id}


def _unauthorized(detail: str = "wrong username or password") -> Problem:
    """The one answer for a missing, unknown or wrong credential."""
    return Problem("unauthorized", 401, "Unauthorized", detail)


def _expired(device: Device) -> bool:
    """Whether the device has been unused longer than SESSION_MAX_IDLE, or its password login
    is older than SESSION_MAX_AGE (an absolute lifetime, however much it is used)."""
    config, now = current_app.config, utcnow()
    return device.last_seen_at < now - timedelta(seconds=config["SESSION_MAX_IDLE"]) \
        or device.logged_in_at < now - timedelta(seconds=config["SESSION_MAX_AGE"])


def login(username: str, password: str, device_name: str, address: str,
          previous_device_id: str | None = None) -> tuple[str, Device, User]:
    """Check the password (throttled) and give a device a new token."""
    throttle.count_attempt(username, address)
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    accepted = verify_password(user.password_hash if user else None, password)
    user_id = user.id if accepted and user is not None and user.active else None
    db.session.rollback()
    if user_id is None:
        raise _unauthorized()

    def give_token(_store: SqlStore) -> tuple[str, Device, User]:
        user = db.session.get(User, user_id)
        if user is None:  # deleted since the password was checked
            raise _unauthorized()
        token = secrets.token_urlsafe(32)
        device = _reusable_device(user, previous_device_id)
        if device is None:
            device = Device(id=str(uuid.uuid4()), user_id=user.id, name=device_name,
                            token_hash=token_hash(token))
            db.session.add(device)
        else:
            device.token_hash, device.name = token_hash(token), device_name
        device.last_seen_at = device.logged_in_at = utcnow()
        throttle.take_back(username, address)
        return token, device, user
    return in_write_transaction(give_token)


def _reusable_device(user: User, device_id: str | None) -> Device | None:
    """The installation's previous device, when it is this user's, expired and not revoked."""
    if not device_id:
        return None
    device = db.session.get(Device, device_id)
    if device and device.user_id == user.id and device.revoked_at is None and _expired(device):
        return device
    return None


def authenticate(token: str | None) -> Actor:
    """Resolve a bearer token to the acting user and device, or raise a 401 problem."""
    if not token:
        raise Problem("unauthorized", 401, "Unauthorized", "a bearer token is required")
    device = db.session.scalar(select(Device).where(Device.token_hash == token_hash(token)))
    if device is None:
        raise Problem("unauthorized", 401, "Unauthorized", "unknown token")
    user = device.user
    if device.revoked_at is not None or not user.active:
        raise Problem("device-revoked", 401, "Device revoked",
                      "this device was revoked; local data must be erased", wipe=True)
    if _expired(device):
        raise Problem("session-expired", 401, "Session expired", "log in again")
    actor = Actor(user_id=user.id, device_id=device.id, team_id=user.team_id, role=user.role)
    now = utcnow()
    if device.last_seen_at < now - LAST_SEEN_GRANULARITY:
        in_write_transaction(lambda _store: db.session.execute(
            update(Device).where(Device.id == actor.device_id).values(last_seen_at=now)))
    else:
        db.session.rollback()
    return actor


def revoke_device(device_id: str) -> Device | None:
    """Revoke a device: its token answers device-revoked from now on. None when unknown."""
    def revoke(_store: SqlStore) -> Device | None:
        device = db.session.get(Device, device_id)
        if device is not None and device.revoked_at is None:
            device.revoked_at = utcnow()
        return device
    return in_write_transaction(revoke)


def ensure_team(name: str) -> Team:
    """The team with this name, created when it does not exist (caller commits)."""
    team = db.session.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"feltmappe:team:{name}")), name=name)
        db.session.add(team)
        db.session.flush()
    return team


def create_user(username: str, password: str, team_name: str, role: str = "consultant",
                display_name: str | None = None, user_id: str | None = None) -> User:
    """Create a user (and the team when needed) and commit."""
    password_hash = hash_password(password)

    def create(_store: SqlStore) -> User:
        if db.session.scalar(select(User).where(func.lower(User.username) == username.lower())):
            raise Problem("validation", 400, "User exists", "username already exists",
                          errors={"username": ["already exists"]})
        team = ensure_team(team_name)
        user = User(id=user_id or str(uuid.uuid4()), team_id=team.id, username=username,
                    display_name=display_name or username, role=role,
                    password_hash=password_hash, active=True)
        db.session.add(user)
        return user
    return in_write_transaction(create)
