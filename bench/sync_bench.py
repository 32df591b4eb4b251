"""Sync server benchmark: push and pull throughput and latency through gunicorn (4 workers).

Runs against SQLite and PostgreSQL, prints a table and writes docs/benchmarks.md.
Usage: .venv/bin/python bench/sync_bench.py [--backends sqlite,postgresql] [--seconds 60]
"""
import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live_server import LiveServer  # noqa: E402

NOTE = ("Borgeren fortæller, at hun er glad for opgaverne i lageret og møder stabilt. "
        "Virksomheden fortæller, at hun arbejder selvstændigt med plukning og pakning. ") * 4
USERS = {f"b{n}": ("Bench", "consultant") for n in range(101)}


def meeting(company_id: str, n: int) -> dict:
    """A follow-up meeting with about 1 KB of notes."""
    return {"company_id": company_id, "kind": "follow_up", "status": "draft",
            "notes_citizen": f"Opfølgning {n}.\n{NOTE[:520]}",
            "notes_company": f"Aftalt med virksomheden {n}.\n{NOTE[:480]}"}


def change(record_type: str, record_id: str, data: dict, base_rev: int = 0) -> dict:
    """An upsert change."""
    return {"mutation_id": str(uuid.uuid4()), "type": record_type, "id": record_id,
            "op": "upsert", "base_rev": base_rev, "data": data}


class Client:
    """One device talking to the server."""

    def __init__(self, server: LiveServer, username: str):
        self.session = requests.Session()
        self.url = server.url
        self.session.headers.update(server.login(username, self.session))

    def push(self, changes: list[dict]) -> list[dict]:
        """Push and return results, failing on any non-200."""
        answer = self.session.post(f"{self.url}/api/v1/sync/push", json={"changes": changes},
                                   timeout=120)
        answer.raise_for_status()
        return answer.json()["results"]

    def pull_all(self, since: str | None = None, limit: int = 1000) -> tuple[int, str]:
        """Pull every page; (records seen, last checkpoint)."""
        count = 0
        while True:
            params = {"limit": limit, **({"since": since} if since else {})}
            answer = self.session.get(f"{self.url}/api/v1/sync/pull", params=params,
                                      timeout=120)
            answer.raise_for_status()
            page = answer.json()
            count += len(page["changes"])
            since = page["checkpoint"]
            if not page["has_more"]:
                return count, since


def load(client: Client, company_id: str, total: int, start: int = 0) -> float:
    """Push `total` meetings in batches of 500; seconds taken."""
    began = time.perf_counter()
    for offset in range(start, start + total, 500):
        batch = [change("meeting", str(uuid.uuid4()), meeting(company_id, n))
                 for n in range(offset, min(offset + 500, start + total))]
        assert all(r["status"] == "applied" for r in client.push(batch))
    return time.perf_counter() - began


def delta_pull(client: Client, puller: Client, company_id: str) -> float:
    """Median seconds to pull 10 fresh changes after the current checkpoint."""
    timings = []
    for _ in range(15):
        _, since = puller.pull_all()
        load(client, company_id, 10)
        began = time.perf_counter()
        count, _ = puller.pull_all(since)
        timings.append(time.perf_counter() - began)
        assert count == 10, count
    return statistics.median(timings)


def devices_cycle(server: LiveServer, seconds: float, devices: int = 100) -> dict:
    """`devices` synced devices each doing push (one edit) + pull cycles for `seconds`."""
    clients = [Client(server, f"b{n + 1}") for n in range(devices)]
    _, synced = clients[0].pull_all()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def run(client: Client, n: int) -> None:
        record_id, rev = str(uuid.uuid4()), 0
        company_id = str(uuid.uuid4())
        client.push([change("company", company_id, {"name": f"Firma {n}"})])
        since = synced
        while time.monotonic() < stop:
            try:
                began = time.perf_counter()
                result = client.push([change("meeting", record_id, meeting(company_id, rev),
                                             rev)])[0]
                pushed = time.perf_counter()
                _, since = client.pull_all(since)
                done = time.perf_counter()
                rev = result["rev"]
                with lock:
                    latencies.extend([pushed - began, done - pushed])
            except (requests.RequestException, KeyError, AssertionError) as error:
                with lock:
                    errors.append(repr(error)[:200])

    threads = [threading.Thread(target=run, args=(c, n)) for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {"requests": len(latencies), "errors": len(errors),
            "p50_ms": 1000 * latencies[len(latencies) // 2],
            "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)],
            "rps": len(latencies) / seconds}


def database_url(backend: str) -> str:
    """A fresh database for the benchmark."""
    if backend == "sqlite":
        path = ROOT / "instance" / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    url = subprocess.run([str(ROOT / "scripts" / "test-postgres.sh")], capture_output=True,
                         text=True, check=True).stdout.strip()
    return url.rsplit("/", 1)[0] + "/feltmappe_test_live"


def run_backend(backend: str, seconds: float) -> dict:
    """Every measurement on one backend."""
    server = LiveServer(database_url(backend), USERS, workers=4)
    try:
        client, puller = Client(server, "b0"), Client(server, "b0")
        company_id = str(uuid.uuid4())
        client.push([change("company", company_id, {"name": "Bench Lager A/S"})])
        load(client, company_id, 1000)
        small = delta_pull(client, puller, company_id)
        push_seconds = load(client, company_id, 10_000)
        load(client, company_id, 50_000 - 11_000 - 150)
        began = time.perf_counter()
        pulled, _ = Client(server, "b0").pull_all()
        initial_pull = time.perf_counter() - began
        load(client, company_id, 100_000 - 50_000)
        large = delta_pull(client, puller, company_id)
        cycles = devices_cycle(server, seconds)
    finally:
        server.stop()
    return {"push_rate": 10_000 / push_seconds, "initial_pull_s": initial_pull,
            "initial_pull_records": pulled, "delta_small_ms": 1000 * small,
            "delta_large_ms": 1000 * large, **cycles}


def report(results: dict[str, dict], seconds: float) -> str:
    """The results as a Markdown table with the aims."""
    rows = [
        ("push 10,000 meetings (~1 KB) in batches of 500", "records/s", "push_rate", "≥ 5,000"),
        ("initial pull of 50,000 records, pages of 1,000", "s", "initial_pull_s", "≤ 5"),
        ("pull 10 changes, table of ~1,000 records", "ms (median)", "delta_small_ms", ""),
        ("pull 10 changes, table of ~100,000 records", "ms (median)", "delta_large_ms",
         "≈ the 1,000 figure"),
        (f"100 devices push+pull for {seconds:.0f} s: requests", "", "requests", ""),
        ("… errors", "", "errors", "0"),
        ("… p50 latency", "ms", "p50_ms", ""),
        ("… p95 latency", "ms", "p95_ms", "≤ 300"),
        ("… throughput", "requests/s", "rps", ""),
    ]
    backends = list(results)
    lines = ["| measurement | unit | " + " | ".join(backends) + " | aim |",
             "|---|---|" + "---|" * len(backends) + "---|"]
    for label, unit, key, aim in rows:
        values = " | ".join(f"{results[b][key]:,.0f}" if results[b][key] >= 100
                            else f"{results[b][key]:,.2f}" for b in backends)
        lines.append(f"| {label} | {unit} | {values} | {aim} |")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and write docs/benchmarks.md's sync section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    results = {b: run_backend(b, args.seconds) for b in args.backends.split(",")}
    table = report(results, args.seconds)
    print(table)
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    section = (f"## Sync server (bench/sync_bench.py)\n\nMeasured {time.strftime('%Y-%m-%d')} "
               f"on this machine ({machine}), gunicorn with 4 sync workers, client and server "
               "on the same machine (the client's threads compete for the same 2 cores).\n\n"
               f"{table}\n")
    write_section(ROOT / "docs" / "benchmarks.md", "## Sync server", section)


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace (or add) one `## ` section of the benchmarks document."""
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    parts = text.split("\n## ")
    kept = [parts[0].rstrip() + "\n"] + ["## " + p.rstrip() + "\n" for p in parts[1:]
                                         if not ("## " + p).startswith(heading)]
    path.write_text("\n".join(kept + [section]))


if __name__ == "__main__":
    main()
