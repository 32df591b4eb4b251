"""PWA benchmark in headless Chromium: initial sync of 5,000 and 50,000 records from login
to "ready", and the app's cold start offline to interactive.

For each size a user of its own team gets that many records through the push API (batches
of 500: one company per ten records, the rest follow-up meetings with about 1 KB of notes)
before the first login. Then, in a browser profile of its own:

- initial sync: from the click on "Log ind" to "Alt er synkroniseret". The sync runs from
  the login on, behind the device PIN screen, which the end-to-end tests' helper fills at
  once (how long that screen waited is reported too). Times are taken in the page, from a
  MutationObserver, so Playwright's polling adds nothing;
- cold start offline: the browser is closed and started again with the network off; from
  the navigation's start to the unlock screen ("Lås op"), which is the first screen a user
  can act on; and from "Lås op" with the device PIN (PBKDF2, 600,000 iterations) to the
  company list.

Prints a table and writes the "## PWA" section of docs/benchmarks.md (other sections kept).
With --throttled instead: the first sync of one consultant's demo caseload (`make run`'s
seed-demo; the user "anne") from the click on "Log ind" to "Alt er synkroniseret" on a
network emulated by Chromium (CDP Network.emulateNetworkConditions: THROTTLE), printed only.
Usage: .venv/bin/python bench/pwa_bench.py [--sizes 5000,50000] [--throttled]
"""
import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync_bench import Client, change, meeting, write_section  # noqa: E402
from server.services.seed import load_demo  # noqa: E402
from tests.conftest import migrated_app  # noqa: E402
from tests.e2e.conftest import choose_pin, password, unlock  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-quic"]
BATCH = 500
# A slow mobile network: 1.6 Mbit/s down and up (bytes/s), 150 ms round trip.
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8,
            "uploadThroughput": 1.6e6 / 8}
DEMO_USER = "anne"
KNOWLEDGE = ("Virksomheden producerer emballage til fødevarebranchen og rekrutterer mest via "
             "netværk. Travlt i sæsonen august–december; interesseret i løntilskud.\n") * 2
# Times (performance.now(), ms since the navigation started) of what the page showed first.
MARKS = """
window.__marks = {};
const mark = (name) => { if (!window.__marks[name]) window.__marks[name] = performance.now(); };
const check = () => {
  const buttons = [...document.querySelectorAll("button")].map((b) => b.textContent.trim());
  if (buttons.includes("Lås op")) mark("unlock_screen");
  if (buttons.includes("Gem PIN-kode")) mark("pin_screen");
  const status = document.querySelector('[role="status"][aria-label="Synkroniseringsstatus"]');
  if (status && status.textContent.includes("Alt er synkroniseret")) mark("synced");
  if (document.querySelector('[role="progressbar"]')) mark("progress");
  if ([...document.querySelectorAll("a")].some((a) => a.textContent.startsWith("Bench ")))
    mark("company_list");
};
new MutationObserver(check)
  .observe(document, {subtree: true, childList: true, characterData: true});
document.addEventListener("click", (event) => {
  const text = event.target.closest("button")?.textContent.trim();
  if (text === "Log ind") mark("login_click");
  if (text === "Lås op") mark("unlock_click");
  if (text === "Gem PIN-kode") mark("pin_click");
}, true);
"""


def company(n: int) -> dict:
    """A company with a few fields and some knowledge text."""
    return {"name": f"Bench Virksomhed {n:05d}", "city": "Herning",
            "postcode": "7400", "industry": "Emballage", "phone": "97 12 34 56",
            "knowledge": KNOWLEDGE}


def load(server: LiveServer, username: str, total: int) -> float:
    """Push `total` records (companies first, then meetings) in batches; seconds taken."""
    client = Client(server, username)
    companies = [str(uuid.uuid4()) for _ in range(max(1, total // 10))]
    changes = [change("company", cid, company(n)) for n, cid in enumerate(companies)]
    changes += [change("meeting", str(uuid.uuid4()), meeting(companies[n % len(companies)], n))
                for n in range(total - len(companies))]
    began = time.perf_counter()
    for offset in range(0, total, BATCH):
        results = client.push(changes[offset:offset + BATCH])
        assert all(r["status"] == "applied" for r in results), results[:3]
    return time.perf_counter() - began


def marks(page, *names: str, timeout_s: float = 900) -> dict:
    """Wait until the page has recorded every named mark; all marks."""
    condition = " && ".join(f"window.__marks && window.__marks.{n}" for n in names)
    page.wait_for_function(f"() => Boolean({condition})", timeout=timeout_s * 1000,
                           polling=50)
    return page.evaluate("window.__marks")


def launch(playwright, profile: Path, **options):
    """A browser with a profile that survives closing (a real cold start next time)."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS,
        base_url=options.pop("base_url"), locale="da-DK", timezone_id="Europe/Copenhagen",
        service_workers="allow", **options)
    context.add_init_script(MARKS)
    return context


def hot_spots(profile: dict, top: int = 25) -> str:
    """The main thread's CPU profile (CDP Profiler) as self time per function, largest first."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    times = profile["timeDeltas"]
    self_us: dict[str, float] = {}
    for sample, delta in zip(profile["samples"], times):
        frame = nodes[sample]["callFrame"]
        where = frame["url"].rsplit("/", 1)[-1]
        name = f"{frame['functionName'] or '(anonymous)'} {where}:{frame['lineNumber'] + 1}"
        self_us[name] = self_us.get(name, 0) + delta
    total = sum(times)
    lines = [f"main thread, {total / 1e6:.2f} s sampled:"]
    for name, us in sorted(self_us.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {us / 1e3:9.0f} ms {100 * us / total:5.1f} %  {name}")
    return "\n".join(lines)


def measure(playwright, server: LiveServer, username: str, profile_cpu: bool = False) -> dict:
    """Initial sync (choosing the device PIN on the way), then a cold start offline
    unlocked with the PIN, for one user's caseload; `profile_cpu` prints where the main
    thread's time went during the sync."""
    with tempfile.TemporaryDirectory(prefix="feltmappe-bench-") as profile:
        context = launch(playwright, Path(profile), base_url=server.url)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto("/")
        page.get_by_label("Brugernavn").fill(username)
        page.get_by_label("Adgangskode").fill(password(username))
        if profile_cpu:
            cdp = context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 500})
            cdp.send("Profiler.start")
        page.get_by_role("button", name="Log ind").click()
        choose_pin(page)
        first = marks(page, "login_click", "pin_screen", "pin_click", "synced")
        if profile_cpu:
            print(hot_spots(cdp.send("Profiler.stop")["profile"]))
        storage = page.evaluate("navigator.storage.estimate().then((e) => e.usage)")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        context.close()

        context = launch(playwright, Path(profile), base_url=server.url, offline=True)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto("/#/virksomheder")  # the start screen is "I dag"; this measures the list
        cold = marks(page, "unlock_screen")
        unlock(page, username)
        opened = marks(page, "unlock_click", "company_list")
        controlled = page.evaluate("navigator.serviceWorker.controller !== null")
        context.close()
    return {"initial_sync_s": (first["synced"] - first["login_click"]) / 1000,
            "pin_screen_ms": first["pin_click"] - first["pin_screen"],
            "progress_bar": bool(first.get("progress")),
            "storage_mb": storage / 1e6,
            "cold_start_ms": cold["unlock_screen"],
            "unlock_ms": opened["company_list"] - opened["unlock_click"],
            "served_by_sw": controlled}


def measure_throttled(playwright, server: LiveServer) -> dict:
    """The first sync of the demo user's caseload on the throttled network: seconds from the
    click on "Log ind" to "Alt er synkroniseret", and the bytes the page received meanwhile."""
    with tempfile.TemporaryDirectory(prefix="feltmappe-bench-") as profile:
        context = launch(playwright, Path(profile), base_url=server.url)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto("/")
        page.get_by_label("Brugernavn").fill(DEMO_USER)
        page.get_by_label("Adgangskode").fill(f"demo-{DEMO_USER}-2026")
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
        received = []
        cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
        page.get_by_role("button", name="Log ind").click()
        choose_pin(page)
        first = marks(page, "login_click", "synced")
        records = page.evaluate("""() => new Promise((resolve, reject) => {
          const open = indexedDB.open("feltmappe");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction("records").objectStore("records").count();
            count.onsuccess = () => { open.result.close(); resolve(count.result); };
          };
        })""")
        context.close()
    return {"initial_sync_s": (first["synced"] - first["login_click"]) / 1000,
            "records": records, "received_kb": sum(received) / 1024}


def throttled() -> None:
    """Seed the demo data on a fresh database and print the throttled first sync."""
    with tempfile.TemporaryDirectory(prefix="feltmappe-bench-db-") as folder:
        url = f"sqlite:///{folder}/pwa-bench.sqlite3"
        with migrated_app(url).app_context():
            load_demo()
        server = LiveServer(url, {}, workers=2)
        try:
            with sync_playwright() as playwright:
                result = measure_throttled(playwright, server)
        finally:
            server.stop()
    print(f"| first sync of \"{DEMO_USER}\"'s demo caseload, 1.6 Mbit/s, 150 ms | "
          f"{result['records']:,} records | {result['received_kb']:,.0f} KiB received | "
          f"{result['initial_sync_s']:.2f} s |")


def report(results: dict[int, dict]) -> str:
    """The results as a Markdown table with the aims."""
    sizes = list(results)
    aims = {"initial_sync_s": " / ".join("≤ 3" if s <= 5000 else "≤ 20" for s in sizes),
            "cold_start_ms": "≤ 1,000"}
    rows = [("initial sync: login → \"Alt er synkroniseret\"", "s", "initial_sync_s"),
            ("… of which the PIN screen waited for the helper to choose the PIN", "ms",
             "pin_screen_ms"),
            ("… progress bar \"Henter data\" shown", "", "progress_bar"),
            ("… browser storage used afterwards", "MB", "storage_mb"),
            ("cold start offline: navigation → unlock screen", "ms", "cold_start_ms"),
            ("unlock with the PIN (PBKDF2, 600,000 iterations) → company list", "ms",
             "unlock_ms"),
            ("… offline start served by the service worker", "", "served_by_sw")]
    lines = ["| measurement | unit | " + " | ".join(f"{s:,} records" for s in sizes) + " | aim |",
             "|---|---|" + "---|" * len(sizes) + "---|"]
    for label, unit, key in rows:
        values = []
        for size in sizes:
            value = results[size][key]
            values.append(("yes" if value else "no") if isinstance(value, bool)
                          else f"{value:,.0f}" if value >= 100 else f"{value:,.2f}")
        lines.append(f"| {label} | {unit} | {' | '.join(values)} | {aims.get(key, '')} |")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and write docs/benchmarks.md's PWA section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,50000")
    parser.add_argument("--profile", action="store_true",
                        help="print the main thread's hot spots during each initial sync")
    parser.add_argument("--no-write", action="store_true",
                        help="print the table only; leave docs/benchmarks.md as it is")
    parser.add_argument("--throttled", action="store_true",
                        help="only the demo caseload's first sync on a throttled network")
    args = parser.parse_args()
    if args.throttled:
        throttled()
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    users = {f"p{size}": (f"PWA {size}", "consultant") for size in sizes}
    with tempfile.TemporaryDirectory(prefix="feltmappe-bench-db-") as folder:
        server = LiveServer(f"sqlite:///{folder}/pwa-bench.sqlite3", users, workers=2)
        try:
            loads = {size: load(server, f"p{size}", size) for size in sizes}
            with sync_playwright() as playwright:
                results = {size: measure(playwright, server, f"p{size}", args.profile)
                           for size in sizes}
        finally:
            server.stop()
    table = report(results)
    print(table)
    machine = f"{os.cpu_count()} cores, Chromium {chromium_version()}"
    loaded = ", ".join(f"{size:,} in {seconds:.1f} s" for size, seconds in loads.items())
    section = (f"## PWA (bench/pwa_bench.py)\n\nMeasured {time.strftime('%Y-%m-%d')} on this "
               f"machine ({machine}, headless), gunicorn with 2 workers on SQLite, browser and "
               "server on the same machine. Each caseload is one team's: a company per ten "
               "records, the rest follow-up meetings with about 1 KB of notes, pushed through "
               f"the API in batches of {BATCH} before the first login ({loaded}). Times are "
               "taken in the page. The cold start runs in a freshly started browser with the "
               "network off, on the profile the initial sync filled.\n\n"
               f"{table}\n")
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", "## PWA", section)


def chromium_version() -> str:
    """The version of Debian's Chromium."""
    import subprocess
    answer = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return answer.stdout.split()[1] if answer.returncode == 0 else "?"


if __name__ == "__main__":
    main()
