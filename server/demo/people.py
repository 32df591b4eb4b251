"""Fictitious ids, names, numbers and addresses for the demo data, unique within one build.

CVR numbers pass the modulus-11 check (weights 2,7,6,5,4,3,2,1). CPR numbers have a real
birth date and a 7th digit that gives the right century under the CPR rule (docs/domain.md).
"""

from __future__ import annotations

import random
import re
import uuid
from datetime import date, timedelta

from server.demo import catalogue as C

NAMESPACE = uuid.UUID("0e3f6b8a-2c41-5d7e-9a10-4f6c2b8d1e55")
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_MOBILE_PREFIXES = ("20", "22", "26", "28", "30", "40", "42", "50", "60", "61")
_LEGAL_FORMS = {"aps", "a/s", "&"}
# placement kind → (youngest, oldest) age of the citizen
_AGES = {"igu": (19, 38), "adult_apprentice": (25, 50), "job_rotation": (24, 60)}


def demo_id(*parts: str) -> str:
    """The fixed lower-case UUID (v5) of the demo object named by `parts`."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def lower_first(text: str) -> str:
    """`text` with its first letter in lower case, for use inside a sentence."""
    return text[:1].lower() + text[1:]


class People:
    """Makes unique fictitious names, CVR and CPR numbers, phones and e-mail domains."""

    def __init__(self, rng: random.Random, today: date):
        self.rng, self.today = rng, today
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def cvr(self) -> str:
        """A new CVR number that passes the modulus-11 check."""
        def make() -> str:
            while True:
                digits = [self.rng.randint(1, 9)] + [self.rng.randint(0, 9) for _ in range(6)]
                check = -sum(d * w for d, w in zip(digits, CVR_WEIGHTS)) % 11
                if check < 10:
                    return "".join(map(str, digits + [check]))
        return self._unique(make)

    def cpr(self, kind: str) -> str:
        """A new CPR number (DDMMYY-SSSS) for a citizen of an age that suits `kind`."""
        youngest, oldest = _AGES.get(kind, (20, 62))
        born = self.today - timedelta(days=self.rng.randint(youngest * 365, oldest * 365))
        year = born.year % 100
        if born.year < 2000:
            sevenths = [0, 1, 2, 3] + ([4, 9] if year > 36 else [])
        else:
            sevenths = ([4, 9] if year <= 36 else []) + [5, 6, 7, 8]
        return self._unique(lambda: f"{born:%d%m}{year:02d}-{self.rng.choice(sevenths)}"
                            f"{self.rng.randint(0, 999):03d}")

    def citizen_name(self) -> tuple[str, str]:
        """A new made-up citizen name as (first name, surname)."""
        name = self._unique(lambda: f"{self.rng.choice(C.CITIZEN_FIRST_NAMES)} "
                            f"{self.rng.choice(C.CITIZEN_SURNAMES)}")
        first, last = name.split(" ")
        return first, last

    def contact_name(self) -> str:
        """A new name for a company contact."""
        return self._unique(lambda: f"{self.rng.choice(C.CONTACT_FIRST_NAMES)} "
                            f"{self.rng.choice(C.CONTACT_SURNAMES)}")

    def phone(self, prefix: str) -> str:
        """A landline number in the team's area, e.g. "75 82 14 30"."""
        return f"{prefix} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)} " \
            f"{self.rng.randint(10, 99)}"

    def mobile(self) -> str:
        """A mobile number, e.g. "22 41 17 90"."""
        return self.phone(self.rng.choice(_MOBILE_PREFIXES))


def slug(text: str, separator: str) -> str:
    """`text` in lower-case ASCII words joined by `separator` (for e-mail addresses)."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = text.replace("é", "e")
    return separator.join(w for w in re.split(r"[^a-z0-9]+", text) if w)


def domain(company_name: str) -> str:
    """A fictitious web domain (reserved `.example` top-level domain) for a company."""
    words = [w for w in company_name.split() if w.lower() not in _LEGAL_FORMS]
    return f"{slug(' '.join(words[:3]), '-')}.example"
