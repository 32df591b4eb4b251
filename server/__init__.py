"""Feltmappe's server: create_app builds the Flask application."""
from flask import Flask, request
from sqlalchemy import event

from server.config import INSTANCE_DIR, Config
from server.extensions import compress, cors, db, migrate
from server.jsoncodec import FastJSONProvider, dumps_text, loads
from server.logging_setup import init_logging
from server.metrics import init_metrics
from server.security import check_production_config, register_security_headers
from server.services.pull_reads import init_pull_engine
from server.services.transaction import WRITE_OPTION


def create_app(config: type[Config] | dict | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error handlers and commands."""
    app = Flask(__name__, instance_path=str(INSTANCE_DIR), static_folder=None)
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    check_production_config(app)
    app.json = FastJSONProvider(app)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    _init_database(app)
    cors.init_app(app, resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}})
    _register_blueprints(app)
    _register_request_hooks(app)
    register_security_headers(app)
    compress.init_app(app)
    init_logging(app)
    init_metrics(app)
    from server.cli import register_commands
    register_commands(app)
    return app


def _init_database(app: Flask) -> None:
    """Bind SQLAlchemy (and the pulls' engine) and Alembic; tune SQLite for several workers."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite") and uri != "sqlite://":
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        "json_serializer": dumps_text, "json_deserializer": loads,
        **app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {})}
    db.init_app(app)
    init_pull_engine(app)
    migrate.init_app(app, db, directory=str(INSTANCE_DIR.parent / "server" / "migrations"))
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_on_connect)
            event.listen(engine, "begin", _sqlite_on_begin)


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    """WAL, a busy timeout, foreign keys, a 64 MiB page cache, a checkpoint per 40 MiB of WAL
    (the default 4 MiB made every push of 500 meetings copy its pages into the database
    file within its COMMIT); transactions begin where we say."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA wal_autocheckpoint=10000")
    cursor.close()


def _sqlite_on_begin(connection) -> None:
    """Writers take the write lock at BEGIN (a deferred upgrade can fail with BUSY_SNAPSHOT)."""
    write = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _register_blueprints(app: Flask) -> None:
    """Mount the API, the health check and the app shell."""
    from pwa import pwa
    from server.api import api
    from server.errors import register_error_handlers
    from server.health import health
    app.register_blueprint(api)
    app.register_blueprint(health)
    app.register_blueprint(pwa)
    register_error_handlers(app)


def _register_request_hooks(app: Flask) -> None:
    """No API answer is cached (only a compressed one keeps Vary); outdated clients update."""
    from server.errors import Problem

    @app.before_request
    def refuse_outdated_client():
        minimum = app.config["MIN_CLIENT_VERSION"]
        sent = request.headers.get("Feltmappe-Client")
        if minimum and sent and request.path.startswith("/api/") \
                and _version_tuple(sent) < _version_tuple(minimum):
            raise Problem("client-outdated", 426, "Client outdated",
                          f"this server needs app version {minimum} or newer")

    @app.after_request
    def no_store_for_api(response):
        if request.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
            if "Content-Encoding" not in response.headers:
                response.headers.pop("Vary", None)  # nothing stores it, nothing varied
        return response


def _version_tuple(version: str) -> tuple[int, ...]:
    """'1.10.2' → (1, 10, 2); anything unparsable sorts lowest."""
    parts = []
    for part in version.strip().split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits[:9]) if digits else 0)
    return tuple(parts)


