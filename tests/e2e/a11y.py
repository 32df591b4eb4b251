"""Accessibility and screenshot helpers for the end-to-end tests.

axe-core runs inside the page: its source is injected with `page.evaluate` (the app's
strict Content-Security-Policy would block a script tag), limited to the WCAG 2.0/2.1
A and AA rules. Any violation of impact "serious" or "critical" fails the test with a
readable list of rule id, impact, help text and the offending elements.
"""
import re
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
FAILING_IMPACTS = ("serious", "critical")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


def axe_violations(page: Page) -> list[dict]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, TAGS)


def check_accessibility(page: Page, screen_name: str) -> None:
    """Fail when axe-core finds a serious or critical WCAG 2.1 A/AA violation."""
    violations = [v for v in axe_violations(page) if v["impact"] in FAILING_IMPACTS]
    if violations:
        lines = [f"- {v['id']} ({v['impact']}): {v['help']}\n    "
                 + "\n    ".join(v["targets"][:10]) for v in violations]
        raise AssertionError(f"accessibility violations on {screen_name}:\n"
                             + "\n".join(lines))


def screenshot(page: Page, name: str) -> Path:
    """Save test-artifacts/screenshots/<name>.png at the current viewport."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    page.screenshot(path=str(path))
    return path
