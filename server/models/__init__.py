"""The tables: accounts and devices, records with every revision, sync bookkeeping, audit."""
from server.models.accounts import Device, LoginFailure, Team, User
from server.models.admin import AdminLogEntry, TemplateRetirement, TemplateVersion
from server.models.audit import AuditEvent, AuditRecord
from server.models.lists import JobCentreList
from server.models.records import (
    FeedPurge,
    Mutation,
    Record,
    RecordReference,
    Revision,
    ServerMeta,
    TeamFeedCounter,
)

__all__ = [
    "AdminLogEntry", "TemplateRetirement", "TemplateVersion",
    "AuditEvent", "AuditRecord",
    "Device", "FeedPurge", "JobCentreList", "LoginFailure", "Mutation", "Record",
    "RecordReference", "Revision", "ServerMeta", "Team", "TeamFeedCounter", "User",
]
