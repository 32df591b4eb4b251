"""Importing cases from the case system (docs/protocol.md section 9) through the push engine.

Rules:
- Each row names a citizen (matched within the team by `cpr`; a row without CPR by the name
  of a citizen without CPR), a company (by `cvr`) and a placement (by citizen, company, kind
  and start date); what is not matched is created. Rows naming the same record fold into
  one change, later non-empty cells winning. A matched record changes only in the fields the
  file gives and only where they differ; nothing is ever deleted.
- Every new or changed record is validated with the record rules a push uses (a dry run
  by the rules themselves, an import by the engine's push); any problem anywhere means
  nothing is written, and every problem is named by row and column.
- The writes are one push of the importing user, run by the sync engine in one transaction:
  revisions, references, the change feed and the access audit as for any push. The second
  import of the same file finds every record unchanged and pushes nothing.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy import select

from server.extensions import db
from server.jsoncodec import sorted_json
from server.models import Record
from server.services import sync
from server.services.import_csv import REQUIRED, ImportProblem, ParsedFile, Row, parse_file
from sync import engine
from sync.types import APPLIED, MERGED, UPSERT, Actor, Change, PushResult

TYPES = ("citizen", "company", "placement")
CITIZEN_COLUMNS = {"navn": "name", "cpr": "cpr", "telefon": "phone", "email": "email",
                   "maalgruppe": "target_group", "sagsbehandler": "caseworker_name",
                   "sagsbehandler_email": "caseworker_email"}
COMPANY_COLUMNS = {"virksomhed": "name", "cvr": "cvr"}
PLACEMENT_COLUMNS = {"forloebstype": "kind", "startdato": "start_date", "slutdato": "end_date"}
HOURS_COLUMNS = {"praktiktimer": "internship_hours", "loentimer": "paid_hours"}
HOURS_NAMESPACE = uuid.UUID("0b6f3c52-8a8e-4f7e-b1f4-3f0e2b9c7d15")


class ImportFailed(Exception):
    """The file cannot be imported; the summary lists every problem."""

    def __init__(self, summary: dict):
        super().__init__("import failed")
        self.summary = summary


@dataclass
class Planned:
    """One record the file names: its current state, the data wanted, who set which field."""

    type: str
    id: str
    base_rev: int
    base: dict | None
    data: dict
    cells: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def outcome(self) -> str:
        """created, updated or unchanged."""
        if self.base is None:
            return "created"
        return "updated" if self.data != self.base else "unchanged"


class Plan:
    """The records a file names, matched against the team's live records."""

    def __init__(self, parsed: ParsedFile, existing: list[Record], today: date,
                 validate: bool = True):
        self.parsed, self.today = parsed, today
        self.problems = list(parsed.problems)
        self.records: dict[tuple, Planned] = {}
        self._index(existing)
        if not any(problem.row == 0 for problem in self.problems):
            for row in parsed.rows:
                self._add_row(row)
            if validate:
                self._validate()

    def _index(self, existing: list[Record]) -> None:
        """Key the team's live citizens, companies and placements the way rows match them."""
        for record in existing:
            key = self._key(record.type, record.data)
            if key is not None and key not in self.records:
                self.records[key] = Planned(record.type, record.id, record.rev, record.data,
                                            dict(record.data))

    @staticmethod
    def _key(record_type: str, data: dict) -> tuple | None:
        """The matching key of a record's data (None when it cannot be matched)."""
        if record_type == "citizen":
            return Plan._citizen_key(data)
        if record_type == "company":
            return ("company", data["cvr"]) if data.get("cvr") else None
        return ("placement", data.get("citizen_id"), data.get("company_id"), data.get("kind"),
                data.get("start_date"))

    @staticmethod
    def _citizen_key(data: dict) -> tuple:
        """A citizen's matching key: the CPR, or the name when there is none."""
        return ("citizen", "cpr", data["cpr"]) if data.get("cpr") else (
            "citizen", "name", data.get("name"))

    def _planned(self, key: tuple, record_type: str, data: dict) -> Planned:
        """The planned record of a key, made new (with a fresh id) when nothing matches."""
        if key not in self.records:
            self.records[key] = Planned(record_type, str(uuid.uuid4()), 0, None, data)
        return self.records[key]

    def _set(self, planned: Planned, columns: dict[str, str], row: Row) -> None:
        """Take the row's non-empty cells into the planned data, remembering their cells."""
        for column, name in columns.items():
            if column in row.values:
                planned.data[name] = row.values[column]
                planned.cells[name] = (row.number, self.parsed.spelling[column])

    def _add_row(self, row: Row) -> None:
        """Fold one row into the citizen, company and placement it names."""
        values = row.values
        if not all(column in values for column in REQUIRED):
            return
        citizen = self._planned(self._citizen_key({"cpr": values.get("cpr"),
                                                      "name": values["navn"]}), "citizen", {})
        self._set(citizen, CITIZEN_COLUMNS, row)
        company = self._planned(("company", values["cvr"]), "company", {})
        self._set(company, COMPANY_COLUMNS, row)
        start = cast(str, values["startdato"])  # parse_date gives YYYY-MM-DD
        placement = self._planned(
            ("placement", citizen.id, company.id, values["forloebstype"], start),
            "placement", {"citizen_id": citizen.id, "company_id": company.id,
                          "status": "planned" if start > self.today.isoformat() else "active"})
        self._set(placement, PLACEMENT_COLUMNS, row)
        self._set_hours(placement, row)

    def _set_hours(self, placement: Planned, row: Row) -> None:
        """Put the row's weekly hours into the hours entry dated the placement's start."""
        given = {name: row.values[c] for c, name in HOURS_COLUMNS.items() if c in row.values}
        if not given:
            return
        start = placement.data["start_date"]
        hours = [dict(item) for item in placement.data.get("hours", [])]
        entry = next((item for item in hours if item.get("from_date") == start), None)
        if entry is None:
            entry = {"id": str(uuid.uuid5(HOURS_NAMESPACE, f"{placement.id}:{start}")),
                     "from_date": start}
            hours.append(entry)
        entry.update(given)
        placement.data["hours"] = hours
        for column in HOURS_COLUMNS:
            if column in row.values:
                placement.cells[f"hours.{column}"] = (row.number, self.parsed.spelling[column])

    def _validate(self) -> None:
        """Check every new or changed record with the push's rules; name row and column."""
        rules = sync.rules()
        for planned in self.records.values():
            if planned.outcome == "unchanged":
                continue
            for path, messages in rules.validate(planned.type, planned.data).items():
                row, column = self._cell_of(planned, path)
                self.problems.extend(ImportProblem(row, column, m) for m in messages)

    def refused(self, results: list[PushResult]) -> None:
        """Name the row and column of each change the engine refused (a reference that
        dangles because its target was refused adds nothing new)."""
        planned_by_id = {planned.id: planned for planned in self.records.values()}
        for result in results:
            error = result.error
            if result.status in (APPLIED, MERGED) or error and error.slug == "reference":
                continue
            planned = planned_by_id[result.id]
            detail = (error.detail or error.title) if error is not None else result.status
            for path, messages in ((error.errors if error else None) or {"data": [detail]}).items():
                row, column = self._cell_of(planned, path)
                self.problems.extend(ImportProblem(row, column, m) for m in messages)
        if not self.problems and any(r.status not in (APPLIED, MERGED) for r in results):
            self.problems.append(ImportProblem(0, "", "a record could not be written"))

    def _cell_of(self, planned: Planned, path: str) -> tuple[int, str]:
        """The row and column that set the field an error path names."""
        name = path.removeprefix("data.").split(".")[0]
        if name == "hours":
            column = "loentimer" if path.endswith("paid_hours") else "praktiktimer"
            found = planned.cells.get(f"hours.{column}")
        else:
            found = planned.cells.get(name)
        return found or (next(iter(planned.cells.values()), (0, name)))

    def changes(self) -> list[Change]:
        """One upsert per new or changed record: citizens, then companies, then placements."""
        ordered = sorted((p for p in self.records.values() if p.outcome != "unchanged"),
                         key=lambda p: TYPES.index(p.type))
        return [Change(str(uuid.uuid4()), p.type, p.id, UPSERT, p.base_rev, p.data)
                for p in ordered]

    def summary(self) -> dict:
        """The answer of docs/protocol.md section 9."""
        counts = {outcome: dict.fromkeys(TYPES, 0) for outcome in ("created", "updated",
                                                                  "unchanged")}
        for planned in self.records.values():
            if planned.cells:
                counts[planned.outcome][planned.type] += 1
        problems = sorted(self.problems, key=lambda p: (p.row, p.column))
        return {"rows": len(self.parsed.rows), **counts,
                "errors": [p.to_dict() for p in problems]}


def _team_records(team_id: str) -> list[Record]:
    """The team's live citizens, companies and placements, oldest first."""
    return list(db.session.scalars(select(Record).where(
        Record.team_id == team_id, Record.type.in_(TYPES), Record.deleted.is_(False))
        .order_by(Record.created_at, Record.id)))


def import_cases(actor: Actor, team_id: str, body: bytes, dry_run: bool,
                 today: date | None = None) -> dict:
    """Import a CSV export for a team as the acting user; raise ImportFailed on any problem."""
    actor = Actor(actor.user_id, actor.device_id, team_id, actor.role)
    parsed = parse_file(body)
    if dry_run:
        try:
            plan = Plan(parsed, _team_records(team_id), today or date.today())
        finally:
            db.session.rollback()
        if plan.problems:
            raise ImportFailed(plan.summary())
        return plan.summary()

    def work(store) -> dict:
        """Plan against the team's records and push the changes, inside the transaction."""
        plan = Plan(parsed, _team_records(team_id), today or date.today(),
                    validate=bool(parsed.problems))
        if not plan.problems:
            plan.refused(engine.push(store, sync.rules(), actor, plan.changes(), sorted_json))
        if plan.problems:
            raise ImportFailed(plan.summary())
        return plan.summary()
    return sync.in_write_transaction(work, actor, "import")
