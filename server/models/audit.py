"""The access audit: who read or changed which record concerning a citizen, when, from where."""
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.extensions import db
from server.models.types import UtcDateTime


class AuditEvent(db.Model):
    """One access: a pull page, a push, a record read, or an event a device logged offline."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, index=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(20))
    client_event_id: Mapped[str | None] = mapped_column(String(36))
    __table_args__ = (UniqueConstraint("device_id", "client_event_id"),)


class AuditRecord(db.Model):
    """A record an audit event touched, with the citizen it concerns (never field values)."""

    __tablename__ = "audit_records"
    event_id: Mapped[int] = mapped_column(ForeignKey("audit_events.id", ondelete="CASCADE"),
                                          primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(30))
    citizen_id: Mapped[str | None] = mapped_column(String(36))
    __table_args__ = (Index("ix_audit_records_citizen", "citizen_id", "event_id"),)
