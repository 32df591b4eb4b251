"""Device security in a real browser (issue 7): nothing personal readable in the browser's
storage while locked, PIN unlock offline, wrong PINs and passwords, remote wipe, the devices
page, the idle lock, and data minimisation.

Each test uses its own records with recognisable citizen names and valid CPR numbers, and
scans the raw storage of the browser profile (every IndexedDB store, Cache Storage,
localStorage, sessionStorage) for them.
"""
import datetime
import json
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import check_accessibility
from tests.e2e.a11y import screenshot as viewport_screenshot
from tests.e2e.conftest import (
    PIN,
    USERS,
    choose_pin,
    company_link,
    expect_synced,
    fill_company,
    go_to,
    open_company,
    password,
    screenshot,
    sync_status,
    unique,
    unlock,
)
from tests.e2e.steps import TABLET
from tests.live_server import LiveServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory, served_client):
    """The module's server as in conftest, plus lene, a lead in team Nord who may read the
    access log."""
    database = tmp_path_factory.mktemp("e2e") / "e2e.sqlite3"
    live = LiveServer(f"sqlite:///{database}", {**USERS, "lene": ("Nord", "lead")}, workers=2,
                      GUNICORN_CMD_ARGS=f"--chdir {served_client}")
    yield live
    live.stop()

# Every readable value the browser holds for this origin, as text: IndexedDB rows (bytes
# decoded as UTF-8 and Latin-1, so a plaintext inside a byte array is found too), every
# Cache Storage response body, localStorage and sessionStorage. Also the record ids by store.
RAW_STORAGE = """async () => {
  const texts = [];
  const ids = {};
  const bytes = (view) => {
    const u8 = new Uint8Array(view.buffer ?? view, view.byteOffset ?? 0, view.byteLength);
    texts.push(new TextDecoder("utf-8").decode(u8),
      Array.from(u8, (b) => String.fromCharCode(b)).join(""));
  };
  const walk = (value) => {
    if (value === null || value === undefined) return;
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return bytes(value);
    if (typeof value === "object") return Object.values(value).forEach(walk);
    texts.push(String(value));
  };
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise((ok, fail) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      ids[`${name}/${store}`] = rows.map((row) => row.id ?? row.key ?? row.pos ?? null);
      rows.forEach(walk);
    }
    db.close();
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      texts.push(request.url, await (await cache.match(request)).text());
    }
  }
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i += 1) {
      texts.push(storage.key(i), storage.getItem(storage.key(i)));
    }
  }
  return { text: texts.join("\\n"), ids };
}"""


# When the app last finished a sync round: the clear meta row "last-sync" (epoch ms).
LAST_SYNC = """() => new Promise((ok) => {
  const open = indexedDB.open("feltmappe");
  open.onsuccess = () => {
    const request = open.result.transaction("meta").objectStore("meta").get("last-sync");
    request.onsuccess = () => {
      open.result.close();
      ok(request.result ? request.result.value : 0);
    };
  };
})"""


def last_sync(page: Page) -> int:
    """The end of the app's last sync round (epoch ms; 0 before the first)."""
    return page.evaluate(LAST_SYNC)


def full_round_after_now(page: Page) -> None:
    """Wait until a whole sync round that started after this call has finished: one round
    may already be under way, so wait for two ends (sync is single-flight, rounds never
    overlap, so the second one started after the first one ended)."""
    for _ in range(2):
        before = last_sync(page)
        page.get_by_role("button", name="Synkronisér nu").click()
        page.wait_for_function(f"({LAST_SYNC})().then((value) => value > {before})")


def raw_storage(page: Page) -> dict:
    """The browser profile's raw storage for the app's origin: {text, ids by store}."""
    return page.evaluate(RAW_STORAGE)


def new_id() -> str:
    """A record id, as the app makes them."""
    return str(uuid.uuid4())


def days_ago(days: int) -> str:
    """An ISO date `days` before today."""
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


def lock_now(page: Page) -> None:
    """Lock through "Indstillinger" → "Lås nu" and wait for the unlock screen."""
    go_to(page, "Indstillinger")
    page.get_by_role("button", name="Lås nu").click()
    expect(page.get_by_role("heading", name="Feltmappe er låst")).to_be_visible()


def enter_pin(page: Page, pin: str) -> None:
    """Type a PIN on the unlock screen and press "Lås op"."""
    page.get_by_label("PIN-kode", exact=True).fill(pin)
    page.get_by_role("button", name="Lås op").click()


def enter_password(page: Page, secret: str) -> None:
    """Type a password on the unlock screen and press "Lås op"."""
    page.get_by_label("Adgangskode", exact=True).fill(secret)
    page.get_by_role("button", name="Lås op").click()


def test_locked_storage_holds_no_names_or_cpr_and_the_pin_unlocks_offline(new_device, api):
    """Citizens with names and CPR numbers synced to the device; after locking, no name and
    no CPR number is readable anywhere in the browser's storage or on the screen; offline,
    the PIN unlocks and the encrypted data shows again."""
    office = api("anne")
    company_name = unique("Lås Test ApS")
    company = office.create_company(name=company_name, city="Varde",
                                    knowledge="Praktik for Birthe Testesen, 010190-1234")
    secrets = ["Birthe Testesen", "010190-1234", "0101901234", "Kaj Kodesen", "150275-2468"]
    first = office.create("citizen", **{"name": "Birthe Testesen", "cpr": "010190-1234",
                                       "special_considerations": "Kaj Kodesen må ikke løfte"})
    second = office.create("citizen", **{"name": "Kaj Kodesen", "cpr": "150275-2468"})
    for citizen in (first, second):
        office.create("placement", **{"citizen_id": citizen, "company_id": company,
                                     "kind": "internship", "start_date": days_ago(10)})
    page = new_device("anne")
    stored = raw_storage(page)
    assert first in json.dumps(stored["ids"]) and second in json.dumps(stored["ids"]), \
        "the citizens were not synced to the device"

    lock_now(page)
    for where, text in (("storage", raw_storage(page)["text"]), ("screen", page.content())):
        found = [secret for secret in secrets if secret in text]
        assert not found, f"readable in the {where} while locked: {found}"
    screenshot(page, "device-security-locked")
    check_accessibility(page, "unlock with the PIN")

    page.context.set_offline(True)
    enter_pin(page, "000001")
    expect(page.get_by_role("alert")).to_contain_text("Forkert PIN-kode")
    expect(page.get_by_text("1 forkert forsøg. Efter 10 slettes PIN-koden.")).to_be_visible()
    unlock(page, "anne")
    expect(sync_status(page)).to_contain_text("Offline")
    go_to(page, "Virksomheder")
    company_link(page, company_name).click()
    expect(page.get_by_role("link", name="Birthe Testesen", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Kaj Kodesen", exact=True)).to_be_visible()
    expect(page.get_by_text("Praktik for Birthe Testesen, 010190-1234")).to_be_visible()
    page.context.set_offline(False)


def test_ten_wrong_pins_delete_the_pin_then_the_password_unlocks_and_asks_for_one(new_device,
                                                                                  api):
    """Ten wrong PINs delete the PIN; the right password then unlocks, pushes the change
    made offline and asks for a new PIN, which unlocks the next time."""
    name = unique("Pinkoden ApS")
    api("anne").create_company(name=name)
    page = new_device("anne")
    page.context.set_offline(True)
    open_company(page, name)
    fill_company(page, city="Tarm")
    lock_now(page)
    for attempt in range(1, 10):
        enter_pin(page, "135791")
        tries = "1 forkert forsøg" if attempt == 1 else f"{attempt} forkerte forsøg"
        expect(page.get_by_text(f"{tries}. Efter 10 slettes PIN-koden.")).to_be_visible()
    enter_pin(page, "135791")
    expect(page.get_by_role("alert").first).to_contain_text(
        "PIN-koden er slettet efter 10 forkerte forsøg")
    expect(page.get_by_label("PIN-kode", exact=True)).to_have_count(0)
    screenshot(page, "device-security-pin-deleted")
    check_accessibility(page, "unlock with the password after the PIN was deleted")

    page.context.set_offline(False)
    enter_password(page, password("anne"))
    expect(page.get_by_role("heading", name="Vælg en PIN-kode")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Din gamle PIN-kode er slettet")
    check_accessibility(page, "choose a PIN")
    screenshot(page, "device-security-choose-pin")
    page.get_by_label("Vælg PIN-kode").fill("123456")
    page.get_by_label("Gentag PIN-kode").fill("123456")
    page.get_by_role("button", name="Gem PIN-kode").click()
    expect(page.get_by_role("alert")).to_contain_text("for let at gætte")
    choose_pin(page, "975319")
    expect_synced(page)
    assert api("anne").company_named(name)["data"]["city"] == "Tarm", "the outbox was not pushed"

    lock_now(page)
    enter_pin(page, PIN)
    expect(page.get_by_role("alert")).to_contain_text("Forkert PIN-kode")
    enter_pin(page, "975319")
    expect_synced(page)


def test_five_wrong_passwords_erase_the_device_after_a_warning_with_the_unsent_count(new_device,
                                                                                     api):
    """Four wrong passwords are counted; before the fifth the screen says how many unsent
    changes will be lost and asks for confirmation; the fifth wrong one erases everything."""
    name = unique("Adgangen ApS")
    office = api("anne")
    company = office.create_company(name=name)
    citizen = office.create("citizen", **{"name": "Birthe Testesen", "cpr": "010190-1234"})
    office.create("placement", **{"citizen_id": citizen, "company_id": company,
                                 "kind": "internship", "start_date": days_ago(3)})
    page = new_device("anne")
    page.context.set_offline(True)
    open_company(page, name)
    fill_company(page, city="Lemvig")
    lock_now(page)
    page.get_by_role("button", name="Brug adgangskode i stedet").click()
    for attempt in range(1, 5):
        enter_password(page, f"forkert-{attempt}")
        if attempt < 4:
            tries = "1 forkert forsøg" if attempt == 1 else f"{attempt} forkerte forsøg"
            expect(page.get_by_text(
                f"{tries} med adgangskoden. Efter 5 slettes alle data på enheden.")).to_be_visible()
    warning = page.get_by_text("Du har skrevet forkert adgangskode 4 gange")
    expect(warning).to_contain_text("også 1 post med ændringer, der ikke er sendt til serveren")
    confirm = page.get_by_label(
        "Jeg forstår, at alle data på enheden slettes ved endnu et forkert forsøg")
    enter_password(page, "forkert-5")
    expect(page.get_by_role("alert")).to_contain_text(
        "Bekræft først, at du forstår, hvad der slettes.")
    assert citizen in json.dumps(raw_storage(page)["ids"]), "erased without the confirmation"
    screenshot(page, "device-security-last-password-try")
    check_accessibility(page, "the last password try")

    confirm.check()
    enter_password(page, "forkert-5")
    expect(page.get_by_role("status")).to_contain_text("alle lokale data er slettet")
    expect(page.get_by_label("Brugernavn")).to_be_visible()
    stored = raw_storage(page)
    assert not any(stored["ids"].values()), f"rows left after the erase: {stored['ids']}"
    assert "Birthe Testesen" not in stored["text"] and "010190-1234" not in stored["text"]


def test_devices_page_and_remote_wipe(new_device, api):
    """The devices page lists this device and revokes another one after a confirmation;
    a revoke through the API makes the open app erase its data at its next sync."""
    other = api("bo")
    company = other.create_company(name=unique("Fjernslet ApS"))
    citizen = other.create("citizen", **{"name": "Kaj Kodesen", "cpr": "150275-2468"})
    other.create("placement", **{"citizen_id": citizen, "company_id": company,
                                "kind": "internship", "start_date": days_ago(3)})
    page = new_device("bo")
    page.set_viewport_size(TABLET)
    assert citizen in json.dumps(raw_storage(page)["ids"])

    go_to(page, "Indstillinger")
    expect(page.get_by_role("heading", level=1)).to_have_text("Indstillinger")
    expect(page.get_by_text("Lagerplads:")).to_be_visible()
    check_accessibility(page, "Indstillinger")
    viewport_screenshot(page, "indstillinger-1024x768")
    page.get_by_role("link", name="Enheder").click()
    devices = page.get_by_role("list", name="Enheder")
    expect(devices.get_by_text("Denne enhed")).to_have_count(1)
    expect(devices.get_by_role("listitem")).to_have_count(2)
    item = devices.get_by_role("listitem").filter(has=page.get_by_text("test", exact=True))
    item.get_by_role("button", name="Tilbagekald").click()
    expect(item.get_by_role("alertdialog")).to_contain_text("kan ikke længere synkronisere")
    screenshot(page, "device-security-devices")
    check_accessibility(page, "devices with a revoke confirmation")
    item.get_by_role("button", name="Ja, tilbagekald").click()
    expect(item.get_by_text("Tilbagekaldt")).to_be_visible()
    answer = other.session.get(f"{other.url}/me", timeout=30)
    assert answer.status_code == 401 and answer.json()["type"].endswith("device-revoked")

    office = api("bo")
    listed = office.session.get(f"{office.url}/devices", timeout=30).json()["devices"]
    this_device = [d["id"] for d in listed if not d["revoked"] and d["name"] != "test"]
    assert len(this_device) == 1, listed
    revoked = office.session.post(f"{office.url}/devices/{this_device[0]}/revoke", timeout=30)
    assert revoked.status_code == 200
    go_to(page, "Virksomheder")
    page.get_by_role("button", name="Synkronisér nu").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Enheden er logget ud fra serveren, og alle lokale data er slettet")
    stored = raw_storage(page)
    assert not any(stored["ids"].values()), f"rows left after the remote wipe: {stored['ids']}"
    assert "Kaj Kodesen" not in stored["text"]

    # The login screen the wipe leaves, with its notice and a wrong password's message.
    page.get_by_label("Brugernavn").fill("bo")
    page.get_by_label("Adgangskode").fill("not-the-password")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("alert")).to_have_text("Forkert brugernavn eller adgangskode")
    check_accessibility(page, "login (after a remote wipe, a wrong password)")
    viewport_screenshot(page, "login-1024x768")


def test_idle_lock_warns_then_locks_and_the_background_locks_at_once(new_device):
    """With the idle time set to 1 minute in Indstillinger (the browser clock is
    fast-forwarded), a warning with "Fortsæt" comes 30 seconds before the lock; continuing
    postpones it; without an answer the app locks. Going to the background locks at once."""
    page = new_device("anne")
    page.clock.install()
    go_to(page, "Indstillinger")
    page.get_by_label("Lås appen efter så lang tid uden brug").select_option(label="1 minut")
    page.clock.fast_forward("00:31")
    warning = page.get_by_role("alertdialog", name="Appen låses om 30 sekunder")
    expect(warning).to_be_visible()
    expect(warning.get_by_role("button", name="Fortsæt")).to_be_focused()
    screenshot(page, "device-security-idle-warning")
    check_accessibility(page, "idle warning")
    warning.get_by_role("button", name="Fortsæt").click()
    expect(warning).to_have_count(0)
    page.clock.fast_forward("00:20")
    expect(warning).to_have_count(0)
    page.clock.fast_forward("00:15")
    expect(warning).to_be_visible()
    page.clock.fast_forward("00:31")
    expect(page.get_by_role("heading", name="Feltmappe er låst")).to_be_visible()
    expect(page.get_by_role("navigation")).to_have_count(0)

    unlock(page, "anne")
    go_to(page, "Indstillinger")
    expect(page.get_by_label("Lås appen efter så lang tid uden brug")).to_have_value("1")
    page.evaluate("""() => {
        Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }""")
    expect(page.get_by_role("heading", name="Feltmappe er låst")).to_be_visible()


def test_placements_ended_long_ago_leave_the_device(new_device, api):
    """A placement that ended more than 90 days ago, its meeting and its citizen are not
    kept on the device; a recent one and its citizen are. The purged placement's page
    shows the server's copy read-only online (storing nothing) and says why offline."""
    office = api("lis")
    company = office.create_company(name=unique("Minimal ApS"))
    old_citizen = office.create("citizen", **{"name": "Birthe Testesen", "cpr": "010190-1234"})
    new_citizen = office.create("citizen", **{"name": "Kaj Kodesen", "cpr": "150275-2468"})
    old = office.create("placement", **{"citizen_id": old_citizen, "company_id": company,
                                       "kind": "internship", "start_date": days_ago(200),
                                       "end_date": days_ago(120)})
    recent = office.create("placement", **{"citizen_id": new_citizen, "company_id": company,
                                          "kind": "internship", "start_date": days_ago(100),
                                          "end_date": days_ago(30)})
    old_meeting = office.create("meeting", **{"company_id": company, "placement_id": old,
                                             "kind": "follow_up"})
    recent_meeting = office.create("meeting", **{"company_id": company, "placement_id": recent,
                                                "kind": "follow_up"})
    page = new_device("lis")
    ids = json.dumps(raw_storage(page)["ids"])
    for kept in (recent, new_citizen, recent_meeting, company):
        assert kept in ids, f"{kept} should stay on the device"
    for gone in (old, old_citizen, old_meeting):
        assert gone not in ids, f"{gone} should have left the device"

    [result] = office.push({"mutation_id": new_id(), "type": "meeting", "id": old_meeting,
                            "op": "upsert", "base_rev": 1,
                            "data": {"company_id": company, "placement_id": old,
                                     "kind": "follow_up", "location": "Kantinen"}})
    assert result["status"] == "applied", result
    full_round_after_now(page)
    assert old_meeting not in json.dumps(raw_storage(page)["ids"]), \
        "a changed record of a purged placement came back and stayed"

    # The purged placement's page: the server's copy, read-only, online; a reason offline.
    page.set_viewport_size(TABLET)
    page.evaluate("id => { location.hash = `#/forloeb/${id}`; }", old)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Birthe Testesen")
    expect(page.get_by_text(re.compile("^Hentet fra serveren: .* skrivebeskyttet"))).to_be_visible()
    check_accessibility(page, "the placement page of a purged placement (the server's copy)")
    viewport_screenshot(page, "forloeb-kun-paa-serveren-1024x768")
    assert old not in json.dumps(raw_storage(page)["ids"]), "the server's copy was stored"
    page.context.set_offline(True)
    page.evaluate("() => { location.hash = '#/i-dag'; }")
    expect(page.get_by_role("heading", level=1)).to_contain_text("I dag")
    page.evaluate("id => { location.hash = `#/forloeb/${id}`; }", old)
    expect(page.get_by_role("status").filter(has_text="ligger kun på serveren")).to_be_visible()
    check_accessibility(page, "the placement page of a purged placement (offline)")


def test_openings_logged_offline_reach_the_access_log(new_device, api):
    """Opening a placement offline queues an encrypted audit event on the device; the next
    sync sends it and empties the queue; the lead sees it in the citizen's access log."""
    office = api("anne")
    company = office.create_company(name=unique("Revision ApS"))
    citizen = office.create("citizen", **{"name": "Birthe Testesen", "cpr": "010190-1234"})
    placement = office.create("placement", **{"citizen_id": citizen, "company_id": company,
                                             "kind": "internship", "start_date": days_ago(5)})
    page = new_device("anne")
    page.context.set_offline(True)
    page.evaluate(f"location.hash = '#/forloeb/{placement}'")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Birthe Testesen")
    page.wait_for_function("""() => new Promise((ok) => {
      const open = indexedDB.open("feltmappe");
      open.onsuccess = () => {
        const request = open.result.transaction("audit").objectStore("audit").count();
        request.onsuccess = () => { open.result.close(); ok(request.result > 0); };
      };
    })""")
    stored = raw_storage(page)
    assert stored["ids"]["feltmappe/audit"], "nothing queued"
    assert "Birthe Testesen" not in stored["text"] and "010190-1234" not in stored["text"]

    page.context.set_offline(False)
    full_round_after_now(page)
    assert raw_storage(page)["ids"]["feltmappe/audit"] == [], "the sent events stayed queued"
    lead = api("lene")
    log = lead.session.get(f"{lead.url}/audit", params={"citizen_id": citizen}, timeout=30)
    assert log.status_code == 200, log.text
    opened = [e for e in log.json()["events"] if e["action"] == "open"
              and e["record_type"] == "placement" and e["record_id"] == placement]
    assert len(opened) == 1, log.json()
    assert opened[0]["device_id"] not in (None, "")
