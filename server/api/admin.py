"""Administration (docs/protocol.md 7): users, teams, template versions and the admin log.

Admins change; leads read their own team; consultants get 403."""
from flask import Blueprint, request

from server.api.common import authenticated, documented, json_body
from server.schemas import admin_wire as wire
from server.services import admin_log, admin_users, template_admin
from sync.types import Actor

api = Blueprint("admin", __name__)

DRY_RUN = [{"name": "dry_run", "in": "query", "required": False,
            "schema": {"type": "string", "enum": ["0", "1"]}}]


@api.get("/admin/users")
@documented("Users (admins: all; leads: their team)", wire.AdminUserList, errors=(401, 403))
@authenticated
def admin_users_list(actor: Actor):
    """List users with their newest device contact."""
    return {"users": admin_users.list_users(actor)}


@api.post("/admin/users")
@documented("Create a user", wire.AdminUserAnswer, wire.NewUser, errors=(400, 401, 403, 415),
            ok=(201,))
@authenticated
def admin_user_create(actor: Actor):
    """Create a user whose password obeys the rules."""
    operator = admin_log.require_admin(actor)
    body = json_body(wire.NewUser())
    return {"user": admin_users.create_user(operator, **body)}, 201


@api.patch("/admin/users/<uuid:user_id>")
@documented("Change a user's name, role, team, password; deactivate or reactivate",
            wire.AdminUserAnswer, wire.UserChange, errors=(400, 401, 403, 404, 415))
@authenticated
def admin_user_change(user_id, actor: Actor):
    """Change a user; deactivation revokes every device."""
    operator = admin_log.require_admin(actor)
    body = json_body(wire.UserChange())
    return {"user": admin_users.update_user(operator, str(user_id), body)}


@api.get("/admin/teams")
@documented("Teams with their active users (leads: their own)", wire.AdminTeamList,
            errors=(401, 403))
@authenticated
def admin_teams_list(actor: Actor):
    """List teams."""
    return {"teams": admin_users.list_teams(actor)}


@api.post("/admin/teams")
@documented("Create a team", wire.AdminTeamAnswer, wire.NewTeam, errors=(400, 401, 403, 415),
            ok=(201,))
@authenticated
def admin_team_create(actor: Actor):
    """Create a team with a unique name."""
    operator = admin_log.require_admin(actor)
    return {"team": admin_users.create_team(operator, json_body(wire.NewTeam())["name"])}, 201


@api.get("/admin/templates")
@documented("Every template version, built in or uploaded, with its state",
            wire.TemplateVersionList, errors=(401, 403))
@authenticated
def admin_templates_list(actor: Actor):
    """List template versions."""
    return {"versions": template_admin.list_versions(actor)}


@api.post("/admin/templates")
@documented("Upload a new template version (dry_run=1 only checks it)", wire.TemplateAnswer,
            wire.TemplateBody, query=DRY_RUN, errors=(400, 401, 403, 409, 415), ok=(200, 201))
@authenticated
def admin_template_upload(actor: Actor):
    """Check and store a new, immutable template version."""
    operator = admin_log.require_admin(actor)
    dry_run = request.args.get("dry_run") == "1"
    template = template_admin.upload(operator, json_body(), dry_run)
    return {"template": template}, 200 if dry_run else 201


@api.patch("/admin/templates/<key>/<int:version>")
@documented("Retire a template version (or bring it back)", wire.TemplateAnswer, wire.Retire,
            errors=(400, 401, 403, 404, 415))
@authenticated
def admin_template_retire(key, version, actor: Actor):
    """Hide a version from new records; records made with it still open."""
    operator = admin_log.require_admin(actor)
    retired = json_body(wire.Retire())["retired"]
    return {"template": template_admin.set_retired(operator, key, version, retired)}


@api.get("/admin/log")
@documented("The admin log, newest first (leads: their team)", wire.AdminLog, errors=(401, 403))
@authenticated
def admin_log_list(actor: Actor):
    """Every administrative change; never a password."""
    return {"entries": admin_log.entries(actor)}
