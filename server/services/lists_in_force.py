"""The job centre's lists in force: the shipped defaults until an admin replaces one (reads only;
server/services/lists.py writes)."""
from sqlalchemy import select

from server.default_lists import DEFAULT_LISTS
from server.extensions import db
from server.models import JobCentreList
from server.schemas.jsontree import canonical_sha256


def all_lists() -> dict[str, list[dict]]:
    """Every list: the stored one where an admin replaced it, else the default."""
    stored: dict[str, list[dict]] = {
        key: items for key, items in db.session.execute(
            select(JobCentreList.key, JobCentreList.items))}
    return {key: stored.get(key, default) for key, default in DEFAULT_LISTS.items()}


def lists_etag(lists: dict[str, list[dict]]) -> str:
    """The ETag of the lists' current content."""
    return canonical_sha256(lists)[:32]
