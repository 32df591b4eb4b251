"""Paced tablets against the cluster (make cluster): each device logs in once, then syncs every
interval ± 50 % (pull; in one cycle of three first a push of 1–5 changes to its team's
records, some on the same records as colleagues), across teams, for a bounded time.

Prints requests/s, p50/p95/p99 per endpoint, errors and conflicts made, then checks that every
device's last pull equals the server (nothing lost, nothing skipped). --soak samples memory
and connection counts every minute; --sweep finds the knee (p95 above 300 ms) by shortening
the interval, and --write adds the tables to docs/benchmarks.md. Loopback only; one asyncio
process (aiohttp) paces every device.

  .venv/bin/python bench/load_test.py --devices 1000 --minutes 10          # the load test
  .venv/bin/python bench/load_test.py --devices 1000 --minutes 60 --soak   # the soak
  .venv/bin/python bench/load_test.py --devices 1000 --minutes 2 --sweep 30,15,7.5,5,3.75
"""
import argparse
import asyncio
import os
import random
import ssl
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync_bench import write_section  # noqa: E402
from deploy.cluster import Cluster, Layout  # noqa: E402

SEED_COMPANIES = 20
CITIES = ["Fjordby", "Nyby", "Åby", "Strandby", "Bakkeby"]
INDUSTRIES = ["Lager", "Byggeri", "Detail", "Rengøring", "Transport"]
ENDPOINTS = ("login", "first pull", "push", "pull")


@dataclass
class Stats:
    """Latencies and outcomes of one run."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {e: [] for e in ENDPOINTS})
    errors: list[str] = field(default_factory=list)
    results: dict[str, int] = field(default_factory=dict)
    late: list[float] = field(default_factory=list)
    steady_from: float = 0.0
    ramp_requests: int = 0

    def add(self, endpoint: str, began: float, seconds: float) -> None:
        """One answered request; syncs only once every device has logged in (steady state)."""
        if endpoint in ("push", "pull") and began < self.steady_from:
            self.ramp_requests += 1
        else:
            self.latencies[endpoint].append(seconds)

    def requests(self) -> int:
        """Every answered request."""
        return sum(len(v) for v in self.latencies.values())


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values lie, in ms."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * share))]


class Device:
    """One tablet: token, checkpoint, the rows it holds."""

    def __init__(self, username: str, team: int):
        self.username, self.team = username, team
        self.headers: dict[str, str] = {}
        self.since: str | None = None
        self.rows: dict[str, dict] = {}
        self.made = 0

    async def call(self, http: aiohttp.ClientSession, stats: Stats | None, endpoint: str,
                   method: str, path: str, **kwargs) -> dict:
        """One request; its JSON; latency and errors into stats (None: not measured)."""
        began = time.perf_counter()
        try:
            async with http.request(method, path, headers=self.headers, **kwargs) as answer:
                body = await answer.json(content_type=None)
                status = answer.status
        except (TimeoutError, aiohttp.ClientError, ValueError) as error:
            if stats is not None:
                stats.errors.append(f"{endpoint}: {error!r}"[:200])
            raise
        if stats is not None:
            stats.add(endpoint, began, time.perf_counter() - began)
            if status != 200:
                stats.errors.append(f"{endpoint}: {status} {str(body)[:150]}")
        if status != 200:
            raise RuntimeError(f"{self.username} {endpoint}: {status} {str(body)[:200]}")
        return body

    async def login(self, http, stats) -> None:
        """Log in once."""
        body = await self.call(http, stats, "login", "POST", "/api/v1/auth/login", json={
            "username": self.username, "password": f"{self.username}-password-1",
            "device_name": "load test"})
        self.headers = {"Authorization": f"Bearer {body['token']}"}

    async def pull(self, http, stats, endpoint: str = "pull") -> None:
        """Pull every page after the checkpoint."""
        while True:
            params = {"limit": "500", **({"since": self.since} if self.since else {})}
            page = await self.call(http, stats, endpoint, "GET", "/api/v1/sync/pull",
                                   params=params)
            for record in page["changes"]:
                if record["rev"] >= self.rows.get(record["id"], {}).get("rev", 0):
                    self.rows[record["id"]] = {"rev": record["rev"], "type": record["type"],
                                               "data": record["data"]}
            self.since = page["checkpoint"]
            if not page["has_more"]:
                return

    def changes(self, shared: list[str], rng: random.Random) -> list[dict]:
        """1–5 changes: edits of the team's shared companies (as last pulled) and new ones."""
        changes, touched = [], set()
        for _ in range(rng.randint(1, 5)):
            target = rng.choice(shared)
            if rng.random() < 0.5 and target in self.rows and target not in touched:
                touched.add(target)
                row = self.rows[target]
                edit = {"city": rng.choice(CITIES)} if rng.random() < 0.5 else \
                    {"industry": rng.choice(INDUSTRIES)}
                changes.append({"mutation_id": str(uuid.uuid4()), "type": "company",
                                "id": target, "op": "upsert", "base_rev": row["rev"],
                                "data": {**row["data"], **edit}})
            else:
                self.made += 1
                changes.append({"mutation_id": str(uuid.uuid4()), "type": "company",
                                "id": str(uuid.uuid4()), "op": "upsert", "base_rev": 0,
                                "data": {"name": f"{self.username} firma {self.made}",
                                         "city": rng.choice(CITIES)}})
        return changes

    async def push(self, http, stats, changes: list[dict]) -> None:
        """Push; rows take the results."""
        body = await self.call(http, stats, "push", "POST", "/api/v1/sync/push",
                               json={"changes": changes})
        for result in body["results"]:
            stats.results[result["status"]] = stats.results.get(result["status"], 0) + 1
            if "record" in result:
                record = result["record"]
                self.rows[record["id"]] = {"rev": record["rev"], "type": record["type"],
                                           "data": record["data"]}


async def run_device(device: Device, http, stats: Stats, shared: list[str], start: float,
                     stop: float, interval: float, rng: random.Random) -> None:
    """Log in at `start`, then a sync cycle every interval ± 50 % until `stop`."""
    await asyncio.sleep(max(0.0, start - time.monotonic()))
    try:
        await device.login(http, stats)
        await device.pull(http, stats, "first pull")
    except (TimeoutError, aiohttp.ClientError, RuntimeError, ValueError):
        return  # counted in stats.errors; verify() skips a device that never logged in
    phase, cycle = rng.randrange(3), 0
    due = time.monotonic() + rng.uniform(0.5, 1.5) * interval
    while due < stop:
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        stats.late.append(max(0.0, time.monotonic() - due))
        try:
            if cycle % 3 == phase:
                await device.push(http, stats, device.changes(shared, rng))
            await device.pull(http, stats)
        except (TimeoutError, aiohttp.ClientError, RuntimeError, ValueError):
            pass  # counted in stats.errors; the device tries again next cycle
        cycle += 1
        due += rng.uniform(0.5, 1.5) * interval


def prepare_users(cluster: Cluster, devices: int, teams: int) -> list[tuple[str, int]]:
    """The load users (cheap password hashing: logins are not what is measured), made once."""
    from sqlalchemy import select

    from server import create_app
    from server.config import TestConfig
    from server.extensions import db
    from server.models import User
    from server.services.auth import create_user
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    app = create_app({**config, "SQLALCHEMY_DATABASE_URI": cluster.direct_url()})
    names = [(f"load-{n % teams:02d}-{n // teams:04d}", n % teams) for n in range(devices)]
    names += [(f"load-{team:02d}-seed", team) for team in range(teams)]
    with app.app_context():
        have = set(db.session.scalars(select(User.username).where(User.username.like("load-%"))))
        missing = [(name, team) for name, team in names if name not in have]
        for done, (name, team) in enumerate(missing, 1):
            create_user(name, f"{name}-password-1", f"Last {team:02d}", "consultant")
            if done % 250 == 0:
                print(f"load: made {done}/{len(missing)} users", flush=True)
        db.engine.dispose()
    return names[:devices]


async def seed_teams(http, teams: int) -> dict[int, list[str]]:
    """Each team's shared companies, pushed by the team's seed device."""
    shared = {}
    for team in range(teams):
        seeder = Device(f"load-{team:02d}-seed", team)
        await seeder.login(http, None)
        ids = [str(uuid.uuid4()) for _ in range(SEED_COMPANIES)]
        await seeder.call(http, None, "push", "POST", "/api/v1/sync/push", json={"changes": [
            {"mutation_id": str(uuid.uuid4()), "type": "company", "id": cid, "op": "upsert",
             "base_rev": 0, "data": {"name": f"Fælles firma {team}.{n}", "city": "Fjordby"}}
            for n, cid in enumerate(ids)]})
        shared[team] = ids
    return shared


async def verify(http, devices: list[Device], teams: int) -> tuple[int, int]:
    """Every device pulls once more and must hold exactly the server's (id, rev) of its team."""
    truth = {}
    for team in range(teams):
        reader = Device(f"load-{team:02d}-seed", team)
        await reader.login(http, None)
        await reader.pull(http, None)
        truth[team] = {k: v["rev"] for k, v in reader.rows.items()}
    gate = asyncio.Semaphore(50)

    async def check(device: Device) -> bool:
        async with gate:
            await device.pull(http, None)
        return {k: v["rev"] for k, v in device.rows.items()} == truth[device.team]

    ready = [d for d in devices if d.headers]
    matched = sum(await asyncio.gather(*(check(d) for d in ready)))
    return matched, len(ready)


async def sample(cluster: Cluster, samples: list[dict], every: float, stop: float) -> None:
    """Memory of every cluster process and connection counts, every `every` seconds."""
    while time.monotonic() < stop:
        samples.append(measure(cluster))
        print(f"load: sample {samples[-1]}", flush=True)
        await asyncio.sleep(every)
    samples.append(measure(cluster))


def _trees(cluster: Cluster) -> dict[str, list[int]]:
    """Every running part of the cluster and the pids of its process tree."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    trees = {}
    for part, pid in cluster.running().items():
        trees[part], todo = [], [pid] if pid else []
        while todo:
            trees[part].append(todo.pop())
            todo.extend(children.get(trees[part][-1], []))
    return trees


def cpu_seconds(cluster: Cluster) -> float:
    """CPU time (user + system) used so far by every process of the cluster."""
    ticks = 0
    for pids in _trees(cluster).values():
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(cluster: Cluster) -> dict:
    """PSS (MiB) per part with its children, PostgreSQL backends, TCP connections per port.

    PSS, not RSS: PostgreSQL's backends share its buffer pool, and RSS would count each page
    once per backend that has touched it, which grows for an hour without any leak.
    """
    trees = _trees(cluster)

    def pss(part: str) -> float:
        total = 0
        for pid in trees.get(part, []):
            try:
                line = next(x for x in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                            if x.startswith("Pss:"))
                total += int(line.split()[1])
            except (OSError, StopIteration):
                continue
        return round(total / 1024, 1)

    apps = sum(pss(part) for part in trees if part.startswith("app"))
    return {"t": time.strftime("%H:%M:%S"), "app_mib": round(apps, 1),
            "nginx_mib": pss("nginx"), "pgbouncer_mib": pss("pgbouncer"),
            "postgres_mib": pss("postgresql"),
            "pg_backends": _pg_backends(cluster),
            "tcp_to_pgbouncer": _established(cluster.layout.pgbouncer_port),
            "tcp_to_nginx": _established(cluster.layout.https_port)}


def _pg_backends(cluster: Cluster) -> int:
    """Client backends of the load database in PostgreSQL."""
    import psycopg
    url = cluster.direct_url().replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                            "AND backend_type = 'client backend'",
                            (cluster.layout.database,)).fetchone()[0] - 1


def _established(port: int) -> int:
    """Established TCP connections to a local port."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            count += state == "01" and int(local.rsplit(":", 1)[1], 16) == port
    return count


async def run(cluster: Cluster, users, shared, devices: int, minutes: float, interval: float,
              soak: bool) -> dict:
    """One paced run; its figures."""
    context = ssl.create_default_context(cafile=str(cluster.layout.ca_file))
    connector = aiohttp.TCPConnector(limit=200, ssl=context)
    timeout = aiohttp.ClientTimeout(total=60)
    stats, samples = Stats(), []
    load_before = os.getloadavg()[0]
    rng = random.Random(f"{devices}-{interval}")
    async with aiohttp.ClientSession(cluster.layout.url, connector=connector,
                                     timeout=timeout) as http:
        fleet = [Device(name, team) for name, team in users[:devices]]
        began = time.monotonic()
        stop = began + 60 * minutes
        # Logins spread over one interval (at most a quarter of the run); the steady state is
        # measured from one interval after the last login, once the ramp's backlog is gone.
        ramp = min(interval, 60 * minutes / 4)
        warm = ramp + min(interval, 60 * minutes / 4)
        stats.steady_from = time.perf_counter() + warm
        tasks = [asyncio.create_task(run_device(
            d, http, stats, shared[d.team], began + ramp * n / devices, stop, interval,
            random.Random(rng.random()))) for n, d in enumerate(fleet)]
        watcher = asyncio.create_task(sample(cluster, samples, 60, stop)) if soak else None
        await asyncio.sleep(warm)
        cpu_start = cpu_seconds(cluster)
        pending = set(tasks)
        while pending:
            _, pending = await asyncio.wait(pending, timeout=30)
            p95 = percentile(stats.latencies["pull"][-2000:] + stats.latencies["push"][-700:],
                             0.95)
            print(f"load: {devices} devices, interval {interval:g} s, "
                  f"{time.monotonic() - began:.0f}/{60 * minutes:.0f} s: "
                  f"{stats.requests()} requests, {len(stats.errors)} errors, "
                  f"recent p95 {p95:.0f} ms", flush=True)
        for task in tasks:
            task.result()
        seconds = time.monotonic() - began - warm
        cpu = cpu_seconds(cluster) - cpu_start
        if watcher:
            await watcher
        matched, checked = await verify(http, fleet, len(shared))
    return {"devices": devices, "interval": interval, "seconds": seconds, "stats": stats,
            "load": f"{load_before:.1f} → {os.getloadavg()[0]:.1f}", "cpu": cpu,
            "matched": matched, "checked": checked, "samples": samples,
            "equivalent": round(devices * 30 / interval)}


def table(outcome: dict) -> str:
    """The run's figures as Markdown."""
    stats = outcome["stats"]
    lines = ["| endpoint | requests | requests/s | p50 ms | p95 ms | p99 ms |",
             "|---|---:|---:|---:|---:|---:|"]
    for endpoint in ENDPOINTS:
        values = stats.latencies[endpoint]
        rate = f"{len(values) / outcome['seconds']:.1f}" if endpoint in ("push", "pull") else "—"
        lines.append(f"| {endpoint} | {len(values):,} | {rate} "
                     f"| {percentile(values, .5):.0f} | {percentile(values, .95):.0f} "
                     f"| {percentile(values, .99):.0f} |")
    every = [v for e in ("push", "pull") for v in stats.latencies[e]]
    lines.append(f"| push + pull | {len(every):,} | {len(every) / outcome['seconds']:.1f} "
                 f"| {percentile(every, .5):.0f} | {percentile(every, .95):.0f} "
                 f"| {percentile(every, .99):.0f} |")
    results = ", ".join(f"{k} {v:,}" for k, v in sorted(stats.results.items()))
    per_request = outcome["cpu"] / max(1, len(every))
    capacity = (os.cpu_count() or 1) / max(per_request, 1e-6)
    return "\n".join(lines) + (
        f"\n\nErrors: {len(stats.errors)}{' (' + stats.errors[0] + ')' if stats.errors else ''}."
        f" Push results: {results}. Devices whose last pull equals the server: "
        f"{outcome['matched']} of {outcome['checked']}. Syncs during the login ramp and one "
        f"interval after it, not in the figures: {stats.ramp_requests:,}. Cycles started "
        f"late by the generator: p95 {percentile(stats.late, .95):.0f} ms. The machine's load "
        f"average (1 min, other work included) at start → end: {outcome['load']}. CPU of "
        f"every cluster process (nginx, gunicorns, PgBouncer, PostgreSQL) per steady sync "
        f"request: {1000 * per_request:.1f} ms, so {os.cpu_count()} cores to themselves "
        f"would serve about {capacity:.0f} requests/s (≈ "
        f"{capacity * outcome['seconds'] * outcome['devices'] / max(1, len(every)):,.0f} devices "
        f"at this interval).\n")


def soak_table(samples: list[dict]) -> str:
    """The per-minute samples as Markdown."""
    keys = list(samples[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(s[k]) for k in keys) + " |" for s in samples]
    return "\n".join(lines) + "\n\n" + soak_growth(samples)


def soak_growth(samples: list[dict]) -> str:
    """Each measure's change over the second half of the run, once the load has settled."""
    if len(samples) < 4:
        return ""
    middle, last = samples[len(samples) // 2], samples[-1]
    changes = [f"{k} {middle[k]} → {last[k]}" for k in middle if k != "t"]
    return (f"Over the second half ({middle['t']} → {last['t']}): "
            + "; ".join(changes) + ".\n")


def main() -> None:
    """Run the load test (or the soak, or the knee sweep) and print / write the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--teams", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--interval", type=float, default=30, help="seconds between syncs")
    parser.add_argument("--soak", action="store_true", help="sample memory and connections")
    parser.add_argument("--sweep", default="", help="intervals for the knee, e.g. 30,15,7.5")
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    parser.add_argument("--standby", action="store_true",
                        help="the cluster with its hot standby (pulls read it)")
    args = parser.parse_args()
    if not 1 <= args.devices <= 5000 or not 0 < args.minutes <= 90 or args.interval < 1:
        parser.error("bounded: 1–5,000 devices, at most 90 minutes, interval ≥ 1 s")
    cluster = Cluster(Layout(standby=args.standby))
    cluster.start()
    users = prepare_users(cluster, args.devices, args.teams)

    async def everything():
        context = ssl.create_default_context(cafile=str(cluster.layout.ca_file))
        async with aiohttp.ClientSession(cluster.layout.url,
                                         connector=aiohttp.TCPConnector(ssl=context)) as http:
            shared = await seed_teams(http, args.teams)
        intervals = [float(x) for x in args.sweep.split(",")] if args.sweep else [args.interval]
        outcomes = []
        for interval in intervals:
            outcomes.append(await run(cluster, users, shared, args.devices, args.minutes,
                                      interval, args.soak))
            print(table(outcomes[-1]), flush=True)
        return outcomes

    outcomes = asyncio.run(everything())
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    heading = "## Knee (bench/load_test.py --sweep)" if args.sweep else \
        ("## Soak (bench/load_test.py --soak)" if args.soak and args.minutes >= 60 else
         "## Cluster load with a hot standby (bench/load_test.py --standby)" if args.standby
         else "## Cluster load (bench/load_test.py)")
    standby = ", pulls from its hot standby" if args.standby else ""
    text = (f"{heading}\n\nMeasured {time.strftime('%Y-%m-%d %H:%M')} on this machine "
            f"({machine}); `make cluster` (nginx TLS → {len(cluster.layout.app_ports)} app "
            f"servers × {cluster.layout.workers} gunicorn workers → PgBouncer transaction "
            f"pooling → PostgreSQL 15{standby}), the generator in one asyncio process on the "
            "same 2 cores. "
            f"Command: `{' '.join(['bench/load_test.py', *sys.argv[1:]])}`.\n\n")
    if args.sweep:
        text += ("| devices | interval s | equivalent devices at 30 s | requests/s | p50 ms | "
                 "p95 ms | p99 ms | errors | last pull = server | load average | "
                 "cluster CPU ms per request |\n"
                 "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n")
        for o in outcomes:
            every = [v for e in ("push", "pull") for v in o["stats"].latencies[e]]
            text += (f"| {o['devices']} | {o['interval']:g} | {o['equivalent']:,} | "
                     f"{len(every) / o['seconds']:.1f} | {percentile(every, .5):.0f} | "
                     f"{percentile(every, .95):.0f} | {percentile(every, .99):.0f} | "
                     f"{len(o['stats'].errors)} | {o['matched']}/{o['checked']} | {o['load']} | "
                     f"{1000 * o['cpu'] / max(1, len(every)):.1f} |\n")
    else:
        text += (f"{args.devices:,} devices in {args.teams} teams, one sync every "
                 f"{args.interval:g} s ± 50 % for {args.minutes:g} min:\n\n"
                 + table(outcomes[0]))
        if args.soak:
            text += ("\nMemory (PSS, children included) and connections, sampled every minute:\n\n"
                     + soak_table(outcomes[0]["samples"]))
    print(text)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", heading, text)


if __name__ == "__main__":
    main()
