"""Fictitious, deterministic demo data for Feltmappe (`flask seed-demo`).

Pure: no database, no Flask and no clock. The same `today`, templates and seed give the
same teams, users and records; ids are UUIDv5 of stable names, so seeding twice upserts.
Records come parents first (RECORD_ORDER), so inserting in list order never dangles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from server.demo import catalogue as C
from server.demo import text as T
from server.demo.agreements import add_agreements
from server.demo.meetings import MeetingWriter, weekday
from server.demo.people import People, demo_id, domain, lower_first, slug

RECORD_ORDER = (
    "company", "contact", "citizen", "placement", "meeting", "assessment", "agreement",
    "signature", "job_order", "task",
)
PLACEMENT_KINDS = (
    "internship", "wage_subsidy", "flex_job", "igu", "ordinary", "mentor", "job_rotation",
    "adult_apprentice", "other",
)
# Per team: the kinds of the 30 placements and their status (shuffled per team).
_KIND_PLAN = (
    ["internship"] * 10 + ["wage_subsidy"] * 5 + ["flex_job"] * 4
    + ["igu", "igu", "ordinary", "ordinary", "mentor", "mentor", "job_rotation",
       "job_rotation", "adult_apprentice", "adult_apprentice", "other"]
)
_STATUS_PLAN = ["planned"] * 4 + ["active"] * 17 + ["ended"] * 8 + ["cancelled"]
# kind → (weeks it lasts or 0 when open-ended, internship hours, paid hours per week)
_KIND_SHAPE = {
    "internship": (13, 10, 0), "wage_subsidy": (26, 0, 30), "flex_job": (0, 0, 10),
    "igu": (104, 0, 25), "ordinary": (0, 0, 25), "mentor": (13, 12, 0),
    "job_rotation": (26, 0, 37), "adult_apprentice": (156, 0, 37), "other": (8, 6, 0),
}
_OUTCOMES = {
    "internship": ["ordinary_job", "extended", "ended_no_job", "education"],
    "flex_job": ["flex_job"], "wage_subsidy": ["ordinary_job", "ended_no_job"],
}
_ACTIVE, _PROSPECTS, _INACTIVE = 15, 3, 2


@dataclass(frozen=True)
class DemoTeam:
    """A team (key as used by `flask user create --team`, and its display name)."""

    key: str
    name: str


@dataclass(frozen=True)
class DemoUser:
    """A demo user; `password` is the documented demo password, `id` its fixed UUID."""

    username: str
    password: str
    display_name: str
    role: str
    team_key: str
    id: str


@dataclass(frozen=True)
class DemoRecord:
    """A record of `type` with its fixed id, its team and the user who created it."""

    type: str
    id: str
    team_key: str
    created_by_username: str
    data: dict


@dataclass(frozen=True)
class DemoData:
    """Everything `flask seed-demo` inserts; `records` are ordered parents first."""

    teams: list[DemoTeam]
    users: list[DemoUser]
    records: list[DemoRecord]


@dataclass
class Company:
    """A demo company while it is being built (what later records need to know)."""

    id: str
    name: str
    industry: str
    status: str
    consultant: DemoUser
    contacts: list[dict]
    location: str


@dataclass
class Placement:
    """A demo placement while it is being built; MeetingWriter adds `hours` to its `data`."""

    id: str
    kind: str
    status: str
    start: date
    end: date | None
    company: Company
    citizen: dict
    functions: list[dict]
    contact: dict
    mentor: dict | None
    weekly: tuple[int, int]
    data: dict


def build_demo(today: date, templates: list[dict], seed: int = 2026) -> DemoData:
    """Build the demo teams, users and records for `today` with the given templates."""
    rng = random.Random(seed)
    teams = [DemoTeam(key, name) for key, name in C.TEAMS]
    users = [
        DemoUser(name, f"demo-{name}-2026", display, role, team, demo_id("user", name))
        for name, display, role, team in C.USERS
    ]
    out: dict[str, list[DemoRecord]] = {kind: [] for kind in RECORD_ORDER}
    people = People(rng, today)
    specs = list(C.COMPANIES)
    rng.shuffle(specs)
    for index, team in enumerate(teams):
        builder = _TeamBuilder(rng, today, team.key, users, people, templates, out)
        builder.build(specs[index::len(teams)])
    return DemoData(teams, users, [record for kind in RECORD_ORDER for record in out[kind]])


class _TeamBuilder:
    """Builds one team's records into `out` (one list per record type)."""

    def __init__(self, rng, today, team_key, users, people, templates, out):
        self.rng, self.today, self.team, self.people, self.out = rng, today, team_key, people, out
        members = [u for u in users if u.team_key == team_key and u.role != "admin"]
        self.consultants = [u for u in members if u.role == "consultant"]
        self.lead = next(u for u in members if u.role == "lead")
        self.meetings = MeetingWriter(rng, today, templates, self.add)
        self.templates = templates

    def add(self, kind: str, record_id: str, user: DemoUser, data: dict) -> None:
        self.out[kind].append(DemoRecord(kind, record_id, self.team, user.username, data))

    def build(self, specs: list[tuple[str, str, int]]) -> None:
        statuses = ["active"] * _ACTIVE + ["prospect"] * _PROSPECTS + ["inactive"] * _INACTIVE
        companies = [self.company(i, spec, status)
                     for i, (spec, status) in enumerate(zip(specs, statuses))]
        active = [c for c in companies if c.status == "active"]
        kinds, plan = list(_KIND_PLAN), list(_STATUS_PLAN)
        self.rng.shuffle(kinds)
        self.rng.shuffle(plan)
        # Placement i goes to active company i % 15, whose consultant is number i % (number of
        # consultants): the first placement of each consultant is active, so each has a
        # follow-up today.
        for i in range(len(self.consultants)):
            if plan[i] != "active":
                j = plan.index("active", len(self.consultants))
                plan[i], plan[j] = plan[j], plan[i]
        placements = [self.placement(i, kind, status, active[i % len(active)])
                      for i, (kind, status) in enumerate(zip(kinds, plan))]
        for company in companies:
            lead = self.lead if company is companies[_ACTIVE] else None
            self.meetings.company_visits(company, lead=lead)
        self.meetings.placement_meetings(placements)
        add_agreements(self.rng, placements, self.templates, self.add)
        orders = self.job_orders(active[:5])
        self.tasks(placements, active, orders)

    def company(self, index: int, spec: tuple[str, str, int], status: str) -> Company:
        name, industry, employees = spec
        company_id = demo_id(self.team, "company", str(index))
        consultant = self.consultants[index % len(self.consultants)]
        postcode, city = self.rng.choice(C.TOWNS[self.team])
        address = f"{self.rng.choice(C.STREETS)} {self.rng.randint(1, 120)}"
        web = domain(name)
        interests = self.rng.sample(_interests(industry), k=3)
        data = {
            "name": name, "cvr": self.people.cvr(), "address": address, "postcode": postcode,
            "city": city, "industry": C.INDUSTRIES[industry][0], "employees": employees,
            "phone": self.people.phone(C.PHONE_PREFIX[self.team]),
            "email": f"kontakt@{web}", "website": f"https://www.{web}",
            "status": status, "responsible_user_id": consultant.id,
            "interests": sorted(interests), "knowledge": C.INDUSTRIES[industry][3],
        }
        self.add("company", company_id, consultant, data)
        company = Company(company_id, name, industry, status, consultant, [],
                          f"{address}, {postcode} {city}")
        roles = ["manager", "mentor", "hr"] if status == "active" else ["owner", "contact"]
        for position, role in enumerate(roles[: self.rng.randint(1, len(roles))]):
            company.contacts.append(self.contact(company, position, role, web))
        return company

    def contact(self, company: Company, position: int, role: str, web: str) -> dict:
        contact_id = demo_id(company.id, "contact", str(position))
        name = self.people.contact_name()
        data = {
            "company_id": company.id, "name": name,
            "title": self.rng.choice(C.CONTACT_TITLES[role]),
            "phone": self.people.phone(C.PHONE_PREFIX[self.team]),
            "mobile": self.people.mobile(), "email": f"{slug(name, '.')}@{web}",
            "role": role, "is_primary": position == 0,
        }
        self.add("contact", contact_id, company.consultant, data)
        return {"id": contact_id, "name": name, "role": role}

    def placement(self, index: int, kind: str, status: str, company: Company) -> Placement:
        placement_id = demo_id(self.team, "placement", str(index))
        citizen = self.citizen(index, kind, company)
        start, end = self.period(kind, status)
        names = self.rng.sample(C.INDUSTRIES[company.industry][1], k=self.rng.randint(2, 3))
        functions = [{"id": demo_id(placement_id, "work_function", str(i)), "name": name,
                      "tasks": tasks} for i, (name, tasks) in enumerate(names)]
        mentors = [c for c in company.contacts if c["role"] == "mentor"]
        if kind == "mentor" and not mentors:
            mentors = company.contacts[:1]  # the contact person acts as mentor
        mentor = mentors[0] if mentors else None
        words = {"borger": citizen["first"], "funktion": lower_first(functions[0]["name"]),
                 "timer": str(sum(_KIND_SHAPE[kind][1:]))}
        data = {
            "citizen_id": citizen["id"], "company_id": company.id, "kind": kind,
            "start_date": start.isoformat(), "purpose": T.PURPOSES[kind].format(**words),
            "goals": self.rng.choice(T.GOALS).format(**words), "work_functions": functions,
            "contact_id": company.contacts[0]["id"], "status": status,
        }
        if end is not None:
            data["end_date"] = end.isoformat()
        if mentor is not None:
            data["mentor_id"] = mentor["id"]
        if status == "ended":
            data["outcome"] = self.rng.choice(_OUTCOMES.get(kind, ["ordinary_job", "other"]))
        self.add("placement", placement_id, company.consultant, data)
        return Placement(placement_id, kind, status, start, end, company, citizen, functions,
                         company.contacts[0], mentor, _KIND_SHAPE[kind][1:], data)

    def period(self, kind: str, status: str) -> tuple[date, date | None]:
        weeks = _KIND_SHAPE[kind][0]
        if status == "cancelled":
            start = weekday(self.today - timedelta(weeks=4))
            return start, weekday(start + timedelta(days=10))
        if status == "ended":
            end = weekday(self.today - timedelta(weeks=self.rng.randint(1, 8)))
            length = min(weeks or 26, 26) if self.rng.random() < 0.8 else 9
            return weekday(end - timedelta(weeks=length)), end
        if status == "planned":
            ahead = self.today + timedelta(days=7 + self.rng.randint(0, 14))
        else:
            ahead = self.today - timedelta(weeks=self.rng.randint(3, min(weeks - 2, 20)
                                                                  if weeks else 20))
        start = ahead - timedelta(days=ahead.weekday())
        return start, (start + timedelta(weeks=weeks) if weeks else None)

    def citizen(self, index: int, kind: str, company: Company) -> dict:
        citizen_id = demo_id(self.team, "citizen", str(index))
        first, last = self.people.citizen_name()
        caseworker = self.rng.choice(C.CASEWORKERS)
        titles = C.INDUSTRIES[company.industry][2]
        data = {
            "name": f"{first} {last}", "cpr": self.people.cpr(kind),
            "phone": self.people.mobile(),
            "email": f"{slug(first + ' ' + last, '.')}@mail.example",
            "target_group": self.rng.choice(_TARGET_GROUPS.get(kind, ["kontanthjaelp"])),
            "caseworker_name": caseworker,
            "caseworker_email": f"{slug(caseworker, '.')}@{C.EMAIL_DOMAIN}",
            "job_goals": {"a": titles[0], "b": titles[1], "c": titles[2]},
        }
        if self.rng.random() < 0.45:
            data["special_considerations"] = self.rng.choice(T.SPECIAL_CONSIDERATIONS).format(
                borger=first)
        self.add("citizen", citizen_id, company.consultant, data)
        return {"id": citizen_id, "first": first, "name": data["name"],
                "caseworker": caseworker}

    def job_orders(self, companies: list[Company]) -> list[dict]:
        # (status, days since it came in, days since the newest log entry or None)
        ages = [("open", 2, 1), ("open", 9, None), ("open", 30, 16), ("filled", 40, 5),
                ("closed", 60, 30)]
        orders = []
        for index, (company, (status, age, last)) in enumerate(zip(companies, ages)):
            order_id = demo_id(self.team, "job_order", str(index))
            title = C.INDUSTRIES[company.industry][2][self.rng.randint(0, 1)]
            positions = self.rng.randint(1, 3)
            words = {"kontakt": company.contacts[0]["name"], "funktion": lower_first(
                C.INDUSTRIES[company.industry][1][0][0])}
            log_days = [age] + ([last] if last is not None else [])
            log = [{"id": demo_id(order_id, "log", str(i)),
                    "date": (self.today - timedelta(days=days)).isoformat(),
                    "user_id": company.consultant.id,
                    "text": T.JOB_ORDER_LOG[3 if status == "filled" and i else i].format(**words)}
                   for i, days in enumerate(log_days)]
            data = {
                "company_id": company.id, "title": title,
                "offers": ["ordinary"] + (["internship"] if index % 2 else ["wage_subsidy"]),
                "hours_type": ("full_time", "part_time", "shift")[index % 3],
                "hours_per_week": (37, 25, 37)[index % 3],
                "start_date": (self.today + timedelta(days=14 + 7 * index)).isoformat(),
                "candidate_delivery": ("cv", "via_jobcentre", "direct")[index % 3],
                "contact_id": company.contacts[0]["id"],
                "deadline": (self.today + timedelta(days=10 - 5 * index)).isoformat(),
                "positions": positions,
                "filled": positions if status == "filled" else (1 if status == "closed" else 0),
                "status": status, "log": log,
            }
            for field, text in T.JOB_ORDER_TEXT.items():
                data[field] = list(text) if isinstance(text, list) else text.format(**words)
            self.add("job_order", order_id, company.consultant, data)
            orders.append({"id": order_id, "title": title, "company": company})
        return orders

    def tasks(self, placements: list[Placement], companies: list[Company],
              orders: list[dict]) -> None:
        current = [p for p in placements if p.status == "active"]
        drafts = self.meetings.upcoming
        for index, (related_type, title) in enumerate(T.TASKS * 2):
            task_id = demo_id(self.team, "task", str(index))
            placement = current[index % len(current)]
            company = companies[(index * 3) % len(companies)]
            order = orders[index % len(orders)]
            related = {"placement": (placement.id, placement.company),
                       "citizen": (placement.citizen["id"], placement.company),
                       "company": (company.id, company),
                       "job_order": (order["id"], order["company"]),
                       "meeting": (drafts[index % len(drafts)]["id"],
                                   drafts[index % len(drafts)]["company"])}
            related_id, owner = related[related_type]
            due = self.today + timedelta(days=self.rng.randint(-4, 14))
            words = {"borger": placement.citizen["first"], "kontakt": owner.contacts[0]["name"],
                     "virksomhed": owner.name, "titel": order["title"]}
            data = {"title": title.format(**words), "due_date": due.isoformat(),
                    "related_type": related_type, "related_id": related_id,
                    "assignee_id": owner.consultant.id,
                    "done": due < self.today and self.rng.random() < 0.5}
            self.add("task", task_id, owner.consultant, data)


_TARGET_GROUPS = {
    "internship": ["kontanthjaelp", "ressourceforloeb", "jobafklaring", "sygedagpenge",
                   "uddannelseshjaelp", "integration"],
    "wage_subsidy": ["dagpenge", "kontanthjaelp"], "flex_job": ["ledighedsydelse"],
    "igu": ["integration"], "ordinary": ["dagpenge", "kontanthjaelp"],
    "mentor": ["ressourceforloeb", "kontanthjaelp"], "job_rotation": ["dagpenge"],
    "adult_apprentice": ["dagpenge", "kontanthjaelp", "uddannelseshjaelp"],
    "other": ["other", "sygedagpenge", "jobafklaring"],
}


def _interests(industry: str) -> list[str]:
    """The offers a company of this industry is likely to ask about."""
    common = ["recruitment", "job_ads", "internship", "wage_subsidy", "mentor", "retention"]
    extra = {"metal": ["upskilling", "job_rotation", "adult_apprentice"],
             "pleje": ["flex_job", "job_rotation", "upskilling"],
             "transport": ["adult_apprentice", "work_sharing"],
             "genbrug": ["sheltered_job", "flex_job"]}
    return common + extra.get(industry, ["flex_job", "redundancy_help"])

