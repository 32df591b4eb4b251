"""A real gunicorn server with several workers on a migrated database, for the live tests."""
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from server import create_app
from server.extensions import db
from server.services.auth import create_user
from tests.conftest import config_for, migrated_app, reset_postgres_schema

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """gunicorn serving wsgi:app on a fresh database; users made before it starts."""

    def __init__(self, database_url: str, users: dict[str, tuple[str, str]], workers: int = 4,
                 **settings: str):
        if database_url.startswith("postgresql"):
            reset_postgres_schema(database_url)
        app = migrated_app(database_url)
        with app.app_context():
            for username, (team, role) in users.items():
                create_user(username, f"{username}-password-1", team, role)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.env = {**os.environ, "DATABASE_URL": database_url, "ARGON2_TIME_COST": "1",
                    "ARGON2_MEMORY_COST": "1024", "LOGIN_FAILURES_PER_ADDRESS": "100000",
                    **settings}
        (ROOT / "instance").mkdir(exist_ok=True)
        (ROOT / "instance" / f"gunicorn-{self.port}.log").write_text("")
        self.start()

    def start(self) -> None:
        """Start gunicorn (again, after stop) on the same port and database."""
        self.log = open(ROOT / "instance" / f"gunicorn-{self.port}.log", "a")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(GUNICORN), "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "120", "--access-logfile", "-", "wsgi:app"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_until_up()

    def _wait_until_up(self, seconds: float = 30) -> None:
        """Block until /healthz answers."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        tail = (ROOT / "instance" / f"gunicorn-{self.port}.log").read_text().splitlines()[-20:]
        raise RuntimeError("gunicorn did not start; the end of its log:\n" + "\n".join(tail))

    def login(self, username: str, session: requests.Session | None = None) -> dict:
        """Log in a new device and return its Authorization header."""
        return login_device(self.url, username, session)

    def stop(self) -> None:
        """Stop gunicorn and close its log."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def login_device(url: str, username: str, session: requests.Session | None = None) -> dict:
    """Log a new device of a live-test user in at `url`; its Authorization header."""
    answer = (session or requests).post(f"{url}/api/v1/auth/login", json={
        "username": username, "password": f"{username}-password-1",
        "device_name": "test"}, timeout=30)
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@contextmanager
def started_cluster(made, users: dict[str, tuple[str, str]]) -> Iterator[None]:
    """Start a deploy.cluster cluster, give it the live tests' `users` (name → team, role)
    and trust its certificate while the block runs."""
    made.start()
    app = create_app(config_for(SQLALCHEMY_DATABASE_URI=made.direct_url()))
    with app.app_context():
        for username, (team, role) in users.items():
            create_user(username, f"{username}-password-1", team, role)
        db.engine.dispose()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REQUESTS_CA_BUNDLE", str(made.layout.ca_file))
        yield


class ClusterServer:
    """A deploy.cluster cluster as the live tests expect a server: its proxy's address and
    logins."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.url = cluster.layout.url

    def login(self, username: str, session: requests.Session | None = None) -> dict:
        """Log in a new device through the proxy and return its Authorization header."""
        return login_device(self.url, username, session)
