"""The activity report (docs/protocol.md 8): read-only SQL aggregates over the report facts.

Every figure comes from the indexed `rpt_*` columns that the record write keeps
(server/services/report_facts.py); no JSON is read. Counting rules: a final meeting counts on
its held day for the user who finished it; companies visited are the distinct companies of
those meetings that were not phone meetings; contacts count by result on `contacted_on`;
job orders on their creation day; positions open over the orders open at the period's end
(for a week: at the week's end), positions filled over orders that became filled in the
period; placements by kind on their start date and by outcome on their end date when
ended. Deleted records never count; everything else counts for its creator.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import case, distinct, func, select, text, tuple_

from server.errors import Problem, validation_problem
from server.extensions import db
from server.models import Record, Team, User
from server.schemas.team_types import CONTACT_RESULTS
from server.services.report_blocks import Block, Weeks
from server.services.report_facts import iso_week
from sync.types import Actor

PLACEMENT_KINDS = ("internship", "wage_subsidy", "flex_job", "igu", "ordinary", "mentor",
                   "job_rotation", "adult_apprentice", "other")
OUTCOMES = ("ordinary_job", "education", "extended", "flex_job", "ended_no_job", "other")
MAX_YEARS = 3


def activity(actor: Actor, start: date, end: date, team_id: str | None,
             user_id: str | None) -> dict:
    """The activity report of a team (or one user) over a period of Copenhagen days."""
    _check_period(start, end)
    team_id, user_id = _scope(actor, team_id, user_id)
    weeks = Weeks(start, end)
    block = Block(weeks, CONTACT_RESULTS, PLACEMENT_KINDS, OUTCOMES)
    query = _Query(team_id, user_id, start, end)
    query.meetings(block)
    query.contacts(block)
    query.job_orders(block, weeks)
    query.placements(block)
    users = _team_users(team_id) if user_id is None else [user_id]
    return {"from": start.isoformat(), "to": end.isoformat(), "team_id": team_id,
            **({"user_id": user_id} if user_id else {}), **block.answer(users)}


def _check_period(start: date, end: date) -> None:
    """Refuse a period that ends before it starts or lasts more than three years."""
    if end < start:
        raise validation_problem({"from": ["must not be after to"],
                                  "to": ["must not be before from"]}, "Invalid period")
    try:
        limit = start.replace(year=start.year + MAX_YEARS)
    except ValueError:
        limit = start.replace(year=start.year + MAX_YEARS, day=28) + timedelta(days=1)
    if end >= limit:
        raise validation_problem({"to": [f"the period must be at most {MAX_YEARS} years"]},
                                 "Invalid period")


def _scope(actor: Actor, team_id: str | None, user_id: str | None) -> tuple[str, str | None]:
    """The team and user the caller may see: leads their team, admins any, consultants self."""
    team_id = team_id or actor.team_id
    if actor.role == "consultant":
        user_id = actor.user_id
    if (team_id != actor.team_id and not actor.is_admin) or db.session.get(Team, team_id) is None:
        raise Problem("not-found", 404, "Not found")
    if user_id is not None and user_id != actor.user_id:
        user = db.session.get(User, user_id)
        if user is None or user.team_id != team_id:
            raise Problem("not-found", 404, "Not found")
    return team_id, user_id


def _team_users(team_id: str) -> list[str]:
    """The team's users, by name."""
    return list(db.session.scalars(select(User.id).where(User.team_id == team_id)
                                   .order_by(User.display_name, User.id)))


class _Query:
    """The aggregate queries of one report."""

    def __init__(self, team_id: str, user_id: str | None, start: date, end: date):
        self.team_id, self.user_id, self.start, self.end = team_id, user_id, start, end

    def _where(self, record_type: str, user_column, day_column=Record.rpt_day) -> list:
        """Live records of the type and team whose day lies in the period (and of the user)."""
        where = [Record.team_id == self.team_id, Record.type == record_type,
                 Record.deleted.is_(False), day_column.between(self.start, self.end)]
        if self.user_id is not None:
            where.append(user_column == self.user_id)
        return where

    def meetings(self, block: Block) -> None:
        """Meetings held, and the distinct companies of the visits (not phone meetings)."""
        user = Record.rpt_user_id
        where = self._where("meeting", user)
        if db.session.get_bind().dialect.name == "postgresql":
            self._meetings_in_one_scan(block, where)
            return
        for who, week, n in db.session.execute(
                select(user, Record.rpt_week, func.count()).where(*where).group_by(
                    user, Record.rpt_week)):
            block.add(who, week, "meetings_held", n)
        visits = [*where, Record.rpt_kind != "phone"]
        companies = func.count(distinct(Record.rpt_company_key))
        block.set_total("companies_visited", db.session.scalar(select(companies).where(*visits)))
        for who, n in db.session.execute(select(user, companies).where(*visits).group_by(user)):
            block.set_user(who, "companies_visited", n)
        for week, n in db.session.execute(select(Record.rpt_week, companies).where(*visits)
                                          .group_by(Record.rpt_week)):
            block.set_week(week, "companies_visited", n)

    def _meetings_in_one_scan(self, block: Block, where: list) -> None:
        """The same figures from one scan with GROUPING SETS (PostgreSQL); `grouping` tells the
        set: 0 (user, week), 1 (user), 2 (week), 3 the totals."""
        user, week = Record.rpt_user_id, Record.rpt_week
        visited = func.count(distinct(case((Record.rpt_kind != "phone", Record.rpt_company_key))))
        sets = func.grouping_sets(tuple_(user, week), tuple_(user), tuple_(week), text("()"))
        for who, when, level, n, companies in db.session.execute(
                select(user, week, func.grouping(user, week), func.count(), visited)
                .where(*where).group_by(sets)):
            if level == 0:
                block.add(who, when, "meetings_held", n)
            elif level == 1:
                block.set_user(who, "companies_visited", companies)
            elif level == 2:
                block.set_week(when, "companies_visited", companies)
            else:
                block.set_total("companies_visited", companies)

    def contacts(self, block: Block) -> None:
        """Company contacts by result."""
        user = Record.created_by
        for who, week, result, n in db.session.execute(
                select(user, Record.rpt_week, Record.rpt_kind, func.count())
                .where(*self._where("company_contact", user))
                .group_by(user, Record.rpt_week, Record.rpt_kind)):
            block.add(who, week, "company_contacts", n)
            block.add(who, week, ("contacts_by_result", result), n)

    def job_orders(self, block: Block, weeks: Weeks) -> None:
        """Job orders created, positions filled in the period, positions open at its end."""
        user = Record.created_by
        for who, week, n in db.session.execute(
                select(user, Record.rpt_week, func.count())
                .where(*self._where("job_order", user)).group_by(user, Record.rpt_week)):
            block.add(who, week, "job_orders_created", n)
        for who, day, n in db.session.execute(
                select(user, Record.rpt_end_day, func.sum(func.coalesce(Record.rpt_filled, 0)))
                .where(*self._where("job_order", user, Record.rpt_end_day),
                       Record.rpt_kind == "filled").group_by(user, Record.rpt_end_day)):
            block.add(who, iso_week(day), "positions_filled", int(n))
        positions = func.coalesce(Record.rpt_positions, 1) - func.coalesce(Record.rpt_filled, 0)
        still_open = case((positions > 0, positions), else_=0)
        where = [Record.team_id == self.team_id, Record.type == "job_order",
                 Record.deleted.is_(False), Record.rpt_day <= self.end,
                 (Record.rpt_end_day.is_(None)) | (Record.rpt_end_day > self.start)]
        if self.user_id is not None:
            where.append(user == self.user_id)
        for who, created, ended, n in db.session.execute(
                select(user, Record.rpt_day, Record.rpt_end_day, func.sum(still_open))
                .where(*where).group_by(user, Record.rpt_day, Record.rpt_end_day)):
            block.open_between(who, created, ended, int(n))

    def placements(self, block: Block) -> None:
        """Placements started by kind and ended by outcome."""
        user = Record.created_by
        for who, week, kind, n in db.session.execute(
                select(user, Record.rpt_week, Record.rpt_kind, func.count())
                .where(*self._where("placement", user))
                .group_by(user, Record.rpt_week, Record.rpt_kind)):
            block.add(who, week, ("placements_started", kind), n)
        for who, day, outcome, n in db.session.execute(
                select(user, Record.rpt_end_day, Record.rpt_group, func.count())
                .where(*self._where("placement", user, Record.rpt_end_day))
                .group_by(user, Record.rpt_end_day, Record.rpt_group)):
            block.add(who, iso_week(day), ("placements_ended", outcome), n)
