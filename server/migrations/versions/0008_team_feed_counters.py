"""team feed counters: one counter row per team instead of one for every team

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 21:40:00

Every team's counter starts at the global counter's value, so each team's next number is
above every number its records already carry: checkpoints taken before the upgrade stay
valid. The downgrade puts back one counter at the highest value any team (or record) reached.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('team_feed_counters',
    sa.Column('team_id', sa.String(length=36), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'],
                            name=op.f('fk_team_feed_counters_team_id_teams')),
    sa.PrimaryKeyConstraint('team_id', name=op.f('pk_team_feed_counters'))
    )
    op.execute("INSERT INTO team_feed_counters (team_id, value) "
               "SELECT teams.id, feed_counter.value FROM teams, feed_counter "
               "WHERE feed_counter.id = 1")
    op.drop_table('feed_counter')


def downgrade():
    op.create_table('feed_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_counter'))
    )
    op.execute("INSERT INTO feed_counter (id, value) SELECT 1, MAX(value) FROM ("
               "SELECT MAX(value) AS value FROM team_feed_counters "
               "UNION ALL SELECT MAX(feed_seq) FROM records UNION ALL SELECT 0) AS highest")
    op.drop_table('team_feed_counters')
