"""The placement page and progression assessments in a real browser, offline: sensitive
fields masked until tapped, the hours chart, a progressionskort filled for today that
changes the progression chart, the gap of a progression-mod-job assessment, and the new
assessment on the server after going online. axe-core on every screen at 1024×768.
"""
import datetime
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import sync_now, sync_status, unique, unlock, wait_for_service_worker
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
    progress_table,
    upsert,
    written_date,
)

pytestmark = pytest.mark.slow

CPR = "010190-1234"
CARE = "Kan ikke løfte over 10 kg"


def set_up_placement(api, assessed_on: datetime.date, levels: dict[str, int]) -> dict:
    """Company, mentor, citizen, active placement with work functions and hours, a final
    progressionskort, progressionsvaerktoej and progression-mod-job, pushed from the office."""
    office = api("anne")
    company_id, company = upsert("company", {"name": unique("Brugsen Vest")})
    mentor_id, mentor = upsert("contact", {"company_id": company_id, "name": "Mette Mentor",
                                           "role": "mentor"})
    citizen_id, citizen = upsert("citizen", {
        "name": "Karim Hansen", "cpr": CPR, "special_considerations": CARE,
        "job_goals": {"a": "Butiksassistent", "b": "Lagermedarbejder", "c": "Rengøring"}})
    later = assessed_on + datetime.timedelta(days=14)
    work_function = str(uuid.uuid4())
    placement_id, placement = upsert("placement", {
        "citizen_id": citizen_id, "company_id": company_id, "kind": "internship",
        "status": "active", "mentor_id": mentor_id,
        "start_date": (assessed_on - datetime.timedelta(days=14)).isoformat(),
        "purpose": "Afklare arbejdsevnen i detailhandel",
        "work_functions": [{"id": work_function, "name": "Varepåfyldning",
                            "tasks": "Fylde kølediske op"}],
        "hours": [{"id": str(uuid.uuid4()), "from_date": assessed_on.isoformat(),
                   "internship_hours": 12},
                  {"id": str(uuid.uuid4()), "from_date": later.isoformat(),
                   "internship_hours": 15, "paid_hours": 4}]})
    _, kort = final_progressionskort(placement_id, assessed_on, levels)
    _, mod_job = upsert("assessment", {
        "placement_id": placement_id, "template_key": "progression-mod-job", "template_version": 1,
        "assessed_on": assessed_on.isoformat(), "assessor_role": "company", "status": "final",
        "answers": {"tasks": {str(uuid.uuid4()): {
            "task": "Opfyldning af mælk", "employer_rating": 8, "citizen_rating": 5,
            "new_hire_rating": 9}}}})
    _, stairs = upsert("assessment", {
        "placement_id": placement_id, "template_key": "progressionsvaerktoej",
        "template_version": 1, "assessed_on": assessed_on.isoformat(), "status": "final",
        "answers": {"work_function_progress": {work_function: {
            "start_level": 2, "target_1_level": 3, "target_1_date": later.isoformat()}}}})
    results = office.push(company, mentor, citizen, placement, kort, mod_job, stairs)
    assert [r["status"] for r in results] == ["applied"] * 7, results
    return {"placement": placement_id, "office": office}


def test_progressionskort_offline_changes_the_chart_and_reaches_the_server(new_device, api):
    """Offline: the placement page masks CPR and skånehensyn until tapped and shows the
    hours chart; a progressionskort for today cannot be finished incomplete, is finished
    with other levels, and the chart's table lists both dates and the new total; online,
    the server has the assessment with exactly those answers."""
    today = datetime.datetime.now(ZoneInfo("Europe/Copenhagen")).date()
    earlier = today - datetime.timedelta(days=28)
    before = {item["id"]: 2 for item in CRITERIA}
    now = {item["id"]: (4 if i % 2 else 5) for i, item in enumerate(CRITERIA)}
    setup = set_up_placement(api, earlier, before)
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    wait_for_service_worker(page, "anne")
    page.context.set_offline(True)
    expect(sync_status(page)).to_contain_text("Offline")
    page.evaluate("id => { location.hash = `#/forloeb/${id}`; }", setup["placement"])

    expect(page.get_by_role("heading", level=1)).to_contain_text("Karim Hansen")
    expect(page.get_by_role("img", name=re.compile("^Timer pr. uge over tid"))).to_be_visible()
    expect(page.get_by_role("table", name="Timer pr. uge")).to_contain_text("15")
    assert CPR not in page.content() and CARE not in page.content()
    expect(progress_table(page)).to_contain_text("Niveau 2 (2 point)")
    target = written_date(earlier + datetime.timedelta(days=14))
    expect(page.get_by_text(f"1. målsætning: Selvstartende senest {target}")).to_be_visible()
    gap = "Forskel: 3 (arbejdsgiveren vurderer højere end borgeren)"
    expect(page.get_by_text(gap)).to_be_visible()
    check_accessibility(page, "forløbssiden")
    screenshot(page, "placement-page-1024x768")
    page.get_by_role("button", name="Vis CPR-nummer").click()
    expect(page.get_by_text(CPR)).to_be_visible()
    page.get_by_role("button", name="Vis skånehensyn").click()
    expect(page.get_by_text(CARE)).to_be_visible()

    fill_progressionskort(page, now)
    expect_progression(page, {earlier: before, today: now})
    expect(page.get_by_text("Niveau 5, op fra 2 (5 point)").first).to_be_visible()
    assert CPR not in page.content(), "the CPR number stayed shown after leaving the page"
    for size, name in ((PORTRAIT, "768x1024"), (PHONE, "390x844")):
        page.set_viewport_size(size)
        expect(progress_table(page)).to_contain_text(written_date(today))
        no_horizontal_overflow(page, "forløbssiden")
        screenshot(page, f"placement-page-{name}")
    page.set_viewport_size(TABLET)

    page.context.set_offline(False)
    sync_now(page)
    expect_assessment_on_server(setup["office"], setup["placement"], today, now)


def test_placement_edits_save_only_what_changed(new_device, api):
    """Hours with a bad number get a Danish message and are kept; good hours join the
    chart's table; a new work function and the purpose reach the server, the rest of the
    placement unchanged."""
    setup = set_up_placement(api, datetime.date(2026, 1, 5), {item["id"]: 3 for item in CRITERIA})
    page = new_device("anne")
    page.evaluate("id => { location.hash = `#/forloeb/${id}`; }", setup["placement"])
    page.get_by_label("Fra dato").fill("2026-02-02")
    page.get_by_label("Praktiktimer pr. uge").fill("-3")
    page.get_by_role("button", name="Tilføj timer").click()
    expect(page.get_by_text("Timer kan ikke være negative")).to_be_visible()
    expect(page.get_by_label("Praktiktimer pr. uge")).to_have_value("-3")
    page.get_by_label("Praktiktimer pr. uge").fill("20,5")
    page.get_by_role("button", name="Tilføj timer").click()
    expect(page.get_by_role("table", name="Timer pr. uge")).to_contain_text("20,5")

    page.get_by_role("button", name="Tilføj arbejdsfunktion").click()
    page.get_by_role("button", name="Gem arbejdsfunktioner").click()
    expect(page.get_by_text("Skriv arbejdsfunktionens navn")).to_be_visible()
    page.get_by_label("Arbejdsfunktion 2", exact=True).fill("Kasse")
    page.get_by_role("button", name="Gem arbejdsfunktioner").click()
    page.get_by_label("Formål", exact=True).fill("Afklare arbejdsevnen ved kassen")
    page.get_by_role("button", name="Gem forløbet").click()
    expect(page.get_by_text("Gemt", exact=True).first).to_be_visible()
    sync_now(page)

    data = setup["office"].record("placement", setup["placement"])["data"]
    assert data["purpose"] == "Afklare arbejdsevnen ved kassen"
    assert [wf["name"] for wf in data["work_functions"]] == ["Varepåfyldning", "Kasse"]
    assert {"from_date": "2026-02-02", "internship_hours": 20.5} in [
        {k: v for k, v in row.items() if k != "id"} for row in data["hours"]]
    assert data["status"] == "active" and data["kind"] == "internship"


def test_the_other_assessment_forms_are_accessible(new_device, api):
    """The progressionsvaerktoej form (a row per work function, the staircase as anchored
    levels) and the progression-mod-job form (a row with three 1–10 ratings), whose
    answers are kept by autosave alone across a reload."""
    setup = set_up_placement(api, datetime.date(2026, 1, 5), {item["id"]: 3 for item in CRITERIA})
    page = new_device("anne")
    page.set_viewport_size(TABLET)
    page.evaluate("id => { location.hash = `#/forloeb/${id}`; }", setup["placement"])
    page.get_by_role("button", name="Ny vurdering: Progressionsværktøj").click()
    row = page.get_by_role("group", name="Arbejdsfunktion: Varepåfyldning")
    expect(row.get_by_role("radio", name=re.compile("^Selvstartende"))).to_have_count(4)
    check_accessibility(page, "progressionsværktøj")
    screenshot(page, "assessment-progressionsvaerktoej-1024x768")

    page.get_by_role("link", name="Tilbage til forløbet").click()
    page.get_by_role("button", name="Ny vurdering: Progression mod job").click()
    # The earlier assessment's task comes along; a new row follows it.
    expect(page.get_by_label("Opgave (skal udfyldes)").first).to_have_value("Opfyldning af mælk")
    page.get_by_role("button", name="Tilføj række").click()
    page.get_by_label("Opgave (skal udfyldes)").last.fill("Kasseekspedition")
    rating = page.get_by_role(
        "group", name=re.compile("^Hvordan vil du vurdere, at borgeren løser opgaven")).last
    rating.get_by_role("radio", name="7", exact=True).check()
    comment = "Mette fortæller, at det går godt ved kassen."
    page.get_by_label("Kommentar").fill(comment)
    expect(page.get_by_text("Gemt på enheden")).to_be_visible()
    check_accessibility(page, "progression mod job")
    screenshot(page, "assessment-progression-mod-job-1024x768")

    page.reload()
    unlock(page, "anne")
    expect(page.get_by_label("Kommentar")).to_have_value(comment)
    expect(page.get_by_label("Opgave (skal udfyldes)").last).to_have_value("Kasseekspedition")
    expect(rating.get_by_role("radio", name="7", exact=True)).to_be_checked()
