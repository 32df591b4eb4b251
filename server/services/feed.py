"""The change feed's write side: every committed change gets a sequence number in commit order.

Rule: each team has its own counter row (`team_feed_counters`). A transaction takes the next
number of every team whose records it touched after all its work, as the last step before
it sends its pending rows and COMMITs (several teams in team-id order, so two transactions
never wait for each other's counters), and its touched records are written with that number
(server/services/sql_store.py `flush`; rows an earlier flush sent are stamped by one UPDATE
then). The row lock is held until COMMIT, so a second
transaction of the same team can only take the next number after the first one's changes are
visible. A team's numbers therefore become visible strictly in increasing order, and a reader
of that team's feed that has seen number N has seen every change of the team numbered N or
lower: a checkpoint (seq, id) never skips a commit, whatever order the transactions started
or ran in. Pulls read one team's feed only, so teams do not need a common order and do not
queue behind each other's locks. Taking the lock last (not first) keeps the serialised part
of a push to its bulk write and COMMIT.

FEED_TAKEN_EARLY (test only, the environment's FELTMAPPE_TEST_FEED_TAKEN_EARLY) breaks the
rule on purpose: the acting team's number is drawn and committed before the write
transaction begins, as a database sequence would hand it out, so transactions can become
visible out of number order. tests/server/test_concurrency.py shows that a puller then
misses changes.
"""
from flask import current_app
from sqlalchemy import insert, update

from server.extensions import db
from server.models import TeamFeedCounter


def take_numbers(touched: dict[str, set[str]],
                 drawn: dict[str, int] | None = None) -> dict[str, int]:
    """Each touched team's next number (row-locked until commit, teams in id order);
    `drawn` numbers (test only) are used as given."""
    return {team_id: (drawn or {}).get(team_id) or _next_number(team_id)
            for team_id in sorted(team for team, ids in touched.items() if ids)}


def _next_number(team_id: str, executor=None) -> int:
    """The team's next feed number; its counter row stays locked until the transaction ends.

    A team's first number makes its row; two first writes racing each other meet on the
    primary key and the loser runs again (server/services/transaction.py)."""
    executor = executor or db.session
    seq = executor.execute(
        update(TeamFeedCounter).where(TeamFeedCounter.team_id == team_id)
        .values(value=TeamFeedCounter.value + 1).returning(TeamFeedCounter.value)).scalar()
    if seq is None:
        seq = 1
        executor.execute(insert(TeamFeedCounter).values(team_id=team_id, value=seq))
    return seq


def drawn_early(team_id: str | None) -> dict[str, int]:
    """Test only (FEED_TAKEN_EARLY): the team's number, drawn and committed on a connection of
    its own before the write transaction begins; {} normally (see the module's text)."""
    if team_id is None or not current_app.config["FEED_TAKEN_EARLY"]:
        return {}
    with db.engine.begin() as connection:
        return {team_id: _next_number(team_id, connection)}
