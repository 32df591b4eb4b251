"""Steps shared by the end-to-end stories: records pushed from the office, the viewport
sizes, the layout check, and the progressionskort step (fill one for today on the
placement page, see the chart's text alternative change, find it on the server).
"""
import datetime
import json
import re
import uuid
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.a11y import check_accessibility, screenshot

TABLET = {"width": 1024, "height": 768}
PORTRAIT = {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}

TEMPLATES = Path(__file__).resolve().parents[2] / "server" / "builtin_templates"
KORT = json.loads((TEMPLATES / "progressionskort.json").read_text(encoding="utf-8"))
CRITERIA = [item for section in KORT["definition"]["sections"] for item in section["items"]
            if item["type"] == "level"]
MAX_POINTS = sum(max(level["points"] for level in item["levels"]) for item in CRITERIA)
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]


def upsert(record_type: str, data: dict) -> tuple[str, dict]:
    """A new record as a push change: (its id, the change)."""
    record_id = str(uuid.uuid4())
    return record_id, {"mutation_id": str(uuid.uuid4()), "type": record_type, "id": record_id,
                       "op": "upsert", "base_rev": 0, "data": data}


def written_date(day: datetime.date) -> str:
    """A date as the app writes it on screen: "5. marts 2026"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def no_horizontal_overflow(page: Page, screen: str) -> None:
    """Fail when the page is wider than the viewport (a horizontal scroll bar)."""
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{screen} overflows horizontally: {widths} at " \
                                   f"{page.viewport_size}"


def anchor(item: dict, value: int) -> dict:
    """The level of a criterion with this value."""
    return next(level for level in item["levels"] if level["value"] == value)


def points(levels: dict[str, int]) -> int:
    """The progressionskort total of some levels, from the template's own points."""
    return sum(anchor(item, levels[item["id"]])["points"] for item in CRITERIA)


def starts(text: str) -> re.Pattern:
    """A name pattern for text at the start (with "/" escaped for the selector engine)."""
    return re.compile("^" + re.escape(text).replace("/", r"\/"))


def final_progressionskort(placement_id: str, assessed_on: datetime.date,
                           levels: dict[str, int]) -> tuple[str, dict]:
    """A finished progressionskort of a placement as a push change: (its id, the change)."""
    return upsert("assessment", {
        "placement_id": placement_id, "template_key": "progressionskort", "template_version": 1,
        "assessed_on": assessed_on.isoformat(), "assessor_role": "consultant", "status": "final",
        "answers": levels})


def progress_table(page: Page):
    """The progressionskort chart's text alternative (a table named by its caption)."""
    return page.get_by_role("table", name="Progressionskort: niveau og point pr. dato")


def fill_progressionskort(page: Page, levels: dict[str, int]) -> None:
    """On the placement page: "Ny vurdering: Progressionskort", refused while incomplete,
    every criterion at its level, the total shown, "Afslut vurdering", back to the page."""
    page.get_by_role("button", name="Ny vurdering: Progressionskort").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progressionskort")
    page.get_by_role("button", name="Afslut vurdering").click()
    expect(page.get_by_text("Vurderingen kan ikke afsluttes endnu")).to_be_visible()
    for item in CRITERIA:
        label = anchor(item, levels[item["id"]])["label"]
        group = page.get_by_role("group", name=starts(item["label"]))
        group.get_by_role("radio", name=starts(label)).check()
    expect(page.get_by_text(f"Point i alt: {points(levels)} af")).to_be_visible()
    check_accessibility(page, "progressionskort")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "assessment-progressionskort-1024x768")
    page.get_by_role("button", name="Afslut vurdering").click()
    expect(page.get_by_text("Vurderingen er afsluttet og gemt på enheden.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"#/vurdering/[0-9a-f-]{36}$"))
    page.get_by_role("link", name="Tilbage til forløbet").click()


def expect_progression(page: Page, dated: dict[datetime.date, dict[str, int]]) -> None:
    """The progression chart's table lists every assessment date and its total."""
    table = progress_table(page)
    totals = table.get_by_role("row", name=re.compile("^Point i alt"))
    for day, levels in dated.items():
        expect(table).to_contain_text(written_date(day))
        expect(totals).to_contain_text(f"{points(levels)} af {MAX_POINTS}")


def expect_assessment_on_server(office, placement_id: str, day: datetime.date,
                                levels: dict[str, int]) -> None:
    """The server has exactly one progressionskort of that day, final, with these answers."""
    made = [r for r in office.records("assessment")
            if r["data"]["placement_id"] == placement_id
            and r["data"]["template_key"] == "progressionskort"
            and r["data"]["assessed_on"] == day.isoformat()]
    assert len(made) == 1, made
    assert made[0]["data"]["status"] == "final"
    assert made[0]["data"]["answers"] == levels
    assert made[0]["data"]["template_version"] == 1
