"""The values the sync engine works with: frozen, plain, free of any framework."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

UPSERT, DELETE = "upsert", "delete"
APPLIED, MERGED, CONFLICT, REJECTED = "applied", "merged", "conflict", "rejected"
CONFLICT_TYPE = "conflict"
UNREFERENCING_TYPES = ("task", CONFLICT_TYPE)  # their references never keep a record alive


@dataclass(frozen=True)
class Actor:
    """Who acts: the user, the device, the user's team and role."""

    user_id: str
    device_id: str
    team_id: str
    role: str

    @property
    def is_admin(self) -> bool:
        """Whether the actor is an administrator."""
        return self.role == "admin"


@dataclass(frozen=True)
class Change:
    """One change of a push (docs/protocol.md section 3)."""

    mutation_id: str
    type: str
    id: str
    op: str
    base_rev: int
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredRecord:
    """A record's newest state as the engine sees it."""

    id: str
    type: str
    team_id: str
    rev: int
    deleted: bool
    data: dict[str, Any]


@dataclass(frozen=True)
class Rejection:
    """Why a change or request was refused: a problem slug, status and the wrong fields."""

    slug: str
    status: int
    title: str
    detail: str | None = None
    errors: dict[str, list[str]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_problem(self) -> dict[str, Any]:
        """The RFC 9457 problem document."""
        doc: dict[str, Any] = {"type": f"/problems/{self.slug}", "title": self.title,
                               "status": self.status}
        if self.detail:
            doc["detail"] = self.detail
        if self.errors:
            doc["errors"] = self.errors
        doc.update(self.extra)
        return doc


class Refused(Exception):
    """Raised to refuse a whole request (resolve, pull) with a Rejection."""

    def __init__(self, rejection: Rejection):
        super().__init__(rejection.title)
        self.rejection = rejection


@dataclass(frozen=True)
class PushResult:
    """The outcome of one change; `record` is filled in from revision `rev` when answering."""

    mutation_id: str
    id: str
    status: str
    rev: int | None = None
    conflict_id: str | None = None
    fields: tuple[str, ...] | None = None
    error: Rejection | None = None

    def to_stored(self) -> dict[str, Any]:
        """The form kept with the mutation id, replayed on a retry."""
        stored: dict[str, Any] = {"status": self.status, "id": self.id, "rev": self.rev}
        if self.conflict_id:
            stored.update(conflict_id=self.conflict_id, fields=list(self.fields or ()))
        return stored

    @classmethod
    def from_stored(cls, mutation_id: str, stored: dict[str, Any]) -> PushResult:
        """Rebuild a result kept with its mutation id."""
        fields = tuple(stored["fields"]) if stored.get("fields") is not None else None
        return cls(mutation_id, stored["id"], stored["status"], stored.get("rev"),
                   stored.get("conflict_id"), fields)


@dataclass(frozen=True)
class Page:
    """One page of the change feed."""

    records: list[dict[str, Any]]
    checkpoint: str
    has_more: bool
