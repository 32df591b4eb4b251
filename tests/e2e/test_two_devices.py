"""Two devices of team Nord (two browser contexts: anne's tablet and lis's tablet) edit the
same company while both are offline, then sync one after the other.

Different fields merge on the server and both devices end with both edits. The same field
becomes a conflict on the device that pushed second, which resolves it there under
"Konflikter" (checked with axe-core at 1024×768); both devices and the server end with the
same value.
"""
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import (
    edit_company,
    expect_company,
    expect_pending,
    expect_synced,
    go_to,
    sync_now,
    sync_status,
    unique,
)
from tests.e2e.steps import TABLET

pytestmark = pytest.mark.slow


def offline(*pages: Page) -> None:
    """Cut the network of these devices and wait until each app knows it."""
    for page in pages:
        page.context.set_offline(True)
        expect(sync_status(page)).to_contain_text("Offline")


def online(page: Page) -> None:
    """Give a device its network back (its app then syncs by itself)."""
    page.context.set_offline(False)
    expect(sync_status(page)).to_contain_text("Online")


def side(page: Page, title: str):
    """One side of a conflict: the element around its title ("Din ændring", …)."""
    return page.get_by_text(title, exact=True).locator("xpath=..")


def test_edits_of_different_fields_merge_on_both_devices(new_device, api):
    server = api("anne")
    name = unique("Smedjen")
    record_id = server.create_company(name=name, city="Viborg", phone="86 60 00 00")
    first, second = new_device("anne"), new_device("lis")
    offline(first, second)
    edit_company(first, name, city="Skive")
    edit_company(second, name, phone="97 52 00 00")

    online(first)
    expect_synced(first)
    online(second)
    expect_synced(second)
    sync_now(first)

    for page in (first, second):
        expect_company(page, name, city="Skive", phone="97 52 00 00")
    record = server.record("company", record_id)
    assert record["data"] == {"name": name, "city": "Skive", "phone": "97 52 00 00"}
    assert record["rev"] == 3


def test_same_field_conflict_is_resolved_on_the_second_device(new_device, api):
    server = api("anne")
    name = unique("Gartneriet")
    record_id = server.create_company(name=name, city="Odder", industry="Gartneri")
    first, second = new_device("anne"), new_device("lis")
    offline(first, second)
    edit_company(first, name, industry="Planteskole")
    edit_company(second, name, industry="Blomsterhandel")

    online(first)
    expect_synced(first)
    online(second)
    expect(sync_status(second)).to_contain_text("1 konflikt")
    assert server.record("company", record_id)["data"]["industry"] == "Planteskole"

    second.set_viewport_size(TABLET)
    go_to(second, "Konflikter")
    expect(side(second, "Fælles udgangspunkt")).to_contain_text("Gartneri")
    expect(side(second, "Den anden ændring")).to_contain_text("Planteskole")
    expect(side(second, "Din ændring")).to_contain_text("Blomsterhandel")
    check_accessibility(second, "Konflikter (an open conflict)")
    screenshot(second, "konflikter-1024x768")
    second.get_by_role("button", name="Behold min").click()
    expect(sync_status(second)).not_to_contain_text("konflikt")
    expect_pending(second, 1)  # the resolution waits in the outbox like any change
    sync_now(second)
    expect(sync_status(second)).not_to_contain_text("venter")
    assert server.record("company", record_id)["data"]["industry"] == "Blomsterhandel"

    sync_now(first)
    for page in (first, second):
        expect_company(page, name, city="Odder", industry="Blomsterhandel")
        expect(sync_status(page)).not_to_contain_text("konflikt")
    record = server.record("company", record_id)
    assert record["data"] == {"name": name, "city": "Odder", "industry": "Blomsterhandel"}
