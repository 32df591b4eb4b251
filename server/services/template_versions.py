"""The template versions in force: the built-in files plus the uploaded ones, and the record
rules over all of them (rebuilt in every process when an admin publishes or retires one)."""
from flask import current_app
from sqlalchemy import func, select

from server.builtin_templates import load_builtin_templates
from server.extensions import db
from server.models import TemplateRetirement, TemplateVersion
from server.services.rules import SchemaRules

CACHE_KEY = "feltmappe_rules"


def _stamp() -> tuple:
    """What changes whenever a version is uploaded, retired or brought back."""
    versions = select(func.count(), func.max(TemplateVersion.created_at))
    retired = select(func.count(), func.max(TemplateRetirement.retired_at))
    return tuple(db.session.execute(versions).one()) + tuple(db.session.execute(retired).one())


def current_rules(cache: dict) -> SchemaRules:
    """The record rules over every template version, rebuilt when the stored ones changed."""
    stamp = _stamp()
    held = cache.get(CACHE_KEY)
    if held is None or held[0] != stamp:
        held = (stamp, SchemaRules(all_templates()))
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
