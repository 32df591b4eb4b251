"""Agreements signed on the tablet (issue 6), in a real browser, offline: an opstartsaftale
filled from its placement, hand-over mode with three drawn signatures, the PIN to leave,
the content locked after reopening, the sealed PDF after sync, and "Ny version".

Set-up goes through the API as anne on another device: a company with a contact, a
citizen and a placement. Each test makes its own records.
"""
import io
import re
import time
import uuid

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import (
    PIN,
    WAIT_MS,
    Api,
    expect_synced,
    go_to,
    sync_now,
    sync_status,
    unique,
    unlock,
    wait_for_service_worker,
)
from tests.e2e.conftest import (
    screenshot as full_page_screenshot,
)

pytestmark = pytest.mark.slow

TABLET = {"width": 1024, "height": 768}
ROLES = ("Borger", "Virksomhed", "Virksomhedskonsulent")


def make_placement(api: Api) -> dict:
    """A company with a contact, a citizen and a placement with hours and work functions."""
    company = unique("Havnens Værksted")
    company_id = api.create_company(name=company, city="Esbjerg")
    contact = unique("Søren Ødegård")
    contact_id = api.create("contact", company_id=company_id, name=contact, phone="75 12 00 00")
    citizen = unique("Åse Mølgaard")
    citizen_id = api.create("citizen", name=citizen)
    placement_id = api.create(
        "placement", citizen_id=citizen_id, company_id=company_id, contact_id=contact_id,
        kind="internship", start_date="2026-12-01", goals="15 timer om ugen på lageret",
        work_functions=[{"id": str(uuid.uuid4()), "name": "Lager", "tasks": "Pluk og pak"}],
        hours=[{"id": str(uuid.uuid4()), "from_date": "2026-12-01", "internship_hours": 12}])
    return {"company": company, "contact": contact, "citizen": citizen,
            "placement_id": placement_id}


def open_route(page: Page, route: str) -> None:
    """Go to a route in the running app (no reload: works offline and keeps the unlock)."""
    page.evaluate("(route) => { location.hash = route; }", route)


def field(page: Page, label: str):
    """A template field by its label (required ones add " (skal udfyldes)")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(skal udfyldes\))?$"))


def draw(page: Page, canvas) -> None:
    """Draw a small zigzag signature with the mouse on a canvas."""
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, y = box["x"] + box["width"] * 0.15, box["y"] + box["height"] * 0.6
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 9):
        up = (step % 2) * box["height"] * 0.3
        page.mouse.move(x + step * box["width"] * 0.08, y - up, steps=4)
    page.mouse.up()


def sign(page: Page, role: str, expected_name: str | None = None) -> str:
    """Sign for a role in hand-over mode by drawing; the printed name used."""
    slot = page.get_by_role("region", name=role, exact=True)
    name = slot.get_by_label("Underskriverens navn")
    if expected_name is not None:
        expect(name).to_have_value(expected_name)
    printed = name.input_value()
    assert printed, f"no printed name prefilled for {role}"
    draw(page, slot.get_by_role("img", name=f"Underskriftsfelt for {role}"))
    slot.get_by_role("button", name=f"Underskriv som {role}").click()
    expect(page.get_by_role("region", name=f"Underskrift: {printed}")).to_be_visible()
    return printed


def fill_opstartsaftale(page: Page, setup: dict) -> str:
    """Open a new opstartsaftale for the placement, check the prefill, fill the rest; its id."""
    open_route(page, f"#/aftale/ny/{setup['placement_id']}/opstartsaftale")
    expect(page.get_by_role("heading", name="Opstartsaftale (ny)")).to_be_visible()
    expect(field(page, "Opstart")).to_have_value("2026-12-01")
    expect(field(page, "Kontaktperson")).to_have_value(
        f"{setup['contact']}, tlf. 75 12 00 00")
    expect(field(page, "Angivelse af arbejdstid")).to_have_value(
        "12 timer praktik om ugen fra 1.12.2026")
    expect(field(page, "Arbejdsopgaver og progression")).to_have_value("Lager: Pluk og pak")
    field(page, "Mødetid").fill("08:30")
    field(page, "Kontakt ifm. sygdom").fill("Ring til Søren før kl. 8")
    expect(page.get_by_text("Gemt", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"#/aftale/[0-9a-f-]{36}$"))
    agreement_id = page.url.rsplit("/", 1)[1]
    page.get_by_role("button", name="Klar til underskrift").click()
    expect(page.get_by_text("Skal udfyldes", exact=True)).to_have_count(1)
    expect(field(page, "Næste opfølgning")).to_have_attribute("aria-invalid", "true")
    field(page, "Næste opfølgning").fill("2026-12-15")
    page.get_by_role("button", name="Klar til underskrift").click()
    expect(page.get_by_text("Status: Klar til underskrift")).to_be_visible()
    return agreement_id


def leave_hand_over(page: Page) -> None:
    """Leave hand-over mode: a wrong PIN keeps it (the prompt passes axe-core), the device
    PIN ends it."""
    page.get_by_role("button", name="Afslut overdragelse").click()
    page.get_by_label("PIN-kode").fill("000000")
    page.get_by_role("button", name="Afslut overdragelse").click()
    expect(page.get_by_role("alert")).to_contain_text("Forkert PIN-kode")
    expect(page.get_by_role("navigation")).to_have_count(0)
    check_accessibility(page, "leaving hand-over mode (the PIN prompt, a wrong PIN)")
    screenshot(page, "agreement-hand-over-exit-1024x768")
    page.get_by_label("PIN-kode").fill(PIN)
    page.get_by_role("button", name="Afslut overdragelse").click()
    expect(page.get_by_role("navigation", name="Hovedmenu")).to_be_visible()


def expect_locked_with_signatures(page: Page, count: int) -> None:
    """The agreement shows `count` covering signatures and locked, read-only content."""
    expect(page.get_by_text("Aftalen er underskrevet, så indholdet er låst")).to_be_visible()
    expect(page.get_by_text("Dækker det nuværende indhold")).to_have_count(count)
    expect(page.get_by_text("Ring til Søren før kl. 8")).to_be_visible()
    expect(field(page, "Mødetid")).to_have_count(0)
    expect(page.get_by_role("textbox")).to_have_count(0)


def test_offline_signing_in_hand_over_mode_then_the_sealed_pdf(new_device, api):
    """Offline: fill an opstartsaftale, hand the tablet over, three drawn signatures, leave
    with the PIN, reopen (still offline): signed and locked. Online: sync, the PDF holds the
    names, roles and hash, and its seal validates."""
    office = api("anne")
    setup = make_placement(office)
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    wait_for_service_worker(page, "anne")
    context = page.context
    context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")

    agreement_id = fill_opstartsaftale(page, setup)
    expect(page.get_by_role("button", name="Vis PDF")).to_be_disabled()
    expect(page.get_by_text("PDF'en kan kun hentes, når enheden er online.")).to_be_visible()
    fingerprint = page.get_by_title(re.compile(r"^[0-9a-f]{64}$")).get_attribute("title")
    check_accessibility(page, "agreement (klar til underskrift)")
    screenshot(page, "agreement-ready-1024x768")

    page.get_by_role("button", name="Overlad til underskrift").click()
    title = re.compile("til gennemlæsning og underskrift")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_role("navigation")).to_have_count(0)
    expect(sync_status(page)).to_have_count(0)
    expect(page.get_by_role("link")).to_have_count(0)
    check_accessibility(page, "hand-over mode")
    screenshot(page, "agreement-hand-over-1024x768")
    names = [sign(page, "Borger", setup["citizen"]), sign(page, "Virksomhed", setup["contact"]),
             sign(page, "Virksomhedskonsulent")]
    full_page_screenshot(page, "agreement-hand-over-signed-full-page")
    leave_hand_over(page)

    expect(page.get_by_text("Status: Underskrevet")).to_be_visible()
    expect_locked_with_signatures(page, 3)
    expect(page.get_by_role("button", name="Overlad til underskrift")).to_have_count(0)
    page.close()

    page = context.new_page()
    page.set_viewport_size(TABLET)
    page.goto(f"/#/aftale/{agreement_id}")
    unlock(page, "anne")
    expect_locked_with_signatures(page, 3)
    for name in names:
        expect(page.get_by_role("img", name=f"Tegnet underskrift: {name}")).to_be_visible()
    screenshot(page, "agreement-signed-1024x768")
    full_page_screenshot(page, "agreement-signed-full-page")

    context.set_offline(False)
    sync_now(page)
    stored = office.record("agreement", agreement_id)
    assert stored["data"]["status"] == "signed"
    signatures = [r for r in office.records("signature")
                  if r["data"]["agreement_id"] == agreement_id]
    assert sorted(s["data"]["role"] for s in signatures) == ["citizen", "company", "consultant"]
    assert {s["data"]["content_sha256"] for s in signatures} == {fingerprint}
    assert all(s["data"]["method"] == "drawn" and s["data"]["strokes"] for s in signatures)

    page.evaluate("""() => {  // note which blob URLs the app revokes
      const revoke = URL.revokeObjectURL.bind(URL);
      window.revokedUrls = [];
      URL.revokeObjectURL = (url) => { window.revokedUrls.push(url); revoke(url); };
    }""")
    page.get_by_role("button", name="Vis PDF").click()
    frame = page.get_by_title("Aftalen som PDF")
    expect(frame).to_be_visible()
    blob_url = frame.get_attribute("src")
    assert blob_url.startswith("blob:"), "the PDF stays in the app's memory"
    full_page_screenshot(page, "agreement-pdf-in-app")
    page.get_by_role("button", name="Gem på enheden…").click()
    expect(page.get_by_role("group", name="Gem PDF'en på enheden?")).to_contain_text(
        "uden for appens kryptering, lås og sletning")
    with page.expect_download() as download:
        page.get_by_role("button", name="Gem alligevel").click()
    assert re.fullmatch(r"aftale-\d{4}-\d{2}-\d{2}\.pdf", download.value.suggested_filename)
    go_to(page, "Indstillinger")
    page.get_by_role("button", name="Lås nu").click()
    unlock(page, "anne")
    assert page.evaluate("window.revokedUrls") == [blob_url], "locking revoked the PDF's blob"
    page.goto(f"/#/aftale/{agreement_id}")
    expect(page.get_by_role("button", name="Vis PDF")).to_be_visible()
    expect(page.get_by_title("Aftalen som PDF")).to_have_count(0)

    answer = office.session.get(f"{office.url}/agreements/{agreement_id}/pdf", timeout=60)
    assert answer.status_code == 200, answer.text
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.content)).pages)
    for expected in (*names, *ROLES):
        assert expected in text, f"{expected!r} not in the PDF"
    assert fingerprint in re.sub(r"\s+", "", text), "the content hash is not in the PDF"
    verdict = office.session.post(f"{office.url}/agreements/verify", data=answer.content,
                                  headers={"Content-Type": "application/pdf"}, timeout=60)
    assert verdict.status_code == 200, verdict.text
    assert verdict.json()["valid"] is True, verdict.json()


INK = """(canvas) => {
  const {data} = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
  return {inked, width: canvas.width, css: canvas.offsetWidth, ratio: devicePixelRatio};
}"""


def drawn_then_rotated(page: Page, role: str) -> None:
    """Draw a signature, turn the tablet to portrait: the pad is resized to its new CSS size
    (× devicePixelRatio) and redrawn from the stored vectors; then sign and turn back."""
    slot = page.get_by_role("region", name=role, exact=True)
    canvas = slot.get_by_role("img", name=f"Underskriftsfelt for {role}")
    draw(page, canvas)
    before = canvas.evaluate(INK)
    assert before["inked"] > 0
    page.set_viewport_size({"width": 768, "height": 1024})
    resized = ("([c, w]) => c.offsetWidth !== w"
               " && c.width === Math.round(c.offsetWidth * devicePixelRatio)")
    page.wait_for_function(resized, arg=[canvas.element_handle(), before["css"]])
    after = canvas.evaluate(INK)
    assert after["inked"] > 0, "the signature was not redrawn after the rotation"
    expect(slot.get_by_role("button", name=re.compile("^Ryd"))).to_be_enabled()
    screenshot(page, "agreement-hand-over-768x1024")
    slot.get_by_role("button", name=f"Underskriv som {role}").click()
    expect(page.get_by_role("region", name=re.compile("^Underskrift: "))).to_have_count(2)
    page.set_viewport_size(TABLET)


def test_new_version_voids_the_old_and_needs_signing_again(new_device, api):
    """A signed agreement cannot be edited; "Ny version" makes a draft copy that needs
    signing, and the old one is void with its signatures and a link to the new one. The
    typed signature (for a signer who cannot draw) needs the confirmation."""
    setup = make_placement(api("anne"))
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    fill_opstartsaftale(page, setup)
    old_url = page.url
    page.get_by_role("button", name="Overlad til underskrift").click()
    slot = page.get_by_role("region", name="Borger", exact=True)
    slot.get_by_label("Skriv navnet i stedet").check()
    slot.get_by_label("Skriv dit fulde navn").fill(setup["citizen"])
    slot.get_by_role("button", name="Underskriv som Borger").click()
    expect(slot.get_by_text("Sæt kryds for at bekræfte underskriften")).to_be_visible()
    slot.get_by_label("Jeg bekræfter, at jeg underskriver aftalen ved at skrive mit navn").check()
    slot.get_by_role("button", name="Underskriv som Borger").click()
    expect(page.get_by_role("region", name=f"Underskrift: {setup['citizen']}")).to_be_visible()
    drawn_then_rotated(page, "Virksomhed")
    leave_hand_over(page)
    expect_locked_with_signatures(page, 2)
    expect(page.get_by_text("Mangler underskrift fra: Virksomhedskonsulent")).to_be_visible()

    page.get_by_role("button", name="Ny version").click()
    page.get_by_role("button", name="Opret ny version").click()
    expect(page).not_to_have_url(old_url)
    expect(page.get_by_text("Ny version af en tidligere aftale")).to_be_visible()
    expect(page.get_by_text("Status: Kladde")).to_be_visible()
    expect(page.get_by_text("Ingen underskrifter endnu.")).to_be_visible()
    expect(field(page, "Mødetid")).to_have_value("08:30")
    field(page, "Mødetid").fill("09:00")
    expect(page.get_by_text("Gemt", exact=True)).to_be_visible()
    check_accessibility(page, "agreement (ny version)")

    page.get_by_role("link", name="Se den tidligere version").click()
    expect(page.get_by_text("Erstattet af ny version")).to_be_visible()
    expect(page.get_by_text("Status: Annulleret")).to_be_visible()
    expect(page.get_by_text("Dækker det nuværende indhold")).to_have_count(2)
    expect(page.get_by_role("button", name="Ny version")).to_have_count(0)
    sync_now(page)
    expect_synced(page)
    office = api("anne")
    signed = {s["data"]["role"]: s["data"] for s in office.records("signature")
              if s["data"]["agreement_id"] == old_url.rsplit("/", 1)[1]}
    assert signed["citizen"]["method"] == "typed" and "strokes" not in signed["citizen"]
    assert signed["company"]["method"] == "drawn"
    xs = [x for stroke in signed["company"]["strokes"] for x, _, _ in stroke]
    assert 0 <= min(xs) and max(xs) <= signed["company"]["width"] < 768, \
        "strokes are stored in the portrait pad's CSS pixels"


def test_signed_offline_while_changed_elsewhere_keeps_both_versions(new_device, api):
    """Signed offline while another device changed the agreement: after sync the signature
    is kept with the content it covers, the server keeps both, and the app shows
    "Underskrevet version afviger fra den nuværende" with both versions, the change marked."""
    office = api("anne")
    setup = make_placement(office)
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    agreement_id = fill_opstartsaftale(page, setup)
    sync_now(page)
    page.context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")
    page.get_by_role("button", name="Overlad til underskrift").click()
    sign(page, "Borger", setup["citizen"])

    change_start_time_elsewhere(office, agreement_id)

    leave_hand_over(page)
    expect_locked_with_signatures(page, 1)
    page.context.set_offline(False)
    sync_now(page)

    expect(page.get_by_text("En underskrift gælder en anden version")).to_be_visible()
    page.get_by_role("button", name="Se begge versioner").click()
    expect(page.get_by_text("Underskrevet version afviger fra den nuværende")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("^Mødetid"))
    expect(row).to_contain_text("Ændret")
    expect(row.get_by_role("cell")).to_have_text(["08:30", "10:00"])
    expect(page.get_by_text("Dækker det nuværende indhold")).to_have_count(0)
    expect(page.get_by_text("Indholdet er låst")).to_have_count(0)
    check_accessibility(page, "agreement (afviger)")
    screenshot(page, "agreement-deviates-1024x768")
    full_page_screenshot(page, "agreement-deviates-full-page")

    [signature] = [r for r in office.records("signature")
                   if r["data"]["agreement_id"] == agreement_id]
    assert signature["data"]["content"]["content"]["start_time"] == "08:30"
    assert office.record("agreement", agreement_id)["data"]["content"]["start_time"] == "10:00"


def change_start_time_elsewhere(office: Api, agreement_id: str) -> None:
    """Another device moves the agreement's start time to 10:00."""
    stored = office.record("agreement", agreement_id)
    changed = {**stored["data"], "content": {**stored["data"]["content"], "start_time": "10:00"}}
    [result] = office.push({"mutation_id": str(uuid.uuid4()), "type": "agreement",
                            "id": agreement_id, "op": "upsert", "base_rev": stored["rev"],
                            "data": changed})
    assert result["status"] == "applied", result


def wait_until(condition, what: str) -> None:
    """Wait (up to WAIT_MS) until a check against the server holds."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.25)


def test_a_change_during_hand_over_is_not_shown_and_is_told_afterwards(new_device, api):
    """Online: while the tablet is handed over, another device changes the agreement and sync
    runs. The signer keeps seeing (and signs) the snapshot; leaving tells the consultant."""
    office = api("anne")
    setup = make_placement(office)
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    agreement_id = fill_opstartsaftale(page, setup)
    sync_now(page)
    page.get_by_role("button", name="Overlad til underskrift").click()

    change_start_time_elsewhere(office, agreement_id)
    sign(page, "Borger", setup["citizen"])
    wait_until(lambda: any(s["data"]["agreement_id"] == agreement_id
                           for s in office.records("signature")), "the signature on the server")
    expect(page.get_by_text("08:30", exact=True)).to_be_visible()
    expect(page.get_by_text("10:00", exact=True)).to_have_count(0)

    leave_hand_over(page)
    expect(page.get_by_role("alert")).to_contain_text(
        "Aftalen blev ændret på en anden enhed, mens den var overladt til underskrift")
    expect(page.get_by_text("Underskrevet version afviger fra den nuværende")).to_be_visible()
    page.get_by_role("button", name="OK").click()
    expect(page.get_by_text("mens den var overladt til underskrift")).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Se begge versioner").click()
    screenshot(page, "agreement-deviates-390x844")
