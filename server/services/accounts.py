"""Reading users and devices, and revoking devices, within what the actor may see."""
from sqlalchemy import select

from server.errors import Problem
from server.extensions import db
from server.models import Device, User
from server.models.types import rfc3339
from server.services.auth import revoke_device, user_dict
from sync.types import Actor


def user_answer(user_id: str) -> dict:
    """The user object of a user; 404 not-found when it is gone."""
    user = db.session.get(User, user_id)
    if user is None:
        raise Problem("not-found", 404, "Not found")
    return user_dict(user)


def list_users(actor: Actor) -> list[dict]:
    """The users of the actor's team (admins: every user)."""
    query = select(User).order_by(User.username)
    if not actor.is_admin:
        query = query.where(User.team_id == actor.team_id)
    return [{"id": u.id, "username": u.username, "display_name": u.display_name,
             "role": u.role, "active": u.active} for u in db.session.scalars(query)]


def device_dict(device: Device) -> dict:
    """A device as the API shows it."""
    return {"id": device.id, "user_id": device.user_id, "name": device.name,
            "created_at": rfc3339(device.created_at),
            "last_seen_at": rfc3339(device.last_seen_at),
            "revoked": device.revoked_at is not None}


def list_devices(actor: Actor) -> list[dict]:
    """The actor's devices (admins: every device)."""
    query = select(Device).order_by(Device.created_at, Device.id)
    if not actor.is_admin:
        query = query.where(Device.user_id == actor.user_id)
    return [device_dict(d) for d in db.session.scalars(query)]


def revoke(actor: Actor, device_id: str) -> dict:
    """Revoke a device the actor owns (admins: any device); others are not found."""
    device = db.session.get(Device, device_id)
    if device is None or not (actor.is_admin or device.user_id == actor.user_id):
        raise Problem("not-found", 404, "Not found")
    revoked = revoke_device(device_id)
    if revoked is None:  # deleted since it was read
        raise Problem("not-found", 404, "Not found")
    return device_dict(revoked)
