"""A new version of the app (a new service worker) arrives while the outbox holds a change:
the app announces it ("Ny version klar"), "Opdatér" activates it and reloads, and the
pending change is still in the outbox afterwards and then syncs.

The new version is a new deploy of the service worker: the sw.js that this module's server
serves (its snapshot of the built client, see `served_client`) gets different bytes, a new
build stamp comment. The build script has no switch for a different sw.js, and
`page.route("**/sw.js")` cannot stand in: Chromium fetches a service worker's script for an
update check outside the page's and the context's routing, so a routed sw.js is never seen.
"""
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    create_company,
    expect_pending,
    screenshot,
    sync_now,
    sync_status,
    unique,
    unlock,
    wait_for_service_worker,
)

pytestmark = pytest.mark.slow

PUSH = "**/api/v1/sync/push"


def deploy_new_service_worker(served_client: Path) -> None:
    """Serve a changed sw.js from now on (the same precache, a new build stamp)."""
    script = served_client / "pwa" / "static" / "dist" / "sw.js"
    script.write_bytes(script.read_bytes() + f"\n// build stamp {uuid.uuid4()}\n".encode())


def test_update_while_the_outbox_holds_a_change_loses_nothing(new_device, api, served_client):
    page = new_device("anne")
    wait_for_service_worker(page, "anne")
    context = page.context

    context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")
    name = unique("Snedkeriet")
    create_company(page, name=name, city="Herning")
    expect_pending(page, 1)

    page.route(PUSH, lambda route: route.abort())
    context.set_offline(False)  # the app's pushes now fail as if the server were unreachable
    expect(page.get_by_text("Ny version klar")).to_have_count(0)
    deploy_new_service_worker(served_client)
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    expect(page.get_by_text("Ny version klar")).to_be_visible()
    expect_pending(page, 1)
    screenshot(page, "update-ready-with-pending-change")
    page.get_by_role("button", name="Opdatér").click()
    # The new version reloads the page; the data key was only in memory, so it is locked.
    unlock(page, "anne")

    expect(page.get_by_text("Ny version klar")).to_have_count(0)
    assert page.evaluate("""navigator.serviceWorker.getRegistration().then((r) =>
        r.waiting === null && r.active !== null
        && navigator.serviceWorker.controller !== null)""")
    expect_pending(page, 1)
    assert not [c for c in api("anne").records("company") if c["data"].get("name") == name]

    page.unroute(PUSH)
    sync_now(page)
    expect(sync_status(page)).not_to_contain_text("venter")
    assert api("anne").company_named(name)["data"] == {"name": name, "city": "Herning"}
