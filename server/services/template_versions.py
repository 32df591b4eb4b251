"""The template versions in force: the built-in files plus the uploaded ones, and the record
rules over all of them and the job centre's lists (rebuilt in every process when an admin
publishes or retires a template or replaces a list)."""
from flask import current_app
from sqlalchemy import func, select

from server.builtin_templates import load_builtin_templates
from server.extensions import db
from server.models import JobCentreList, TemplateRetirement, TemplateVersion
from server.services.lists_in_force import all_lists
from server.services.rules import SchemaRules

CACHE_KEY = "feltmappe_rules"


def _stamp() -> tuple:
    """What changes whenever a version is uploaded, retired or brought back, or a list is
    replaced: one query of scalar subqueries (it runs at every write and pull)."""
    parts = [select(aggregate).scalar_subquery() for aggregate in (
        func.count(TemplateVersion.key), func.max(TemplateVersion.created_at),
        func.count(TemplateRetirement.key), func.max(TemplateRetirement.retired_at),
        func.count(JobCentreList.key), func.max(JobCentreList.updated_at))]
    return tuple(db.session.execute(select(*parts)).one())


def current_rules(cache: dict) -> SchemaRules:
    """The record rules over every template version, rebuilt when the stored ones changed."""
    stamp = _stamp()
    held = cache.get(CACHE_KEY)
    if held is None or held[0] != stamp:
        held = (stamp, SchemaRules(all_templates(), all_lists()))
        cache[CACHE_KEY] = held
    return held[1]


def all_templates() -> list[dict]:
    """Every version, built in and uploaded, each with its `retired` flag, by key and version."""
    retired = set(db.session.execute(select(TemplateRetirement.key, TemplateRetirement.version)))
    uploaded = [row.body for row in db.session.scalars(select(TemplateVersion))]
    templates = load_builtin_templates() + uploaded
    return sorted(({**t, "retired": (t["key"], t["version"]) in retired} for t in templates),
                  key=lambda t: (t["key"], t["version"]))


def rules() -> SchemaRules:
    """The app's record rules over every template version (rebuilt when an admin publishes)."""
    return current_rules(current_app.extensions)
