"""An installed app keeps working when a new build changes the clear keys of its rows.

Rows stored by an older build lack `refs` (the ids a record names) and carry an older
index version `ix`; the new build finds a company's placements through `refs`. After the
next unlock the app recomputes the clear keys of every such row (store/queries.js
reindexRows), so the company briefing lists the placement again, offline. The clear meta row
"index-version" marks the rows as indexed: an older build never wrote it, and while it holds
the current version an unlock reads no row.
"""
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    company_link,
    expect_synced,
    unique,
    unlock,
    wait_for_service_worker,
)

pytestmark = pytest.mark.slow

VALID_CVR = "29403171"

# The rows as an older build stored them: no `refs`, no index version, no industry key;
# with `forget` true also without the marker of the index version (an older build wrote none).
AGE_ROWS = """(forget) => new Promise((resolve, reject) => {
  const open = indexedDB.open("feltmappe");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(["records", "meta"], "readwrite");
    if (forget) tx.objectStore("meta").delete("index-version");
    const store = tx.objectStore("records");
    let aged = 0;
    store.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      const { refs, ix, ...row } = cursor.value;
      if (row.sort) delete row.sort.industry;
      cursor.update(row);
      aged += 1;
      cursor.continue();
    };
    tx.oncomplete = () => { db.close(); resolve(aged); };
    tx.onerror = () => reject(tx.error);
  };
})"""

# How many rows still lack the current clear keys.
STALE_ROWS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("feltmappe");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const all = db.transaction("records").objectStore("records").getAll();
    all.onsuccess = () => {
      db.close();
      resolve(all.result.filter((row) => !Array.isArray(row.refs) || row.ix !== 3).length);
    };
    all.onerror = () => reject(all.error);
  };
})"""


def test_rows_of_an_older_build_are_reindexed_after_unlock(new_device, api):
    office = api("anne")
    company_name, citizen_name = unique("Gamle Rækker ApS"), unique("Bente Olsen")
    industry = unique("Møbelsnedkeri")
    company = office.create("company", name=company_name, cvr=VALID_CVR, industry=industry)
    citizen = office.create("citizen", name=citizen_name)
    office.create("placement", citizen_id=citizen, company_id=company, kind="internship",
        start_date="2026-11-01", status="active")
    page = new_device("anne")
    wait_for_service_worker(page, "anne")
    page.context.set_offline(True)

    assert page.evaluate(AGE_ROWS, True) >= 3
    assert page.evaluate(STALE_ROWS) >= 3
    page.reload()
    unlock(page, "anne")

    page.goto(f"/#/virksomheder/{company}")
    placements = page.get_by_role("region", name="Aktive forløb")
    expect(placements.get_by_role("link", name=citizen_name)).to_be_visible()
    page.goto("/#/virksomheder")
    page.get_by_label("Søg").fill(industry)
    expect(company_link(page, company_name)).to_be_visible()
    assert page.evaluate(STALE_ROWS) == 0


def test_an_unlock_reads_no_row_once_the_rows_are_marked_indexed(new_device, api):
    office = api("anne")
    office.create("company", name=unique("Mærket ApS"), cvr=VALID_CVR)
    page = new_device("anne")

    aged = page.evaluate(AGE_ROWS, False)
    page.reload()
    unlock(page, "anne")
    expect_synced(page)  # the sync starts after the reindex (main.jsx)
    assert aged >= 1
    assert page.evaluate(STALE_ROWS) == aged
