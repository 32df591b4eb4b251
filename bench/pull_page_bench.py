"""Pull page cost in process: the peer workload's 10,000 meetings pushed, then pulled page by page.

The workload is the side-by-side benchmark's own (`workload.js` of a copy of
../shared/bench/peer, made with Node). The Flask test client pushes it in 26 gzipped batches of
500 and pulls the 26 pages of 500 several times; a page's time is its fastest (the least the
machine's other work added). Prints one table and writes docs/benchmarks.md's "Pull page"
section. Usage: .venv/bin/python bench/pull_page_bench.py [--backend sqlite|postgresql]
[--rounds 4] [--encoding br|gzip] [--peer-dir /tmp/peer-bench]
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync_bench import database_url, write_section  # noqa: E402
from server.services.auth import create_user  # noqa: E402
from tests.conftest import migrated_app, reset_postgres_schema  # noqa: E402

SHARED_PEER = ROOT.parent / "shared" / "bench" / "peer"
MAKE_CHANGES = """
const { makeWorkload } = require('./workload'); const { randomUUID } = require('crypto');
process.stdout.write(JSON.stringify(makeWorkload(10000).map((r) => ({ mutation_id: randomUUID(),
  type: r.type, id: r.id, op: 'upsert', base_rev: 0, data: r.data }))));
"""


def peer_changes(peer_dir: Path) -> list[dict]:
    """The peer workload of N = 10,000 as push changes (13,000 records)."""
    if not (peer_dir / "workload.js").exists():
        shutil.copytree(SHARED_PEER, peer_dir)
    made = subprocess.run(["node", "-e", MAKE_CHANGES], cwd=peer_dir, capture_output=True,
                          check=True, text=True)
    return json.loads(made.stdout)


def app_on(backend: str):
    """The app on a fresh, migrated database of `backend` with one user; (test client, its
    headers)."""
    url = database_url(backend)
    if backend == "postgresql":
        reset_postgres_schema(url)
    app = migrated_app(url)
    with app.app_context():
        create_user("bench", "Fjordby-Bench-Kaffe-2026", "Bench")
    client = app.test_client()
    token = client.post("/api/v1/auth/login", json={
        "username": "bench", "password": "Fjordby-Bench-Kaffe-2026",
        "device_name": "bench"}).get_json()["token"]
    return client, {"Authorization": f"Bearer {token}"}


def main() -> None:
    """Push the workload, time its pull pages, print and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--encoding", choices=["br", "gzip"], default="br")
    parser.add_argument("--peer-dir", type=Path, default=Path("/tmp/peer-bench"))
    args = parser.parse_args()
    changes = peer_changes(args.peer_dir)
    client, headers = app_on(args.backend)
    for start in range(0, len(changes), 500):
        answer = client.post("/api/v1/sync/push", headers={
            **headers, "Content-Type": "application/json", "Content-Encoding": "gzip"},
            data=gzip.compress(json.dumps({"changes": changes[start:start + 500]}).encode()))
        assert answer.status_code == 200, answer.data[:300]
    print(f"pushed {len(changes)} records; pulling {args.rounds} times", flush=True)
    decoders = {"br": brotli.decompress, "gzip": gzip.decompress}
    best: dict[int, float] = {}
    size = 0
    for _ in range(args.rounds):
        since, more, page = None, True, 0
        while more:
            query = "?limit=500" + (f"&since={since}" if since else "")
            started = time.perf_counter()
            answer = client.get("/api/v1/sync/pull" + query,
                                headers={**headers, "Accept-Encoding": args.encoding})
            best[page] = min(best.get(page, float("inf")), time.perf_counter() - started)
            size = max(size, len(answer.data))
            coding = answer.headers.get("Content-Encoding")
            body = json.loads(decoders[coding](answer.data) if coding else answer.data)
            since, more, page = body["checkpoint"], body["has_more"], page + 1
    table = ("| database | answer | pages | sum of fastest pages | per page | largest answer |\n"
             "|---|---|---:|---:|---:|---:|\n"
             f"| {args.backend} | {args.encoding} | {len(best)} | "
             f"{sum(best.values()) * 1000:.0f} ms | {sum(best.values()) / len(best) * 1000:.1f} ms"
             f" | {size / 1024:.0f} KiB |")
    print(table)
    intro = textwrap.fill(
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} UTC, 1-minute load "
        f"{os.getloadavg()[0]:.1f}: the peer workload's 13,000 records in pages of 500, "
        f"fastest of {args.rounds} pulls per page, in process.", 95)
    section = f"## Pull page (bench/pull_page_bench.py)\n\n{intro}\n\n{table}\n"
    write_section(ROOT / "docs" / "benchmarks.md", "## Pull page", section)


if __name__ == "__main__":
    main()
