"""Template values and times as a Danish reader expects them on paper."""
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
EMPTY = "—"
ROLES: dict[Any, str] = {
    "citizen": "Borger", "company": "Virksomhed", "consultant": "Virksomhedskonsulent",
    "mentor": "Mentor", "caseworker": "Sagsbehandler"}


def danish_date(value: str | date) -> str:
    """'2026-12-01' → '1. december 2026'; text that is not a date is returned as it is."""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def danish_time(value: str | datetime) -> str:
    """An RFC 3339 time (or a datetime) in Copenhagen time: '20. november 2026 kl. 10.15'."""
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if moment.tzinfo is None:
        return str(value)
    local = moment.astimezone(COPENHAGEN)
    return f"{danish_date(local.date())} kl. {local:%H.%M}"


def danish_number(value: int | float) -> str:
    """7.5 → '7,5'; whole numbers without decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def _label_of(choices: list | None, value: object) -> str:
    """The label of a choice, level or option value (plain values are their own label)."""
    for choice in choices or []:
        if isinstance(choice, dict) and choice.get("value") == value:
            return str(choice.get("label", value))
    return str(value)


def is_empty(value: object) -> bool:
    """Whether a value counts as unanswered (absent, null, "", [] or {})."""
    return value is None or value == "" or value == [] or value == {}


def format_value(item: dict, value: object) -> str:
    """One field's value as text for the item's type; unanswered is a dash."""
    if is_empty(value):
        return EMPTY
    kind = item.get("type")
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if kind == "date" and isinstance(value, str):
        return danish_date(value)
    if kind == "time" and isinstance(value, str):
        return value.replace(":", ".")
    if kind in ("choice", "multichoice"):
        values = value if isinstance(value, list) else [value]
        return ", ".join(_label_of(item.get("options"), v) for v in values)
    if kind == "level":
        return _label_of(item.get("levels"), value)
    if isinstance(value, int | float):
        shown = danish_number(value)
        if kind == "rating" and "min" in item and "max" in item:
            return f"{shown} (skala {item['min']}–{item['max']})"
        return shown
    if isinstance(value, str):
        return value
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
