"""The tables: accounts and devices, records with every revision, sync bookkeeping, audit."""
from server.models.accounts import Device, LoginFailure, Team, User
from server.models.audit import AuditEvent, AuditRecord
from server.models.records import (
    FeedCounter,
    FeedPurge,
    Mutation,
    Record,
    RecordReference,
    Revision,
    ServerMeta,
)

__all__ = [
    "AuditEvent", "AuditRecord",
    "Device", "FeedCounter", "FeedPurge", "LoginFailure", "Mutation", "Record",
    "RecordReference", "Revision", "ServerMeta", "Team", "User",
]
