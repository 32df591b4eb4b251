"""activity report: a 64-bit company key, so companies visited are counted over integers

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 21:40:00

"""
import logging

import sqlalchemy as sa
from alembic import op

from server.services.report_facts import company_key

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

LOG = logging.getLogger("alembic.runtime.migration")
BATCH = 5_000
OLD_INDEX = ("team_id", "type", "rpt_day", "deleted", "rpt_user_id", "created_by", "rpt_week",
             "rpt_kind", "rpt_company_id")
NEW_INDEX = (*OLD_INDEX[:-1], "rpt_company_key")


def upgrade():
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rpt_company_key', sa.BigInteger(), nullable=True))
    _backfill()
    _replace_index(NEW_INDEX)


def _backfill():
    """Key the company of every record that has one, in batches, with a progress line."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, rpt_company_id FROM records WHERE rpt_company_id IS NOT NULL")).all()
    update = sa.text("UPDATE records SET rpt_company_key = :key WHERE id = :id")
    for start in range(0, len(rows), BATCH):
        bind.execute(update, [{"id": record_id, "key": company_key(company)}
                              for record_id, company in rows[start:start + BATCH]])
        done = min(start + BATCH, len(rows))
        if done == len(rows) or done * 10 // len(rows) > start * 10 // len(rows):
            LOG.info("company keys: %d of %d records", done, len(rows))


def _replace_index(columns):
    """Rebuild the report's partial covering index over these columns."""
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ix_records_report')
        batch_op.create_index('ix_records_report', list(columns), unique=False,
                              postgresql_where=sa.text('rpt_day IS NOT NULL'),
                              sqlite_where=sa.text('rpt_day IS NOT NULL'))


def downgrade():
    _replace_index(OLD_INDEX)
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_column('rpt_company_key')
