"""End-to-end fixtures: the real server (gunicorn, 2 workers, SQLite file) and the built app
in Debian's headless Chromium through Python Playwright.

Rules for the tests built on these fixtures (docs/architecture.md "Traps worth knowing"):
- Wait on conditions (Playwright's auto-waiting locators and `expect`), never on sleeps.
- One server per test module, serving a snapshot of the built client taken when the
  module starts; each test makes its own companies with unique names, so tests of a
  module never depend on each other's data.
- Elements are found only by the UI contract's accessible names and roles.
- A browser context is one device; `new_device()` returns a logged-in page.

The app must be built first (`node scripts/build-pwa.mjs`; `make test` does it).
"""
import contextlib
import re
import shutil
import time
import uuid
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, expect, sync_playwright

from server.services.seal import create_demo_files
from tests.live_server import LiveServer

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "pwa" / "static" / "dist"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-quic"]
USERS = {"anne": ("Nord", "consultant"), "lis": ("Nord", "consultant"),
         "bo": ("Syd", "consultant"), "lene": ("Nord", "lead")}
# Generous on purpose: unlocking runs PBKDF2 with 600,000 iterations, and gunicorn and
# Chromium share 2 cores. A passing wait returns as soon as its condition holds.
WAIT_MS = 20_000
COMPANY_LABELS = {"name": "Navn", "cvr": "CVR-nummer", "address": "Adresse",
                  "postcode": "Postnummer", "city": "By", "industry": "Branche",
                  "phone": "Telefon", "email": "E-mail", "knowledge": "Viden om virksomheden"}

expect.set_options(timeout=WAIT_MS)


PIN = "246810"  # the device PIN log_in chooses on every test device


def password(username: str) -> str:
    """The password LiveServer gives every user."""
    return f"{username}-password-1"


def unique(prefix: str) -> str:
    """A company name no other test uses."""
    return f"{prefix} {uuid.uuid4().hex[:6]}"


# ---------------------------------------------------------------- server-side checks


class Api:
    """The same user on another device, through the HTTP API (for set-up and checks)."""

    def __init__(self, server: LiveServer, username: str):
        self.url = f"{server.url}/api/v1"
        self.session = requests.Session()
        self.session.headers.update(server.login(username, self.session))

    def push(self, *changes: dict) -> list[dict]:
        """Push changes and return their results."""
        answer = self.session.post(f"{self.url}/sync/push", json={"changes": list(changes)},
                                   timeout=30)
        answer.raise_for_status()
        return answer.json()["results"]

    def create(self, record_type: str, **data) -> str:
        """Create a record of any type as this user; its id."""
        record_id = str(uuid.uuid4())
        [result] = self.push({"mutation_id": str(uuid.uuid4()), "type": record_type,
                              "id": record_id, "op": "upsert", "base_rev": 0, "data": data})
        assert result["status"] == "applied", result
        return record_id

    def create_company(self, **data) -> str:
        """Create a company as this user; its id."""
        return self.create("company", **data)

    def record(self, record_type: str, record_id: str) -> dict:
        """The server's current envelope of one record."""
        answer = self.session.get(f"{self.url}/records/{record_type}/{record_id}", timeout=30)
        answer.raise_for_status()
        return answer.json()

    def records(self, record_type: str) -> list[dict]:
        """Every current record of a type in the user's team (a full pull)."""
        found, since = {}, None
        while True:
            params = {"limit": 1000, **({"since": since} if since else {})}
            answer = self.session.get(f"{self.url}/sync/pull", params=params, timeout=30)
            answer.raise_for_status()
            page = answer.json()
            found.update({r["id"]: r for r in page["changes"] if r["type"] == record_type})
            since = page["checkpoint"]
            if not page["has_more"]:
                return list(found.values())

    def company_named(self, name: str) -> dict:
        """The one live company with this name (fails when there is none or several)."""
        matches = [r for r in self.records("company")
                   if not r["deleted"] and r["data"].get("name") == name]
        assert len(matches) == 1, f"{len(matches)} companies named {name!r} on the server"
        return matches[0]


# ---------------------------------------------------------------- the app, by its UI contract


def sync_status(page: Page):
    """The always-visible sync status (role=status, "Synkroniseringsstatus")."""
    return page.get_by_role("status", name="Synkroniseringsstatus")


def expect_synced(page: Page) -> None:
    """Wait until the app says everything is synchronised."""
    expect(sync_status(page)).to_contain_text("Alt er synkroniseret")


def expect_pending(page: Page, count: int) -> None:
    """Wait until the status shows `count` changes in the outbox."""
    text = "1 ændring venter" if count == 1 else f"{count} ændringer venter"
    expect(sync_status(page)).to_contain_text(text)


def press_sync(page: Page) -> None:
    """Press "Synkronisér nu" once it is enabled (rather than wait for the app's own
    schedule: a few seconds after an edit, on `online`, every minute)."""
    button = page.get_by_role("button", name="Synkronisér nu")
    expect(button).to_be_enabled()
    button.click()


def sync_now(page: Page) -> None:
    """Press "Synkronisér nu" and wait for "Alt er synkroniseret"."""
    press_sync(page)
    expect_synced(page)


def choose_pin(page: Page, pin: str = PIN) -> None:
    """Choose the device PIN on the screen the app shows after a login."""
    page.get_by_label("Vælg PIN-kode").fill(pin)
    page.get_by_label("Gentag PIN-kode").fill(pin)
    page.get_by_role("button", name="Gem PIN-kode").click()


def log_in(page: Page, username: str) -> None:
    """Fill in the login form, choose the device PIN and wait until the initial sync is done."""
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password(username))
    page.get_by_role("button", name="Log ind").click()
    choose_pin(page)
    expect_synced(page)


def unlock(page: Page, username: str) -> None:
    """Unlock the stored data with the device PIN (works offline; `username` for symmetry
    with log_in: every test device uses the same PIN)."""
    page.get_by_label("PIN-kode", exact=True).fill(PIN)
    page.get_by_role("button", name="Lås op").click()
    expect(sync_status(page)).to_be_visible()


def wait_for_service_worker(page: Page, username: str) -> None:
    """Wait until the service worker is active and controls the page (reload once if not)."""
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("navigator.serviceWorker.controller !== null"):
        page.reload()
        unlock(page, username)
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def go_to(page: Page, section: str) -> None:
    """Open a section through the navigation ("Virksomheder", "Konflikter", …)."""
    page.get_by_role("navigation").get_by_role("link", name=section, exact=True).click()


def company_link(page: Page, name: str):
    """A company in the list (its accessible name starts with the company's name; the
    list may add the city and a "not sent" tag after it). Names in the tests are unique."""
    return page.get_by_role("link", name=re.compile(rf"^{re.escape(name)}"))


def open_company(page: Page, name: str) -> None:
    """Open a company's form from the list: its briefing, then "Rediger"."""
    go_to(page, "Virksomheder")
    company_link(page, name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.get_by_role("link", name="Rediger", exact=True).click()
    expect(page.get_by_label("Navn", exact=True)).to_have_value(name)


def fill_company(page: Page, **fields: str) -> None:
    """Type into the company form's fields and press "Gem"; wait for "Gemt"."""
    for field, value in fields.items():
        page.get_by_label(COMPANY_LABELS[field], exact=True).fill(value)
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Gemt", exact=True)).to_be_visible()


def create_company(page: Page, **fields: str) -> None:
    """Create a company through "Ny virksomhed"."""
    go_to(page, "Virksomheder")
    page.get_by_role("button", name="Ny virksomhed").click()
    fill_company(page, **fields)


def edit_company(page: Page, name: str, **fields: str) -> None:
    """Change fields of an existing company."""
    open_company(page, name)
    fill_company(page, **fields)


def expect_company(page: Page, name: str, **fields: str) -> None:
    """Open a company and wait until its form shows these values."""
    open_company(page, name)
    for field, value in fields.items():
        expect(page.get_by_label(COMPANY_LABELS[field], exact=True)).to_have_value(value)


def screenshot(page: Page, name: str) -> Path:
    """Save a PNG of the page under test-artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# ---------------------------------------------------------------- fixtures


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's report on the test item, for screenshots on failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh (make test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def served_client(tmp_path_factory) -> Path:
    """A snapshot of the built client for this module's server: the `pwa` package (blueprint,
    shell template, static files and dist/) and wsgi.py, copied when the module starts.
    gunicorn runs from this folder (`--chdir`), so it imports this `pwa` and everything
    else from the tree. A rebuild of pwa/static/dist during the run changes nothing, and a
    test may change what is served (a new service worker) without touching the tree."""
    if not (DIST / "assets.json").exists():
        pytest.fail("the app is not built: run `node scripts/build-pwa.mjs` (make test does)")
    folder = tmp_path_factory.mktemp("client")
    shutil.copytree(ROOT / "pwa", folder / "pwa",
                    ignore=shutil.ignore_patterns("__pycache__", "src", "*.map"))
    shutil.copy2(ROOT / "wsgi.py", folder / "wsgi.py")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, served_client):
    """One gunicorn (2 workers) per test module on a fresh SQLite file, serving the
    module's snapshot of the client: anne and lis in team Nord, bo in team Syd, all
    consultants."""
    database = tmp_path_factory.mktemp("e2e") / "e2e.sqlite3"
    seal = tmp_path_factory.mktemp("seal")
    create_demo_files(seal / "seal-key.pem", seal / "seal-cert.pem")
    live = LiveServer(f"sqlite:///{database}", USERS, workers=2,
                      GUNICORN_CMD_ARGS=f"--chdir {served_client}",
                      SEAL_KEY_PATH=str(seal / "seal-key.pem"),
                      SEAL_CERT_PATH=str(seal / "seal-cert.pem"))
    live.database = database  # for tests that change what only an administrator could
    yield live
    live.stop()


@pytest.fixture
def api(server):
    """`api(username)`: that user on a fresh API device."""
    return lambda username="anne": Api(server, username)


SERVICE_WORKER_STATE = """navigator.serviceWorker.getRegistration().then((r) => JSON.stringify(
    r ? {installing: r.installing?.state, waiting: r.waiting?.state, active: r.active?.state,
         controlled: navigator.serviceWorker.controller !== null} : null))"""


@pytest.fixture
def new_device(browser, server, request):
    """`new_device(username)`: a new browser context (one device) with the app open and
    logged in, after the initial sync. When the test fails: a screenshot of every page, and
    the pages' console, errors and service-worker state in the test's output."""
    contexts = []
    journal: list[str] = []
    began = time.monotonic()

    def note(device: int, text: str) -> None:
        journal.append(f"{time.monotonic() - began:7.2f}s device{device}: {text}")

    def watch(device: int, page: Page) -> None:
        page.on("console", lambda message: note(device, f"console.{message.type}: {message.text}"))
        page.on("pageerror", lambda error: note(device, f"page error: {error}"))
        page.on("framenavigated", lambda frame: frame == page.main_frame and note(
            device, f"navigated to {frame.url}"))

    def make(username: str = "anne") -> Page:
        context = browser.new_context(base_url=server.url, locale="da-DK",
                                      timezone_id="Europe/Copenhagen",
                                      service_workers="allow")
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        device = len(contexts)
        context.on("page", lambda page: watch(device, page))
        page = context.new_page()
        page.goto("/")
        log_in(page, username)
        return page

    yield make
    failed = any(getattr(getattr(request.node, f"report_{when}", None), "failed", False)
                 for when in ("setup", "call"))
    for number, context in enumerate(contexts, 1):
        for index, page in enumerate(context.pages, 1):
            if failed and not page.is_closed():
                screenshot(page, f"FAILED-{request.node.name}-device{number}-page{index}")
                with contextlib.suppress(Exception):
                    note(number, f"service worker: {page.evaluate(SERVICE_WORKER_STATE)}")
        context.close()
    if failed:
        print("what the pages said:\n" + "\n".join(journal))
