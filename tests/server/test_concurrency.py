"""Many devices through real gunicorn workers: the feed never skips, replays never double.

The no-skip test has teeth: with FELTMAPPE_TEST_FEED_TAKEN_EARLY=1 in the environment the
gunicorn servers draw each push's feed number before its transaction (server/services/feed.py)
and `test_a_continuous_puller_ends_with_every_final_rev` fails: the pullers miss changes.
"""
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import BOTH_DATABASES, live_postgres_url
from tests.live_server import LiveServer

PUSHERS = 8
ROUNDS = 12
SHARED = 6
TEAMS = ("Nord", "Syd")
SIZES = (1, 1, 2, 200)  # new companies per push: k0 to k3 push 1, k4 and k5 push 2, …
USERS = {**{f"k{n}": (TEAMS[n % 2], "consultant") for n in range(PUSHERS)},
         **{f"p{team}{n}": (team, "consultant") for team in TEAMS for n in range(2)}}


def _url(backend: str, tmp_path_factory) -> str:
    if backend == "postgresql":
        return live_postgres_url()
    return f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.sqlite3'}"


@pytest.fixture(scope="module", params=BOTH_DATABASES)
def server(request, tmp_path_factory):
    """gunicorn with 4 workers on a fresh database of each backend."""
    live = LiveServer(_url(request.param, tmp_path_factory), USERS, workers=4)
    yield live
    live.stop()


def _company(name: str, **extra) -> dict:
    return {"name": name, "city": "Fjordby", **extra}


def _push(session, server, headers, changes) -> list[dict]:
    answer = session.post(f"{server.url}/api/v1/sync/push", json={"changes": changes},
                          headers=headers, timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def _pusher(server, username: str, shared: list[str], start: threading.Barrier) -> None:
    """Create new companies (never touched again) and edit the shared ones, round after round.

    The pushers start on different shared companies and push batches of different sizes, so
    a push that started later often commits before one that started earlier."""
    number = int(username[1:])
    session = requests.Session()
    headers = server.login(username, session)
    start.wait()
    for round_no in range(ROUNDS):
        changes = [{"mutation_id": str(uuid.uuid4()), "type": "company", "id": str(uuid.uuid4()),
                    "op": "upsert", "base_rev": 0,
                    "data": _company(f"{username} firma {round_no}.{i}")}
                   for i in range(SIZES[number // 2])]
        target = shared[(round_no + number) % len(shared)]
        changes.append({"mutation_id": str(uuid.uuid4()), "type": "company", "id": target,
                        "op": "upsert", "base_rev": 0,
                        "data": _company("Fælles firma", industry=f"{round_no:02d} {username}")})
        for result in _push(session, server, headers, changes):
            assert result["status"] in ("applied", "merged", "conflict"), result


def _pull_all(session, server, headers, since, seen: dict) -> str:
    while True:
        answer = session.get(f"{server.url}/api/v1/sync/pull",
                             params={"since": since, "limit": 200} if since else {"limit": 200},
                             headers=headers, timeout=60)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        for record in page["changes"]:
            if record["rev"] > seen.get(record["id"], 0):
                seen[record["id"]] = record["rev"]
        since = page["checkpoint"]
        if not page["has_more"]:
            return since


class Puller:
    """One team's device following checkpoints: the newest rev it has seen of each record."""

    def __init__(self, server, username: str):
        self.server, self.session = server, requests.Session()
        self.headers = server.login(username, self.session)
        self.seen: dict[str, int] = {}
        self.since = None
        self.pulls = 0

    def pull(self) -> None:
        """Pull until the end of the feed, from the last checkpoint."""
        self.since = _pull_all(self.session, self.server, self.headers, self.since, self.seen)
        self.pulls += 1

    def follow(self, done: threading.Event) -> None:
        """Pull again and again until `done` is set."""
        while not done.is_set():
            self.pull()


def push_while_pullers_follow(server) -> dict[tuple[str, int], Puller]:
    """Seed each team's shared companies, then run the pushers of both teams at once while
    two checkpoint-following pullers per team pull; return the pullers once every push has
    answered."""
    admin = requests.Session()
    shared = {team: [str(uuid.uuid4()) for _ in range(SHARED)] for team in TEAMS}
    for n, team in enumerate(TEAMS):
        _push(admin, server, server.login(f"k{n}", admin), [
            {"mutation_id": str(uuid.uuid4()), "type": "company", "id": cid, "op": "upsert",
             "base_rev": 0, "data": _company("Fælles firma")} for cid in shared[team]])
    pullers = {(team, n): Puller(server, f"p{team}{n}") for team in TEAMS for n in range(2)}
    start, done = threading.Barrier(PUSHERS + 1, timeout=120), threading.Event()
    with ThreadPoolExecutor(PUSHERS + len(pullers)) as pool:
        following = [pool.submit(puller.follow, done) for puller in pullers.values()]
        pushing = [pool.submit(_pusher, server, f"k{n}", shared[TEAMS[n % 2]], start)
                   for n in range(PUSHERS)]
        try:
            start.wait()
            for future in pushing:
                future.result()
        finally:
            done.set()
        for future in following:
            future.result()
    return pullers


@pytest.mark.slow
def test_a_continuous_puller_ends_with_every_final_rev(server):
    """Pushers of two teams at once; each team's checkpoint-following puller misses nothing."""
    pullers = push_while_pullers_follow(server)
    for (team, n), puller in pullers.items():
        assert puller.pulls > 3, "the puller must have pulled while pushes were in flight"
        puller.pull()
        truth: dict[str, int] = {}
        _pull_all(requests.Session(), server, server.login(f"p{team}{n}"), None, truth)
        assert len(truth) >= sum(SIZES) * ROUNDS + SHARED
        missed = sorted(i for i, rev in truth.items() if puller.seen.get(i) != rev)
        assert not missed, f"{team}'s checkpoint-following puller missed {len(missed)} changes"


@pytest.mark.slow
def test_concurrent_replays_of_one_push_apply_once(server):
    headers = server.login("k0")
    cid = str(uuid.uuid4())
    base = _push(requests.Session(), server, headers, [{
        "mutation_id": str(uuid.uuid4()), "type": "company", "id": cid, "op": "upsert",
        "base_rev": 0, "data": _company("Replay ApS")}])[0]
    rev = base["rev"]
    for attempt in range(10):
        change = {"mutation_id": str(uuid.uuid4()), "type": "company", "id": cid,
                  "op": "upsert", "base_rev": rev,
                  "data": _company("Replay ApS", employees=attempt)}
        start = threading.Barrier(4, timeout=60)

        def send(start=start, change=change):
            session = requests.Session()
            start.wait()
            return _push(session, server, headers, [change])[0]

        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda _: send(), range(4)))
        assert {(r["status"], r["rev"]) for r in results} == {("applied", rev + 1)}
        rev += 1
    history = requests.get(f"{server.url}/api/v1/records/company/{cid}/history",
                           headers=headers, timeout=30).json()["revisions"]
    assert [h["rev"] for h in history] == list(range(1, rev + 1))


@pytest.mark.slow
def test_parallel_wrong_passwords_are_counted_before_they_are_checked(server):
    limit, tries = 5, 8
    start = threading.Barrier(tries, timeout=60)

    def wrong(_):
        session = requests.Session()
        start.wait()
        return session.post(f"{server.url}/api/v1/auth/login", json={
            "username": "k1", "password": "wrong-password", "device_name": "t"},
            timeout=60).status_code

    with ThreadPoolExecutor(tries) as pool:
        statuses = list(pool.map(wrong, range(tries)))
    assert sorted(statuses) == [401] * limit + [429] * (tries - limit), statuses
