"""The job centre's lists: the shipped defaults until an admin replaces one (DOMAIN "Lists").

Items are never deleted, only retired, so old records keep their label: a replacement that
leaves out an id that the list has is refused.
"""
from server.default_lists import DEFAULT_LISTS
from server.errors import Problem, validation_problem
from server.extensions import db
from server.models import JobCentreList
from server.models.types import utcnow
from server.services.admin_log import log_change, require_admin
from server.services.lists_in_force import all_lists
from server.services.sql_store import SqlStore
from server.services.transaction import in_write_transaction
from sync.types import Actor


def replace_list(actor: Actor, key: str, items: list[dict]) -> list[dict]:
    """Replace one list (admins); every id of the current list must stay; logged."""
    operator = require_admin(actor)
    if key not in DEFAULT_LISTS:
        raise Problem("not-found", 404, "Not found")
    items = [{"id": item["id"], "label": item["label"], "retired": item.get("retired", False)}
             for item in items]

    def work(_store: SqlStore) -> list[dict]:
        _check(all_lists()[key], items)
        row = db.session.get(JobCentreList, key)
        if row is None:
            row = JobCentreList(key=key)
            db.session.add(row)
        row.items, row.updated_at, row.updated_by = items, utcnow(), actor.user_id
        log_change(operator, "list.replace", "list", key, detail=f"{len(items)} punkter")
        return items

    return in_write_transaction(work)


def _check(current: list[dict], items: list[dict]) -> None:
    """Refuse repeated ids and ids that the current list has and the new one lacks."""
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            errors[f"items.{index}.id"] = ["must not repeat an id"]
        seen.add(item["id"])
    missing = [item["id"] for item in current if item["id"] not in seen]
    if missing:
        errors["items"] = ["items are retired, never removed; missing: " + ", ".join(missing)]
    if errors:
        raise validation_problem(errors, "Invalid list")
