"""I dag, Virksomheder, the company briefing, the company form and Opgaver in the real app.

The office (the `Api` helper, as anne and as her colleague lis) pushes a company with a
contact, a citizen with an active placement and hours, meetings (one today, one past
follow-up with notes and agreements, one held by lis) and a job order; the device then
shows them where the consultant needs them. Every screen is checked with axe-core and
screenshotted at 1024×768 (also an open job order and the new-company form with a wrong
CVR), and checked for horizontal overflow at phone size (390×844) and, for I dag and the
briefing, in portrait (768×1024).
"""
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import company_link, expect_synced, go_to, sync_now, unique
from tests.e2e.steps import PHONE, PORTRAIT, TABLET, no_horizontal_overflow

pytestmark = pytest.mark.slow

VALID_CVR = "29403171"
CVR_MESSAGE = "CVR-nummeret skal være 8 cifre med gyldigt kontrolciffer"


def rfc3339(moment: datetime) -> str:
    """A UTC RFC 3339 date-time."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def office_data(anne, lis) -> dict:
    """The records the office has before the device logs in; names and ids by role."""
    now = datetime.now(UTC)
    today = datetime.now(ZoneInfo("Europe/Copenhagen")).date()
    names = {"company": unique("Havnens Bageri"), "other": unique("Fjordens Tømrer"),
             "industry": unique("Fødevareindustri"), "contact": unique("Mette Holm"),
             "citizen": unique("Ali Hassan"), "order": unique("Bagerlærling"),
             "agreement": unique("Mette ringer til Ali om mødetider"),
             "follow_up": unique("Kontorhuset")}
    company = anne.create("company", name=names["company"], cvr=VALID_CVR, city="Esbjerg",
                  industry=names["industry"], status="active", interests=["internship", "mentor"])
    anne.create("company", name=names["other"], city="Ribe", industry="Byggeri")
    anne.create("contact", company_id=company, name=names["contact"], title="Værkfører",
        phone="75 12 00 00", role="mentor", is_primary=True)
    citizen = anne.create("citizen", name=names["citizen"], cpr="010190-1234")
    placement = anne.create("placement", citizen_id=citizen, company_id=company, kind="internship",
                    start_date=str(today - timedelta(days=30)), status="active",
                    hours=[{"id": str(uuid.uuid4()), "from_date": str(today - timedelta(days=30)),
                            "internship_hours": 20, "paid_hours": 5}])
    meeting_today = anne.create("meeting", company_id=company, placement_id=placement,
                        kind="follow_up", scheduled_at=rfc3339(now + timedelta(minutes=10)))
    anne.create("meeting", company_id=company, placement_id=placement, kind="follow_up",
        held_at=rfc3339(now - timedelta(days=14)), status="final",
        next_follow_up=str(today - timedelta(days=1)),
        notes_citizen="Ali fortæller, at han trives med at bage.",
        notes_company="Aftalen er, at Mette viser Ali ovnen, og jeg ringer fredag.",
        agreements=[{"id": str(uuid.uuid4()), "text": names["agreement"], "responsible": "Mette",
                     "due_date": str(today + timedelta(days=2))}])
    # A follow-up that is due: no later meeting about it (the one above is planned today).
    other_company = anne.create("company", name=names["follow_up"], city="Varde")
    anne.create("meeting", company_id=other_company, kind="follow_up",
        held_at=rfc3339(now - timedelta(days=10)), next_follow_up=str(today - timedelta(days=1)),
        status="final")
    lis.create("meeting", company_id=company, kind="first_visit",
        held_at=rfc3339(now - timedelta(days=60)), notes_company="Lis mødte ejeren.",
        participants=[{"id": str(uuid.uuid4()), "name": "Ole Bager", "role": "Ejer"}])
    anne.create("job_order", company_id=company, title=names["order"], positions=2, filled=0,
        status="open")
    return {"names": names, "company": company, "placement": placement,
            "meeting_today": meeting_today}


def test_day_companies_briefing_and_tasks(new_device, api):
    """The consultant's day, the company list, the briefing, the form and the tasks."""
    anne, lis = api("anne"), api("lis")
    office = office_data(anne, lis)
    names = office["names"]
    page = new_device("anne")
    page.set_viewport_size(TABLET)

    # I dag: today's meeting, one tap to start it, the due follow-up and agreement item.
    expect(page.get_by_role("heading", level=1)).to_contain_text("I dag")
    start = page.get_by_role("link", name=re.compile(r"^Start næste møde"))
    expect(start).to_contain_text(names["company"])
    meetings = page.get_by_role("list", name=re.compile(r"^Møder "))
    expect(meetings.get_by_role("link", name=re.compile(re.escape(names["company"])))
           ).to_be_visible()
    deadlines = page.get_by_role("list", name="Frister")
    follow_up = deadlines.get_by_role("link", name=re.compile(
        rf"Opfølgning hos {re.escape(names['follow_up'])}"))
    expect(follow_up).to_contain_text("Forfalden i går")
    agreement = deadlines.get_by_role("link", name=re.compile(re.escape(names["agreement"])))
    expect(agreement).to_contain_text("Om 2 dage")
    check_accessibility(page, "I dag")
    screenshot(page, "i-dag-1024x768")
    start.click()
    expect(page).to_have_url(re.compile(rf"#/moede/{office['meeting_today']}$"))

    # Virksomheder: search by CVR and by industry, and filter "Har aktive forløb".
    go_to(page, "Virksomheder")
    search = page.get_by_label("Søg")
    search.fill(VALID_CVR)
    expect(company_link(page, names["company"])).to_be_visible()
    expect(company_link(page, names["other"])).to_have_count(0)
    search.fill(names["industry"].lower())
    expect(company_link(page, names["company"])).to_be_visible()
    expect(company_link(page, names["other"])).to_have_count(0)
    search.fill("")
    expect(company_link(page, names["other"])).to_be_visible()
    page.get_by_label("Har aktive forløb").check()
    expect(company_link(page, names["other"])).to_have_count(0)
    expect(company_link(page, names["company"])).to_contain_text("1 aktivt forløb")
    check_accessibility(page, "Virksomheder")
    screenshot(page, "virksomheder-1024x768")

    # The briefing: contacts, the placement with name and hours, the last follow-up, history.
    company_link(page, names["company"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(names["company"])
    contacts = page.get_by_role("region", name="Kontaktpersoner")
    expect(contacts).to_contain_text(names["contact"])
    expect(contacts).to_contain_text("Primær")
    placements = page.get_by_role("region", name="Aktive forløb")
    expect(placements.get_by_role("link", name=names["citizen"])).to_have_attribute(
        "href", f"#/forloeb/{office['placement']}")
    expect(placements).to_contain_text("20 praktiktimer og 5 ordinære timer pr. uge")
    expect(placements).not_to_contain_text("010190")
    last = page.get_by_role("region", name="Seneste opfølgning")
    expect(last).to_contain_text("Ali fortæller, at han trives med at bage.")
    expect(last).to_contain_text("Aftalen er, at Mette viser Ali ovnen, og jeg ringer fredag.")
    expect(last).to_contain_text(names["agreement"])
    history = page.get_by_role("region", name="Mødehistorik")
    expect(history.get_by_role("link")).to_have_count(3)  # one per meeting, newest first
    expect(history.get_by_role("link").last).to_contain_text("Førstegangsbesøg")
    expect(history).to_contain_text("lis med Ole Bager")
    expect(page.get_by_role("region", name="Åbne jobordrer").get_by_role(
        "link", name=names["order"])).to_be_visible()
    expect(page.get_by_role("region", name="Interesseret i")).to_contain_text(
        "Mentorfunktion/ordning")
    expect(page.get_by_role("link", name="Nyt møde")).to_have_attribute(
        "href", f"#/moede/ny/{office['company']}")
    check_accessibility(page, "Virksomhedens side")
    screenshot(page, "virksomhed-briefing-1024x768")

    # An open job order from the briefing, and back.
    page.get_by_role("region", name="Åbne jobordrer").get_by_role(
        "link", name=names["order"]).click()
    expect(page.get_by_label("Stillingsbetegnelse (skal udfyldes)")).to_have_value(names["order"])
    check_accessibility(page, "Jobordre")
    screenshot(page, "jobordre-1024x768")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(names["company"])

    # A new contact from the briefing.
    contacts.get_by_role("button", name="Tilføj kontaktperson").click()
    new_contact = unique("Jens Lager")
    check_accessibility(page, "Ny kontaktperson")
    page.get_by_role("form", name="Ny kontaktperson").get_by_label("Navn").fill(new_contact)
    page.get_by_role("button", name="Gem kontaktperson").click()
    expect(contacts).to_contain_text(new_contact)

    page.get_by_role("link", name="Rediger", exact=True).click()
    expect(page.get_by_label("Navn", exact=True)).to_have_value(names["company"])
    expect(page.get_by_label("Virksomhedspraktik")).to_be_checked()
    check_accessibility(page, "Virksomhedsformular")
    screenshot(page, "virksomhed-formular-1024x768")

    # Opgaver: create one, mark it done, and the server has it.
    go_to(page, "Opgaver")
    title = unique("Ring til Mette")
    page.get_by_label("Opgave", exact=True).fill(title)
    page.get_by_label("Frist").fill(str(date.today()))
    page.get_by_role("button", name="Opret opgave").click()
    done = page.get_by_role("checkbox", name=title)
    expect(done).not_to_be_checked()
    check_accessibility(page, "Opgaver")
    screenshot(page, "opgaver-1024x768")
    done.check()
    expect(done).to_be_checked()
    sync_now(page)
    tasks = [t for t in anne.records("task") if t["data"].get("title") == title]
    assert len(tasks) == 1 and tasks[0]["data"]["done"] is True, tasks
    contact_names = [c["data"]["name"] for c in anne.records("contact")
                     if c["data"].get("company_id") == office["company"]]
    assert new_contact in contact_names

    # A new company with a wrong CVR: the Danish message, and nothing is saved.
    go_to(page, "Virksomheder")
    page.get_by_role("button", name="Ny virksomhed").click()
    wrong = unique("Forkert CVR")
    page.get_by_label("Navn", exact=True).fill(wrong)
    page.get_by_label("CVR-nummer").fill("29403172")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text(CVR_MESSAGE)).to_be_visible()
    expect(page.get_by_label("CVR-nummer")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Navn", exact=True)).to_have_value(wrong)
    check_accessibility(page, "Ny virksomhed med fejl")
    screenshot(page, "ny-virksomhed-fejl-1024x768")
    go_to(page, "Virksomheder")
    page.get_by_label("Søg").fill(wrong)
    expect(page.get_by_text("Ingen virksomheder passer til søgningen.")).to_be_visible()
    expect_synced(page)
    assert not [c for c in anne.records("company") if c["data"].get("name") == wrong]

    # Portrait (I dag and the briefing) and phone size (every screen): they fit the width.
    briefing = f"#/virksomheder/{office['company']}"
    for size, screens in [
            (PORTRAIT, [("i-dag", "#/i-dag", "I dag"),
                        ("virksomhed-briefing", briefing, names["company"])]),
            (PHONE, [("i-dag", "#/i-dag", "I dag"),
                     ("virksomheder", "#/virksomheder", "Virksomheder"),
                     ("virksomhed-briefing", briefing, names["company"]),
                     ("virksomhed-formular", f"{briefing}/rediger", names["company"]),
                     ("opgaver", "#/opgaver", "Opgaver")])]:
        page.set_viewport_size(size)
        for screen, route, heading in screens:
            page.evaluate("(hash) => { window.location.hash = hash; }", route)
            expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
            no_horizontal_overflow(page, screen)
            screenshot(page, f"{screen}-{size['width']}x{size['height']}")
