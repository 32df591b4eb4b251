"""A new meeting and a new job order keep every character typed while their first save is
being written (issue 12): pressing "Nu" (the job title's first letter) starts the save that
creates the record and moves the form to the record's own address, and the consultant types
on through it. The device's writes are
slowed (each sealing waits 250 ms) so the typing overlaps the first save and the ones
after it. Offline from the start; after a reload and after a sync, the server has it all.
"""
import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sync_now, unique, unlock, wait_for_service_worker
from tests.e2e.steps import TABLET, upsert

pytestmark = pytest.mark.slow

TITLE_LABEL = "Stillingsbetegnelse (skal udfyldes)"
JOB_TITLE = "Lagermedarbejder med truckcertifikat til weekendholdet"
TYPED = "Jonas fortæller, at han er glad for lageret og vil gerne prøve truck."
SLOW_WRITES = """() => {
  const encrypt = SubtleCrypto.prototype.encrypt;
  SubtleCrypto.prototype.encrypt = async function (...args) {
    const sealed = await encrypt.apply(this, args);
    await new Promise((resolve) => setTimeout(resolve, 250));
    return sealed;
  };
}"""


def test_text_typed_during_the_first_save_is_kept(new_device, api):
    name = unique("Fjordby Lager")
    company_id, company = upsert("company", {"name": name})
    citizen_id, citizen = upsert("citizen", {"name": "Jonas Lund"})
    placement_id, placement = upsert("placement", {
        "citizen_id": citizen_id, "company_id": company_id, "kind": "internship",
        "status": "active", "start_date": datetime.date.today().isoformat()})
    pushed = api("anne").push(company, citizen, placement)
    assert [r["status"] for r in pushed] == ["applied"] * 3
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    wait_for_service_worker(page, "anne")
    page.context.set_offline(True)
    page.evaluate(f"location.hash = '#/forloeb/{placement_id}'")
    page.get_by_role("button", name="Nyt møde").click()
    expect(page).to_have_url(re.compile(r"#/moede/ny/"))
    page.evaluate(SLOW_WRITES)
    page.get_by_role("button", name="Nu", exact=True).click()
    notes = page.get_by_label("Om borgeren", exact=True)
    notes.press_sequentially(TYPED, delay=15)
    expect(notes).to_have_value(TYPED)
    expect(page).to_have_url(re.compile(r"#/moede/[0-9a-f-]{36}$"))
    meeting_id = page.url.rsplit("/", 1)[1]
    page.evaluate(f"location.hash = '#/forloeb/{placement_id}'")
    page.get_by_role("link", name=re.compile("^Opfølgning")).click()
    expect(page).to_have_url(re.compile(f"#/moede/{meeting_id}$"))
    expect(page.get_by_label("Om borgeren", exact=True)).to_have_value(TYPED)
    page.reload()
    unlock(page, "anne")
    page.evaluate(f"location.hash = '#/moede/{meeting_id}'")
    expect(page.get_by_label("Om borgeren", exact=True)).to_have_value(TYPED)
    page.context.set_offline(False)
    sync_now(page)
    meeting = api("anne").record("meeting", meeting_id)
    assert meeting["data"]["notes_citizen"] == TYPED
    assert meeting["data"]["placement_id"] == placement_id


def test_a_job_title_typed_during_the_first_save_is_kept(new_device, api):
    name = unique("Fjordby Lager")
    company_id, company = upsert("company", {"name": name})
    assert [r["status"] for r in api("anne").push(company)] == ["applied"]
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    page.context.set_offline(True)
    page.evaluate(f"location.hash = '#/jobordre/ny/{company_id}'")
    title = page.get_by_label(TITLE_LABEL, exact=True)
    expect(title).to_be_visible()
    page.evaluate(SLOW_WRITES)
    title.press_sequentially(JOB_TITLE, delay=15)
    expect(title).to_have_value(JOB_TITLE)
    expect(page).to_have_url(re.compile(r"#/jobordre/[0-9a-f-]{36}$"))
    job_order_id = page.url.rsplit("/", 1)[1]
    page.evaluate(f"location.hash = '#/virksomheder/{company_id}'")
    page.evaluate(f"location.hash = '#/jobordre/{job_order_id}'")
    expect(page.get_by_label(TITLE_LABEL, exact=True)).to_have_value(JOB_TITLE)
    page.context.set_offline(False)
    sync_now(page)
    assert api("anne").record("job_order", job_order_id)["data"]["title"] == JOB_TITLE
