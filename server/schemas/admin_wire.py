"""Wire formats of the administration API (docs/protocol.md 7)."""
from marshmallow import RAISE, Schema, fields, validate

from server.schemas.values import Boolean as StrictBoolean
from server.schemas.wire import ROLES, UUID_PATTERN

USERNAME = validate.Regexp(r"^[A-Za-z0-9._@-]{1,100}$",
                           error="kun bogstaver a–z, cifre og . _ @ - (højst 100 tegn)")
NAME = validate.Length(min=1, max=200)
PASSWORD = validate.Length(min=1, max=1000)


class AdminUser(Schema):
    """A user as the admin API shows it."""

    id = fields.String()
    username = fields.String()
    display_name = fields.String()
    role = fields.String()
    team_id = fields.String()
    active = fields.Boolean()
    last_seen_at = fields.String(allow_none=True)


class AdminUserList(Schema):
    """GET /admin/users answer."""

    users = fields.List(fields.Nested(AdminUser))


class AdminUserAnswer(Schema):
    """One user."""

    user = fields.Nested(AdminUser)


class NewUser(Schema):
    """POST /admin/users body."""

    class Meta:
        unknown = RAISE

    username = fields.String(required=True, validate=USERNAME)
    display_name = fields.String(required=True, validate=NAME)
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    team_id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))
    password = fields.String(required=True, validate=PASSWORD)


class UserChange(Schema):
    """PATCH /admin/users/<id> body: any of the fields."""

    class Meta:
        unknown = RAISE

    display_name = fields.String(validate=NAME)
    role = fields.String(validate=validate.OneOf(ROLES))
    team_id = fields.String(validate=validate.Regexp(UUID_PATTERN))
    active = StrictBoolean()
    password = fields.String(validate=PASSWORD)


class AdminTeam(Schema):
    """A team with its number of active users."""

    id = fields.String()
    name = fields.String()
    active_users = fields.Integer()


class AdminTeamList(Schema):
    """GET /admin/teams answer."""

    teams = fields.List(fields.Nested(AdminTeam))


class AdminTeamAnswer(Schema):
    """One team."""

    team = fields.Nested(AdminTeam)


class NewTeam(Schema):
    """POST /admin/teams body."""

    class Meta:
        unknown = RAISE

    name = fields.String(required=True, validate=NAME)


class TemplateBody(Schema):
    """POST /admin/templates body: a template (docs/domain.md "Templates"), format-checked."""

    kind = fields.String(required=True)
    key = fields.String(required=True)
    version = fields.Integer(required=True)
    title = fields.String(required=True)
    definition = fields.Dict(required=True)


class TemplateVersionOut(Schema):
    """A template version in the admin list."""

    key = fields.String()
    version = fields.Integer()
    kind = fields.String()
    title = fields.String()
    retired = fields.Boolean()
    builtin = fields.Boolean()
    created_at = fields.String(allow_none=True)
    created_by = fields.String(allow_none=True)


class TemplateVersionList(Schema):
    """GET /admin/templates answer."""

    versions = fields.List(fields.Nested(TemplateVersionOut))


class TemplateAnswer(Schema):
    """One template."""

    template = fields.Dict()


class Retire(Schema):
    """PATCH /admin/templates/<key>/<version> body."""

    class Meta:
        unknown = RAISE

    retired = StrictBoolean(required=True)


class AdminLogLine(Schema):
    """One admin log entry; never a password."""

    at = fields.String()
    user_id = fields.String(allow_none=True)
    via = fields.String()
    action = fields.String()
    target_type = fields.String()
    target_id = fields.String()
    team_id = fields.String(allow_none=True)
    detail = fields.String()


class AdminLog(Schema):
    """GET /admin/log answer."""

    entries = fields.List(fields.Nested(AdminLogLine))


class CitizenSearch(Schema):
    """POST /audit/citizens body: part of a name or a CPR number."""

    class Meta:
        unknown = RAISE

    q = fields.String(required=True, validate=validate.Length(max=200))


class CitizenHit(Schema):
    """A citizen found for the access audit (CPR masked)."""

    id = fields.String()
    name = fields.String()
    cpr = fields.String()
    team_id = fields.String()


class CitizenHits(Schema):
    """GET /audit/citizens answer."""

    citizens = fields.List(fields.Nested(CitizenHit))


class ReportEvent(Schema):
    """One access in a citizen's report, with names."""

    at = fields.String()
    received_at = fields.String(allow_none=True)
    user_id = fields.String()
    user_name = fields.String()
    username = fields.String()
    device_id = fields.String(allow_none=True)
    device_name = fields.String()
    action = fields.String()
    record_type = fields.String()
    record_id = fields.String()


class AuditReport(Schema):
    """GET /audit/report answer."""

    citizen = fields.Nested(CitizenHit)
    events = fields.List(fields.Nested(ReportEvent))
