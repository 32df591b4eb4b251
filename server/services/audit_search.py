"""The access audit as a lead or admin reads it: find a citizen by name or CPR, then every
access concerning them with the names of users and devices, as JSON or as a CSV file for a
citizen's request for insight or an inspection.

Finding and reading are themselves accesses: the citizens a search returns are logged
(`search`), and so is reading a citizen's log (`audit`). Entries never hold field values.
"""
import csv
import io
import re

from sqlalchemy import select

from server.errors import Problem, validation_problem
from server.extensions import db
from server.models import Device, Record, User
from server.services.admin_log import require_reader
from server.services.audit import citizen_log, log_access
from server.services.sql_store import SqlStore
from server.services.transaction import in_write_transaction
from sync.types import Actor

MAX_HITS = 50
CSV_HEADER = ["Tidspunkt", "Modtaget på serveren", "Bruger", "Brugernavn", "Enhed",
              "Handling", "Posttype", "Post-id"]
ACTIONS = {"open": "åbnede", "pull": "hentede ved synkronisering", "push": "gemte ændringer",
           "read": "læste", "history": "læste historikken", "resolve": "løste en konflikt",
           "pdf": "hentede PDF", "search": "fandt i søgning", "audit": "læste adgangsloggen"}


def _masked(cpr: object) -> str:
    """A CPR number with its last four digits hidden."""
    digits = re.sub(r"\D", "", cpr) if isinstance(cpr, str) else ""
    return f"{digits[:6]}-****" if len(digits) == 10 else ""


def _log(actor: Actor, action: str, citizen_ids: list[str]) -> None:
    """Log an access to these citizens in a short write of its own."""
    def work(_store: SqlStore):
        log_access(actor, action, [("citizen", cid, cid) for cid in citizen_ids])

    return in_write_transaction(work)


def find_citizens(actor: Actor, text: str) -> list[dict]:
    """Citizens (own team; admins every team) whose name or CPR matches; the hits are logged."""
    require_reader(actor)
    wanted, digits = text.strip().casefold(), re.sub(r"\D", "", text)
    if len(wanted) < 2:
        raise validation_problem({"q": ["skriv mindst 2 tegn af navnet eller CPR-nummeret"]})
    query = select(Record).where(Record.type == "citizen", Record.deleted.is_(False))
    if not actor.is_admin:
        query = query.where(Record.team_id == actor.team_id)
    hits = []
    for record in db.session.scalars(query):
        name = str(record.data.get("name", ""))
        cpr = re.sub(r"\D", "", str(record.data.get("cpr") or ""))
        if wanted in name.casefold() or (len(digits) >= 6 and cpr.startswith(digits)):
            hits.append({"id": record.id, "name": name, "cpr": _masked(record.data.get("cpr")),
                         "team_id": record.team_id})
    hits = sorted(hits, key=lambda h: h["name"].casefold())[:MAX_HITS]
    if hits:
        _log(actor, "search", [h["id"] for h in hits])
    else:
        db.session.rollback()
    return hits


def citizen_report(actor: Actor, citizen_id: str) -> dict:
    """The citizen's name and access log with user and device names; the reading is logged."""
    events = citizen_log(actor, citizen_id)
    citizen = db.session.get(Record, citizen_id)
    if citizen is None:
        raise Problem("not-found", 404, "Not found")
    user_ids = {e["user_id"] for e in events}
    device_ids = {e["device_id"] for e in events if e["device_id"]}
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(user_ids)))}
    devices = dict(db.session.execute(select(Device.id, Device.name)
                                      .where(Device.id.in_(device_ids))).all())
    named = [{**e, "received_at": e.get("received_at"),
              "user_name": users[e["user_id"]].display_name if e["user_id"] in users else "",
              "username": users[e["user_id"]].username if e["user_id"] in users else "",
              "device_name": devices.get(e["device_id"], "")} for e in events]
    answer = {"citizen": {"id": citizen.id, "name": citizen.data.get("name", ""),
                          "cpr": _masked(citizen.data.get("cpr"))}, "events": named}
    _log(actor, "audit", [citizen_id])
    return answer


def report_csv(report: dict) -> str:
    """The report as CSV (semicolons, as Danish spreadsheets expect), with a BOM for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([f"Adgangslog for {report['citizen']['name']} {report['citizen']['cpr']}"])
    writer.writerow(CSV_HEADER)
    for e in report["events"]:
        writer.writerow([e["at"], e["received_at"] or "", _safe(e["user_name"]),
                         _safe(e["username"]), _safe(e["device_name"]),
                         ACTIONS.get(e["action"], e["action"]), e["record_type"], e["record_id"]])
    return "\ufeff" + out.getvalue()


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
