"""A session the server let expire (SESSION_MAX_IDLE without sync) asks for the password
again and keeps the outbox: the change made offline reaches the server after "Log ind igen"."""
import contextlib
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import check_accessibility
from tests.e2e.conftest import (
    Api,
    create_company,
    expect_pending,
    expect_synced,
    password,
    press_sync,
    unique,
)

pytestmark = pytest.mark.slow


def age_devices(database, username: str) -> int:
    """Make every device of `username` look unused since 2000 (as after a long holiday)."""
    with contextlib.closing(sqlite3.connect(database)) as connection, connection:
        [seen] = connection.execute("SELECT last_seen_at FROM devices LIMIT 1").fetchone()
        old = re.sub(r"^\d{4}", "2000", str(seen))
        query = ("UPDATE devices SET last_seen_at = ? "
                 "WHERE user_id = (SELECT id FROM users WHERE username = ?)")
        return connection.execute(query, (old, username)).rowcount


def test_an_expired_session_asks_for_the_password_and_keeps_the_outbox(new_device, server):
    page = new_device("anne")
    name = unique("Efter Ferien ApS")
    page.context.set_offline(True)
    create_company(page, name=name, city="Skagen")
    expect_pending(page, 1)

    assert age_devices(server.database, "anne") >= 1
    page.context.set_offline(False)
    press_sync(page)
    relogin = page.get_by_role("region", name="Log ind igen for at synkronisere")
    expect(relogin).to_be_visible()
    expect_pending(page, 1)
    check_accessibility(page, "log ind igen")

    relogin.get_by_label("Adgangskode").fill(password("anne"))
    relogin.get_by_role("button", name="Log ind igen").click()
    expect_synced(page)
    expect(relogin).to_be_hidden()
    assert Api(server, "lis").company_named(name)["data"]["city"] == "Skagen"
