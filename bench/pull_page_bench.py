"""Pull page cost in process: the peer workload's 10,000 meetings pushed, then pulled page by page.

The workload is the side-by-side benchmark's own (`workload.js` of a copy of
../shared/bench/peer, made with Node). The Flask test client pushes it in 26 gzipped batches of
500 and pulls the 26 pages of 500 several times; a page's time is its fastest (the least the
machine's other work added). Prints one table and writes docs/benchmarks.md's "Pull page"
section. Usage: .venv/bin/python bench/pull_page_bench.py [--database-url URL] [--rounds 4]
[--encoding br|gzip] [--peer-dir /tmp/peer-bench]
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
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


def app_on(database_url: str):
    """The app on a fresh, migrated database with one user; (test client, its headers).
    The settings are read when the server package is first imported: nothing imports it
    before this."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "pull-page-bench-secret-key-0123456789")
    if database_url.startswith("postgresql"):
        from tests.conftest import reset_postgres_schema
        reset_postgres_schema(database_url)
    from flask_migrate import upgrade

    from server.services.auth import create_user
    from wsgi import app
    with app.app_context():
        upgrade()
        create_user("bench", "Fjordby-Bench-Kaffe-2026", "Bench")
    client = app.test_client()
    token = client.post("/api/v1/auth/login", json={
        "username": "bench", "password": "Fjordby-Bench-Kaffe-2026",
        "device_name": "bench"}).get_json()["token"]
    return client, {"Authorization": f"Bearer {token}"}


def main() -> None:
    """Push the workload, time its pull pages, print and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--encoding", choices=["br", "gzip"], default="br")
    parser.add_argument("--peer-dir", type=Path, default=Path("/tmp/peer-bench"))
    args = parser.parse_args()
    changes = peer_changes(args.peer_dir)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/pull-page-bench.sqlite3"
    client, headers = app_on(url)
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
    backend = url.split(":", 1)[0].split("+")[0]
    table = ("| database | answer | pages | sum of fastest pages | per page | largest answer |\n"
             "|---|---|---:|---:|---:|---:|\n"
             f"| {backend} | {args.encoding} | {len(best)} | {sum(best.values()) * 1000:.0f} ms"
             f" | {sum(best.values()) / len(best) * 1000:.1f} ms | {size / 1024:.0f} KiB |")
    print(table)
    intro = textwrap.fill(
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} UTC, 1-minute load "
        f"{os.getloadavg()[0]:.1f}: the peer workload's 13,000 records in pages of 500, "
        f"fastest of {args.rounds} pulls per page, in process.", 95)
    section = f"## Pull page (bench/pull_page_bench.py)\n\n{intro}\n\n{table}\n"
    from bench.sync_bench import write_section
    write_section(ROOT / "docs" / "benchmarks.md", "## Pull page", section)


if __name__ == "__main__":
    main()
