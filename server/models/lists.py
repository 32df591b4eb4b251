"""The job centre's own lists (docs/domain.md "Lists"), one row per list once an admin edits it."""
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from server.extensions import db
from server.models.types import Json, UtcDateTime


class JobCentreList(db.Model):
    """A list that replaces the shipped default of its key."""

    __tablename__ = "job_centre_lists"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    items = mapped_column(Json, nullable=False)
    updated_at = mapped_column(UtcDateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(36))
