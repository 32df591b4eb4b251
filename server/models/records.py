"""Records, their revisions, the change-feed counters and the idempotency log."""
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.extensions import db
from server.models.types import Json, UtcDateTime

# Reports scan these indexes only (every column a report reads is in them: no table lookups);
# they are partial, so records without report facts cost the write path nothing here.
REPORT_INDEX = ("team_id", "type", "rpt_day", "deleted", "rpt_user_id", "created_by", "rpt_week",
                "rpt_kind", "rpt_company_key")
REPORT_END_INDEX = ("team_id", "type", "rpt_end_day", "deleted", "created_by", "rpt_kind",
                    "rpt_group", "rpt_filled")


class Record(db.Model):
    """The newest state of one synced record (tombstones included)."""

    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(30))
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"))
    rev: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[Any] = mapped_column(Json, nullable=False)
    citizen_id: Mapped[str | None] = mapped_column(String(36), index=True)
    feed_seq: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(36))
    # Report facts (server/services/report_facts.py), kept by every write of the record.
    rpt_day = mapped_column(Date)
    rpt_week: Mapped[str | None] = mapped_column(String(8))
    rpt_end_day = mapped_column(Date)
    rpt_kind: Mapped[str | None] = mapped_column(String(200))
    rpt_group: Mapped[str | None] = mapped_column(String(200))
    rpt_company_id: Mapped[str | None] = mapped_column(String(200))
    rpt_company_key: Mapped[int | None] = mapped_column(BigInteger)
    rpt_user_id: Mapped[str | None] = mapped_column(String(36))
    rpt_positions: Mapped[int | None] = mapped_column(BigInteger)
    rpt_filled: Mapped[int | None] = mapped_column(BigInteger)
    __table_args__ = (Index("ix_records_feed", "team_id", "feed_seq", "id"),
                      Index("ix_records_report", *REPORT_INDEX,
                            postgresql_where=text("rpt_day IS NOT NULL"),
                            sqlite_where=text("rpt_day IS NOT NULL")),
                      Index("ix_records_report_end", *REPORT_END_INDEX,
                            postgresql_where=text("rpt_end_day IS NOT NULL"),
                            sqlite_where=text("rpt_end_day IS NOT NULL")))


class Revision(db.Model):
    """Every accepted state of a record, kept for merges and history. The newest revision's
    data is NULL, meaning "the record's current data" (a body is stored once); it is filled in
    from the record when the record moves on. Read it through `revision_data`."""

    __tablename__ = "revisions"
    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    rev: Mapped[int] = mapped_column(Integer, primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[Any] = mapped_column(Json, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))


def revision_data():
    """A revision's data: its own, or (NULL: the newest revision) its record's; select it
    `join_from(Revision, Record)`."""
    return func.coalesce(Revision.data, Record.data)


class Mutation(db.Model):
    """One received mutation per device: its fingerprint and first result (idempotency)."""

    __tablename__ = "mutations"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    mutation_id: Mapped[str] = mapped_column(String(36))
    fingerprint: Mapped[str] = mapped_column(String(64))
    result: Mapped[Any] = mapped_column(Json, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    __table_args__ = (UniqueConstraint("device_id", "mutation_id"),)


class TeamFeedCounter(db.Model):
    """One team's feed counter: its row lock orders the commits of that team's records
    (server/services/feed.py)."""

    __tablename__ = "team_feed_counters"
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class FeedPurge(db.Model):
    """One team's purge of old tombstones: its number (in commit order) and the highest feed
    position (seq, id) it removed, so checkpoints of that team taken before it go back."""

    __tablename__ = "feed_purges"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, index=True)
    team_id: Mapped[str] = mapped_column(String(36), index=True)
    max_seq: Mapped[int] = mapped_column(BigInteger)
    max_id: Mapped[str] = mapped_column(String(36))
    purged_at = mapped_column(UtcDateTime, nullable=False)


class ServerMeta(db.Model):
    """Key-value facts about this database: its identity and restore generation."""

    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class RecordReference(db.Model):
    """Which record references which: kept on every write so deletes can find referrers."""

    __tablename__ = "record_references"
    source_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    target_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
