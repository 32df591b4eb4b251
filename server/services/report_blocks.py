"""The blocks of an activity report: totals, per user, per ISO week (docs/protocol.md 8).

Pure: the report's queries feed aggregated rows in; `answer` lays them out. A figure split
by a word (`contacts_by_result`, `placements_started`, `placements_ended`) always lists every
word of its enumeration, zeros included; a row with another word (or none) is not counted.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from server.services.report_facts import iso_week

COUNTS = ("meetings_held", "companies_visited", "company_contacts", "job_orders_created",
          "positions_open", "positions_filled")


class Weeks:
    """The ISO weeks a period touches, each with its last day within the period."""

    def __init__(self, start: date, end: date):
        monday = start - timedelta(days=start.weekday())
        self.labels: list[str] = []
        self.ends: list[date] = []
        while monday <= end:
            self.labels.append(iso_week(monday))
            self.ends.append(min(monday + timedelta(days=6), end))
            monday += timedelta(days=7)
        self.end = end

    def first_ending_on_or_after(self, day: date) -> int:
        """The index of the first week whose last day is on or after `day`."""
        return bisect_left(self.ends, day)


class Block:
    """Accumulates the figures of the totals, each user and each week."""

    def __init__(self, weeks: Weeks, results: tuple[str, ...], kinds: tuple[str, ...],
                 outcomes: tuple[str, ...]):
        self.weeks = weeks
        self.words = {"contacts_by_result": results, "placements_started": kinds,
                      "placements_ended": outcomes}
        self.totals = self._empty()
        self.users: dict[str, dict] = defaultdict(self._empty)
        self.by_week = {label: self._empty() for label in weeks.labels}
        self._open_diff = [0] * (len(weeks.labels) + 1)

    def _empty(self) -> dict[str, Any]:
        """Figures with every count zero."""
        figures: dict[str, Any] = dict.fromkeys(COUNTS, 0)
        figures.update({key: dict.fromkeys(words, 0) for key, words in self.words.items()})
        return figures

    def _targets(self, who: str | None, week: str | None) -> list[dict]:
        """The figures a row adds to: the totals, its user's and its week's."""
        targets = [self.totals]
        if who is not None:
            targets.append(self.users[who])
        if week in self.by_week:
            targets.append(self.by_week[week])
        return targets

    def add(self, who: str | None, week: str | None, key: str | tuple[str, str | None],
            n: int) -> None:
        """Add a count to a figure (`key` is a name or (name, word))."""
        for figures in self._targets(who, week):
            if isinstance(key, tuple):
                name, word = key
                if word in figures[name]:
                    figures[name][word] += n
            else:
                figures[key] += n

    def set_total(self, key: str, n: int | None) -> None:
        """Set a figure of the totals (a distinct count)."""
        self.totals[key] = n or 0

    def set_user(self, who: str | None, key: str, n: int) -> None:
        """Set a user's figure (a distinct count)."""
        if who is not None:
            self.users[who][key] = n

    def set_week(self, week: str | None, key: str, n: int) -> None:
        """Set a week's figure (a distinct count)."""
        if week in self.by_week:
            self.by_week[week][key] = n

    def open_between(self, who: str | None, created: date, ended: date | None, n: int) -> None:
        """Count positions open from `created` to `ended` at the period's and weeks' ends."""
        if created <= self.weeks.end and (ended is None or ended > self.weeks.end):
            self.totals["positions_open"] += n
            if who is not None:
                self.users[who]["positions_open"] += n
        first = self.weeks.first_ending_on_or_after(created)
        last = (len(self.weeks.labels) if ended is None
                else self.weeks.first_ending_on_or_after(ended))
        if first < last:
            self._open_diff[first] += n
            self._open_diff[last] -= n

    def answer(self, users: list[str]) -> dict:
        """The totals, `by_user` (the listed users, then others with figures) and `by_week`."""
        running = 0
        for index, label in enumerate(self.weeks.labels):
            running += self._open_diff[index]
            self.by_week[label]["positions_open"] = running
        listed = list(dict.fromkeys(users)) + sorted(set(self.users) - set(users))
        return {"totals": self.totals,
                "by_user": [{"user_id": who, **self.users[who]} for who in listed],
                "by_week": [{"week": label, **figures} for label, figures in self.by_week.items()]}
