"""Offline in a real browser: a cold start with no network, edits kept across closing the
page, syncing by itself when the network returns, and a change the server rejects.

Each test logs in a fresh device (browser context) as anne and makes its own companies.
"""
import contextlib
import re
import sqlite3
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import check_accessibility
from tests.e2e.a11y import screenshot as viewport_screenshot
from tests.e2e.conftest import (
    company_link,
    create_company,
    edit_company,
    expect_company,
    expect_pending,
    expect_synced,
    go_to,
    open_company,
    press_sync,
    screenshot,
    sync_now,
    sync_status,
    unique,
    unlock,
    wait_for_service_worker,
)
from tests.e2e.steps import TABLET

pytestmark = pytest.mark.slow

VALID_CVR = "29403171"  # weights 2,7,6,5,4,3,2,1: weighted sum 121, divisible by 11


def test_cold_start_offline_unlocks_and_shows_the_data(new_device, api):
    """Log in, let the service worker install and control the page, go offline, reload:
    the app starts from the precache, unlocks with the password and shows the companies."""
    from_office = unique("Havnens Bageri")
    api("anne").create_company(name=from_office, city="Esbjerg", phone="75 12 00 00")
    page = new_device("anne")
    made_here = unique("Fjordens Tømrer")
    create_company(page, name=made_here, city="Ribe")
    sync_now(page)
    wait_for_service_worker(page, "anne")

    page.context.set_offline(True)
    page.reload()
    unlock(page, "anne")

    expect(sync_status(page)).to_contain_text("Offline")
    assert page.evaluate("navigator.serviceWorker.controller !== null"), \
        "the offline start was not served by the service worker"
    go_to(page, "Virksomheder")
    expect(company_link(page, from_office)).to_be_visible()
    expect(company_link(page, made_here)).to_be_visible()
    expect_company(page, from_office, city="Esbjerg", phone="75 12 00 00")
    expect_company(page, made_here, city="Ribe")
    screenshot(page, "offline-cold-start")


def test_offline_edits_survive_closing_the_page(new_device, api):
    """Offline: create a company and edit another, close the page, open a new one (still
    offline), unlock: both changes are shown and both wait in the outbox."""
    server = api("anne")
    existing = unique("Lagerhuset")
    existing_id = server.create_company(name=existing, city="Vejle")
    page = new_device("anne")
    wait_for_service_worker(page, "anne")
    context = page.context

    context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")
    created = unique("Cykelsmeden")
    create_company(page, name=created, cvr=VALID_CVR, postcode="6000", city="Kolding")
    edit_company(page, existing, phone="75 50 60 70")
    expect_pending(page, 2)
    page.close()

    page = context.new_page()
    page.goto("/")
    unlock(page, "anne")
    expect(sync_status(page)).to_contain_text("Offline")
    expect_pending(page, 2)
    expect_company(page, created, cvr=VALID_CVR, postcode="6000", city="Kolding")
    expect_company(page, existing, city="Vejle", phone="75 50 60 70")
    screenshot(page, "offline-outbox-after-reopen")
    assert "phone" not in server.record("company", existing_id)["data"]
    assert not [c for c in server.records("company") if c["data"].get("name") == created]


def test_back_online_it_syncs_by_itself(new_device, api):
    """Changes made offline are pushed when the network returns, with no button pressed,
    until the status says "Alt er synkroniseret"; the server then holds them."""
    server = api("anne")
    existing = unique("Maskinfabrikken")
    existing_id = server.create_company(name=existing, city="Holstebro")
    page = new_device("anne")

    page.context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")
    created = unique("Bogtrykkeriet")
    create_company(page, name=created, postcode="7500", city="Holstebro")
    edit_company(page, existing, industry="Metalindustri")
    expect_pending(page, 2)

    page.context.set_offline(False)
    expect(sync_status(page)).to_contain_text("Online")
    expect_synced(page)
    expect(sync_status(page)).not_to_contain_text("venter")

    record = server.record("company", existing_id)
    assert record["data"] == {"name": existing, "city": "Holstebro", "industry": "Metalindustri"}
    assert record["rev"] == 2
    assert server.company_named(created)["data"] == {
        "name": created, "postcode": "7500", "city": "Holstebro"}


def test_rejected_change_stays_visible_with_the_servers_message(new_device, api, server):
    """A change the server rejects stays, with the server's message, through a reload,
    until the user discards it ("Kassér"); then the server's data shows again. The
    "Afviste ændringer" screen passes axe-core at 1024×768.

    The case: the app checks every field's format like the server, but it cannot know who
    is in the team right now. Offline, the consultant makes her colleague lis responsible
    for a company; meanwhile lis has moved to another team, so the server rejects the
    change (`validation`: no such user in this team).
    """
    office = api("anne")
    name = unique("Tagdækkeren")
    record_id = office.create_company(name=name, city="Struer", phone="97 85 00 00")
    users = office.session.get(f"{office.url}/users", timeout=30).json()["users"]
    lis_id = next(u["id"] for u in users if u["username"] == "lis")

    page = new_device("anne")
    wait_for_service_worker(page, "anne")
    page.context.set_offline(True)
    with user_moved(server.database, "lis", to_team_of="bo"):
        # The server's own words for this data: the same push, as a rejected change, stores nothing.
        [probe] = office.push({"mutation_id": str(uuid.uuid4()), "type": "company", "id": record_id,
                               "op": "upsert", "base_rev": 1,
                               "data": {"name": name, "city": "Struer", "phone": "97 85 00 00",
                                        "responsible_user_id": lis_id}})
        assert probe["status"] == "rejected", probe
        message = probe["error"]["errors"]["data.responsible_user_id"][0]
        open_company(page, name)
        page.get_by_label("Ansvarlig konsulent").select_option(label="lis")
        page.get_by_role("button", name="Gem").click()
        expect(page.get_by_text("Gemt", exact=True)).to_be_visible()
        page.context.set_offline(False)
        press_sync(page)
        expect(sync_status(page)).to_contain_text("1 afvist ændring")
    expect(sync_status(page)).not_to_contain_text("Alt er synkroniseret")

    def expect_rejection_shown():
        go_to(page, "Afviste ændringer")
        expect(page.get_by_text(re.compile(re.escape(message))).first).to_be_visible()
        expect(page.get_by_role("button", name="Ret")).to_be_visible()
        expect(page.get_by_role("button", name="Kassér")).to_be_visible()

    page.set_viewport_size(TABLET)
    expect_rejection_shown()
    screenshot(page, "rejected-change")
    check_accessibility(page, "Afviste ændringer (a rejected change)")
    viewport_screenshot(page, "afviste-aendringer-1024x768")
    page.reload()
    unlock(page, "anne")
    expect(sync_status(page)).to_contain_text("1 afvist ændring")
    expect_rejection_shown()
    assert "responsible_user_id" not in office.record("company", record_id)["data"]

    page.get_by_role("button", name="Kassér").click()
    expect(page.get_by_role("button", name="Kassér")).to_have_count(0)
    expect(sync_status(page)).not_to_contain_text("afvist")
    expect_synced(page)
    expect_company(page, name, phone="97 85 00 00")
    assert office.record("company", record_id)["rev"] == 1


@contextlib.contextmanager
def user_moved(database, username: str, to_team_of: str):
    """While inside, `username` belongs to the team of `to_team_of` (as an administrator
    would move a colleague); afterwards back in their own team."""
    def team_of(connection, name: str) -> str:
        query = "SELECT team_id FROM users WHERE username = ?"
        return connection.execute(query, (name,)).fetchone()[0]

    def move(team: str) -> None:
        with contextlib.closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("UPDATE users SET team_id = ? WHERE username = ?", (team, username))

    with contextlib.closing(sqlite3.connect(database)) as connection:
        home, elsewhere = team_of(connection, username), team_of(connection, to_team_of)
    move(elsewhere)
    try:
        yield
    finally:
        move(home)


def test_a_compressed_pull_is_read_and_a_large_push_goes_gzipped(new_device, api):
    """A pull page over 1 KB arrives brotli- or gzip-compressed and the app stores what it
    holds; an edit whose push body is over 1 KB goes gzipped and the server keeps it."""
    server = api("anne")
    page = new_device("anne")
    names = [unique("Komprimeret") for _ in range(12)]
    for name in names:
        server.create_company(name=name, city="Struer")
    with page.expect_response(lambda r: "/api/v1/sync/pull" in r.url
                              and r.headers.get("content-encoding") in ("br", "gzip")):
        sync_now(page)
    go_to(page, "Virksomheder")
    expect(company_link(page, names[-1])).to_be_visible()

    knowledge = "Virksomheden har faste rammer og en mentor i hvert skift. " * 30
    with page.expect_request(lambda r: "/api/v1/sync/push" in r.url
                             and r.headers.get("content-encoding") == "gzip"):
        edit_company(page, names[0], knowledge=knowledge)
        sync_now(page)
    assert server.company_named(names[0])["data"]["knowledge"] == knowledge
