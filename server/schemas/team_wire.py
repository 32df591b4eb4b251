"""Wire formats of the lists and the reports (docs/domain.md "Lists", docs/protocol.md 8)."""
from marshmallow import EXCLUDE, Schema, fields, validate

from server.schemas.objects import Object
from server.schemas.values import Boolean, Name, String


class ListItem(Object):
    """One entry of a list: a stable id, a Danish label, retired or not."""

    id = String(required=True, max_length=50)
    label = Name(required=True)
    retired = Boolean(load_default=False)


class ListBody(Schema):
    """PUT /admin/lists/<key> body: the whole list."""

    class Meta:
        unknown = EXCLUDE

    items = fields.List(fields.Nested(ListItem), required=True,
                        validate=validate.Length(max=1000))


class ListOut(Schema):
    """One list."""

    key = fields.String()
    items = fields.List(fields.Dict())


class Lists(Schema):
    """GET /lists answer."""

    company_types = fields.List(fields.Dict())
    job_functions = fields.List(fields.Dict())


class ReportQuery(Schema):
    """GET /reports/activity query."""

    class Meta:
        unknown = EXCLUDE

    from_ = fields.Date(required=True, data_key="from")
    to = fields.Date(required=True)
    team_id = fields.String(load_default=None, validate=validate.Length(max=36))
    user_id = fields.String(load_default=None, validate=validate.Length(max=36))
    format = fields.String(load_default="json", validate=validate.OneOf(("json", "csv", "xlsx")))


class Figures(Schema):
    """The figures of one block (totals, a user, a week)."""

    meetings_held = fields.Integer()
    companies_visited = fields.Integer()
    company_contacts = fields.Integer()
    contacts_by_result = fields.Dict()
    job_orders_created = fields.Integer()
    positions_open = fields.Integer()
    positions_filled = fields.Integer()
    placements_started = fields.Dict()
    placements_ended = fields.Dict()


class UserFigures(Figures):
    """One user's figures."""

    user_id = fields.String()


class WeekFigures(Figures):
    """One ISO week's figures."""

    week = fields.String()


class ActivityReport(Schema):
    """GET /reports/activity answer."""

    from_ = fields.String(data_key="from")
    to = fields.String()
    team_id = fields.String()
    user_id = fields.String()
    totals = fields.Nested(Figures)
    by_user = fields.List(fields.Nested(UserFigures))
    by_week = fields.List(fields.Nested(WeekFigures))
