"""Case import benchmark: a 10,000-row CSV export through POST /api/v1/admin/import.

Runs against SQLite and PostgreSQL (gunicorn, 1 worker), prints a table and writes the
"Case import" section of docs/benchmarks.md. The file names 10,000 citizens, 1,000 companies
and 10,000 placements (21,000 records).
Usage: .venv/bin/python bench/import_bench.py [--backends sqlite,postgresql] [--rows 10000]
"""
import argparse
import os
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync_bench import database_url, write_section  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

HEADER = ("cpr;navn;telefon;email;maalgruppe;sagsbehandler;sagsbehandler_email;cvr;virksomhed;"
          "forloebstype;startdato;slutdato;praktiktimer;loentimer")
KINDS = ("Virksomhedspraktik", "Løntilskud", "Fleksjob", "Mentor")
GROUPS = ("Kontanthjælp", "Dagpenge", "Ressourceforløb", "Sygedagpenge")


def cvr_numbers(count: int) -> list[str]:
    """`count` CVR numbers with a valid modulus-11 check digit."""
    weights, found, n = (2, 7, 6, 5, 4, 3, 2, 1), [], 20_000_000
    while len(found) < count:
        if sum(int(d) * w for d, w in zip(str(n), weights)) % 11 == 0:
            found.append(str(n))
        n += 1
    return found


def export(rows: int) -> bytes:
    """A case-system export with `rows` rows, one citizen and placement each."""
    companies = cvr_numbers(max(1, rows // 10))
    lines = [HEADER]
    for n in range(rows):
        cpr = f"{1 + n % 28:02}{1 + n // 28 % 12:02}{50 + n // 336 % 40:02}-{n % 4000:04}"
        cvr = companies[n % len(companies)]
        lines.append(";".join((
            cpr, f"Borger {n}", f"2{n:07}", f"borger{n}@example.dk", GROUPS[n % 4],
            "Sara Sagsbehandler", "sara@fjordby.dk", cvr, f"Virksomhed {cvr}", KINDS[n % 4],
            f"{1 + n % 28:02}-{1 + n % 12:02}-2026", "", "18,5" if n % 2 else "", "7,5")))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def timed_import(server: LiveServer, headers: dict, team_id: str, body: bytes,
                 dry_run: bool) -> tuple[float, dict]:
    """Seconds for one import call, and its summary."""
    began = time.perf_counter()
    answer = requests.post(f"{server.url}/api/v1/admin/import",
                           params={"team_id": team_id, **({"dry_run": "1"} if dry_run else {})},
                           data=body, headers={**headers, "Content-Type": "text/csv"},
                           timeout=600)
    seconds = time.perf_counter() - began
    answer.raise_for_status()
    return seconds, answer.json()


def run_backend(backend: str, rows: int) -> dict:
    """Dry run, first import, second import of the same file on one backend."""
    server = LiveServer(database_url(backend), {"admin": ("Bench", "admin")}, workers=1)
    try:
        session = requests.Session()
        headers = server.login("admin", session)
        team_id = session.get(f"{server.url}/api/v1/me", headers=headers).json()["team_id"]
        body = export(rows)
        dry, _ = timed_import(server, headers, team_id, body, True)
        first, summary = timed_import(server, headers, team_id, body, False)
        second, again = timed_import(server, headers, team_id, body, False)
    finally:
        server.stop()
    assert sum(summary["created"].values()) == rows * 2 + max(1, rows // 10), summary
    assert sum(again["created"].values()) + sum(again["updated"].values()) == 0, again
    return {"dry_s": dry, "first_s": first, "second_s": second, "size_mb": len(body) / 1e6,
            "records": sum(summary["created"].values())}


def report(results: dict[str, dict], rows: int) -> str:
    """The results as a Markdown table with the aim."""
    measures = [(f"dry run of {rows:,} rows", "dry_s", ""),
                (f"import of {rows:,} rows (all new)", "first_s", "≤ 30"),
                ("the same file again (nothing changes)", "second_s", "")]
    backends = list(results)
    lines = ["| measurement | unit | " + " | ".join(backends) + " | aim |",
             "|---|---|" + "---|" * len(backends) + "---|"]
    for label, key, aim in measures:
        values = " | ".join(f"{results[b][key]:.1f}" for b in backends)
        lines.append(f"| {label} | s | {values} | {aim} |")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and write docs/benchmarks.md's import section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    results = {b: run_backend(b, args.rows) for b in args.backends.split(",")}
    table = report(results, args.rows)
    print(table)
    first = next(iter(results.values()))
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    section = (f"## Case import (bench/import_bench.py)\n\nMeasured {time.strftime('%Y-%m-%d')} "
               f"on this machine ({machine}), gunicorn with 1 worker, client and server on the "
               f"same machine. The file ({first['size_mb']:.1f} MB, UTF-8, `;`) names "
               f"{first['records']:,} new records (a citizen and a placement per row, a company "
               "per ten rows); they are written as one push of the importing admin through the "
               "sync engine, in one transaction.\n\n"
               f"{table}\n")
    write_section(ROOT / "docs" / "benchmarks.md", "## Case import", section)


if __name__ == "__main__":
    main()
