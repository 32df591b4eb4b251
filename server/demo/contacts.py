"""The demo team registers (issue 13): company types on the demo companies, a Brancheredskab
register of company contacts over the last four months, and Målstyring goals for the year.

Added to the demo built by `server.demo_data` (records stay parents first: companies come
before the contacts that name them). Deterministic for a given `today`.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from server.demo.data import DemoData, DemoRecord
from server.demo.people import demo_id

# The demo catalogue's industries → (DB07 section, job function) of the shipped lists.
INDUSTRY_LISTS = {
    "Byggeri og anlæg": ("db07_f", "bygge_anlaeg"), "Detailhandel": ("db07_g", "butik_salg"),
    "Ældrepleje": ("db07_q", "pleje_omsorg"), "Hotel og restauration": ("db07_i", "koekken"),
    "Lager og logistik": ("db07_h", "lager_logistik"),
    "Metal- og maskinindustri": ("db07_c", "metal_smed"), "Grønne områder": ("db07_n", "park_vej"),
    "Rengøring og service": ("db07_n", "rengoering"), "Autoværksted": ("db07_g", "mekaniker"),
    "Fødevareproduktion": ("db07_c", "foedevarer"),
    "Kontor og administration": ("db07_n", "kontor_administration"),
    "IT-service": ("db07_j", "it_support"), "Genbrug og handel": ("db07_e", "genbrug_affald"),
    "Transport og flytning": ("db07_h", "chauffoer"),
}
RESULTS = ["no_opening"] * 5 + ["ordinary_opening", "internship", "internship", "wage_subsidy",
                                "flex_job"]
GOALS = [("meetings_held", None, 600), ("company_contacts", None, 800),
         ("positions_filled", None, 60), ("placements_started", None, 90),
         ("custom", "Jobrotation", 12)]


def with_register(demo: DemoData, today: date, seed: int = 2027) -> DemoData:
    """The demo with company types, company contacts and the year's goals added."""
    rng = random.Random(seed)
    records, added = [], []
    for record in demo.records:
        if record.type == "company" and record.data.get("industry") in INDUSTRY_LISTS:
            company_type, job_function = INDUSTRY_LISTS[record.data["industry"]]
            record = replace(record, data={**record.data, "company_type": company_type})
            added += _contacts(rng, record, job_function, today)
        records.append(record)
    leads = {user.team_key: user.username for user in demo.users if user.role == "lead"}
    for team_key, lead in leads.items():
        added += [_goal(team_key, lead, today.year, *goal, rng) for goal in GOALS]
    return replace(demo, records=records + added)


def _contacts(rng: random.Random, company: DemoRecord, job_function: str,
              today: date) -> list[DemoRecord]:
    """Two to four contacts with the company over the last 120 days."""
    out = []
    for n in range(rng.randint(2, 4)):
        result = rng.choice(RESULTS)
        data: dict[str, Any] = {"company_id": company.id, "result": result, "channel": rng.choice(
            ["visit", "phone", "phone", "email"]),
            "contacted_on": (today - timedelta(days=rng.randint(0, 120))).isoformat()}
        if result != "no_opening":
            positions = rng.randint(1, 3)
            data.update(job_function=job_function, positions=positions,
                        filled=rng.choice([0, 0, positions]))
        out.append(DemoRecord("company_contact", demo_id(company.team_key, "contact", company.id,
                                                        str(n)),
                              company.team_key, company.created_by_username, data))
    return out


def _goal(team_key: str, lead: str, year: int, indicator: str, name: str | None, target: int,
          rng: random.Random) -> DemoRecord:
    """A goal of the year; the custom one with a few weeks registered by hand."""
    data = {"indicator": indicator, "year": year, "target": target}
    if name:
        data.update(name=name, weekly=[
            {"id": demo_id(team_key, "goal-week", name, str(week)),
             "week": f"{year}-W{week:02d}", "count": rng.randint(0, 2)} for week in range(1, 9)])
    return DemoRecord("team_goal", demo_id(team_key, "goal", str(year), indicator, name or ""),
                      team_key, lead, data)
