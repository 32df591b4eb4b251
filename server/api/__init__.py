"""The /api/v1 blueprint: thin views that parse, call a service and dump.

Each module declares its own blueprint with its routes; this one mounts them under /api/v1.
"""
from flask import Blueprint

from server.api import (
    admin,
    agreements,
    audit,
    audit_search,
    auth,
    imports,
    lists,
    meta,
    records,
    reports,
    sync,
)

api = Blueprint("api", __name__, url_prefix="/api/v1")
for routes in (admin, agreements, audit, audit_search, auth, imports, lists, meta, records,
               reports, sync):
    api.register_blueprint(routes.api)
