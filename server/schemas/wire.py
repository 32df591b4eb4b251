"""Wire formats of the API (docs/protocol.md), used to parse requests and to document responses."""
import re
from datetime import UTC, datetime, timedelta

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
PRINTABLE = validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="must not hold control characters")
EVENT_FUTURE, EVENT_PAST = timedelta(minutes=10), timedelta(days=400)


class DeviceTime(fields.AwareDateTime):
    """A device's clock reading: aware, in UTC, at most 10 minutes ahead and 400 days back."""

    def _deserialize(self, value, attr, data, **kwargs):
        """Parse, convert to UTC and check the range (never an OverflowError)."""
        parsed = super()._deserialize(value, attr, data, **kwargs)
        now = datetime.now(UTC)
        try:
            parsed = parsed.astimezone(UTC)
        except OverflowError:
            raise ValidationError("not a time this server can hold") from None
        if parsed > now + EVENT_FUTURE or parsed < now - EVENT_PAST:
            raise ValidationError("must be within the last 400 days and not in the future")
        return parsed

ROLES = ("consultant", "lead", "admin")


class LoginRequest(Schema):
    """POST /auth/login body."""

    class Meta:
        unknown = EXCLUDE

    username = fields.String(required=True,
                             validate=[validate.Length(min=1, max=200), PRINTABLE])
    password = fields.String(required=True, validate=validate.Length(min=1, max=1000))
    device_name = fields.String(required=True,
                                validate=[validate.Length(min=1, max=200), PRINTABLE])
    device_id = fields.String(load_default=None, allow_none=True,
                              validate=validate.Regexp(UUID_PATTERN))


class User(Schema):
    """A user as the login and /me answers show it."""

    id = fields.String()
    username = fields.String()
    display_name = fields.String()
    role = fields.String(validate=validate.OneOf(ROLES))
    team_id = fields.String()


class LoginResponse(Schema):
    """POST /auth/login answer."""

    token = fields.String()
    device_id = fields.String()
    user = fields.Nested(User)


class Me(User):
    """GET /me answer: the user plus the calling device."""

    device_id = fields.String()


class Empty(Schema):
    """An empty JSON object."""

    class Meta:
        unknown = RAISE


class TeamUser(Schema):
    """A user in GET /users."""

    id = fields.String()
    username = fields.String()
    display_name = fields.String()
    role = fields.String()
    active = fields.Boolean()


class UserList(Schema):
    """GET /users answer."""

    users = fields.List(fields.Nested(TeamUser))


class DeviceOut(Schema):
    """A device in GET /devices."""

    id = fields.String()
    user_id = fields.String()
    name = fields.String()
    created_at = fields.String()
    last_seen_at = fields.String()
    revoked = fields.Boolean()


class DeviceList(Schema):
    """GET /devices answer."""

    devices = fields.List(fields.Nested(DeviceOut))


class DeviceAnswer(Schema):
    """POST /devices/<id>/revoke answer."""

    device = fields.Nested(DeviceOut)


class Envelope(Schema):
    """A record envelope (docs/protocol.md section 2)."""

    type = fields.String()
    id = fields.String()
    rev = fields.Integer()
    deleted = fields.Boolean()
    data = fields.Dict()
    team_id = fields.String()
    created_at = fields.String()
    created_by = fields.String()
    updated_at = fields.String()
    updated_by = fields.String()


class RevisionOut(Schema):
    """One revision in a record's history."""

    rev = fields.Integer()
    data = fields.Dict()
    deleted = fields.Boolean()
    updated_at = fields.String()
    updated_by = fields.String()
    device_id = fields.String(allow_none=True)


class History(Schema):
    """GET /records/<type>/<id>/history answer."""

    revisions = fields.List(fields.Nested(RevisionOut))


class Health(Schema):
    """GET /healthz answer."""

    status = fields.String()
    database = fields.String()


class ProblemDoc(Schema):
    """An RFC 9457 problem document."""

    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))
    wipe = fields.Boolean()  # device-revoked: erase the local data
    resolution = fields.Dict()  # conflict-resolved: the values it was resolved with
    conflict = fields.Nested(Envelope)  # conflict-stale: the refreshed conflict
    record = fields.Nested(Envelope)  # conflict-stale: the record as it is now


class ChangeIn(Schema):
    """One change of a push."""

    class Meta:
        unknown = EXCLUDE

    mutation_id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))
    type = fields.String(required=True, validate=validate.Length(min=1, max=30))
    id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))
    op = fields.String(required=True, validate=validate.OneOf(("upsert", "delete")))
    base_rev = fields.Integer(required=True, strict=True,
                              validate=validate.Range(min=0, max=2**53 - 1))
    data = fields.Dict(load_default=dict, allow_none=True)


UUID = re.compile(UUID_PATTERN.strip("^$"))


def is_plain_change(change: object) -> bool:
    """Whether ChangeIn surely accepts a change as it is (the quick path skips the schema)."""
    return (isinstance(change, dict) and isinstance(change.get("mutation_id"), str)
            and UUID.fullmatch(change["mutation_id"]) is not None
            and isinstance(change.get("id"), str) and UUID.fullmatch(change["id"]) is not None
            and isinstance(change.get("type"), str) and 1 <= len(change["type"]) <= 30
            and change.get("op") in ("upsert", "delete")
            and type(change.get("base_rev")) is int and 0 <= change["base_rev"] <= 2**53 - 1
            and (change.get("data") is None or type(change["data"]) is dict))


class PushRequest(Schema):
    """POST /sync/push body."""

    class Meta:
        unknown = EXCLUDE

    changes = fields.List(fields.Nested(ChangeIn), required=True)


class PushResultOut(Schema):
    """One result of a push."""

    mutation_id = fields.String()
    id = fields.String()
    status = fields.String(validate=validate.OneOf(("applied", "merged", "conflict", "rejected")))
    rev = fields.Integer()
    record = fields.Nested(Envelope)
    conflict_id = fields.String()
    fields_ = fields.List(fields.String(), data_key="fields")
    error = fields.Nested(ProblemDoc)


class PushResponse(Schema):
    """POST /sync/push answer."""

    results = fields.List(fields.Nested(PushResultOut))


class PullQuery(Schema):
    """GET /sync/pull query."""

    class Meta:
        unknown = EXCLUDE

    since = fields.String(load_default=None, validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=500, validate=validate.Range(min=1, max=1000))


class PullResponse(Schema):
    """GET /sync/pull answer."""

    changes = fields.List(fields.Nested(Envelope))
    checkpoint = fields.String()
    has_more = fields.Boolean()


class ResolveRequest(Schema):
    """POST /conflicts/<id>/resolve body."""

    class Meta:
        unknown = EXCLUDE

    data = fields.Dict(keys=fields.String(), required=True)
    server_rev = fields.Integer(load_default=None, allow_none=True, strict=True,
                                validate=validate.Range(min=0, max=2 ** 31 - 1))
    restore = fields.Boolean(load_default=False)
    delete = fields.Boolean(load_default=False)


class ResolveResponse(Schema):
    """POST /conflicts/<id>/resolve answer."""

    conflict = fields.Nested(Envelope)
    record = fields.Nested(Envelope)


class TemplateList(Schema):
    """GET /templates answer."""

    templates = fields.List(fields.Dict())


class DeviceEvent(Schema):
    """Something a device did while offline, e.g. opening a citizen."""

    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))
    at = DeviceTime(required=True)
    action = fields.String(required=True, validate=validate.OneOf(("open",)))
    record_type = fields.String(required=True, validate=validate.OneOf((
        "citizen", "placement", "agreement", "meeting", "assessment", "signature")))
    record_id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))


class DeviceEvents(Schema):
    """POST /audit/events body."""

    class Meta:
        unknown = EXCLUDE

    events = fields.List(fields.Nested(DeviceEvent), required=True,
                         validate=validate.Length(max=1000))


class AuditEntry(Schema):
    """One line of a citizen's access log."""

    at = fields.String()
    received_at = fields.String()
    user_id = fields.String()
    device_id = fields.String(allow_none=True)
    action = fields.String()
    record_type = fields.String()
    record_id = fields.String()


class AuditLog(Schema):
    """GET /audit answer."""

    events = fields.List(fields.Nested(AuditEntry))


class AuditQuery(Schema):
    """GET /audit query."""

    class Meta:
        unknown = EXCLUDE

    citizen_id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))


class Stored(Schema):
    """How many events were stored."""

    stored = fields.Integer()
