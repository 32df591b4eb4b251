"""Formatted strings of docs/domain.md: ids, dates, contact details, CVR and CPR numbers."""
from __future__ import annotations

import re
from datetime import date

from server.schemas.values import String


def cpr_birth_date(value: str) -> date | None:
    """The date of birth a `DDMMYY-SSSS` CPR number states, or None when there is none."""
    match = re.fullmatch(r"([0-9]{2})([0-9]{2})([0-9]{2})-([0-9])[0-9]{3}", value)
    if match is None:
        return None
    day, month, yy, seventh = (int(part) for part in match.groups())
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    return _real_date(century + yy, month, day)


def _real_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when no such day exists."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


class Uuid(String):
    """A lower-case UUID."""

    openapi = {"format": "uuid"}
    pattern = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    message = "must be a lower-case UUID"


class Date(String):
    """A real date written `YYYY-MM-DD`."""

    openapi = {"format": "date"}
    pattern = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
    message = "must be a real date written YYYY-MM-DD"

    def format_ok(self, value: str) -> bool:
        """Whether the value is a real `YYYY-MM-DD` date."""
        match = self.pattern.fullmatch(value)
        return match is not None and _real_date(*map(int, match.groups())) is not None


class DateTime(String):
    """An RFC 3339 date-time with an offset (`Z` or `+01:00`)."""

    openapi = {"format": "date-time"}
    pattern = re.compile(
        r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?"
        r"(?:[Zz]|[+-]([0-9]{2}):([0-9]{2}))")
    message = "must be an RFC 3339 date-time with an offset (Z or +hh:mm)"

    def format_ok(self, value: str) -> bool:
        """Whether the value is an RFC 3339 date-time with an offset, on a real day and time."""
        match = self.pattern.fullmatch(value)
        if match is None:
            return False
        year, month, day, hour, minute, second = map(int, match.groups()[:6])
        off_hour, off_minute = (int(part or 0) for part in match.groups()[6:])
        return (_real_date(year, month, day) is not None and hour <= 23 and minute <= 59
                and second <= 59 and off_hour <= 23 and off_minute <= 59)


class Time(String):
    """A time of day written `HH:MM`."""

    pattern = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
    message = "must be a time written HH:MM"


class Postcode(String):
    """A Danish postcode."""

    pattern = re.compile(r"[0-9]{4}")
    message = "must be 4 digits"


class Email(String):
    """An e-mail address (leniently: something@domain.tld)."""

    max_length = 254
    openapi = {"format": "email"}
    pattern = re.compile(r"[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+")
    message = "must be an e-mail address"


class Phone(String):
    """A phone number written with digits, spaces, +, - and parentheses."""

    pattern = re.compile(r"(?=.*[0-9])[0-9 +()\-]{1,30}")
    message = "must be a phone number: digits, spaces, +, - and parentheses, at most 30 characters"


class Website(String):
    """A web address, with or without `http(s)://`."""

    pattern = re.compile(r"(?:https?://)?(?:[^\s/?#@:.]+\.)+[^\s/?#@:.]+"
                         r"(?::[0-9]{1,5})?(?:[/?#]\S*)?", re.IGNORECASE)
    message = "must be a web address such as https://example.dk"


class Cvr(String):
    """A CVR number: 8 digits with a modulus-11 check."""

    pattern = re.compile(r"[0-9]{8}")
    message = "must be 8 digits with a valid check digit"

    def format_ok(self, value: str) -> bool:
        """Whether the value is 8 digits whose weighted sum (2,7,6,5,4,3,2,1) divides by 11."""
        return self.pattern.fullmatch(value) is not None and sum(
            int(digit) * weight for digit, weight in zip(value, (2, 7, 6, 5, 4, 3, 2, 1))) % 11 == 0


class Cpr(String):
    """A CPR number `DDMMYY-SSSS` with a real date of birth (no modulus-11 check)."""

    message = "must be DDMMYY-SSSS with a real date of birth"

    def format_ok(self, value: str) -> bool:
        """Whether the value is a CPR number with a real date of birth."""
        return cpr_birth_date(value) is not None


class Sha256Hex(String):
    """A SHA-256 digest as 64 lower-case hexadecimal digits."""

    pattern = re.compile(r"[0-9a-f]{64}")
    message = "must be 64 lower-case hexadecimal digits"
