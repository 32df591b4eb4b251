"""The tables: accounts and devices, records with every revision, the sync bookkeeping."""
from server.models.accounts import Device, LoginFailure, Team, User
from server.models.records import (FeedCounter, Mutation, Record, RecordReference, Revision,
                                   ServerMeta)

__all__ = [
    "Device", "FeedCounter", "LoginFailure", "Mutation", "Record", "RecordReference", "Revision",
    "ServerMeta", "Team", "User",
]
