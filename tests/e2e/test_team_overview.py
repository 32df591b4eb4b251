"""The team's overview in the real app (issue 13): a consultant registers a contact with an
internship opening offline; after sync it is in "Åbne pladser" on a colleague's tablet; the
lead's "Overblik" counts it. axe-core on every new screen; the new screens fit a phone.
"""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import check_accessibility, screenshot
from tests.e2e.conftest import company_link, go_to, sync_now, unique
from tests.e2e.steps import PHONE, PORTRAIT, TABLET, no_horizontal_overflow

pytestmark = pytest.mark.slow


def fits(page, screen: str) -> None:
    """No horizontal scroll bar in portrait and on a phone."""
    for size in (PORTRAIT, PHONE):
        page.set_viewport_size(size)
        no_horizontal_overflow(page, screen)
    page.set_viewport_size(TABLET)


def test_an_offline_opening_reaches_the_colleague_and_the_leads_overview(new_device, api):
    name = unique("Fjordby Lager")
    api("anne").create("company", name=name, city="Esbjerg", company_type="db07_h")
    anne = new_device("anne")
    anne.context.set_offline(True)
    go_to(anne, "Virksomheder")
    company_link(anne, name).click()
    expect(anne.get_by_role("heading", name="Åbne pladser")).to_be_visible()
    anne.get_by_role("link", name="Registrér kontakt").click()
    anne.get_by_role("radio", name="Praktikplads").check()
    anne.get_by_label("Jobfunktion").select_option(label="Lager og logistik")
    anne.get_by_label("Antal pladser").fill("2")
    check_accessibility(anne, "registrer-kontakt")
    fits(anne, "Registrér kontakt")
    anne.get_by_role("button", name="Gem kontakt").click()
    expect(anne.get_by_role("heading", level=1)).to_have_text(name)
    expect(anne.get_by_role("link", name="Praktikplads")).to_be_visible()
    anne.context.set_offline(False)
    sync_now(anne)

    lis = new_device("lis")
    go_to(lis, "Åbne pladser")
    row = lis.get_by_role("row", name=re.compile(re.escape(name)))
    expect(row).to_contain_text("Praktikplads")
    expect(row).to_contain_text("Lager og logistik")
    expect(row).to_contain_text("Ny: 0 dage")
    lis.get_by_label("Virksomhedstype").select_option(label="Transport og godshåndtering")
    expect(row).to_be_visible()
    check_accessibility(lis, "aabne-pladser")
    screenshot(lis, "aabne-pladser-1024x768")
    fits(lis, "Åbne pladser")

    lene = new_device("lene")
    go_to(lene, "Overblik")
    expect(lene.get_by_role("heading", level=1, name="Overblik")).to_be_visible()
    contacts = lene.get_by_role("table", name="Virksomhedskontakter efter resultat")
    expect(contacts.get_by_role("row", name="Praktikplads")).to_contain_text("1")
    per_user = lene.get_by_role("table", name="Tal pr. medarbejder")
    expect(per_user.get_by_role("row", name=re.compile("^anne|Anne"))).to_be_visible()
    expect(lene.get_by_role("figure", name="Åbne pladser efter jobfunktion")).to_contain_text(
        "Lager og logistik")
    with lene.expect_download() as download:
        lene.get_by_role("button", name="Hent som Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    lene.get_by_label("Indikator").select_option(label="Virksomhedskontakter")
    lene.get_by_label("Mål for året").fill("100")
    lene.get_by_role("button", name="Tilføj mål").click()
    goals = lene.get_by_role("table", name=re.compile("^Året indtil nu"))
    expect(goals.get_by_role("row", name=re.compile("^Virksomhedskontakter"))).to_contain_text("1")
    lene.get_by_text("Ugerne").click()
    check_accessibility(lene, "overblik")
    screenshot(lene, "overblik-1024x768")
    fits(lene, "Overblik")
    lene.context.set_offline(True)
    lene.get_by_role("button", name="Denne måned").click()
    lene.get_by_role("button", name="Dette år").click()
    lene.get_by_role("button", name="Denne måned").click()
    expect(lene.get_by_text(re.compile("Offline: viser tallene hentet"))).to_be_visible()

    go_to(anne, "Mit overblik")
    expect(anne.get_by_role("heading", level=1, name="Mit overblik")).to_be_visible()
    expect(anne.get_by_role("table", name="Virksomhedskontakter efter resultat")
           .get_by_role("row", name="Praktikplads")).to_contain_text("1")
    check_accessibility(anne, "mit-overblik")
