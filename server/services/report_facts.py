"""The report facts of a record: the few values docs/protocol.md 8 filters and groups on.

They are extracted from a record's data when the record is written and kept in indexed
columns of `records` (`rpt_*`), so reports aggregate in SQL and never read JSON. Rules:
- meeting: counts on the Copenhagen day of `held_at` while `status` is final, for the user
  who finished it (the writer of the revision that made it final; later edits keep them);
- company_contact: `contacted_on`, `result`, `job_function`, positions and filled;
- job_order: created on the day of its first revision; `rpt_end_day` is the day it stopped
  being open (kept while it stays filled or closed), status, positions and filled;
- placement: `start_date` and `kind`; `end_date` and `outcome` when `status` is ended;
- company: its `company_type` (for the open positions by company type).
`rpt_company_key` is a 64-bit key of `rpt_company_id`: counting distinct companies over a
BIGINT sorts about twice as fast as over a UUID string (docs/benchmarks.md, activity report).
A tombstone has no facts. `facts_for` is pure; the write passes the row's previous facts.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
FACT_COLUMNS = ("rpt_day", "rpt_week", "rpt_end_day", "rpt_kind", "rpt_group",
                "rpt_company_id", "rpt_company_key", "rpt_user_id", "rpt_positions", "rpt_filled")
EMPTY = dict.fromkeys(FACT_COLUMNS)


def copenhagen_day(moment: datetime) -> date:
    """The Copenhagen calendar day of an aware moment."""
    return moment.astimezone(COPENHAGEN).date()


def iso_week(day: date) -> str:
    """The ISO week of a day as `YYYY-Www`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def facts_for(record_type: str, data: dict[str, Any], before: dict[str, Any],
              user_id: str, today: date) -> dict[str, Any]:
    """Every fact column of a record written by `user_id` on `today` (`before`: the old facts)."""
    extract = _EXTRACTORS.get(record_type)
    facts = dict(EMPTY)
    if extract is not None and data:
        facts.update(extract(data, before, user_id, today))
    if isinstance(facts["rpt_day"], date):
        facts["rpt_week"] = iso_week(facts["rpt_day"])
    if facts["rpt_company_id"] is not None:
        facts["rpt_company_key"] = company_key(facts["rpt_company_id"])
    return facts


def company_key(company_id: str) -> int:
    """A signed 64-bit key of a company id (BLAKE2b; a collision among a job centre's
    companies has a probability of about 1e-13)."""
    digest = hashlib.blake2b(company_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _day(value: Any) -> date | None:
    """A `YYYY-MM-DD` value as a date (None when absent or malformed)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _moment_day(value: Any) -> date | None:
    """The Copenhagen day of an RFC 3339 date-time (None when absent or malformed)."""
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return copenhagen_day(moment) if moment and moment.tzinfo else None


def _count(value: Any) -> int | None:
    """An integer count (None otherwise)."""
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _text(value: Any, limit: int = 200) -> str | None:
    """A short string (None when absent, not a string or too long to index)."""
    return value if isinstance(value, str) and len(value) <= limit else None


def _positions(data: dict) -> dict:
    """Positions and filled of an opening or an order."""
    return {"rpt_positions": _count(data.get("positions")),
            "rpt_filled": _count(data.get("filled"))}


def _meeting(data: dict, before: dict, user_id: str, today: date) -> dict:
    """A final meeting counts on its held day for the user who finished it."""
    if data.get("status") != "final":
        return {}
    return {"rpt_day": _moment_day(data.get("held_at")), "rpt_kind": _text(data.get("kind")),
            "rpt_company_id": _text(data.get("company_id")),
            "rpt_user_id": before.get("rpt_user_id") or user_id}


def _company_contact(data: dict, before: dict, user_id: str, today: date) -> dict:
    """A contact counts on its day by result; an opening carries positions and filled."""
    return {"rpt_day": _day(data.get("contacted_on")), "rpt_kind": _text(data.get("result")),
            "rpt_group": _text(data.get("job_function")),
            "rpt_company_id": _text(data.get("company_id")),
            **_positions(data)}


def _job_order(data: dict, before: dict, user_id: str, today: date) -> dict:
    """A job order counts from its creation day; it stops being open on the day it left."""
    status = data.get("status", "open")
    end = None if status == "open" else (before.get("rpt_end_day") or today)
    return {"rpt_day": before.get("rpt_day") or today, "rpt_end_day": end,
            "rpt_kind": _text(status), "rpt_company_id": _text(data.get("company_id")),
            **_positions(data)}


def _placement(data: dict, before: dict, user_id: str, today: date) -> dict:
    """A placement starts on its start date; it ended on its end date with its outcome."""
    ended = data.get("status") == "ended"
    return {"rpt_day": _day(data.get("start_date")), "rpt_kind": _text(data.get("kind")),
            "rpt_end_day": _day(data.get("end_date")) if ended else None,
            "rpt_group": _text(data.get("outcome")) if ended else None,
            "rpt_company_id": _text(data.get("company_id"))}


def _company(data: dict, before: dict, user_id: str, today: date) -> dict:
    """A company's type."""
    return {"rpt_group": _text(data.get("company_type"))}


_EXTRACTORS = {"meeting": _meeting, "company_contact": _company_contact,
               "job_order": _job_order, "placement": _placement, "company": _company}
