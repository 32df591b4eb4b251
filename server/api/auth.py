"""Login, logout and /me (docs/protocol.md section 1)."""
from flask import Blueprint

from server.api.common import authenticated, client_address, documented, json_body
from server.schemas import wire
from server.services import accounts, auth
from sync.types import Actor

api = Blueprint("auth", __name__)


@api.post("/auth/login")
@documented("Log in and register a device", wire.LoginResponse, wire.LoginRequest, auth=False,
            errors=(400, 401, 429))
def login():
    """Exchange a username and password for a device token."""
    body = json_body(wire.LoginRequest())
    token, device, user = auth.login(body["username"], body["password"], body["device_name"],
                                     client_address(), body.get("device_id"))
    return {"token": token, "device_id": device.id, "user": auth.user_dict(user)}


@api.post("/auth/logout")
@documented("Log out: revoke the calling device", wire.Empty)
@authenticated
def logout(actor: Actor):
    """Revoke the calling device."""
    accounts.revoke(actor, actor.device_id)
    return {}


@api.get("/me")
@documented("The calling user and device", wire.Me)
@authenticated
def me(actor: Actor):
    """Who is calling, from which device."""
    return {**accounts.user_answer(actor.user_id), "device_id": actor.device_id}
