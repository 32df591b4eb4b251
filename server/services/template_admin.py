"""Template versions: the built-in files plus the versions administrators upload.

An uploaded version is checked against the template format (every problem named by its
path), stored once and never changed; a `key` + `version` that exists (built in or
uploaded) is refused, and a key keeps its kind. Retiring a version hides it from new
records: it is still served (with `"retired": true`) and still validates the records
made with it. Every server process rebuilds its record rules when the stored versions
change, so a publication is seen by all of them at their next request.
"""
from typing import cast

from sqlalchemy import delete, select

from server.errors import Problem, validation_problem
from server.extensions import db
from server.models import TemplateRetirement, TemplateVersion
from server.models.types import rfc3339
from server.schemas.template_format import template_problems
from server.services.admin_log import Operator, log_change, require_reader
from server.services.sql_store import SqlStore
from server.services.template_versions import all_templates
from server.services.transaction import in_write_transaction
from sync.types import Actor


def list_versions(actor: Actor) -> list[dict]:
    """The versions as the admin screen lists them (leads read them too)."""
    require_reader(actor)
    uploaded = {(row.key, row.version): row for row in db.session.scalars(select(TemplateVersion))}
    answer = []
    for template in all_templates():
        row = uploaded.get((template["key"], template["version"]))
        answer.append({"key": template["key"], "version": template["version"],
                       "kind": template["kind"], "title": template["title"],
                       "retired": template["retired"], "builtin": row is None,
                       "created_at": rfc3339(row.created_at) if row else None,
                       "created_by": row.created_by if row else None})
    db.session.rollback()
    return answer


def upload(operator: Operator, template: object, dry_run: bool = False) -> dict:
    """Check a new version and (unless a dry run) store it; log it and commit."""
    def work(_store: SqlStore):
        problems = template_problems(template)
        if problems:
            raise validation_problem(problems, "Skabelonen følger ikke formatet")
        checked = cast(dict, template)  # template_problems refuses anything but an object
        existing = {(t["key"], t["version"]): t["kind"] for t in all_templates()}
        key, version = checked["key"], checked["version"]
        if (key, version) in existing:
            raise Problem("validation", 409, "Versionen findes",
                          f"{key} version {version} findes allerede; en version ændres aldrig",
                          errors={"version": ["findes allerede for denne skabelon"]})
        kinds = {kind for (k, _), kind in existing.items() if k == key}
        if kinds and checked["kind"] not in kinds:
            raise validation_problem({"kind": [f"{key} er en {kinds.pop()}-skabelon"]})
        if dry_run:
            return checked
        db.session.add(TemplateVersion(key=key, version=version, kind=checked["kind"],
                                       body=checked, created_by=operator.user_id))
        log_change(operator, "template.publish", "template", f"{key}/{version}",
                   detail=checked["title"])
        return checked

    return in_write_transaction(work)


def set_retired(operator: Operator, key: str, version: int, retired: bool) -> dict:
    """Retire a version (hidden from new records) or bring it back; log it and commit."""
    def work(_store: SqlStore):
        template = next((t for t in all_templates()
                         if t["key"] == key and t["version"] == version), None)
        if template is None:
            raise Problem("not-found", 404, "Not found")
        if retired != template["retired"]:
            if retired:
                db.session.add(TemplateRetirement(key=key, version=version,
                                                  retired_by=operator.user_id))
            else:
                db.session.execute(delete(TemplateRetirement).where(
                    TemplateRetirement.key == key, TemplateRetirement.version == version))
            log_change(operator, "template.retire" if retired else "template.restore",
                       "template", f"{key}/{version}", detail=template["title"])
        return {**template, "retired": retired}

    return in_write_transaction(work)
