"""The /api/v1 blueprints: thin views that parse, call a service and dump."""
from flask import Blueprint

api = Blueprint("api", __name__, url_prefix="/api/v1")

# The routes register on import.
from server.api import agreements, audit, auth, imports, meta, records, sync  # noqa: E402,F401
