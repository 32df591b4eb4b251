"""Users, devices and the OpenAPI document."""
from flask import Blueprint, current_app, jsonify, request

from server.api.common import authenticated, documented
from server.openapi import build_spec
from server.schemas import wire
from server.services import accounts, sync
from sync.types import Actor

api = Blueprint("meta", __name__)


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


@api.get("/templates")
@documented("Every version of the assessment and agreement templates", wire.TemplateList,
            errors=(401, 304))
@authenticated
def templates(actor: Actor):
    """The templates, with an ETag so an unchanged list costs a 304."""
    answer = jsonify({"templates": sync.rules().templates})
    answer.set_etag(sync.rules().templates_etag)
    return answer.make_conditional(request)
