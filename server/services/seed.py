"""Loading the fictitious demo caseload (`flask seed-demo`)."""
from collections import Counter
from datetime import date

from sqlalchemy import select

from server.demo.contacts import with_register
from server.demo.data import build_demo
from server.extensions import db
from server.models import User
from server.services.auth import create_user
from server.services.template_versions import rules
from server.services.transaction import in_write_transaction
from sync.types import Actor, StoredRecord


def load_demo(only_if_empty: bool = False, today: date | None = None) -> dict[str, int] | None:
    """Create the demo teams, users and records; None when skipped because users exist."""
    if only_if_empty and db.session.scalar(select(User.id).limit(1)) is not None:
        db.session.rollback()
        return None
    today = today or date.today()
    demo = with_register(build_demo(today, rules().templates), today)
    teams = {team.key: team.name for team in demo.teams}
    users = {}
    for user in demo.users:
        created = db.session.get(User, user.id) or create_user(
            user.username, user.password, teams[user.team_key], user.role, user.display_name,
            user_id=user.id)
        users[user.username] = Actor(created.id, "", created.team_id, created.role)

    def insert(store) -> Counter:
        counts: Counter = Counter()
        for record in demo.records:
            actor = users[record.created_by_username]
            if store.get_record(record.id) is None:
                store.write(StoredRecord(record.id, record.type, actor.team_id, 1, False,
                                         record.data), actor)
                counts[record.type] += 1
        return counts

    counts = in_write_transaction(insert)
    return {"users": len(demo.users), **counts}
