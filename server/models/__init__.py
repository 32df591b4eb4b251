"""The tables: accounts and devices, records with every revision, the sync bookkeeping."""
from server.models.accounts import Device, LoginFailure, Team, User
from server.models.records import FeedCounter, Mutation, Record, Revision, ServerMeta

__all__ = [
    "Device", "FeedCounter", "LoginFailure", "Mutation", "Record", "Revision",
    "ServerMeta", "Team", "User",
]
