"""A resync that survives a closed app, after a restore of the server from an older backup.

The server is "restored" under a running device (its restore generation moves on; a
company the device holds did not exist in the backup, another has rev 1 again with other
data). The device's next pull answers `410`; the app pulls from the beginning. The network
is cut after the first of two pages and the app is closed. Reopened offline it still shows
its data and takes an edit; online again it continues the resync from its stored page,
removes the company the server no longer has, takes the backup's data for the other
(whatever the revs) and pushes the edit exactly once.
"""
import contextlib
import json
import sqlite3
import uuid

import pytest
from playwright.sync_api import Route, expect

from tests.e2e.conftest import (
    company_link,
    edit_company,
    expect_company,
    expect_pending,
    expect_synced,
    go_to,
    press_sync,
    sync_status,
    unique,
    unlock,
    wait_for_service_worker,
)

pytestmark = pytest.mark.slow

PAGE = 1000  # the app's pull page size (sync/pull.js)


def restore_from_backup(database, gone: str, changed: str, data: dict) -> None:
    """What a restore from an older backup looks like to devices: a new restore generation,
    a record the backup lacks, and rev 1 of another record with other data."""
    with contextlib.closing(sqlite3.connect(database, timeout=30)) as connection, connection:
        connection.execute("UPDATE server_meta SET value = '2' WHERE key = 'restore_generation'")
        for table, column in (("record_references", "source_id"), ("revisions", "record_id"),
                              ("records", "id")):
            connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (gone,))
        connection.execute("DELETE FROM revisions WHERE record_id = ? AND rev > 1", (changed,))
        for table, column in (("records", "id"), ("revisions", "record_id")):
            connection.execute(f"UPDATE {table} SET data = ? WHERE {column} = ?",
                               (json.dumps(data), changed))
        connection.execute("UPDATE records SET rev = 1 WHERE id = ?", (changed,))


def test_a_resync_cut_off_and_closed_still_ends_by_removing_what_the_server_lacks(
        new_device, api, server):
    office = api("anne")
    filler = [{"mutation_id": str(uuid.uuid4()), "type": "company", "id": str(uuid.uuid4()),
               "op": "upsert", "base_rev": 0, "data": {"name": unique("Øfyld")}}
              for _ in range(PAGE + 50)]
    for start in range(0, len(filler), 500):
        office.push(*filler[start:start + 500])
    gone_name, changed_name, edited_name = (unique("Forsvundet"), unique("Gendannet"),
                                            unique("Redigeret"))
    gone = office.create_company(name=gone_name, city="Tarm")
    changed = office.create_company(name=changed_name, city="Lemvig")
    office.push({"mutation_id": str(uuid.uuid4()), "type": "company", "id": changed,
                 "op": "upsert", "base_rev": 1, "data": {"name": changed_name, "city": "Thyborøn"}})
    edited = office.create_company(name=edited_name, city="Bjerringbro")

    page = new_device("anne")
    wait_for_service_worker(page, "anne")
    expect_company(page, changed_name, city="Thyborøn")
    restore_from_backup(server.database, gone, changed,
                        {"name": changed_name, "city": "Ringkøbing"})

    state = {"full": 0, "cut": 0}

    def cut_after_the_first_full_page(route: Route) -> None:
        # Every pull after the first full page is cut, including the app's own quick
        # retries (full jitter may retry within milliseconds), until the device is closed.
        if "since=" not in route.request.url and not state["cut"]:
            state["full"] += 1
        elif state["full"]:
            state["cut"] += 1
            route.abort("internetdisconnected")
            return
        route.continue_()

    page.context.route("**/api/v1/sync/pull**", cut_after_the_first_full_page)
    press_sync(page)
    for _ in range(300):  # the route handler runs while the page waits
        if state["cut"]:
            break
        page.wait_for_timeout(100)
    assert state["full"] == 1 and state["cut"] >= 1, state
    expect(page.get_by_role("button", name="Synkronisér nu")).to_be_enabled()
    context = page.context
    context.set_offline(True)
    page.close()
    context.unroute("**/api/v1/sync/pull**")

    page = context.new_page()
    page.goto("/")
    unlock(page, "anne")
    expect(sync_status(page)).to_contain_text("Offline")
    go_to(page, "Virksomheder")
    page.get_by_label("Søg").fill(gone_name)
    expect(company_link(page, gone_name)).to_be_visible()  # the resync has not ended yet
    page.get_by_label("Søg").fill("")
    edit_company(page, edited_name, phone="86 68 00 00")
    expect_pending(page, 1)

    context.set_offline(False)
    expect_synced(page)
    go_to(page, "Virksomheder")
    page.get_by_label("Søg").fill(gone_name)
    expect(company_link(page, gone_name)).to_have_count(0)
    page.get_by_label("Søg").fill("")
    expect_company(page, changed_name, city="Ringkøbing")
    expect_company(page, edited_name, city="Bjerringbro", phone="86 68 00 00")
    record = office.record("company", edited)
    assert record["rev"] == 2, "the offline edit was applied exactly once"
    assert record["data"]["phone"] == "86 68 00 00"
    leftovers = page.evaluate("""() => new Promise((resolve) => {
      const open = indexedDB.open("feltmappe");
      open.onsuccess = () => {
        const keys = open.result.transaction("meta").objectStore("meta").getAllKeys();
        keys.onsuccess = () => { open.result.close(); resolve(keys.result); };
      };
    })""")
    assert not [key for key in leftovers if str(key).startswith("resync")], leftovers
