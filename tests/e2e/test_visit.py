"""A follow-up visit in a real browser, offline from the start of the visit (issue 5's
story): the company briefing, a follow-up meeting (frame, both notes, attendance, the
follow-up prompts, the ordinary-hours question, agreements, next follow-up), the previous
meeting's open agreement marked done, a job order made from the meeting, the page closed
mid-typing and reopened with the text intact, "Afslut mødet" and its tasks; then the
placement page opened from the briefing, a progressionskort for a second date and the
chart's text alternative listing both dates; then online, and everything on the server.
axe-core on the meeting form (first visit and follow-up), the job order form and the
progressionskort at 1024×768; screenshots of them at 1024×768, and of the meeting form at
768×1024 and 390×844 (whose width another test checks).
"""
import datetime
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import (
    company_link,
    go_to,
    sync_now,
    sync_status,
    unique,
    unlock,
    wait_for_service_worker,
)
from tests.e2e.steps import (
    CRITERIA,
    PHONE,
    PORTRAIT,
    TABLET,
    expect_assessment_on_server,
    expect_progression,
    fill_progressionskort,
    final_progressionskort,
    no_horizontal_overflow,
    upsert,
)

pytestmark = pytest.mark.slow

TASK_NAMESPACE = uuid.UUID("6c1a2f0e-5d0b-4a7e-9f54-6d3b1f6e2a10")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
EARLIER_AGREEMENT = "Ole finder sikkerhedssko til Sara"
NOTES_CITIZEN = "Sara fortæller, at hun trives på holdet.\nHun møder til tiden."
NOTES_COMPANY = "Aftalt med Ole, at Sara prøver at stå i butikken om fredagen."
TYPED_LAST = " Ole ringer til jobcentret, hvis Sara er syg"
KORT_BEFORE = {item["id"]: 2 for item in CRITERIA}
KORT_NOW = {item["id"]: (3 if i % 3 else 4) for i, item in enumerate(CRITERIA)}


def danish(day: datetime.date) -> str:
    """A date as the journal note writes it: 02.11.2026."""
    return day.strftime("%d.%m.%Y")


def set_up_visit(api, today: datetime.date) -> dict:
    """A company with a contact, a citizen with an active placement there, and an earlier
    follow-up meeting with one open agreement and a final progressionskort four weeks ago,
    pushed from the office."""
    name = unique("Havnens Bageri")
    company_id, company = upsert("company", {"name": name, "city": "Esbjerg"})
    contact_id, contact = upsert("contact", {"company_id": company_id, "name": "Ole Hansen",
                                             "title": "Bagermester", "role": "manager"})
    citizen_id, citizen = upsert("citizen", {"name": "Sara Jensen"})
    placement_id, placement = upsert("placement", {
        "citizen_id": citizen_id, "company_id": company_id, "kind": "internship",
        "status": "active", "start_date": (today - datetime.timedelta(days=35)).isoformat()})
    item_id = str(uuid.uuid4())
    held = datetime.datetime.combine(today - datetime.timedelta(days=14), datetime.time(9, 30),
                                     COPENHAGEN)
    earlier_id, earlier = upsert("meeting", {
        "company_id": company_id, "placement_id": placement_id, "kind": "follow_up",
        "held_at": held.isoformat(), "next_follow_up": today.isoformat(), "status": "final",
        "notes_citizen": "Sara fortæller, at hun er glad for opgaverne.",
        "agreements": [{"id": item_id, "text": EARLIER_AGREEMENT, "responsible": "Ole",
                        "due_date": today.isoformat(), "done": False}]})
    assessed_on = today - datetime.timedelta(days=28)
    _, kort = final_progressionskort(placement_id, assessed_on, KORT_BEFORE)
    results = api("anne").push(company, contact, citizen, placement, earlier, kort)
    assert [r["status"] for r in results] == ["applied"] * 6, results
    return {"name": name, "company_id": company_id, "contact_id": contact_id,
            "placement_id": placement_id, "earlier_id": earlier_id, "item_id": item_id,
            "assessed_on": assessed_on}


def start_meeting(page: Page, visit: dict) -> str:
    """From the briefing, "Nyt møde": a first visit until the placement is chosen; its id."""
    page.evaluate(f"location.hash = '#/virksomheder/{visit['company_id']}'")
    expect(page.get_by_role("heading", level=1)).to_have_text(visit["name"])
    page.get_by_role("link", name="Nyt møde").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(f"Førstegangsbesøg – {visit['name']}")
    expect(page.get_by_role("group", name="Berørte temaer")).to_be_visible()
    check_accessibility(page, "meeting form (first visit)")
    page.get_by_label("Forløb (borger)").select_option(label="Sara Jensen")
    expect(heading).to_have_text(f"Opfølgning – {visit['name']}")
    expect(page).to_have_url(re.compile(r"#/moede/[0-9a-f-]{36}$"))
    return page.url.rsplit("/", 1)[1]


def follow_up_earlier_agreement(page: Page) -> None:
    """The previous meeting's open agreement is shown at the top; mark it done."""
    previous = page.get_by_role("region", name="Opfølgning på aftaler fra sidste møde")
    expect(previous).to_contain_text(EARLIER_AGREEMENT)
    expect(previous).to_contain_text("Ikke udført")
    previous.get_by_role("button", name=f"Marker som udført: {EARLIER_AGREEMENT}").click()
    expect(previous).to_contain_text("✓ Udført")


def fill_frame_and_notes(page: Page) -> None:
    """The frame (held now, time available, purpose), a participant, and both notes."""
    page.get_by_role("button", name="Nu", exact=True).click()
    page.get_by_label("Tid til rådighed (minutter)").fill("30")
    page.get_by_label("Formål og udbytte af mødet").fill("Opfølgning på praktikken")
    page.get_by_label("Tilføj kontaktperson").select_option(label="Ole Hansen, Bagermester")
    expect(page.get_by_label("Deltager 1", exact=True)).to_have_value("Ole Hansen")
    page.get_by_label("Om borgeren", exact=True).fill(NOTES_CITIZEN)
    page.get_by_label("Aftalt med virksomheden", exact=True).fill(NOTES_COMPANY)


def fill_follow_up(page: Page, start: datetime.date, end: datetime.date) -> None:
    """The follow-up agenda: tasks, attendance (hours, norm, period), works well, difficult."""
    page.get_by_label("Arbejdsopgaver").fill("Sara har pakket brød og fyldt hylder op.")
    page.get_by_label("Fremmødte timer").fill("28,5")
    page.get_by_label("Normtid (timer)").fill("30")
    page.get_by_label("Perioden fra").fill(start.isoformat())
    page.get_by_label("Perioden til").fill(end.isoformat())
    expect(page.get_by_text("Fremmøde: 28,5 af 30 timer (95 %)")).to_be_visible()
    page.get_by_label("Hvad fungerer godt/hvad lykkes?").fill("Samarbejdet med kollegerne")
    page.get_by_label("Hvad er svært?").fill("Tunge løft sidst på dagen")


def finish_is_refused_until_complete(page: Page):
    """"Afslut mødet" without the ordinary-hours answer and the next follow-up: Danish
    messages next to both fields, focus on the first; the ordinary-hours group."""
    page.get_by_role("button", name="Afslut mødet").click()
    ordinary = page.get_by_role("group", name=re.compile(r"^Er ordinære \(lønnede\) timer"))
    message = "Svar på, om ordinære timer er drøftet"
    expect(ordinary.get_by_text(message, exact=True)).to_be_visible()
    expect(ordinary.get_by_label("Ja")).to_be_focused()
    missing = "Næste opfølgning skal have en dato, før mødet kan afsluttes"
    expect(page.get_by_text(missing, exact=True)).to_be_visible()
    refused = page.get_by_role("alert").filter(has_text="Mødet kan ikke afsluttes endnu")
    expect(refused).to_be_visible()
    expect(page.get_by_text("Kladde", exact=True)).to_be_visible()
    return ordinary


def agreement(page: Page, number: int, what: str, who: str, due: datetime.date) -> None:
    """Fill in agreement row `number`."""
    row = page.get_by_role("group", name=f"Aftale {number}", exact=True)
    row.get_by_label("Hvad er aftalt").fill(what)
    row.get_by_label("Hvem").fill(who)
    row.get_by_label("Senest").fill(due.isoformat())


def make_job_order(page: Page, visit: dict, meeting_id: str) -> str:
    """"Ny jobordre" from the meeting: fill it, add to the contact log, return; its id."""
    page.get_by_role("button", name="Ny jobordre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ny jobordre – {visit['name']}")
    check_accessibility(page, "job order form (new)")
    page.get_by_label("Stillingsbetegnelse (skal udfyldes)").fill("Bagerlærling")
    expect(page).to_have_url(re.compile(rf"#/jobordre/[0-9a-f-]{{36}}/{meeting_id}$"))
    job_order_id = page.url.rsplit("/", 2)[1]
    page.get_by_label("Antal stillinger").fill("2")
    page.get_by_label("Praktik", exact=True).check()
    page.get_by_label("Fuld tid").check()
    page.get_by_label("Kontaktperson").select_option(label="Ole Hansen")
    expect(page.get_by_text("Jobordre modtaget ved møde")).to_be_visible()
    page.get_by_label("Kommentarer").fill("Ole sender stillingsopslaget fredag")
    page.get_by_role("button", name="Tilføj kontakt").click()
    expect(page.get_by_text("Ole sender stillingsopslaget fredag")).to_be_visible()
    expect(page.get_by_text("Seneste kontakt i dag")).to_be_visible()
    check_accessibility(page, "job order form")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "job-order-form-1024x768")
    page.get_by_role("button", name="← Tilbage til mødet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Opfølgning – {visit['name']}")
    return job_order_id


def close_mid_typing_and_reopen(page: Page, meeting_id: str) -> Page:
    """Type into the company note and close the page at once (no blur); open a new page
    of the same device (offline), unlock: the text is intact."""
    context = page.context
    page.get_by_label("Aftalt med virksomheden", exact=True).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(TYPED_LAST)
    page.close()
    page = context.new_page()
    page.set_viewport_size(TABLET)
    page.goto(f"/#/moede/{meeting_id}")
    unlock(page, "anne")
    notes = page.get_by_label("Aftalt med virksomheden", exact=True)
    expect(notes).to_have_value(NOTES_COMPANY + TYPED_LAST)
    expect(page.get_by_label("Om borgeren", exact=True)).to_have_value(NOTES_CITIZEN)
    return page


def check_journal(page: Page, start: datetime.date, end: datetime.date) -> None:
    """The journal note has attendance as hours of norm in the period, both notes and the
    previous meeting's agreement; "Kopiér" copies it (or selects it)."""
    journal = page.get_by_label("Tekst til journalen")
    period = f"d. {danish(start)} – {danish(end)}"
    expect(journal).to_have_value(re.compile(
        re.escape(f"Fremmøde/pauser: 28,5 timer af 30 timer i perioden {period}")))
    expect(journal).to_have_value(
        re.compile(r"Aftalt med virksomheden:\n" + re.escape(NOTES_COMPANY)))
    expect(journal).to_have_value(re.compile(re.escape(f"- {EARLIER_AGREEMENT} – ansvarlig: Ole")))
    page.get_by_role("button", name="Kopiér").click()
    expect(page.get_by_text(re.compile(r"^(Kopieret|Teksten er markeret)"))).to_be_visible()


def assess_from_the_briefing(page: Page, visit: dict, today: datetime.date) -> None:
    """Open the placement from the company briefing, fill today's progressionskort: the
    chart's text alternative lists the earlier date and today with their totals."""
    go_to(page, "Virksomheder")
    company_link(page, visit["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(visit["name"])
    placements = page.get_by_role("region", name="Aktive forløb")
    placements.get_by_role("link", name="Sara Jensen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sara Jensen")
    expect_progression(page, {visit["assessed_on"]: KORT_BEFORE})
    rising = page.get_by_text("Niveau 4, op fra 2 (4 point)")
    expect(rising).to_have_count(0)
    fill_progressionskort(page, KORT_NOW)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sara Jensen")
    expect_progression(page, {visit["assessed_on"]: KORT_BEFORE, today: KORT_NOW})
    expect(rising.first).to_be_visible()


def check_server(office, visit: dict, ids: dict, dates: dict) -> None:
    """The meeting, the earlier meeting's agreement, the job order, the tasks and today's
    progressionskort arrived."""
    meeting_id = ids["meeting"]
    meeting = office.record("meeting", meeting_id)["data"]
    assert meeting["status"] == "final"
    assert meeting["kind"] == "follow_up" and meeting["placement_id"] == visit["placement_id"]
    assert meeting["notes_citizen"] == NOTES_CITIZEN
    assert meeting["notes_company"] == NOTES_COMPANY + TYPED_LAST
    assert meeting["follow_up"]["attendance"] == {
        "attended_hours": 28.5, "norm_hours": 30, "period_start": dates["start"].isoformat(),
        "period_end": dates["end"].isoformat()}
    assert meeting["follow_up"]["ordinary_hours_discussed"] is False
    assert meeting["follow_up"]["difficult"] == "Tunge løft sidst på dagen"
    assert meeting["next_follow_up"] == dates["next"].isoformat()
    assert meeting["duration_minutes"] == 30
    assert [p["contact_id"] for p in meeting["participants"]] == [visit["contact_id"]]
    assert [(a["text"], a["responsible"]) for a in meeting["agreements"]] == [
        ("Sara øger til 20 timer om ugen", "Sara"), ("Ole viser Sara kassen", "Ole")]
    earlier = office.record("meeting", visit["earlier_id"])["data"]
    assert earlier["agreements"][0]["done"] is True
    order = office.record("job_order", ids["job_order"])["data"]
    assert order["company_id"] == visit["company_id"]
    assert (order["title"], order["positions"], order["offers"], order["hours_type"]) == (
        "Bagerlærling", 2, ["internship"], "full_time")
    assert order["contact_id"] == visit["contact_id"]
    assert [e["text"] for e in order["log"]] == ["Jobordre modtaget ved møde",
                                                 "Ole sender stillingsopslaget fredag"]
    task_id = str(uuid.uuid5(TASK_NAMESPACE, f"{meeting_id}:next_follow_up"))
    task = office.record("task", task_id)["data"]
    assert task == {"title": f"Opfølgning hos {visit['name']}",
                    "due_date": dates["next"].isoformat(), "related_type": "meeting",
                    "related_id": meeting_id}
    tasks = [t for t in office.records("task") if t["data"].get("related_id") == meeting_id]
    expected = {task_id} | {str(uuid.uuid5(TASK_NAMESPACE, f"{a['id']}:agreement"))
                            for a in meeting["agreements"]}
    assert {t["id"] for t in tasks} == expected
    expect_assessment_on_server(office, visit["placement_id"], dates["today"], KORT_NOW)


def test_follow_up_visit_offline_reaches_the_server(new_device, api):
    today = datetime.datetime.now(COPENHAGEN).date()
    days = datetime.timedelta
    dates = {"start": today - days(21), "end": today - days(1), "next": today + days(21),
             "today": today}
    visit = set_up_visit(api, today)
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    wait_for_service_worker(page, "anne")
    page.context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")

    meeting_id = start_meeting(page, visit)
    follow_up_earlier_agreement(page)
    fill_frame_and_notes(page)
    fill_follow_up(page, dates["start"], dates["end"])
    ordinary = finish_is_refused_until_complete(page)
    ordinary.get_by_label("Nej").check()
    page.get_by_role("button", name="Tilføj aftale").click()
    page.get_by_role("button", name="Tilføj aftale").click()
    agreement(page, 1, "Sara øger til 20 timer om ugen", "Sara", today + days(7))
    agreement(page, 2, "Ole viser Sara kassen", "Ole", today + days(10))
    page.get_by_label("Næste opfølgning (skal udfyldes)").fill((today + days(14)).isoformat())
    expect(page.get_by_text(re.compile(r"Gemt på enheden kl\. \d\d:\d\d"))).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="Mødet kan ikke afsluttes")).to_have_count(0)
    check_accessibility(page, "meeting form (follow-up)")
    page.get_by_role("navigation", name="Gå til afsnit").get_by_role("button", name="Noter").click()
    expect(page.get_by_label("Om borgeren", exact=True)).to_be_focused()
    screenshot(page, "meeting-form-1024x768")
    page.set_viewport_size(PORTRAIT)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "meeting-form-768x1024")
    page.set_viewport_size(PHONE)
    screenshot(page, "meeting-form-390x844")
    page.set_viewport_size(TABLET)

    job_order_id = make_job_order(page, visit, meeting_id)
    page = close_mid_typing_and_reopen(page, meeting_id)

    page.get_by_role("button", name="Afslut mødet").click()
    expect(page.get_by_text("Mødet er afsluttet.", exact=False)).to_be_visible()
    expect(page.get_by_text("✓ Afsluttet")).to_be_visible()
    check_journal(page, dates["start"], dates["end"])
    # Saving the finished meeting again updates its follow-up task rather than adding one.
    page.get_by_label("Næste opfølgning (skal udfyldes)").fill(dates["next"].isoformat())
    page.get_by_role("button", name="Opdatér opgaver").click()
    expect(page.get_by_text(f"{danish(dates['next'])} er lagt i Opgaver")).to_be_visible()
    assess_from_the_briefing(page, visit, today)

    page.context.set_offline(False)
    sync_now(page)
    check_server(api("anne"), visit, {"meeting": meeting_id, "job_order": job_order_id}, dates)


def test_follow_up_meeting_form_fits_portrait_and_phone(new_device, api):
    """The follow-up meeting form (with the attendance fields) is no wider than the screen
    in portrait (768×1024) and on a phone (390×844)."""
    today = datetime.datetime.now(COPENHAGEN).date()
    visit = set_up_visit(api, today)
    page = new_device("anne")
    start_meeting(page, visit)
    expect(page.get_by_label("Normtid (timer)")).to_be_visible()
    for size in (PORTRAIT, PHONE):
        page.set_viewport_size(size)
        no_horizontal_overflow(page, "the follow-up meeting form")


def test_autosave_never_undoes_a_colleagues_edit(new_device, api):
    """While the meeting form is open and autosaving the citizen note, a colleague changes
    the company note on the server: the form shows it after a sync, and further typing
    (which autosaves only the fields typed in) leaves it on the server."""
    office = api("anne")
    name = unique("Fjordens Tømrer")
    company_id = office.create_company(name=name)
    meeting_id, meeting = upsert("meeting", {"company_id": company_id, "kind": "first_visit",
                                             "status": "draft", "notes_company": "Første linje"})
    [result] = office.push(meeting)
    assert result["status"] == "applied", result
    page = new_device("anne")
    page.goto(f"/#/moede/{meeting_id}")
    page.reload()
    unlock(page, "anne")
    citizen = page.get_by_label("Om borgeren", exact=True)
    company = page.get_by_label("Aftalt med virksomheden", exact=True)
    expect(company).to_have_value("Første linje")
    citizen.fill("Ole fortæller, at de mangler en tømrerlærling.")
    expect(page.get_by_text(re.compile(r"Gemt på enheden kl\. \d\d:\d\d"))).to_be_visible()
    sync_now(page)

    colleague = "Første linje\nKollega: firmaet ønsker CV'er tilsendt"
    current = office.record("meeting", meeting_id)
    [result] = office.push({"mutation_id": str(uuid.uuid4()), "type": "meeting", "id": meeting_id,
                            "op": "upsert", "base_rev": current["rev"],
                            "data": {**current["data"], "notes_company": colleague}})
    assert result["status"] == "applied", result
    sync_now(page)
    expect(company).to_have_value(colleague)
    citizen.press("End")
    citizen.type(" De vil gerne tage en i praktik.")
    expect(citizen).to_have_value(
        "Ole fortæller, at de mangler en tømrerlærling. De vil gerne tage en i praktik.")
    sync_now(page)

    data = office.record("meeting", meeting_id)["data"]
    assert data["notes_company"] == colleague
    assert data["notes_citizen"] == ("Ole fortæller, at de mangler en tømrerlærling."
                                     " De vil gerne tage en i praktik.")
    assert data["kind"] == "first_visit" and data["status"] == "draft"
