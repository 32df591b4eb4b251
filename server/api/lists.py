"""The job centre's lists (docs/domain.md "Lists")."""
from flask import Blueprint, jsonify, request

from server.api.common import authenticated, documented, json_body
from server.schemas import team_wire
from server.services import lists, lists_in_force
from sync.types import Actor

api = Blueprint("lists", __name__)


@api.get("/lists")
@documented("The job centre's lists: company types and job functions", team_wire.Lists,
            errors=(401, 304))
@authenticated
def job_centre_lists(actor: Actor):
    """The lists, with an ETag so an unchanged answer costs a 304."""
    current = lists_in_force.all_lists()
    answer = jsonify(current)
    answer.set_etag(lists_in_force.lists_etag(current))
    return answer.make_conditional(request)


@api.put("/admin/lists/<key>")
@documented("Replace one list (admins); items are retired, never removed", team_wire.ListOut,
            team_wire.ListBody, errors=(400, 401, 403, 404))
@authenticated
def replace_list(key: str, actor: Actor):
    """Replace a list's items."""
    items = json_body(team_wire.ListBody())["items"]
    return {"key": key, "items": lists.replace_list(actor, key, items)}
