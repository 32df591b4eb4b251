"""A placement's life on the tablet, offline from the start (issue 12): "Ny virksomhed" with
a CVR number the team has offers that company; "Nyt forløb" from the company page with a new
citizen (the duplicate-CPR offer on the way), a follow-up meeting on it, "Afslut forløb"
with an outcome, the meeting marked "Overført til fagsystemet" from "Til journalisering";
then online: the server has all of it and a second device shows it. A second
"Progression mod job" carries the tasks and charts both dates. An admin imports a case
export from "Importér fra fagsystem" (a bad file's problem table first).
axe-core on "Nyt forløb", the placement page and "Til journalisering"; their width at
768×1024 and 390×844.
"""
import contextlib
import datetime
import re
import sqlite3
import uuid
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import sync_now, sync_status, unique, wait_for_service_worker
from tests.e2e.steps import PHONE, PORTRAIT, TABLET, no_horizontal_overflow, upsert

pytestmark = pytest.mark.slow

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
EXISTING_CPR = "010190-1234"
NEW_CPR = "0202851235"
NOTES_CITIZEN = "Jonas fortæller, at han er glad for lageret."


def set_up(api) -> dict:
    """A company and a citizen with a CPR number in anne's team, pushed from the office."""
    name = unique("Fjordby Lager")
    company_id, company = upsert("company", {"name": name, "cvr": "10000009"})
    citizen_id, citizen = upsert("citizen", {"name": "Mette Holm", "cpr": EXISTING_CPR})
    assert [r["status"] for r in api("anne").push(company, citizen)] == ["applied"] * 2
    return {"name": name, "company_id": company_id, "citizen_id": citizen_id}


def widths(page: Page, screen: str) -> None:
    """No sideways scrolling in portrait and on a phone; back to the tablet's size."""
    for size, label in ((PORTRAIT, "768x1024"), (PHONE, "390x844")):
        page.set_viewport_size(size)
        no_horizontal_overflow(page, f"{screen} {label}")
    page.set_viewport_size(TABLET)


def same_cvr_offers_the_company(page: Page, world: dict) -> None:
    """A new company with a CVR number the team has: the existing company is offered."""
    page.evaluate("location.hash = '#/virksomheder/ny'")
    page.get_by_label("CVR-nummer", exact=True).fill("10000009")
    offer = page.get_by_role("status").filter(has_text="Virksomheden findes allerede")
    offer.get_by_role("link", name=f"Åbn {world['name']}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(world["name"])


def new_placement(page: Page, world: dict, start: datetime.date) -> str:
    """"Nyt forløb" with a new citizen; the existing CPR number is offered first. Its id."""
    page.evaluate(f"location.hash = '#/virksomheder/{world['company_id']}'")
    page.get_by_role("link", name="Nyt forløb").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Nyt forløb – {world['name']}")
    page.get_by_label(re.compile("^Søg borger")).fill("1234")
    expect(page.get_by_role("button", name="Vælg Mette Holm")).to_be_visible()
    page.get_by_role("button", name="Opret ny borger").click()
    page.get_by_label("Navn (skal udfyldes)").fill("Jonas Lund")
    page.get_by_label("CPR-nummer").fill(EXISTING_CPR.replace("-", ""))
    offer = page.get_by_role("status").filter(has_text="Borgeren findes allerede i teamet")
    expect(offer).to_contain_text("Mette Holm")
    expect(offer.get_by_role("button", name="Brug Mette Holm")).to_be_visible()
    page.get_by_label("CPR-nummer").fill(NEW_CPR)
    expect(offer).to_have_count(0)
    page.get_by_label("Målgruppe").select_option(label="Kontanthjælp")
    page.get_by_label("A: Ønskejob").fill("Lagerarbejder")
    check_accessibility(page, "new placement (citizen)")
    page.get_by_role("button", name="Videre til forløbet").click()
    page.get_by_label("Forløbstype").select_option(label="Virksomhedspraktik")
    page.get_by_label("Startdato (skal udfyldes)").fill(start.isoformat())
    page.get_by_label("Praktiktimer pr. uge ved start").fill("18,5")
    page.get_by_label("Arbejdsfunktioner (én pr. linje)").fill("Pluk og pak\nVaremodtagelse")
    check_accessibility(page, "new placement (placement)")
    widths(page, "new placement")
    page.get_by_role("button", name="Opret forløbet").click()
    expect(page).to_have_url(re.compile(r"#/forloeb/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jonas Lund")
    return page.url.rsplit("/", 1)[1]


def follow_up_meeting(page: Page, next_date: datetime.date) -> str:
    """A follow-up meeting from the placement page, finished; its id."""
    page.get_by_role("button", name="Nyt møde").click()
    page.get_by_role("button", name="Nu", exact=True).click()
    page.get_by_label("Om borgeren", exact=True).fill(NOTES_CITIZEN)
    page.get_by_label("Aftalt med virksomheden", exact=True).fill("Aftalt, at Jonas prøver truck.")
    ordinary = page.get_by_role("group", name=re.compile(r"^Er ordinære \(lønnede\) timer"))
    ordinary.get_by_label("Nej").check()
    page.get_by_label("Næste opfølgning (skal udfyldes)").fill(next_date.isoformat())
    page.get_by_role("button", name="Afslut mødet").click()
    expect(page.get_by_text("✓ Afsluttet")).to_be_visible()
    expect(page).to_have_url(re.compile(r"#/moede/[0-9a-f-]{36}$"))
    meeting_id = page.url.rsplit("/", 1)[1]
    journal = page.get_by_label("Tekst til journalen")
    expect(journal).to_have_value(re.compile(re.escape(NOTES_CITIZEN)))
    page.evaluate(f"location.hash = '#/moede/{meeting_id}'")
    expect(page.get_by_label("Om borgeren", exact=True)).to_have_value(NOTES_CITIZEN)
    return meeting_id


def end_placement(page: Page, placement_id: str, end: datetime.date) -> None:
    """"Afslut forløb" with an outcome; the closing meeting is offered."""
    page.evaluate(f"location.hash = '#/forloeb/{placement_id}'")
    form = page.get_by_role("form", name="Afslut forløb")
    form.get_by_role("button", name="Afslut forløb").click()
    expect(form.get_by_text("Vælg, hvordan forløbet endte")).to_be_visible()
    form.get_by_label("Slutdato").fill(end.isoformat())
    form.get_by_label("Resultat").select_option(label="Ordinært job")
    check_accessibility(page, "placement page (end)")
    form.get_by_role("button", name="Afslut forløb").click()
    ended = page.get_by_role("region", name="Forløbet er afsluttet")
    expect(ended).to_contain_text("Resultat: Ordinært job")
    expect(ended.get_by_role("link", name="Opret afslutningsmøde")).to_be_visible()


def journalise(page: Page, meeting_id: str) -> None:
    """The meeting waits in "Til journalisering" (count in the navigation); mark it."""
    link = page.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Til journalisering (1)")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Til journalisering")
    waiting = page.get_by_role("list", name="Venter på journalisering")
    expect(waiting.get_by_role("link", name="Opfølgning")).to_have_attribute(
        "href", f"#/moede/{meeting_id}")
    check_accessibility(page, "til journalisering")
    screenshot(page, "til-journalisering-1024x768")
    widths(page, "til journalisering")
    waiting.get_by_role("button", name="Overført til fagsystemet").click()
    expect(page.get_by_text("Alle journalnotater er overført til fagsystemet.")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Til journalisering", exact=True)).to_be_visible()


def test_a_placement_made_ended_and_journalised_offline_reaches_the_server(new_device, api):
    today = datetime.datetime.now(COPENHAGEN).date()
    world = set_up(api)
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    wait_for_service_worker(page, "anne")
    page.context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")

    same_cvr_offers_the_company(page, world)
    placement_id = new_placement(page, world, today - datetime.timedelta(days=20))
    meeting_id = follow_up_meeting(page, today + datetime.timedelta(days=14))
    end_placement(page, placement_id, today)
    journalise(page, meeting_id)

    page.context.set_offline(False)
    sync_now(page)
    office = api("anne")
    placement = office.record("placement", placement_id)["data"]
    citizen = office.record("citizen", placement["citizen_id"])["data"]
    assert placement["citizen_id"] != world["citizen_id"]
    assert citizen == {"name": "Jonas Lund", "cpr": "020285-1235", "target_group": "kontanthjaelp",
                       "job_goals": {"a": "Lagerarbejder"}}
    assert [placement[k] for k in ("kind", "status", "outcome", "end_date")] == [
        "internship", "ended", "ordinary_job", today.isoformat()]
    assert [w["name"] for w in placement["work_functions"]] == ["Pluk og pak", "Varemodtagelse"]
    assert placement["hours"][0]["internship_hours"] == 18.5
    meeting = office.record("meeting", meeting_id)["data"]
    assert meeting["placement_id"] == placement_id and meeting["status"] == "final"
    assert meeting["notes_citizen"] == NOTES_CITIZEN
    me = office.session.get(f"{office.url}/me", timeout=30).json()
    assert meeting["journalized_at"] and meeting["journalized_by"] == me["id"]

    other = new_device("lis")
    other.evaluate(f"location.hash = '#/forloeb/{placement_id}'")
    expect(other.get_by_role("heading", level=1)).to_contain_text("Jonas Lund")
    ended = other.get_by_role("region", name="Forløbet er afsluttet")
    expect(ended).to_contain_text("Ordinært job")
    other.get_by_role("link", name="Ret borgerens oplysninger").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Jonas Lund")
    expect(other.get_by_label("CPR-nummer", exact=True)).to_have_count(0)
    other.get_by_role("button", name="Vis CPR-nummer").click()
    expect(other.get_by_label("CPR-nummer", exact=True)).to_have_value("020285-1235")
    check_accessibility(other, "citizen page")
    widths(other, "citizen page")


def test_a_second_progression_mod_job_carries_the_tasks_and_charts_both_dates(new_device, api):
    today = datetime.datetime.now(COPENHAGEN).date()
    earlier = today - datetime.timedelta(days=28)
    world = set_up(api)
    row_id = str(uuid.uuid4())
    placement_id, placement = upsert("placement", {
        "citizen_id": world["citizen_id"], "company_id": world["company_id"],
        "kind": "internship", "status": "active", "start_date": earlier.isoformat()})
    _, first = upsert("assessment", {
        "placement_id": placement_id, "template_key": "progression-mod-job",
        "template_version": 1, "assessed_on": earlier.isoformat(), "status": "final",
        "answers": {"tasks": {row_id: {"task": "Varemodtagelse", "employer_rating": 4,
                                       "citizen_rating": 6, "new_hire_rating": 8}}}})
    assert [r["status"] for r in api("anne").push(placement, first)] == ["applied"] * 2
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    page.evaluate(f"location.hash = '#/forloeb/{placement_id}'")
    page.get_by_role("button", name="Ny vurdering: Progression mod job").click()
    expect(page.get_by_label("Opgave (skal udfyldes)")).to_have_value("Varemodtagelse")
    rating = page.get_by_role(
        "group", name=re.compile("^Hvordan vil du vurdere, at borgeren løser opgaven"))
    rating.get_by_role("radio", name="6", exact=True).check()
    page.get_by_role("button", name="Afslut vurdering").click()
    expect(page.get_by_text("Vurderingen er afsluttet")).to_be_visible()
    expect(page).to_have_url(re.compile(r"#/vurdering/[0-9a-f-]{36}$"))
    page.get_by_role("link", name="Tilbage til forløbet").click()
    trend = page.get_by_role("table", name="Varemodtagelse: vurderinger over tid")
    expect(trend.get_by_role("row")).to_have_count(3)
    expect(trend).to_contain_text(earlier.strftime("%d.%m.%Y"))
    expect(trend).to_contain_text(today.strftime("%d.%m.%Y"))
    check_accessibility(page, "placement page (progression over time)")
    sync_now(page)
    [second] = [a for a in api("anne").records("assessment")
                if a["data"]["placement_id"] == placement_id and a["id"] != first["id"]]
    assert list(second["data"]["answers"]["tasks"]) == [row_id]


@contextlib.contextmanager
def admin_for_a_while(database, username: str):
    """While inside, `username` has the admin role (as `user set-role` would give it)."""
    def set_role(role: str) -> None:
        with contextlib.closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("UPDATE users SET role = ? WHERE username = ?", (role, username))

    set_role("admin")
    try:
        yield
    finally:
        set_role("consultant")


def test_an_admin_imports_a_case_export_from_the_screen(new_device, api, server):
    cvr_name = unique("Importlager")
    good = ("cpr;navn;cvr;virksomhed;forloebstype;startdato;praktiktimer\r\n"
            f"030303-1234;Ida Import;10000017;{cvr_name};Løntilskud;01.02.2026;12,5\r\n")
    bad = good.replace("01.02.2026", "31-02-2026")
    with admin_for_a_while(server.database, "lis"):
        page = new_device("lis")
        page.set_viewport_size(TABLET)
        page.get_by_role("navigation", name="Hovedmenu").get_by_role(
            "link", name="Indstillinger").click()
        page.get_by_role("link", name="Importér fra fagsystem").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Importér fra fagsystem")
        upload = page.get_by_label("CSV-fil")
        upload.set_input_files(files=[{"name": "udtraek.csv", "mimeType": "text/csv",
                                       "buffer": bad.encode("cp1252")}])
        page.get_by_role("button", name="Prøvekørsel").click()
        problems = page.get_by_role("table", name="1 fejl: intet er importeret")
        expect(problems.get_by_role("row").nth(1)).to_contain_text("startdato")
        expect(page.get_by_role("button", name="Importér", exact=True)).to_have_count(0)
        upload.set_input_files(files=[{"name": "udtraek.csv", "mimeType": "text/csv",
                                       "buffer": good.encode("cp1252")}])
        page.get_by_role("button", name="Prøvekørsel").click()
        summary = page.get_by_role("table", name="1 række i filen")
        expect(summary.get_by_role("row", name=re.compile("^Forløb"))).to_contain_text("1")
        check_accessibility(page, "import screen")
        widths(page, "import screen")
        page.get_by_role("button", name="Importér", exact=True).click()
        expect(page.get_by_text("Importen er gemt.")).to_be_visible()
    [company] = [c for c in api("anne").records("company") if c["data"]["name"] == cvr_name]
    assert company["data"]["cvr"] == "10000017"
