"""sync in operation: per-team purges, audit receive time, conflicts audited by citizen

Revision ID: 0003
Revises: 0002

- `feed_purges` replaces the global `tombstone_horizon`: an old horizon becomes one purge
  of every team, so checkpoints from before it are still sent back.
- `audit_events.received_at`: the server's receive time (the device's `at` for old rows).
- Conflict records get their record's citizen, so reading one is audited.
- `devices.logged_in_at`: when the device's token was issued by a password login, for the
  absolute session lifetime SESSION_MAX_AGE (the last use for devices already logged in).
"""
import sqlalchemy as sa
from alembic import op

from server.models.types import UtcDateTime

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'feed_purges',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('number', sa.BigInteger(), nullable=False),
        sa.Column('team_id', sa.String(length=36), nullable=False),
        sa.Column('max_seq', sa.BigInteger(), nullable=False),
        sa.Column('max_id', sa.String(length=36), nullable=False),
        sa.Column('purged_at', UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_purges')))
    with op.batch_alter_table('feed_purges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_purges_number'), ['number'], unique=False)
        batch_op.create_index(batch_op.f('ix_feed_purges_team_id'), ['team_id'], unique=False)
    conn = op.get_bind()
    horizon = conn.execute(sa.text(
        "SELECT value FROM server_meta WHERE key = 'tombstone_horizon'")).scalar()
    if horizon and int(horizon) > 0:
        conn.execute(sa.text(
            "INSERT INTO feed_purges (number, team_id, max_seq, max_id, purged_at) "
            "SELECT 1, id, :seq, 'g', CURRENT_TIMESTAMP FROM teams"), {"seq": int(horizon) - 1})
    conn.execute(sa.text("DELETE FROM server_meta WHERE key = 'tombstone_horizon'"))

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('received_at', UtcDateTime(timezone=True), nullable=True))
    conn.execute(sa.text("UPDATE audit_events SET received_at = at"))
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.alter_column('received_at', nullable=False)

    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logged_in_at', UtcDateTime(timezone=True), nullable=True))
    conn.execute(sa.text("UPDATE devices SET logged_in_at = last_seen_at"))
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.alter_column('logged_in_at', nullable=False)

    records = sa.table('records', sa.column('id', sa.String), sa.column('type', sa.String),
                       sa.column('data', sa.JSON), sa.column('citizen_id', sa.String))
    conflicts = conn.execute(sa.select(records.c.id, records.c.data)
                             .where(records.c.type == 'conflict')).all()
    for conflict_id, data in conflicts:
        citizen = conn.execute(sa.select(records.c.citizen_id).where(
            records.c.id == (data or {}).get('record_id'))).scalar()
        if citizen:
            conn.execute(sa.update(records).where(records.c.id == conflict_id)
                         .values(citizen_id=citizen))


def downgrade():
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('logged_in_at')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('received_at')
    with op.batch_alter_table('feed_purges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_purges_team_id'))
        batch_op.drop_index(batch_op.f('ix_feed_purges_number'))
    op.drop_table('feed_purges')
    op.execute("UPDATE records SET citizen_id = NULL WHERE type = 'conflict'")
    op.execute("INSERT INTO server_meta (key, value) VALUES ('tombstone_horizon', '0')")
