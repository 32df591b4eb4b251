"""The protocol floor: the peer benchmark run against a stub that only speaks the sync protocol.

`bench/protocol_floor/stub_server.mjs` answers PROTOCOL.md's login, push and pull from memory in
Node (no validation, storage or durability), compressing as our server does. The peer benchmark
(a copy of ../shared/bench/peer) runs the peer and then its Feltmappe client against the stub
in one run, so "ours/peer" in its table is the least any server could reach with this client
and protocol. Prints the table and writes docs/benchmarks.md's "Protocol floor" section.
Usage: .venv/bin/python bench/protocol_floor.py [--peer-dir /tmp/peer-bench] [N ...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync_bench import write_section  # noqa: E402

SHARED_PEER = ROOT.parent / "shared" / "bench" / "peer"


def start_stub() -> tuple[subprocess.Popen, str]:
    """Start the stub on a free loopback port; (process, its URL)."""
    stub = subprocess.Popen(["node", str(ROOT / "bench" / "protocol_floor" / "stub_server.mjs"),
                             "0"], stdout=subprocess.PIPE, text=True)
    line = stub.stdout.readline() if stub.stdout else ""
    found = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not found:
        stub.kill()
        sys.exit(f"the stub did not start: {line!r}")
    return stub, found.group(0)


def main() -> None:
    """Run the peer benchmark against the stub and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-dir", type=Path, default=Path("/tmp/peer-bench"),
                        help="a writable copy of shared/bench/peer (made when missing)")
    parser.add_argument("sizes", nargs="*", type=int, default=[10000, 50000])
    args = parser.parse_args()
    if not (args.peer_dir / "run.sh").exists():
        print(f"copying {SHARED_PEER} to {args.peer_dir}", flush=True)
        shutil.copytree(SHARED_PEER, args.peer_dir)
    stub, url = start_stub()
    try:
        print(f"stub at {url}; peer and stub for N = {args.sizes} (minutes)", flush=True)
        env = {**os.environ, "FM_URL": url, "FM_USER": f"floor{int(time.time())}-{{N}}",
               "FM_PASS": "-", "FM_GZIP_PUSH": "1"}
        env.pop("FM_SETUP_CMD", None)
        run = subprocess.run(["bash", "run.sh", *map(str, args.sizes)], cwd=args.peer_dir,
                             env=env, stdout=subprocess.PIPE, text=True, check=True)
    finally:
        stub.kill()
        stub.wait()
    table = run.stdout.strip().replace("| ours ", "| stub ").replace("ours/peer", "stub/peer")
    print(table)
    intro = textwrap.fill(
        "The peer benchmark's Feltmappe client against `bench/protocol_floor/stub_server.mjs`, "
        "a Node stub that answers login, push and pull from memory with no validation, storage "
        "or durability (push answers gzip 4, pull pages gzip 2, as our server), in the same run "
        "as the peer. Its ratio is the least any server can reach with this client and "
        "PROTOCOL.md (every applied push result carries the record's envelope).", 95)
    section = (f"## Protocol floor (bench/protocol_floor.py)\n\n{intro}\n\n"
               + table.replace("# Sync benchmark", "### Run").replace("ours", "stub") + "\n")
    write_section(ROOT / "docs" / "benchmarks.md", "## Protocol floor", section)


if __name__ == "__main__":
    main()
