"""The admin area in a real browser: a new progressionskort version uploaded, checked,
previewed and published, used by a consultant's tablet after sync while an older
assessment still opens with its own version; job functions renamed, added and retired; a
user deactivated while their tablet is open
(it erases its data at its next sync and shows the login) after a weak password was refused
with its reason for a new colleague; the access audit found, read and downloaded. axe-core
on every admin screen.
"""
import copy
import datetime
import json
import re

import pytest
from playwright.sync_api import Page, expect

from server.builtin_templates import load_builtin_templates
from server.services.seal import create_demo_files
from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import go_to, sync_now, unique
from tests.e2e.steps import CRITERIA, TABLET, final_progressionskort, upsert
from tests.live_server import LiveServer

pytestmark = pytest.mark.slow

USERS = {"anne": ("Nord", "consultant"), "bo": ("Syd", "consultant"),
         "lis": ("Nord", "lead"), "admin": ("Drift", "admin")}
NEW_LABEL = "Mødestabilitet"


@pytest.fixture(scope="module")
def server(tmp_path_factory, served_client):
    """This module's gunicorn, with an administrator among the users."""
    seal = tmp_path_factory.mktemp("seal")
    create_demo_files(seal / "seal-key.pem", seal / "seal-cert.pem")
    live = LiveServer(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'admin.sqlite3'}", USERS,
                      workers=2, GUNICORN_CMD_ARGS=f"--chdir {served_client}",
                      SEAL_KEY_PATH=str(seal / "seal-key.pem"),
                      SEAL_CERT_PATH=str(seal / "seal-cert.pem"))
    yield live
    live.stop()


def second_progressionskort() -> dict:
    """Progressionskort version 2: the built-in one with its first criterion renamed."""
    template = copy.deepcopy(next(t for t in load_builtin_templates()
                                  if (t["key"], t["version"]) == ("progressionskort", 1)))
    template.update(version=2, title="Progressionskort 2027")
    template["definition"]["sections"][0]["items"][0]["label"] = NEW_LABEL
    return template


def open_admin(page: Page, screen: str) -> None:
    """Administration → a sub-screen, checked by axe."""
    go_to(page, "Administration")
    expect(page.get_by_role("heading", level=1)).to_have_text("Administration")
    page.get_by_role("link", name=screen, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(screen)


def test_a_new_template_version_is_previewed_published_and_used_after_sync(new_device, api):
    office = api("anne")
    company_id, company = upsert("company", {"name": unique("Skabelon ApS")})
    citizen_id, citizen = upsert("citizen", {"name": "Sofie Skabelon"})
    placement_id, placement = upsert("placement", {
        "citizen_id": citizen_id, "company_id": company_id, "kind": "internship",
        "start_date": (datetime.date.today() - datetime.timedelta(days=30)).isoformat()})
    old_id, old = final_progressionskort(
        placement_id, datetime.date.today() - datetime.timedelta(days=7),
        {item["id"]: 3 for item in CRITERIA})
    assert {r["status"] for r in office.push(company, citizen, placement, old)} == {"applied"}
    tablet = new_device("anne")
    admin = new_device("admin")
    admin.set_viewport_size(TABLET)
    go_to(admin, "Administration")
    check_accessibility(admin, "Administration")
    screenshot(admin, "admin-menu-1024x768")
    open_admin(admin, "Skabeloner")
    expect(admin.get_by_role("button", name=re.compile("^Kopiér som ny version"))).to_have_count(5)
    check_accessibility(admin, "Skabeloner")

    broken = second_progressionskort()
    broken["definition"]["sections"][0]["items"][0]["levels"][0]["colour"] = "grøn"
    editor = admin.get_by_label("Skabelon (JSON)")
    editor.fill(json.dumps(broken, ensure_ascii=False))
    admin.get_by_role("button", name="Kontrollér og forhåndsvis").click()
    problems = admin.get_by_role("alert").filter(has_text="kan ikke udgives")
    expect(problems).to_contain_text("definition.sections.0.items.0.levels.0.colour")
    check_accessibility(admin, "Skabeloner (validation problems)")

    editor.fill(json.dumps(second_progressionskort(), ensure_ascii=False))
    admin.get_by_role("button", name="Kontrollér og forhåndsvis").click()
    preview = admin.get_by_role("region", name="Forhåndsvisning af Progressionskort 2027")
    expect(preview.get_by_role("group", name=re.compile(f"^{NEW_LABEL}"))).to_be_visible()
    preview.get_by_role("radio", name=re.compile("^Overholder altid")).first.check()
    expect(preview.get_by_text("Point i alt: 5 af")).to_be_visible()
    check_accessibility(admin, "Skabeloner (preview)")
    screenshot(admin, "admin-template-preview-1024x768")
    admin.get_by_role("button", name="Udgiv Progressionskort 2027 version 2").click()
    expect(admin.get_by_text("Udgivet.")).to_be_visible()
    admin.get_by_role("button", name="Udfas: Progressionskort version 1").click()
    row = admin.get_by_role("row").filter(has_text="Progressionskort").filter(
        has=admin.get_by_role("cell", name="1", exact=True))
    expect(row).to_contain_text("Udfaset")

    sync_now(tablet)
    tablet.evaluate("id => { location.hash = `#/forloeb/${id}`; }", placement_id)
    tablet.get_by_role("button", name="Ny vurdering: Progressionskort 2027").click()
    expect(tablet.get_by_role("heading", level=1)).to_have_text("Progressionskort 2027")
    expect(tablet.get_by_role("group", name=re.compile(f"^{NEW_LABEL}"))).to_be_visible()
    tablet.evaluate("id => { location.hash = `#/vurdering/${id}`; }", old_id)
    expect(tablet.get_by_role("heading", level=1)).to_have_text("Progressionskort")
    expect(tablet.get_by_text("Skabelon version 1")).to_be_visible()
    expect(tablet.get_by_text("Mødetider", exact=True)).to_be_visible()
    expect(tablet.get_by_text("Overholder oftest mødetider (3 point)")).to_be_visible()
    expect(tablet.get_by_text(NEW_LABEL)).to_have_count(0)


def test_deactivating_a_user_wipes_their_open_tablet_and_the_audit_is_read(new_device, api):
    office = api("bo")
    company = office.create_company(name=unique("Offboarding ApS"))
    citizen = office.create("citizen", name="Ulla Udtræk", cpr="150275-2468")
    office.create("placement", citizen_id=citizen, company_id=company, kind="internship",
                  start_date=datetime.date.today().isoformat())
    tablet = new_device("bo")
    admin = new_device("admin")
    admin.set_viewport_size(TABLET)

    open_admin(admin, "Brugere")
    new_user = admin.get_by_role("region", name="Ny bruger")
    new_user.get_by_label("Brugernavn", exact=True).fill("karen")
    new_user.get_by_label("Navn", exact=True).fill("Karen Holm")
    new_user.get_by_label("Team").select_option(label="Syd")
    new_user.get_by_label("Adgangskode (mindst 12 tegn)").fill("Velkommen123")
    new_user.get_by_role("button", name="Opret bruger").click()
    expect(new_user.get_by_text(re.compile("^Adgangskoden er for let at gætte"))).to_be_visible()
    check_accessibility(admin, "Brugere (a weak password)")
    new_user.get_by_label("Adgangskode (mindst 12 tegn)").fill("blå-hest-cykler-hjem")
    new_user.get_by_role("button", name="Opret bruger").click()
    expect(new_user.get_by_role("status")).to_have_text("Brugeren karen er oprettet.")
    admin.get_by_label("Søg efter navn, brugernavn eller team").fill("bo")
    admin.get_by_role("button", name="Redigér bo").click()
    check_accessibility(admin, "Brugere (edit)")
    admin.get_by_role("button", name="Deaktivér bo").click()
    expect(admin.get_by_role("alertdialog")).to_contain_text("sletter deres lokale data")
    check_accessibility(admin, "Brugere (deactivate confirmation)")
    screenshot(admin, "admin-users-1024x768")
    admin.get_by_role("button", name="Ja, deaktivér og slet enhedernes data").click()
    expect(admin.get_by_role("row").filter(has_text="Syd")).to_contain_text("Deaktiveret")

    tablet.get_by_role("button", name="Synkronisér nu").click()
    expect(tablet.get_by_role("status")).to_contain_text(
        "Enheden er logget ud fra serveren, og alle lokale data er slettet")
    tablet.get_by_label("Brugernavn").fill("bo")
    tablet.get_by_label("Adgangskode").fill("bo-password-1")
    tablet.get_by_role("button", name="Log ind").click()
    expect(tablet.get_by_role("alert")).to_have_text("Forkert brugernavn eller adgangskode")

    for screen in ("Teams", "Enheder", "Administrationslog"):
        admin.get_by_role("link", name="← Administration").click()
        admin.get_by_role("link", name=screen, exact=True).click()
        expect(admin.get_by_role("heading", level=1)).to_have_text(screen)
        if screen == "Administrationslog":
            expect(admin.get_by_role("table")).to_contain_text("Deaktiverede bruger")
        check_accessibility(admin, screen)

    admin.get_by_role("link", name="← Administration").click()
    admin.get_by_role("link", name="Adgangslog", exact=True).click()
    admin.get_by_label("Borgerens navn eller CPR-nummer").fill("150275")
    admin.get_by_role("button", name="Søg").click()
    admin.get_by_role("button", name="Ulla Udtræk 150275-****").click()
    report = admin.get_by_role("table", name="Adgang til borgerens oplysninger, ældste først")
    expect(report).to_contain_text("Hentede ved synkronisering")
    expect(report).to_contain_text("bo")
    check_accessibility(admin, "Adgangslog")
    screenshot(admin, "admin-access-audit-1024x768")
    with admin.expect_download() as download:
        admin.get_by_role("button", name="Hent som CSV").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.startswith("Adgangslog for Ulla Udtræk 150275-****")
    assert "150275-2468" not in text


def test_an_admin_renames_adds_and_retires_job_functions(new_device, api):
    admin = new_device("admin")
    admin.set_viewport_size(TABLET)
    open_admin(admin, "Lister")
    functions = admin.get_by_role("region", name="Jobfunktioner")
    functions.get_by_label("Navn på Bager").fill("Bager og konditor")
    functions.get_by_role("button", name="Udfas Frisør og skønhed").click()
    expect(functions.get_by_role("button", name="Genindfør Frisør og skønhed")).to_be_visible()
    functions.get_by_label("Ny jobfunktion").fill("Grøn omstilling")
    functions.get_by_role("button", name="Tilføj").click()
    expect(functions.get_by_label("Navn på Grøn omstilling")).to_have_value("Grøn omstilling")
    check_accessibility(admin, "Lister")
    functions.get_by_role("button", name="Gem jobfunktioner").click()
    expect(functions.get_by_role("status")).to_have_text("Jobfunktioner er gemt.")

    office = api("admin")
    saved = office.session.get(f"{office.url}/lists", timeout=30).json()["job_functions"]
    by_id = {item["id"]: item for item in saved}
    assert by_id["bager"] == {"id": "bager", "label": "Bager og konditor", "retired": False}
    assert by_id["frisoer"]["retired"] is True
    assert saved[-1] == {"id": "groen_omstilling", "label": "Grøn omstilling", "retired": False}


def test_a_lead_reads_their_team_without_changing_it(new_device):
    lead = new_device("lis")
    open_admin(lead, "Brugere")
    users = lead.get_by_role("table")
    expect(users.get_by_role("row")).to_have_count(3)
    expect(users).to_contain_text("anne")
    expect(users).not_to_contain_text("Syd")
    expect(lead.get_by_role("button", name=re.compile("^Redigér"))).to_have_count(0)
    expect(lead.get_by_role("region", name="Ny bruger")).to_have_count(0)
    check_accessibility(lead, "Brugere (a lead)")
    lead.get_by_role("link", name="← Administration").click()
    lead.get_by_role("link", name="Skabeloner", exact=True).click()
    expect(lead.get_by_role("cell", name="progressionskort", exact=True).first).to_be_visible()
    expect(lead.get_by_role("button", name=re.compile("^Udfas"))).to_have_count(0)
    lead.get_by_role("link", name="← Administration").click()
    lead.get_by_role("link", name="Lister", exact=True).click()
    expect(lead.get_by_role("list", name="Jobfunktioner")).to_contain_text("Lager og logistik")
    expect(lead.get_by_role("textbox")).to_have_count(0)
