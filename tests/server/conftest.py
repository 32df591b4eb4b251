"""Devices of the demo team members, shared by the sync API tests."""
import pytest

from tests.server.sync_helpers import Device


@pytest.fixture
def anne(client, users):
    """anne's device (consultant, team Nord)."""
    return Device(client, "anne")


@pytest.fixture
def lis(client, users):
    """lis's device (lead, team Nord)."""
    return Device(client, "lis")


@pytest.fixture
def bo(client, users):
    """bo's device (consultant, team Syd)."""
    return Device(client, "bo")
