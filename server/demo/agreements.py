"""Demo agreements: an opstartsaftale for the first active internships, some signed.

Pure and deterministic like the rest of the demo data. The content comes from the
placement; two agreements per team are signed by the citizen, the company's contact and
the consultant with strokes drawn from a seeded random walk, and each signature covers
the agreement's content by the SHA-256 of its RFC 8785 canonical JSON, as the app
computes it; one more waits for signatures ("ready") and one is a draft.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, time, timedelta
from random import Random
from typing import Any
from zoneinfo import ZoneInfo

from server.demo.people import demo_id
from server.schemas.jsontree import canonical_sha256

TEMPLATE_KEY = "opstartsaftale"
STATUSES = ("signed", "signed", "ready", "draft")
PAD_WIDTH, PAD_HEIGHT = 600, 200
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def add_agreements(rng: Random, placements: list, templates: list[dict],
                   add: Callable[[str, str, Any, dict], None]) -> None:
    """Add the demo agreements (and signatures) of a team's placements through `add`."""
    versions = [t["version"] for t in templates if t["key"] == TEMPLATE_KEY]
    candidates = [p for p in placements if p.status == "active" and p.kind == "internship"]
    if not versions:
        return
    for placement, status in zip(candidates, STATUSES):
        covered = {"template_key": TEMPLATE_KEY, "template_version": max(versions),
                   "content": _content(placement)}
        agreement_id = demo_id(placement.id, "agreement", TEMPLATE_KEY)
        consultant = placement.company.consultant
        add("agreement", agreement_id, consultant,
            {"placement_id": placement.id, **covered, "status": status})
        if status == "signed":
            for signature in _signatures(rng, placement, agreement_id, covered):
                add("signature", signature["id"], consultant, signature["data"])


def _content(placement) -> dict:
    """The opstartsaftale's fields filled from the placement."""
    contact = placement.contact
    internship, paid = placement.weekly
    tasks = "\n".join(f"{f['name']}: {f['tasks']}" for f in placement.functions)
    return {
        "goals": placement.data["goals"],
        "start_date": placement.start.isoformat(),
        "start_time": "08:00",
        "working_hours": f"{internship + paid} timer om ugen, mandag til torsdag 8–12",
        "contact_person": f"{contact['name']}, tlf. {contact.get('phone', 'se virksomheden')}",
        "tasks_progression": tasks,
        "special_considerations": "Pauser efter behov; aftales med kontaktpersonen.",
        "illness_contact": f"Ring til {contact['name']} inden kl. 8",
        "longer_term_plan": "Vi ser på ordinære timer ved opfølgningen efter fire uger.",
        "next_follow_up": (placement.start + timedelta(days=14)).isoformat(),
        "met_contact_person": True,
        "first_day_place": True,
    }


def _signatures(rng: Random, placement, agreement_id: str, covered: dict) -> list[dict]:
    """The three required signatures of a signed demo agreement."""
    moment = datetime.combine(placement.start, time(9, 30), tzinfo=COPENHAGEN)
    signers = [("citizen", placement.citizen["name"]), ("company", placement.contact["name"]),
               ("consultant", placement.company.consultant.display_name)]
    digest = canonical_sha256(covered)
    return [{
        "id": demo_id(agreement_id, "signature", role),
        "data": {
            "agreement_id": agreement_id, "role": role, "signer_name": name,
            "signed_at": (moment + timedelta(minutes=2 * i)).isoformat(),
            "content": covered, "content_sha256": digest, "method": "drawn",
            "strokes": _strokes(rng), "width": PAD_WIDTH, "height": PAD_HEIGHT,
        },
    } for i, (role, name) in enumerate(signers)]


def _strokes(rng: Random) -> list[list[list[float]]]:
    """A handwriting-like signature: two or three wavy strokes left to right."""
    strokes, x, t = [], 40.0, 0
    for _ in range(rng.randint(2, 3)):
        points, phase, size = [], rng.uniform(0, math.pi), rng.uniform(25, 50)
        for step in range(rng.randint(18, 30)):
            x += rng.uniform(5, 11)
            y = PAD_HEIGHT / 2 + size * math.sin(phase + step / 2.2) + rng.uniform(-4, 4)
            t += rng.randint(12, 20)
            points.append([round(min(x, PAD_WIDTH - 10), 1), round(y, 1), t])
        strokes.append(points)
        x += rng.uniform(15, 30)
        t += rng.randint(150, 300)
    return strokes
