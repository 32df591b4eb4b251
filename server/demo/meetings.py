"""Demo meetings, hours and assessments of one team (used by server/demo/data.py).

Rules: a placement's meetings run from the start-up meeting every 3–5 weeks; held ones are
final with `held_at` and a `next_follow_up` that is the date of the next meeting. The next
one after today is a draft, and it is today for the first active placement of each
consultant, so the "today" screen has content. Hours may rise at a follow-up, from the
next Monday; a follow-up's attendance covers the days since the previous meeting. Times
carry the Europe/Copenhagen offset of their date.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from server.demo import catalogue as C
from server.demo import text as T
from server.demo.answers import build_answers
from server.demo.people import demo_id, lower_first

_MIDDLE_KINDS = ("follow_up", "follow_up", "phone", "follow_up", "tripartite", "follow_up",
                 "issue")
_TEXTS: dict[str, dict] = {"startup": T.STARTUP, "follow_up": T.FOLLOW_UP,
                           "phone": T.FOLLOW_UP, "issue": T.ISSUE,
                           "tripartite": T.TRIPARTITE, "closing": T.CLOSING}
_MINUTES = {"first_visit": 60, "follow_up": 45, "startup": 60, "tripartite": 60,
            "closing": 45, "issue": 30, "phone": 15}
_SLOTS = ("08:30", "09:00", "09:30", "10:00", "10:30", "12:30", "13:00", "14:00")
_THEMES = ["company", "challenges", "offers", "campaigns"]
_CARD_KINDS = ("internship", "mentor", "other", "wage_subsidy", "flex_job", "igu")
_STEADY_KINDS = ("wage_subsidy", "job_rotation", "adult_apprentice")


class MeetingWriter:
    """Writes the meetings and assessments of one team through `add(type, id, user, data)`."""

    def __init__(self, rng, today: date, templates: list[dict], add):
        self.rng, self.today, self.add = rng, today, add
        self.templates = _latest_assessment_templates(templates)
        self.middle_kinds = itertools.cycle(_MIDDLE_KINDS)
        self.upcoming: list[dict] = []

    def company_visits(self, company, lead=None) -> None:
        """The visits and calls to a company that are not about a placement."""
        words = _words(company, None, company.consultant)
        if company.status == "prospect":
            call = weekday(self.today - timedelta(days=self.rng.randint(5, 25)))
            visit = self.today if lead else weekday(
                self.today + timedelta(days=self.rng.randint(1, 10)))
            words["dato"] = _spoken(visit)
            self.meeting(f"{company.id}:call", company, company.consultant, "phone", call,
                         T.PHONE_CALL, words, next_day=visit)
            self.remember(self.meeting(f"{company.id}:first", company, lead or
                                       company.consultant, "first_visit", visit,
                                       T.FIRST_VISIT, words), company)
            return
        first = weekday(self.today - timedelta(days=self.rng.randint(180, 540)))
        self.meeting(f"{company.id}:first", company, company.consultant, "first_visit", first,
                     T.FIRST_VISIT, words, next_day=weekday(first + timedelta(days=90)),
                     extra={"themes_covered": list(_THEMES)})
        if company.status == "active" and self.rng.random() < 0.5:
            visit = weekday(self.today - timedelta(days=self.rng.randint(20, 120)))
            words["dato"] = _spoken(visit + timedelta(days=14))
            themes = _THEMES[:3] + (["campaigns"] if self.rng.random() < 0.5 else [])
            later = weekday(self.today + timedelta(days=self.rng.randint(30, 90)))
            self.meeting(f"{company.id}:visit", company, company.consultant, "follow_up", visit,
                         T.COMPANY_FOLLOW_UP, words, next_day=later,
                         extra={"themes_covered": themes})

    def placement_meetings(self, placements: list) -> None:
        """The meetings, hours and assessments of every placement."""
        has_today: set[str] = set()
        for placement in placements:
            consultant = placement.company.consultant
            days, upcoming = self.timeline(placement)
            if placement.status == "active" and consultant.username not in has_today:
                upcoming = self.today
                has_today.add(consultant.username)
            self.held_meetings(placement, days, upcoming)
            if upcoming is not None:
                kind = "startup" if placement.status == "planned" else "follow_up"
                words = _words(placement.company, placement, consultant)
                self.remember(self.meeting(f"{placement.id}:next", placement.company, consultant,
                                           kind, upcoming, _TEXTS[kind], words,
                                           placement=placement), placement.company)
            self.assessments(placement, days)

    def remember(self, meeting_id: str, company) -> None:
        """Keep a draft meeting in `upcoming`, for tasks that prepare it."""
        self.upcoming.append({"id": meeting_id, "company": company})

    def timeline(self, placement) -> tuple[list[date], date | None]:
        """The dates of a placement's held meetings and of its next one (or None)."""
        if placement.status == "planned":
            return [], placement.start
        if placement.status == "cancelled":
            return [placement.start, weekday(placement.start + timedelta(days=7))], None
        days = [placement.start]
        while True:
            later = weekday(days[-1] + timedelta(weeks=self.rng.choice((3, 4, 5))))
            if placement.status == "ended" and later >= placement.end - timedelta(days=7):
                return days + [placement.end], None
            if placement.status == "active" and later >= self.today:
                return days, min(later, weekday(self.today + timedelta(days=12)))
            days.append(later)

    def held_meetings(self, placement, days: list[date], upcoming: date | None) -> None:
        """The final meetings on `days`, and the placement's dated hours they lead to."""
        consultant = placement.company.consultant
        intern, paid = placement.weekly
        hours = [(placement.start, intern, paid)]
        rises = placement.kind not in _STEADY_KINDS and self.rng.random() < 0.7
        for index, day in enumerate(days):
            kind = self.kind_at(placement, index, len(days))
            later = days[index + 1] if index + 1 < len(days) else upcoming
            later = later or weekday(day + timedelta(weeks=8))
            words = _words(placement.company, placement, consultant)
            words.update(timer=str(intern + paid), dato=_spoken(later))
            texts, extra = dict(_TEXTS[kind]), {}
            if index:
                monday = day + timedelta(days=7 - day.weekday())
                change = rises and kind in ("follow_up", "tripartite") and (
                    placement.end is None or monday < placement.end)
                new = _more_hours(intern, paid) if change else (intern, paid)
                words.update(nye_timer=str(sum(new)), dato=_spoken(monday) if change
                             else words["dato"])
                extra["follow_up"] = self.follow_up(kind, days[index - 1], day, intern + paid,
                                                    change, words)
                if kind in ("follow_up", "phone"):
                    notes = T.FOLLOW_UP["notes_company"]
                    texts["notes_company"] = notes[0] if change else self.rng.choice(notes[1:])
                if change:
                    intern, paid = new
                    hours.append((monday, intern, paid))
            self.meeting(f"{placement.id}:{index}", placement.company, consultant, kind, day,
                         texts, words, placement=placement, next_day=later, extra=extra)
        placement.data["hours"] = [
            {"id": demo_id(placement.id, "hours", str(i)), "from_date": start.isoformat(),
             "internship_hours": intern, "paid_hours": paid}
            for i, (start, intern, paid) in enumerate(hours)]

    def kind_at(self, placement, index: int, count: int) -> str:
        """The kind of a placement's meeting number `index` of `count` held ones."""
        if index == 0:
            return "startup"
        if placement.status == "cancelled":
            return "issue"
        if placement.status == "ended" and index == count - 1:
            return "closing"
        return next(self.middle_kinds)

    def follow_up(self, kind, since: date, day: date, weekly: int, change: bool,
                  words: dict) -> dict:
        """The follow-up part of a held meeting: attendance since the last one and so on."""
        norm = weekly * (day - since).days / 7
        share = self.rng.uniform(0.6, 0.75) if kind == "issue" else self.rng.uniform(0.82, 1)
        pools = dict(T.FOLLOW_UP, **{k: v for k, v in _TEXTS[kind].items() if k in (
            "works_well", "difficult", "adjustments")})
        adjustments = pools["adjustments"]
        if isinstance(adjustments, list):
            adjustments = adjustments[0] if change else self.rng.choice(adjustments[1:])
        return {
            "tasks": T.FOLLOW_UP["tasks"],
            "attendance": {
                "attended_hours": _half(norm * share), "norm_hours": _half(norm),
                "period_start": since.isoformat(),
                "period_end": (day - timedelta(days=1)).isoformat(),
            },
            "works_well": _pick(self.rng, pools["works_well"]).format(**words),
            "difficult": _pick(self.rng, pools["difficult"]).format(**words),
            "adjustments": adjustments.format(**words),
            "ordinary_hours_discussed": self.rng.random() > 0.12,
        }

    def meeting(self, name: str, company, user, kind: str, day: date, texts: dict,
                words: dict, *, placement=None, next_day: date | None = None,
                extra: dict | None = None) -> str:
        """Write one meeting: final when `next_day` is given, else a draft; returns its id."""
        meeting_id = demo_id(name, "meeting")
        at = f"{day.isoformat()}T{self.rng.choice(_SLOTS)}:00{_offset(day)}"
        data = {
            "company_id": company.id, "kind": kind, "scheduled_at": at,
            "duration_minutes": _MINUTES[kind],
            "location": T.LOCATIONS.get(kind, company.location),
            "participants": self.participants(meeting_id, company, placement, kind, user),
            "purpose": texts["purpose"].format(**words),
            "agenda": texts.get("agenda", T.DRAFT_AGENDA),
            "status": "draft" if next_day is None else "final",
        }
        if placement is not None:
            data["placement_id"] = placement.id
        if next_day is not None:
            pool = texts.get("agreements", T.AGREEMENTS if placement is not None
                             else T.COMPANY_AGREEMENTS)
            data.update(
                held_at=at, next_follow_up=next_day.isoformat(),
                notes_citizen=_pick(self.rng, texts["notes_citizen"]).format(**words),
                notes_company=_pick(self.rng, texts["notes_company"]).format(**words),
                agreements=self.agreements(meeting_id, day, pool, words, placement, user),
            )
        data.update(extra or {})
        self.add("meeting", meeting_id, user, data)
        return meeting_id

    def participants(self, meeting_id, company, placement, kind, user) -> list[dict]:
        """Who takes part: citizen, contact, mentor, caseworker and the consultant."""
        contact = placement.contact if placement else company.contacts[0]
        people = []
        if placement is not None:
            people.append({"name": placement.citizen["name"], "role": "citizen"})
        people.append({"contact_id": contact["id"], "name": contact["name"], "role": "company"})
        mentor = placement.mentor if placement else None
        if mentor is not None and mentor is not contact and kind != "phone":
            people.append({"contact_id": mentor["id"], "name": mentor["name"], "role": "mentor"})
        if kind == "tripartite":
            people.append({"name": placement.citizen["caseworker"], "role": "caseworker"})
        people.append({"name": user.display_name, "role": "consultant"})
        return [{"id": demo_id(meeting_id, "participant", str(i)), **person}
                for i, person in enumerate(people)]

    def agreements(self, meeting_id, day, pool, words, placement, user) -> list[dict]:
        """Two or three SMART agreements: who does what by when."""
        who = {"consultant": user.display_name, "contact": words["kontakt"],
               "citizen": placement.citizen["name"] if placement else ""}
        chosen = self.rng.sample(pool, k=min(len(pool), self.rng.randint(2, 3)))
        items = []
        for i, (text, responsible, days) in enumerate(chosen):
            due = weekday(day + timedelta(days=days))
            items.append({"id": demo_id(meeting_id, "agreement", str(i)),
                          "text": text.format(**words), "responsible": who[responsible],
                          "due_date": due.isoformat(),
                          "done": due < self.today and self.rng.random() < 0.85})
        return items

    def assessments(self, placement, days: list[date]) -> None:
        """Progression assessments on the dates of held meetings, improving over time."""
        if placement.status == "cancelled" or not days:
            return
        base = self.rng.uniform(0.15, 0.45)
        plan = []
        if placement.kind in _CARD_KINDS and len(days) >= 2:
            plan += [("progressionskort", day, base + 0.2 * step, ("consultant", "company")[
                step % 2]) for step, day in enumerate(days[:3])]
        if placement.kind in ("internship", "mentor", "other"):
            plan.append(("progressionsvaerktoej", days[0], base, "citizen"))
        if placement.kind in ("internship", "flex_job") and len(days) >= 3:
            plan += [("progression-mod-job", days[1], base + 0.1, "company"),
                     ("progression-mod-job", days[-1], base + 0.35, "company")]
        words = _words(placement.company, placement, placement.company.consultant)
        for number, (key, day, quality, role) in enumerate(plan):
            template = self.templates.get(key)
            if template is None:
                continue
            rows = [demo_id(placement.id, key, "row", str(i))
                    for i in range(len(placement.functions))]
            answers = build_answers(template["definition"], self.rng, min(quality, 1.0), on=day,
                                    work_functions=placement.functions, row_ids=rows,
                                    words=words)
            data = {"placement_id": placement.id, "template_key": key,
                    "template_version": template["version"], "assessed_on": day.isoformat(),
                    "assessor_role": role, "answers": answers,
                    "comment": self.rng.choice(T.ASSESSMENT_COMMENTS).format(**words),
                    "status": "final"}
            self.add("assessment", demo_id(placement.id, "assessment", str(number)),
                     placement.company.consultant, data)


def _latest_assessment_templates(templates: list[dict]) -> dict[str, dict]:
    """The newest version of each assessment template, by key."""
    latest: dict[str, dict] = {}
    for template in templates:
        if template.get("kind") != "assessment":
            continue
        known = latest.get(template["key"])
        if known is None or template["version"] > known["version"]:
            latest[template["key"]] = template
    return latest


def _words(company, placement, consultant) -> dict[str, str]:
    """The values for the placeholders of the text pools."""
    contact = placement.contact if placement else company.contacts[0]
    functions = placement.functions if placement else [
        {"name": C.INDUSTRIES[company.industry][1][0][0]}]
    return {"borger": placement.citizen["first"] if placement else "",
            "kontakt": contact["name"], "virksomhed": company.name,
            "funktion": lower_first(functions[0]["name"]), "konsulent": consultant.display_name,
            "timer": "", "nye_timer": "", "dato": "",
            "viden": C.INDUSTRIES[company.industry][3]}


def _more_hours(intern: int, paid: int) -> tuple[int, int]:
    """The next step up in weekly hours: more internship hours first, then paid hours."""
    if intern and intern + paid < 15:
        return intern + 3, paid
    if intern:
        return intern, paid + 4
    return intern, min(37, paid + 3)


def _pick(rng, choice):
    """`choice` itself, or one of its items when it is a list."""
    return rng.choice(choice) if isinstance(choice, list) else choice


def _half(hours: float):
    """Hours rounded to the half hour (an int when whole)."""
    value = round(hours * 2) / 2
    return int(value) if value.is_integer() else value


def _spoken(day: date) -> str:
    """A date as written in a Danish sentence, e.g. "14. november"."""
    return f"{day.day}. {T.MONTHS[day.month - 1]}"


def _offset(day: date) -> str:
    """The Europe/Copenhagen UTC offset during office hours on `day`."""
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return "+02:00" if summer else "+01:00"


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def weekday(day: date) -> date:
    """The day itself on Monday–Friday, else the following Monday."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day
