"""The several-server deployment in CI size: nginx (TLS) → 2 app servers → PgBouncer → PostgreSQL.

Starts deploy/cluster.py's cluster on free ports with a database of its own, logs in, pushes
and pulls through the proxy, runs the no-skip test through proxy and pooler, and stops it all.
"""
import shutil
import time
import uuid
from pathlib import Path

import pytest
import requests

from deploy.cluster import Cluster, Layout
from tests.live_server import ROOT, ClusterServer, free_port, started_cluster
from tests.server import test_concurrency as concurrency

MISSING = [name for name in ("nginx", "pgbouncer", "pg_ctlcluster")
           if not shutil.which(name) and not Path(f"/usr/sbin/{name}").exists()]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    bool(MISSING), reason=f"{', '.join(MISSING)} not installed (scripts/ensure-cluster.sh)")]


@pytest.fixture(scope="module")
def cluster():
    """A fresh 2-server cluster with the live tests' users; stopped (by pid) afterwards."""
    layout = Layout(directory=ROOT / "instance" / "cluster-ci", https_port=free_port(),
                    app_ports=(free_port(), free_port()), pgbouncer_port=free_port(),
                    database="feltmappe_ci", seed_demo=False, pool_size=10,
                    app_env={"LOGIN_FAILURES_PER_ADDRESS": "100000"})
    made = Cluster(layout)
    made.stop()
    made.drop_database()
    try:
        with started_cluster(made, concurrency.USERS):
            yield ClusterServer(made)
    finally:
        made.stop()


def test_login_push_and_pull_through_the_proxy_reach_every_app_server(cluster):
    headers = cluster.login("k0")
    company = str(uuid.uuid4())
    pushed = requests.post(f"{cluster.url}/api/v1/sync/push", headers=headers, timeout=30, json={
        "changes": [{"mutation_id": str(uuid.uuid4()), "type": "company", "id": company,
                     "op": "upsert", "base_rev": 0, "data": {"name": "Proxy ApS"}}]})
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["results"][0]["status"] == "applied"
    request_ids = []
    for _ in range(6):
        pulled = requests.get(f"{cluster.url}/api/v1/sync/pull", headers=headers, timeout=30)
        assert pulled.status_code == 200, pulled.text
        assert [r["id"] for r in pulled.json()["changes"]] == [company]
        request_ids.append(pulled.headers["X-Request-Id"])
    layout = cluster.cluster.layout
    log = _logged(layout.log_dir.glob("nginx-access.log"), f'"request_id":"{request_ids[-1]}"')
    for port in layout.app_ports:
        assert f'"upstream":"127.0.0.1:{port}"' in log, "round robin skipped an app server"
    app_logs = _logged(layout.log_dir.glob("app-*.log"), f'"request_id": "{request_ids[-1]}"')
    for request_id in request_ids:
        assert f'"request_id":"{request_id}"' in log
        assert f'"request_id": "{request_id}"' in app_logs, "the proxy's request id is not logged"


def _logged(paths, last: str, seconds: float = 10) -> str:
    """The logs' text once `last` is in it (nginx writes a line after the answer is sent)."""
    paths = list(paths)
    deadline = time.monotonic() + seconds
    while True:
        text = "".join(path.read_text() for path in paths)
        if last in text or time.monotonic() > deadline:
            return text
        time.sleep(0.1)


def test_metrics_add_up_every_worker_and_are_not_served_by_the_proxy(cluster):
    assert requests.get(f"{cluster.url}/metrics", timeout=10).status_code == 404
    token = {"Authorization": f"Bearer {cluster.cluster.secrets['metrics_token']}"}
    pages = 0.0
    for port in cluster.cluster.layout.app_ports:
        assert requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10).status_code == 404
        text = requests.get(f"http://127.0.0.1:{port}/metrics", headers=token, timeout=10).text
        pages += sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                     if line.startswith("feltmappe_pull_pages_total"))
    assert pages == 6, "the pull pages of the first test, summed over all workers"


def test_a_puller_by_checkpoint_misses_nothing_through_proxy_and_pgbouncer(cluster):
    concurrency.test_a_continuous_puller_ends_with_every_final_rev(cluster)


def test_stop_ends_every_process_it_started(cluster):
    cluster.cluster.stop()
    running = cluster.cluster.running()
    assert [part for part, pid in running.items()
            if pid and part not in ("postgresql", "standby")] == []
