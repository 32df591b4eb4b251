"""The /api/v1 blueprints: thin views that parse, call a service and dump."""
from flask import Blueprint

api = Blueprint("api", __name__, url_prefix="/api/v1")

# The routes register on import.
from server.api import agreements, audit, auth, lists, meta, records, reports, sync  # noqa: E402,F401,E501
