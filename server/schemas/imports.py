"""Wire formats of the case import (docs/protocol.md section 9)."""
from marshmallow import EXCLUDE, Schema, fields, validate

from server.schemas.wire import UUID_PATTERN


class ImportQuery(Schema):
    """POST /admin/import query: the team to import into, and whether to write nothing."""

    class Meta:
        unknown = EXCLUDE

    team_id = fields.String(required=True, validate=validate.Regexp(UUID_PATTERN))
    dry_run = fields.Boolean(load_default=False, truthy={"1", "true", "yes"},
                             falsy={"0", "false", "no", ""})


class TypeCounts(Schema):
    """A count per record type."""

    citizen = fields.Integer()
    company = fields.Integer()
    placement = fields.Integer()


class ImportProblemOut(Schema):
    """One problem of the file: row (1 = the first after the header; 0 = the header), column."""

    row = fields.Integer()
    column = fields.String()
    message = fields.String()


class ImportSummary(Schema):
    """POST /admin/import answer (also for a dry run)."""

    rows = fields.Integer()
    created = fields.Nested(TypeCounts)
    updated = fields.Nested(TypeCounts)
    unchanged = fields.Nested(TypeCounts)
    errors = fields.List(fields.Nested(ImportProblemOut))
