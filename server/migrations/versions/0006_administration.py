"""administration: uploaded template versions, retired versions, the admin log

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-07 18:40:00

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from server.models.types import UtcDateTime

# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade():
    op.create_table('template_versions',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('body', Json, nullable=False),
    sa.Column('created_at', UtcDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('key', 'version', name=op.f('pk_template_versions'))
    )
    op.create_table('template_retirements',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('retired_at', UtcDateTime(timezone=True), nullable=False),
    sa.Column('retired_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('key', 'version', name=op.f('pk_template_retirements'))
    )
    op.create_table('admin_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', UtcDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('via', sa.String(length=10), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=120), nullable=False),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admin_log'))
    )
    with op.batch_alter_table('admin_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_log_team_id'), ['team_id'], unique=False)


def downgrade():
    with op.batch_alter_table('admin_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_log_team_id'))
        batch_op.drop_index(batch_op.f('ix_admin_log_at'))
    op.drop_table('admin_log')
    op.drop_table('template_retirements')
    op.drop_table('template_versions')
