"""Schemas of the team's registers: company contacts (Brancheredskab) and goals (Målstyring).

Rules that span fields run only when every field is valid and name every field they span.
"""
from __future__ import annotations

import re
from datetime import date

from marshmallow import ValidationError, validates_schema

from server.schemas.formats import Date, Uuid
from server.schemas.objects import Item, Items, Object
from server.schemas.values import Enum, FreeText, Integer, Name, String

CONTACT_RESULTS = ("no_opening", "ordinary_opening", "internship", "wage_subsidy", "flex_job",
                   "other_opening")
INDICATORS = ("meetings_held", "companies_visited", "company_contacts", "job_orders_created",
              "positions_filled", "placements_started", "custom")


class IsoWeek(String):
    """An ISO week, `YYYY-Www`, that exists in its year."""

    pattern = re.compile(r"(\d{4})-W(\d{2})")
    message = "must be an ISO week YYYY-Www"
    openapi = {"pattern": r"^\d{4}-W\d{2}$"}

    def format_ok(self, value: str) -> bool:
        """Whether the week exists (W53 only in long years)."""
        match = self.pattern.fullmatch(value)
        if match is None:
            return False
        year, week = int(match[1]), int(match[2])
        return 1 <= week <= date(year, 12, 28).isocalendar()[1]


class CompanyContact(Object):
    """A contact with a company, with or without an opening (virksomhedskontakt)."""

    company_id = Uuid(required=True)
    contacted_on = Date(required=True)
    contact_id = Uuid()
    channel = Enum(("visit", "phone", "email", "event", "other"))
    result = Enum(CONTACT_RESULTS, required=True)
    job_function = String()
    positions = Integer(minimum=0)
    filled = Integer(minimum=0)
    job_order_id = Uuid()
    note = FreeText()

    @validates_schema
    def _positions_of_an_opening(self, data, **kwargs):
        """An opening has at least one position; no more are filled than there are."""
        if data.get("result", "no_opening") != "no_opening" and data.get("positions", 1) < 1:
            raise ValidationError({"positions": ["must be at least 1 for an opening"],
                                   "result": ["an opening needs at least 1 position"]})
        if "filled" in data and "positions" in data and data["filled"] > data["positions"]:
            raise ValidationError({"filled": ["must not be more than positions"],
                                   "positions": ["must not be less than filled"]})


class WeekCount(Item):
    """A hand-registered count for one week."""

    week = IsoWeek(required=True)
    count = Integer(minimum=0, required=True)


class TeamGoal(Object):
    """The year's target of one indicator (målstyring)."""

    indicator = Enum(INDICATORS, required=True)
    name = Name()
    year = Integer(minimum=2000, maximum=2100, required=True)
    target = Integer(minimum=0, required=True)
    weekly = Items(WeekCount)
    note = FreeText()

    @validates_schema
    def _custom_needs_a_name(self, data, **kwargs):
        """A custom indicator is named; only custom indicators have weekly counts."""
        if data.get("indicator") == "custom" and not data.get("name"):
            raise ValidationError({"name": ["is required when indicator is custom"],
                                   "indicator": ["custom needs a name"]})
        if data.get("indicator", "custom") != "custom" and data.get("weekly"):
            raise ValidationError({"weekly": ["only a custom indicator has weekly counts"],
                                   "indicator": ["only custom has weekly counts"]})
