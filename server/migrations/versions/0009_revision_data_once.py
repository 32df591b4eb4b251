"""a record's body written once: the newest revision's data may be NULL ("the record's data")

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 03:30:00

Existing rows keep their data as it is (a revision with data is read as it is, NULL or not
is the only new case). The downgrade fills every NULL from its record before the column
becomes NOT NULL again.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade():
    with op.batch_alter_table('revisions') as batch_op:
        batch_op.alter_column('data', existing_type=JSON, nullable=True)


def downgrade():
    op.execute("UPDATE revisions SET data = (SELECT records.data FROM records "
               "WHERE records.id = revisions.record_id) WHERE data IS NULL")
    with op.batch_alter_table('revisions') as batch_op:
        batch_op.alter_column('data', existing_type=JSON, nullable=False)
