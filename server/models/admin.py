"""Administration: uploaded template versions, retired versions, and the admin log."""
from datetime import datetime

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from server.extensions import db
from server.models.types import Json, UtcDateTime, utcnow


class TemplateVersion(db.Model):
    """A template version uploaded by an admin; immutable once stored (built-ins are files)."""

    __tablename__ = "template_versions"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    body = mapped_column(Json, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36))


class TemplateRetirement(db.Model):
    """A template version (built-in or uploaded) hidden from new records."""

    __tablename__ = "template_retirements"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    retired_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    retired_by: Mapped[str | None] = mapped_column(String(36))


class AdminLogEntry(db.Model):
    """One administrative change: who, what, on which target; never a password."""

    __tablename__ = "admin_log"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    via: Mapped[str] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(120))
    team_id: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[str] = mapped_column(String(300), default="")
