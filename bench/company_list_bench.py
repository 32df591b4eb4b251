"""Company list benchmark in headless Chromium: with 1,000 companies on the device (100 of
them with an active placement), how fast "Virksomheder" opens, a search narrows the list
and "Har aktive forløb" filters it.

A user of its own team gets the companies, citizens and placements through the push API
before the first login; the device logs in (tests/e2e/conftest.py's `log_in`, PIN
included) and syncs. Each time is taken in the page (performance.now() around the
change, a MutationObserver for the list's new length), the median of several runs, at
tablet size (1024×768).

Prints a table and writes the "## Company list" section of docs/benchmarks.md.
Usage: .venv/bin/python bench/company_list_bench.py [--companies 1000] [--runs 7]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pwa_bench import CHROMIUM, LAUNCH_ARGS, chromium_version  # noqa: E402
from bench.sync_bench import Client, change, write_section  # noqa: E402
from tests.e2e.conftest import log_in  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

BATCH = 500
ACTIVE = 100
INDUSTRIES = ["Emballage", "Byggeri", "Fødevarer", "Logistik", "Detail"]
SHOWN = 200  # the list shows at most this many rows (ui/Companies.jsx)
# Run a change in the page and wait until the company list has `count` rows; milliseconds
# (fails after two minutes rather than wait forever for a count that never comes).
TIMED = """async ([action, arg, count]) => {
  const rows = () => document.querySelectorAll('ul[aria-label="Virksomheder"] > li').length;
  const began = performance.now();
  if (action === "route") window.location.hash = arg;
  if (action === "search") {
    const input = document.getElementById("company-search");
    input.value = arg;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }
  if (action === "toggle") document.querySelector(arg).click();
  await new Promise((resolve, reject) => {
    const check = () => { if (rows() === count) { observer.disconnect(); resolve(); } };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { observer.disconnect();
      reject(new Error(`${action} ${arg}: ${rows()} rows, not ${count}`)); }, 120000);
    check();
  });
  return performance.now() - began;
}"""


def expected_rows(companies: int) -> dict:
    """How many rows each step shows for this many companies."""
    logistics = sum(1 for n in range(companies) if INDUSTRIES[n % len(INDUSTRIES)] == "Logistik")
    return {"all": min(SHOWN, companies), "industry": min(SHOWN, logistics),
            "active": len(active_indices(companies))}


def active_indices(companies: int) -> range:
    """The companies that get a citizen with an active placement (about ACTIVE of them)."""
    return range(0, companies, max(1, companies // ACTIVE))


def load(server: LiveServer, username: str, companies: int) -> float:
    """Push the companies, then a citizen and an active placement for every tenth; seconds."""
    client = Client(server, username)
    ids = [str(uuid.uuid4()) for _ in range(companies)]
    changes = [change("company", cid, {"name": f"Bench Virksomhed {n:05d}", "city": "Herning",
                                       "industry": INDUSTRIES[n % len(INDUSTRIES)]})
               for n, cid in enumerate(ids)]
    for n in active_indices(companies):
        citizen = str(uuid.uuid4())
        changes.append(change("citizen", citizen, {"name": f"Borger {n:05d}"}))
        changes.append(change("placement", str(uuid.uuid4()), {
            "citizen_id": citizen, "company_id": ids[n], "kind": "internship",
            "start_date": "2026-01-05", "status": "active"}))
    began = time.perf_counter()
    for offset in range(0, len(changes), BATCH):
        results = client.push(changes[offset:offset + BATCH])
        assert all(r["status"] == "applied" for r in results), results[:3]
    return time.perf_counter() - began


def measure(playwright, server: LiveServer, username: str, companies: int, runs: int) -> dict:
    """Median times of opening the list, searching and filtering."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
    try:
        context = browser.new_context(base_url=server.url, locale="da-DK",
                                      timezone_id="Europe/Copenhagen",
                                      viewport={"width": 1024, "height": 768})
        context.set_default_timeout(120_000)
        page = context.new_page()
        page.goto("/")
        log_in(page, username)
        rows = expected_rows(companies)
        toggle = ".toolbar input[type=checkbox]"
        timed = {"open": [], "search": [], "industry": [], "active": []}
        for _ in range(runs):
            page.evaluate("window.location.hash = '#/i-dag'")
            page.get_by_role("heading", name="I dag").wait_for()
            timed["open"].append(page.evaluate(TIMED, ["route", "#/virksomheder", rows["all"]]))
            timed["search"].append(page.evaluate(TIMED, ["search", "virksomhed 00042", 1]))
            timed["industry"].append(page.evaluate(TIMED, ["search", "logistik",
                                                           rows["industry"]]))
            page.evaluate(TIMED, ["search", "", rows["all"]])
            timed["active"].append(page.evaluate(TIMED, ["toggle", toggle, rows["active"]]))
            page.evaluate(TIMED, ["toggle", toggle, rows["all"]])
        return {name: statistics.median(values) for name, values in timed.items()}
    finally:
        browser.close()


def report(companies: int, result: dict) -> str:
    """The results as a Markdown table."""
    shown = expected_rows(companies)
    rows = [(f"open \"Virksomheder\" (first {shown['all']} rows shown)", "open"),
            ("search by name → 1 row", "search"),
            (f"search by industry → {shown['industry']} rows", "industry"),
            (f"\"Har aktive forløb\" → {shown['active']} rows", "active")]
    lines = [f"| measurement, {companies:,} companies | ms (median) |", "|---|---|"]
    lines += [f"| {label} | {result[key]:,.0f} |" for label, key in rows]
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and write docs/benchmarks.md's company list section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=1000,
                        help="at least 43 (the name search looks for company 00042)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.companies < 43:
        parser.error("--companies must be at least 43")
    with tempfile.TemporaryDirectory(prefix="feltmappe-bench-db-") as folder:
        server = LiveServer(f"sqlite:///{folder}/list-bench.sqlite3",
                            {"list": ("Liste", "consultant")}, workers=2)
        try:
            seconds = load(server, "list", args.companies)
            with sync_playwright() as playwright:
                result = measure(playwright, server, "list", args.companies, args.runs)
        finally:
            server.stop()
    table = report(args.companies, result)
    print(table)
    section = (f"## Company list (bench/company_list_bench.py)\n\nMeasured "
               f"{time.strftime('%Y-%m-%d')} on this machine ({os.cpu_count()} cores, Chromium "
               f"{chromium_version()}, headless, 1024×768), {args.companies:,} companies and "
               f"{ACTIVE} active placements pushed in {seconds:.1f} s before the first login. "
               "Times are taken in the page, from the change to the list's new length, the "
               f"median of {args.runs} runs. The list reads the companies' clear sort keys; "
               "the placements are decrypted once per change to count active ones.\n\n"
               f"{table}\n")
    write_section(ROOT / "docs" / "benchmarks.md", "## Company list", section)


if __name__ == "__main__":
    main()
