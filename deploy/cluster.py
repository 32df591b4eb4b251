"""Several app servers on this machine: nginx (TLS) → gunicorns → PgBouncer → PostgreSQL 15.

`python -m deploy.cluster start|stop|status` is what `make cluster` and `make cluster-stop` run.
PostgreSQL is a cluster of its own (`15 feltmappe_cluster`, port 5440), never the `main`
cluster of the test suite. `start --standby` adds a hot standby (`15 feltmappe_standby`, port
5441, made by pg_basebackup and streaming from the primary) that the pulls read through
PgBouncer (PULL_DATABASE_URL). Everything started is recorded by pid in the cluster directory
(instance/cluster/run) and stopped by those pids. Starting twice starts only what is not running.
"""
import argparse
import json
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from ipaddress import ip_address
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent
PG_VERSION = "15"
PG_CLUSTER = "feltmappe_cluster"
STANDBY_CLUSTER = "feltmappe_standby"


class ClusterError(RuntimeError):
    """A part of the cluster could not be started or stopped; the message says which and why."""


class _At(Template):
    """Templates with @name placeholders (nginx uses $ itself)."""

    delimiter = "@"


def progress(message: str) -> None:
    """One progress line."""
    print(f"cluster: {message}", flush=True)


@dataclass
class Layout:
    """Where one cluster lives: its directory, ports, database and number of app servers."""

    directory: Path = ROOT / "instance" / "cluster"
    https_port: int = 8443
    app_ports: tuple[int, ...] = (8101, 8102, 8103)
    pgbouncer_port: int = 6440
    pg_port: int = 5440
    pg_cluster: str = PG_CLUSTER
    standby: bool = False
    standby_port: int = 5441
    standby_cluster: str = STANDBY_CLUSTER
    database: str = "feltmappe"
    workers: int = 2
    pool_size: int = 20
    seed_demo: bool = True
    app_env: dict[str, str] = field(default_factory=dict)

    @property
    def run_dir(self) -> Path:
        """Pid files and nginx's temporary files."""
        return self.directory / "run"

    @property
    def log_dir(self) -> Path:
        """Logs of every part."""
        return self.directory / "log"

    @property
    def tls_dir(self) -> Path:
        """The self-signed certificate and its key."""
        return self.directory / "tls"

    @property
    def url(self) -> str:
        """The public address."""
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def ca_file(self) -> Path:
        """The certificate a client trusts to reach the proxy."""
        return self.tls_dir / "cert.pem"

    @property
    def standby_database(self) -> str:
        """PgBouncer's name for the database on the standby."""
        return f"{self.database}_standby"


class Cluster:
    """Start, stop and describe one cluster."""

    def __init__(self, layout: Layout | None = None):
        self.layout = layout or Layout()
        self.secrets = self._secrets()

    # --- secrets and URLs -------------------------------------------------------------

    def _secrets(self) -> dict[str, str]:
        """The cluster's generated secrets, made once and kept in the directory (mode 600)."""
        path = self.layout.directory / "secrets.json"
        kept = json.loads(path.read_text()) if path.exists() else {}
        made = {name: kept.get(name) or secrets.token_urlsafe(size) for name, size in (
            ("secret_key", 48), ("db_password", 24), ("metrics_token", 24),
            ("replication_password", 24))}
        if made != kept:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(made))
            path.chmod(0o600)
        return made

    @property
    def role(self) -> str:
        """The database role: named like the database."""
        return self.layout.database

    def direct_url(self) -> str:
        """PostgreSQL itself: migrations, backups, the checks of tests and benchmarks."""
        return (f"postgresql+psycopg://{self.role}:{self.secrets['db_password']}"
                f"@127.0.0.1:{self.layout.pg_port}/{self.layout.database}")

    def pooled_url(self, database: str | None = None) -> str:
        """Through PgBouncer: what the app servers use (the standby's name for pulls)."""
        return (f"postgresql+psycopg://{self.role}:{self.secrets['db_password']}"
                f"@127.0.0.1:{self.layout.pgbouncer_port}/{database or self.layout.database}")

    @property
    def replication_role(self) -> str:
        """The role the standby streams the WAL with."""
        return f"{self.role}_replication"

    def app_env(self, port: int) -> dict[str, str]:
        """The environment of one app server (pulls read the standby when there is one)."""
        pulls = ({"PULL_DATABASE_URL": self.pooled_url(self.layout.standby_database)}
                 if self.layout.standby else {})
        return {**os.environ, "DATABASE_URL": self.pooled_url(), **pulls,
                "DATABASE_PREPARED_STATEMENTS": "off",
                "SECRET_KEY": self.secrets["secret_key"], "TRUSTED_PROXIES": "127.0.0.1",
                "LOG_FORMAT": "json", "METRICS_TOKEN": self.secrets["metrics_token"],
                "PROMETHEUS_MULTIPROC_DIR": str(self.layout.run_dir / f"metrics-{port}"),
                **self.layout.app_env}

    # --- start ------------------------------------------------------------------------

    def start(self) -> None:
        """Start every part that is not running and wait until the proxy answers /healthz."""
        began = time.monotonic()
        for directory in (self.layout.run_dir, self.layout.log_dir, self.layout.tls_dir):
            directory.mkdir(parents=True, exist_ok=True)
        self._check_same_shape()
        self._start_postgres()
        self._ensure_database()
        if self.layout.standby:
            self._start_standby()
        self._ensure_certificate()
        self._start_pgbouncer()
        self._migrate()
        for port in self.layout.app_ports:
            self._start_app(port)
        self._start_nginx()
        self._wait_for(f"{self.layout.url}/healthz", "nginx → app servers", self.layout.ca_file)
        standby = f", standby :{self.layout.standby_port} for pulls" if self.layout.standby else ""
        progress(f"up in {time.monotonic() - began:.1f} s: {self.layout.url} "
                 f"({len(self.layout.app_ports)} app servers × {self.layout.workers} workers, "
                 f"PgBouncer :{self.layout.pgbouncer_port}, PostgreSQL :{self.layout.pg_port}"
                 f"{standby})")

    def _check_same_shape(self) -> None:
        """A running cluster is started again only as it was: with or without its standby."""
        shape = self.layout.run_dir / "shape"
        wanted = "standby" if self.layout.standby else "primary only"
        now = shape.read_text() if shape.exists() else "primary only"
        running = [part for part, pid in self.running().items()
                   if pid and part not in ("postgresql", "standby")]
        if running and now != wanted:
            raise ClusterError(f"the cluster runs with {now}, not {wanted}; "
                               "stop it first (make cluster-stop)")
        shape.write_text(wanted)

    def _start_postgres(self) -> None:
        """Create the own PostgreSQL cluster once; start it when it is down."""
        cluster, port = self.layout.pg_cluster, self.layout.pg_port
        if not self._cluster_exists(cluster, port):
            progress(f"creating PostgreSQL cluster {PG_VERSION}/{cluster} on port {port}")
            _run(["pg_createcluster", PG_VERSION, cluster, "-p", str(port),
                  "--", "--auth-local=peer", "--auth-host=scram-sha-256"])
        self._run_postgres(cluster, port, "postgres.started")

    def _cluster_exists(self, cluster: str, port: int) -> bool:
        """Whether pg_lsclusters lists the cluster (on the expected port)."""
        listed = _run(["pg_lsclusters", "-h"]).split("\n")
        mine = [line.split() for line in listed if line.split()[:2] == [PG_VERSION, cluster]]
        if mine and int(mine[0][2]) != port:
            raise ClusterError(f"PostgreSQL cluster {PG_VERSION}/{cluster} listens on port "
                               f"{mine[0][2]}, not {port}")
        return bool(mine)

    def _run_postgres(self, cluster: str, port: int, marker: str) -> None:
        """Start a PostgreSQL cluster when it is down (its pid noted) and wait for it."""
        if self._postgres_pid(cluster) is None:
            progress(f"starting PostgreSQL {PG_VERSION}/{cluster}")
            _run(["pg_ctlcluster", PG_VERSION, cluster, "start"])
            self.layout.run_dir.mkdir(parents=True, exist_ok=True)
            (self.layout.run_dir / marker).write_text(str(self._postgres_pid(cluster)))
        for _ in range(60):
            if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p",
                               str(port)]).returncode == 0:
                return
            time.sleep(0.5)
        raise ClusterError(f"PostgreSQL did not accept connections on port {port}")

    def _postgres_pid(self, cluster: str | None = None) -> int | None:
        """The postmaster's pid when it runs (the primary's unless another cluster is named)."""
        pid_file = _data_dir(cluster or self.layout.pg_cluster) / "postmaster.pid"
        pid = _read_pid(pid_file)
        return pid if pid and _alive(pid, "postgres") else None

    def _psql(self, sql: str, database: str = "postgres", port: int | None = None) -> str:
        """Run SQL as the postgres superuser on the own cluster (or the one on `port`)."""
        return _run(["runuser", "-u", "postgres", "--", "psql",
                     "-p", str(port or self.layout.pg_port),
                     "-d", database, "-v", "ON_ERROR_STOP=1", "-qtAc", sql])

    def _ensure_database(self) -> None:
        """The role (its password from secrets.json) and the database."""
        role, password = self.role, self.secrets["db_password"].replace("'", "''")
        verb = "ALTER" if self._psql(f"SELECT 1 FROM pg_roles WHERE rolname='{role}'") \
            else "CREATE"
        self._psql(f"{verb} ROLE {role} LOGIN PASSWORD '{password}'")
        if not self._psql(f"SELECT 1 FROM pg_database WHERE datname='{self.layout.database}'"):
            progress(f"creating database {self.layout.database}")
            self._psql(f"CREATE DATABASE {self.layout.database} OWNER {role}")

    def drop_database(self) -> None:
        """Remove the database (the next start makes an empty one); the cluster must be down."""
        self._start_postgres()
        self._psql(f"DROP DATABASE IF EXISTS {self.layout.database} WITH (FORCE)")

    # --- the hot standby --------------------------------------------------------------

    def _start_standby(self) -> None:
        """Make the standby once (pg_basebackup -R from the primary); start it when it is down."""
        if not self._cluster_exists(self.layout.standby_cluster, self.layout.standby_port):
            self._make_standby()
        self._run_postgres(self.layout.standby_cluster, self.layout.standby_port,
                           "standby.started")

    def _make_standby(self) -> None:
        """A PostgreSQL cluster of its own whose data is a base backup of the primary,
        streaming through a replication slot as a hot standby (standby.signal, by -R)."""
        cluster, slot = self.layout.standby_cluster, self.layout.standby_cluster
        progress(f"making the hot standby {PG_VERSION}/{cluster} on port "
                 f"{self.layout.standby_port} (pg_basebackup of :{self.layout.pg_port})")
        self._ensure_replication_role()
        self._psql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                   f"WHERE slot_name = '{slot}' AND NOT active")
        _run(["pg_createcluster", PG_VERSION, cluster, "-p", str(self.layout.standby_port),
              "-o", "hot_standby=on", "-o", "hot_standby_feedback=on",
              "--", "--auth-local=peer", "--auth-host=scram-sha-256"])
        data = _data_dir(cluster)
        shutil.rmtree(data)
        try:
            _run(["runuser", "-u", "postgres", "--", "pg_basebackup", "-h", "127.0.0.1",
                  "-p", str(self.layout.pg_port), "-U", self.replication_role,
                  "-D", str(data), "-R", "-C", "-S", slot, "-X", "stream",
                  "--checkpoint=fast", "--no-password"],
                 env={**os.environ, "PGPASSWORD": self.secrets["replication_password"]})
        except ClusterError:
            _run(["pg_dropcluster", PG_VERSION, cluster])
            raise

    def _ensure_replication_role(self) -> None:
        """The replication role (password from secrets.json) and its pg_hba line (reloaded)."""
        role = self.replication_role
        password = self.secrets["replication_password"].replace("'", "''")
        verb = "ALTER" if self._psql(f"SELECT 1 FROM pg_roles WHERE rolname='{role}'") \
            else "CREATE"
        self._psql(f"{verb} ROLE {role} LOGIN REPLICATION PASSWORD '{password}'")
        allowed = self._psql(
            "SELECT 1 FROM pg_hba_file_rules WHERE type = 'host' "
            "AND 'replication' = ANY(database) AND address = '127.0.0.1' "
            f"AND (user_name && ARRAY['all', '{role}'])")
        if not allowed:
            hba = Path(self._psql("SHOW hba_file").strip())
            progress(f"allowing {role} to stream from 127.0.0.1 ({hba})")
            with hba.open("a") as lines:
                lines.write(f"host    replication     {role}    127.0.0.1/32    "
                            "scram-sha-256\n")
            self._psql("SELECT pg_reload_conf()")

    def drop_standby(self) -> None:
        """Stop the standby (by pid) and remove it and its replication slot; the next
        `start --standby` makes a fresh one."""
        self._stop_postgres(self.layout.standby_cluster, "standby.started", force=True)
        if self._cluster_exists(self.layout.standby_cluster, self.layout.standby_port):
            progress(f"removing the standby {PG_VERSION}/{self.layout.standby_cluster}")
            _run(["pg_dropcluster", PG_VERSION, self.layout.standby_cluster])
        if self._postgres_pid() is not None:
            self._psql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                       f"WHERE slot_name = '{self.layout.standby_cluster}' AND NOT active")

    def _ensure_certificate(self) -> None:
        """A self-signed certificate for 127.0.0.1 and localhost, made once."""
        key_path, cert_path = self.layout.tls_dir / "key.pem", self.layout.ca_file
        if key_path.exists() and cert_path.exists():
            return
        progress(f"making a self-signed TLS certificate in {self.layout.tls_dir}")
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Feltmappe cluster (local)")])
        now = datetime.now(UTC)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(minutes=5))
                .not_valid_after(now + timedelta(days=825))
                .add_extension(x509.SubjectAlternativeName([
                    x509.DNSName("localhost"), x509.IPAddress(ip_address("127.0.0.1"))]),
                    critical=False)
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .sign(key, hashes.SHA256()))
        key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                               serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        key_path.chmod(0o600)
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))

    def _render(self, template: str, target: Path, **values) -> Path:
        """Fill a deploy/ template into the cluster directory."""
        text = _At((DEPLOY / template).read_text()).substitute(
            run_dir=self.layout.run_dir, log_dir=self.layout.log_dir,
            tls_dir=self.layout.tls_dir, conf_dir=self.layout.directory, **values)
        target.write_text(text)
        return target

    def _start_pgbouncer(self) -> None:
        """PgBouncer in transaction pooling mode, run as the postgres user."""
        if self._pid("pgbouncer", "pgbouncer"):
            return
        progress(f"starting PgBouncer on port {self.layout.pgbouncer_port}")
        users = self.layout.directory / "pgbouncer-users.txt"
        users.write_text(f'"{self.role}" "{self.secrets["db_password"]}"\n')
        shutil.chown(users, "postgres", "postgres")
        users.chmod(0o600)
        for directory in (self.layout.run_dir, self.layout.log_dir):
            shutil.chown(directory, "postgres", "postgres")
        standby = (f"{self.layout.standby_database} = host=127.0.0.1 "
                   f"port={self.layout.standby_port} dbname={self.layout.database}"
                   if self.layout.standby else "")
        ini = self._render("pgbouncer.ini", self.layout.directory / "pgbouncer.ini",
                           database=self.layout.database, pg_port=self.layout.pg_port,
                           pgbouncer_port=self.layout.pgbouncer_port,
                           pool_size=self.layout.pool_size, standby_database=standby)
        _run(["runuser", "-u", "postgres", "--", "pgbouncer", "-d", str(ini)])
        self._wait_for_pid("pgbouncer", "pgbouncer")

    def _flask(self, *args: str) -> str:
        """Run a flask command against PostgreSQL directly."""
        env = {**os.environ, "DATABASE_URL": self.direct_url(), "FLASK_APP": "wsgi",
               "SECRET_KEY": self.secrets["secret_key"], **self.layout.app_env}
        return _run([str(VENV_BIN / "flask"), *args], cwd=ROOT, env=env)

    def _migrate(self) -> None:
        """Migrate; on first start load the demo data and make the demo seal."""
        progress("migrating the database")
        self._flask("db", "upgrade")
        if self.layout.seed_demo:
            progress(self._flask("seed-demo", "--if-empty").strip())
            self._flask("seal", "create-demo-cert")

    def _start_app(self, port: int) -> None:
        """One gunicorn app server on its own port."""
        if self._pid(f"gunicorn-{port}", "gunicorn"):
            return
        progress(f"starting app server on port {port} ({self.layout.workers} workers)")
        _run([str(VENV_BIN / "gunicorn"), "--config", str(DEPLOY / "gunicorn.conf.py"),
              "--bind", f"127.0.0.1:{port}", "--workers", str(self.layout.workers),
              "--pid", str(self.layout.run_dir / f"gunicorn-{port}.pid"), "--daemon",
              "--error-logfile", str(self.layout.log_dir / f"app-{port}.log"),
              "--capture-output", "wsgi:app"], cwd=ROOT, env=self.app_env(port))
        self._wait_for(f"http://127.0.0.1:{port}/healthz", f"app server {port}")

    def _start_nginx(self) -> None:
        """nginx with TLS in front of the app servers."""
        if self._pid("nginx", "nginx"):
            return
        progress(f"starting nginx on {self.layout.url}")
        servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;"
                            for port in self.layout.app_ports)
        conf = self._render("nginx.conf", self.layout.directory / "nginx.conf",
                            https_port=self.layout.https_port, upstream_servers=servers)
        nginx = ["nginx", "-p", str(self.layout.directory), "-c", str(conf)]
        _run([*nginx, "-t", "-q"])
        _run(nginx)
        self._wait_for_pid("nginx", "nginx")

    def _wait_for(self, url: str, what: str, ca_file: Path | None = None,
                  seconds: float = 60) -> None:
        """Wait until a /healthz answers 200."""
        context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5, context=context) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise ClusterError(f"{what} did not answer {url} within {seconds:.0f} s; "
                           f"see the logs in {self.layout.log_dir}")

    # --- pids and stop ----------------------------------------------------------------

    def _pid(self, name: str, program: str) -> int | None:
        """The pid recorded for a part, when that process still runs."""
        pid = _read_pid(self.layout.run_dir / f"{name}.pid")
        return pid if pid and _alive(pid, program) else None

    def _wait_for_pid(self, name: str, program: str) -> None:
        """Wait until a daemon has written its pid file."""
        for _ in range(50):
            if self._pid(name, program):
                return
            time.sleep(0.1)
        raise ClusterError(f"{program} did not start; see {self.layout.log_dir}")

    def running(self) -> dict[str, int | None]:
        """Every part and its pid (None when not running)."""
        parts = {"nginx": self._pid("nginx", "nginx")}
        for port in self.layout.app_ports:
            parts[f"app {port}"] = self._pid(f"gunicorn-{port}", "gunicorn")
        parts["pgbouncer"] = self._pid("pgbouncer", "pgbouncer")
        parts["postgresql"] = self._postgres_pid()
        parts["standby"] = self._postgres_pid(self.layout.standby_cluster)
        return parts

    def stop(self, postgres: bool = True) -> None:
        """Stop, by pid, what this cluster started: nginx, app servers, PgBouncer, the
        standby and PostgreSQL."""
        for name, program in [("nginx", "nginx"), *[(f"gunicorn-{p}", "gunicorn")
                                                    for p in self.layout.app_ports],
                              ("pgbouncer", "pgbouncer")]:
            pid = self._pid(name, program)
            if pid:
                progress(f"stopping {name} (pid {pid})")
                _terminate(pid, signal.SIGQUIT if program == "nginx" else signal.SIGTERM)
            (self.layout.run_dir / f"{name}.pid").unlink(missing_ok=True)
        if postgres:
            self._stop_postgres(self.layout.standby_cluster, "standby.started")
            self._stop_postgres(self.layout.pg_cluster, "postgres.started")

    def _stop_postgres(self, cluster: str, marker_name: str, force: bool = False) -> None:
        """Stop a PostgreSQL cluster by pid if this cluster started it (or `force`)."""
        marker = self.layout.run_dir / marker_name
        pid = self._postgres_pid(cluster)
        started = marker.exists() and str(pid) == marker.read_text().strip()
        if pid and (started or force):
            progress(f"stopping PostgreSQL {PG_VERSION}/{cluster} (pid {pid})")
            _terminate(pid, signal.SIGINT)
        marker.unlink(missing_ok=True)


def _run(command: list[str], **kwargs) -> str:
    """Run a command; its stdout, or a ClusterError naming the command and its error output."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    except FileNotFoundError:
        raise ClusterError(f"{command[0]} is not installed; run scripts/ensure-cluster.sh "
                           "(as root)") from None
    if done.returncode != 0:
        raise ClusterError(f"{' '.join(command[:3])} failed ({done.returncode}): "
                           f"{(done.stderr or done.stdout).strip()[-2000:]}")
    return done.stdout


def _data_dir(cluster: str) -> Path:
    """Where Debian keeps a cluster's data."""
    return Path(f"/var/lib/postgresql/{PG_VERSION}/{cluster}")


def _read_pid(path: Path) -> int | None:
    """The first line of a pid file as a number."""
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int, program: str) -> bool:
    """Whether the pid runs the program (a stale pid file may name a reused pid)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return False
    return program in command


def _terminate(pid: int, sig: signal.Signals, seconds: float = 30) -> None:
    """Signal one process and wait for it to exit (SIGKILL after `seconds`)."""
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)


def main() -> None:
    """`start [--standby]`, `stop`, `status` or `drop-standby` of the default cluster."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop", "status", "drop-standby"])
    parser.add_argument("--standby", action="store_true",
                        help="start: with a hot standby that the pulls read (port 5441)")
    args = parser.parse_args()
    cluster = Cluster(Layout(standby=args.standby))
    try:
        if args.action == "start":
            cluster.start()
        elif args.action == "stop":
            cluster.stop()
        elif args.action == "drop-standby":
            cluster.drop_standby()
        else:
            for part, pid in cluster.running().items():
                print(f"{part:12} {'pid ' + str(pid) if pid else 'not running'}")
    except ClusterError as error:
        sys.exit(f"cluster: {error}")


if __name__ == "__main__":
    main()
