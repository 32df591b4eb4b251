"""What the app tells a user whose data is at risk on the device (issue 11, point 14).

Under Indstillinger: whether the browser protects the app's storage, and, in a browser tab,
how to install the app and why. On the status bar: a warning once changes have waited 3
days unsent (the device's clock is moved on by Playwright's fake clock).
"""
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import edit_company, expect_pending, go_to, sync_status, unique

pytestmark = pytest.mark.slow

DAY_MS = 86_400_000


def test_settings_tell_storage_protection_and_how_to_install(new_device):
    page = new_device("anne")
    go_to(page, "Indstillinger")
    expect(page.get_by_text("Lagring:")).to_contain_text("beskyttet")
    hint = page.get_by_role("region", name="Installér Feltmappe på enheden")
    expect(hint).to_contain_text("Installér Feltmappe")
    go_to(page, "I dag")
    expect(page.get_by_role("region", name="Installér Feltmappe på enheden")).to_have_count(0)


def test_changes_unsent_for_three_days_are_warned_about(new_device, api):
    office = api("anne")
    name = unique("Ventetid")
    office.create_company(name=name, city="Skjern")
    page = new_device("anne")
    page.context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")
    edit_company(page, name, phone="97 35 00 00")
    expect_pending(page, 1)
    expect(sync_status(page)).not_to_contain_text("ikke været sendt")
    now = page.evaluate("Date.now()")
    page.clock.install(time=(now + 4 * DAY_MS) / 1000)  # seconds
    edit_company(page, name, phone="97 35 00 01")
    expect(sync_status(page)).to_contain_text("Ændringer har ikke været sendt i 4 dage")
