"""A first sync of several pages (sync/pull.js), and what an open screen learns of pulled rows.

Every record of the pulled pages is in the device's store afterwards, and "I dag", which
re-reads only once a pull from the beginning has ended (ui/useQuery.js useSettledQuery),
shows the meeting of today that came with the last page. The pages after the first come
slowly (PAGE_DELAY_S apart: longer than the quiet second after which "I dag" re-reads
outside a first pull), so "I dag" is shown before the meeting is stored.

The company list, a live query of the records table alone (no meta row), shows a company
that a later pull brings without being opened again.
"""
import re
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Route, expect

from tests.e2e.conftest import WAIT_MS, company_link, go_to, log_in, sync_now, unique

pytestmark = pytest.mark.slow

PAGE = 1000  # the app's pull page size (sync/pull.js)
PAGE_DELAY_S = 1.5

STORED_IDS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("feltmappe");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const keys = open.result.transaction("records").objectStore("records").getAllKeys();
    keys.onsuccess = () => { open.result.close(); resolve(keys.result); };
  };
})"""


def slow_pages(route: Route) -> None:
    """Answer a pull after the first page PAGE_DELAY_S late."""
    if "since=" in route.request.url:
        time.sleep(PAGE_DELAY_S)
    route.continue_()


def test_a_first_sync_of_several_pages_stores_every_record_and_then_shows_the_day(
        browser, server, api):
    office = api("anne")
    filler = [{"mutation_id": str(uuid.uuid4()), "type": "company", "id": str(uuid.uuid4()),
               "op": "upsert", "base_rev": 0, "data": {"name": unique("Sidefyld")}}
              for _ in range(2 * PAGE + 100)]
    for start in range(0, len(filler), 500):
        office.push(*filler[start:start + 500])
    name = unique("Sidste Side ApS")
    company = office.create("company", name=name, city="Skive")
    soon = datetime.now(UTC) + timedelta(minutes=20)
    meeting = office.create("meeting", company_id=company, kind="follow_up",
                            scheduled_at=soon.strftime("%Y-%m-%dT%H:%M:%SZ"))

    context = browser.new_context(base_url=server.url, locale="da-DK",
                                  timezone_id="Europe/Copenhagen")
    context.set_default_timeout(WAIT_MS)
    context.route("**/api/v1/sync/pull**", slow_pages)
    page = context.new_page()
    page.goto("/")
    log_in(page, "anne")

    stored = set(page.evaluate(STORED_IDS))
    assert {change["id"] for change in filler} <= stored
    assert {company, meeting} <= stored
    expect(page.get_by_role("heading", level=1)).to_contain_text("I dag")
    meetings = page.get_by_role("list", name=re.compile(r"^Møder "))
    expect(meetings.get_by_role("link", name=re.compile(re.escape(name)))).to_be_visible()
    context.close()


def test_an_open_company_list_shows_a_company_that_a_later_pull_brings(new_device, api):
    page = new_device("anne")
    go_to(page, "Virksomheder")
    name = unique("Trukket Senere ApS")
    page.get_by_role("searchbox", name="Søg").fill(name)  # the list shows the first 200
    expect(company_link(page, name)).to_have_count(0)
    api("anne").create("company", name=name, city="Skive")
    sync_now(page)
    expect(company_link(page, name)).to_be_visible()
