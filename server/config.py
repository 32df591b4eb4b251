"""Configuration, read from the environment here and nowhere else."""
import os
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def _int(name: str, default: int) -> int:
    """Read an integer setting from the environment."""
    return int(os.environ.get(name, default))


def _flag(name: str, default: bool) -> bool:
    """Read an on/off setting from the environment."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in ("on", "off", "true", "false", "1", "0", "yes", "no"):
        raise ValueError(f"{name} must be on or off, not {value!r}")
    return value in ("on", "true", "1", "yes")


def _engine_options(prepared_statements: bool) -> dict:
    """SQLAlchemy engine options; behind a transaction pooler psycopg must not prepare."""
    return {} if prepared_statements else {"connect_args": {"prepare_threshold": None}}


def _list(name: str) -> list[str]:
    """Read a comma-separated setting from the environment."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


class Config:
    """Settings for a real deployment; every value comes from the environment."""

    TESTING = False
    DEBUG = False
    ENV_NAME = os.environ.get("FELTMAPPE_ENV", "development")
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'feltmappe.sqlite3'}"
    )
    # Off behind PgBouncer's transaction pooling (psycopg's prepare_threshold=None): a
    # server-side prepared statement lives in one server connection, which the next
    # transaction may not get.
    DATABASE_PREPARED_STATEMENTS = _flag("DATABASE_PREPARED_STATEMENTS", True)
    # Pulls (GET /sync/pull) read from this database when it is set: a hot standby of
    # DATABASE_URL (server/services/pull_reads.py); everything else uses DATABASE_URL.
    PULL_DATABASE_URL = os.environ.get("PULL_DATABASE_URL", "")
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024
    # Answers over 1 KB are compressed: brotli at quality 1 (as small as gzip -6 on pages of
    # records, in a fifth of the time), gzip at 4 for clients without brotli (on a push
    # answer or page of 500 meetings 12 % more bytes than gzip's default 6 in 30 % less time;
    # levels 1-3 are faster still but 30-45 % larger).
    COMPRESS_MIMETYPES = ["application/json", "text/html", "text/css", "text/javascript",
                          "application/javascript", "application/manifest+json", "image/svg+xml"]
    COMPRESS_MIN_SIZE = 1024
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_LEVEL = 4
    COMPRESS_BR_LEVEL = 1
    COMPRESS_STREAMS = False
    # Pull pages to gzip-only clients: level 2 is 40 % faster than 4 for 20 % more bytes
    # (a page of 500 meetings, 2.1 MB of JSON: 7.7 ms and 294 KB against 13.3 ms and 241 KB).
    PULL_GZIP_LEVEL = 2
    MAX_PUSH_CHANGES = 500
    SESSION_MAX_IDLE = _int("SESSION_MAX_IDLE", 14 * 24 * 3600)
    SESSION_MAX_AGE = _int("SESSION_MAX_AGE", 30 * 24 * 3600)
    MIN_CLIENT_VERSION = os.environ.get("MIN_CLIENT_VERSION", "")
    TRUSTED_PROXIES = _list("TRUSTED_PROXIES")
    CORS_ORIGINS = _list("CORS_ORIGINS")
    LOGIN_FAILURES_PER_USER = _int("LOGIN_FAILURES_PER_USER", 5)
    LOGIN_FAILURES_PER_ACCOUNT = _int("LOGIN_FAILURES_PER_ACCOUNT", 20)
    LOGIN_FAILURES_PER_ADDRESS = _int("LOGIN_FAILURES_PER_ADDRESS", 200)
    LOGIN_WINDOW_SECONDS = _int("LOGIN_WINDOW_SECONDS", 15 * 60)
    REVISION_RETENTION_DAYS = _int("REVISION_RETENTION_DAYS", 3650)
    # argon2id parameters (RFC 9106 second recommendation: 64 MiB, 3 passes).
    ARGON2_TIME_COST = _int("ARGON2_TIME_COST", 3)
    ARGON2_MEMORY_COST = _int("ARGON2_MEMORY_COST", 64 * 1024)
    ARGON2_PARALLELISM = _int("ARGON2_PARALLELISM", 1)
    # The agreement PDF: the job centre named on it, the seal key and certificate (PEM),
    # and the TrueType fonts (DejaVu when installed; reportlab's Vera otherwise).
    JOBCENTER_NAME = os.environ.get("JOBCENTER_NAME", "Jobcenter Fjordby")
    SEAL_KEY_PATH = os.environ.get("SEAL_KEY_PATH", str(INSTANCE_DIR / "seal" / "seal-key.pem"))
    SEAL_CERT_PATH = os.environ.get("SEAL_CERT_PATH",
                                    str(INSTANCE_DIR / "seal" / "seal-cert.pem"))
    SEAL_KEY_PASSPHRASE = os.environ.get("SEAL_KEY_PASSPHRASE", "")
    # Error texts never carry statement parameters (record data, CPR numbers) into the log;
    # a connection that died with a database restart is replaced before it is used.
    SQLALCHEMY_ENGINE_OPTIONS = {"hide_parameters": True, "pool_pre_ping": True,
                                 **_engine_options(DATABASE_PREPARED_STATEMENTS)}
    PDF_FONT_DIR = os.environ.get("PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
    # Operations: JSON log lines (with the proxy's X-Request-Id), /metrics for Prometheus
    # (answers 404 unless a bearer token is set; several workers add up their files in
    # PROMETHEUS_MULTIPROC_DIR), and where `flask backup` writes.
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
    METRICS_MULTIPROC_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
    BACKUP_DIR = os.environ.get("BACKUP_DIR", str(INSTANCE_DIR / "backups"))
    # Test only: draw the feed number before the write transaction (the mistake the live
    # no-skip test must catch, server/services/feed.py). Never set it in a deployment.
    FEED_TAKEN_EARLY = _flag("FELTMAPPE_TEST_FEED_TAKEN_EARLY", False)


class TestConfig(Config):
    """Settings for the test suite: cheap hashing, an in-memory or given database."""

    TESTING = True
    ENV_NAME = "test"
    SECRET_KEY = "test-secret-key-not-for-production"
    SQLALCHEMY_DATABASE_URI = os.environ.get("FELTMAPPE_TEST_DATABASE_URL", "sqlite://")
    PULL_DATABASE_URL = ""
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024
    ARGON2_PARALLELISM = 1
    SEAL_KEY_PATH = ""
    SEAL_CERT_PATH = ""
