"""team overview: report facts on records, the job centre's lists

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-07 18:40:00

"""
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from server.models.types import Json, UtcDateTime

REPORT_INDEX = ("team_id", "type", "rpt_day", "deleted", "rpt_user_id", "created_by", "rpt_week",
                "rpt_kind", "rpt_company_id")
REPORT_END_INDEX = ("team_id", "type", "rpt_end_day", "deleted", "created_by", "rpt_kind",
                    "rpt_group", "rpt_filled")
from server.services.report_facts import copenhagen_day, facts_for

revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None

FACTS = [
    ('rpt_day', sa.Date()), ('rpt_week', sa.String(length=8)), ('rpt_end_day', sa.Date()),
    ('rpt_kind', sa.String(length=200)), ('rpt_group', sa.String(length=200)),
    ('rpt_company_id', sa.String(length=200)), ('rpt_user_id', sa.String(length=36)),
    ('rpt_positions', sa.BigInteger()), ('rpt_filled', sa.BigInteger()),
]


def upgrade():
    with op.batch_alter_table('records', schema=None) as batch_op:
        for name, column_type in FACTS:
            batch_op.add_column(sa.Column(name, column_type, nullable=True))
        batch_op.create_index('ix_records_report', list(REPORT_INDEX), unique=False,
                              postgresql_where=sa.text('rpt_day IS NOT NULL'),
                              sqlite_where=sa.text('rpt_day IS NOT NULL'))
        batch_op.create_index('ix_records_report_end', list(REPORT_END_INDEX), unique=False,
                              postgresql_where=sa.text('rpt_end_day IS NOT NULL'),
                              sqlite_where=sa.text('rpt_end_day IS NOT NULL'))
    op.create_table('job_centre_lists',
    sa.Column('key', sa.String(length=50), nullable=False),
    sa.Column('items', Json, nullable=False),
    sa.Column('updated_at', UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_job_centre_lists'))
    )
    _backfill()


def _backfill():
    """Extract the facts of the records that exist (written before this migration)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, type, data, updated_by, created_at FROM records WHERE deleted = :no"
        " AND type IN ('meeting', 'company_contact', 'job_order', 'placement', 'company')"),
        {"no": False}).all()
    records = sa.table('records', sa.column('id'), *(sa.column(name) for name, _ in FACTS))
    for record_id, record_type, data, user_id, created_at in rows:
        data = json.loads(data) if isinstance(data, str) else data
        if isinstance(created_at, str):
            created_at = datetime.fromisoformat(created_at)
        day = copenhagen_day(created_at if created_at.tzinfo else created_at.replace(
            tzinfo=UTC))
        facts = facts_for(record_type, data, {}, user_id, day)
        bind.execute(records.update().where(records.c.id == record_id).values(
            **{name: facts[name] for name, _ in FACTS}))


def downgrade():
    op.drop_table('job_centre_lists')
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ix_records_report_end')
        batch_op.drop_index('ix_records_report')
        for name, _ in reversed(FACTS):
            batch_op.drop_column(name)
