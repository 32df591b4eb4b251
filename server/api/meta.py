"""Users, devices and the OpenAPI document."""
from flask import current_app

from server.api import api
from server.api.common import authenticated, documented
from server.openapi import build_spec
from server.schemas import wire
from server.services import accounts
from server.services.auth import Actor


@api.get("/users")
@documented("The users of the caller's team (admins: all)", wire.UserList)
@authenticated
def users(actor: Actor):
    """List users for showing names offline."""
    return {"users": accounts.list_users(actor)}


@api.get("/devices")
@documented("The caller's devices (admins: all)", wire.DeviceList)
@authenticated
def devices(actor: Actor):
    """List devices."""
    return {"devices": accounts.list_devices(actor)}


@api.post("/devices/<uuid:device_id>/revoke")
@documented("Revoke a device; it erases its data at next contact", wire.DeviceAnswer,
            errors=(401, 404))
@authenticated
def revoke_device(device_id, actor: Actor):
    """Revoke one device."""
    return {"device": accounts.revoke(actor, str(device_id))}


@api.get("/openapi.json")
@documented("This API's OpenAPI 3 description", auth=False)
def openapi():
    """The OpenAPI document, generated from the views and schemas."""
    return build_spec(current_app)
