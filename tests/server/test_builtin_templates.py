"""Checks that the built-in templates obey docs/domain.md's template format."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from server.builtin_templates import find_template, load_builtin_templates

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "server" / "builtin_templates"

EXPECTED_KINDS = {
    "opstartsaftale": "agreement",
    "praktikaftale": "agreement",
    "progression-mod-job": "assessment",
    "progressionskort": "assessment",
    "progressionsvaerktoej": "assessment",
}
FIELD_TYPES = {
    "text", "longtext", "date", "time", "integer", "number", "boolean",
    "choice", "multichoice", "level", "rating",
}
REPEAT_OVER = {"work_functions", "rows"}
ID_RE = re.compile(r"[a-z0-9_]+")
EXPECTED_ROLES = {
    "citizen": True, "company": True, "consultant": True,
    "mentor": False, "caseworker": False,
}
TEMPLATE_KEYS = {"kind", "key", "version", "title", "definition", "source", "roles"}
# docs/domain.md "Values": control characters other than tab, LF and CR are not allowed.
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
STAIRCASE = ["Begynder", "Avanceret begynder", "Selvstartende", "Selvkørende", "Oplært"]


def is_int(value) -> bool:
    """True for an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_text(value, limit: int) -> bool:
    """True for a non-empty string within the length limit and without bad characters."""
    return (
        isinstance(value, str)
        and value.strip() != ""
        and len(value) <= limit
        and not BAD_CHARS.search(value)
    )


def walk(items):
    """Yield every item and repeat group, depth first."""
    for item in items:
        yield item
        if isinstance(item, dict) and item.get("type") == "repeat":
            yield from walk(item.get("items", []))


def all_items(template):
    """Every item and group of a template, in order."""
    return [i for s in template["definition"]["sections"] for i in walk(s["items"])]


def field_problems(item, where, inside_repeat):
    """Problems of one field or repeat group."""
    problems = []
    kind = item.get("type")
    if kind == "repeat":
        if inside_repeat:
            problems.append(f"{where}: repeat inside repeat")
        if item.get("over") not in REPEAT_OVER:
            problems.append(f"{where}: repeat over {item.get('over')!r}")
        if not is_text(item.get("label"), 200):
            problems.append(f"{where}: repeat label")
        if not isinstance(item.get("items"), list) or not item["items"]:
            problems.append(f"{where}: repeat without items")
        else:
            for child in item["items"]:
                problems += field_problems(child, f"{where}/{child.get('id')}", True)
        return problems
    if kind not in FIELD_TYPES:
        return [f"{where}: type {kind!r}"]
    if not is_text(item.get("label"), 500):
        problems.append(f"{where}: label")
    if not isinstance(item.get("required"), bool):
        problems.append(f"{where}: required is not a bool")
    if "help" in item and not is_text(item["help"], 500):
        problems.append(f"{where}: help")
    if kind in ("choice", "multichoice"):
        options = item.get("options")
        if not isinstance(options, list) or len(options) < 2:
            problems.append(f"{where}: options")
        else:
            values = [o.get("value") for o in options]
            if len(set(map(repr, values))) != len(values):
                problems.append(f"{where}: duplicate option values")
            if not all(is_text(o.get("label"), 500) for o in options):
                problems.append(f"{where}: option label")
    elif "options" in item:
        problems.append(f"{where}: options on a {kind}")
    if kind == "level":
        levels = item.get("levels")
        if not isinstance(levels, list) or len(levels) < 2:
            problems.append(f"{where}: levels")
        else:
            for level in levels:
                if not (is_int(level.get("value")) and is_int(level.get("points"))):
                    problems.append(f"{where}: level value/points not integers: {level}")
                if not is_text(level.get("label"), 500):
                    problems.append(f"{where}: level label: {level}")
            values = [level.get("value") for level in levels]
            if len(set(map(repr, values))) != len(values):
                problems.append(f"{where}: duplicate level values")
    elif "levels" in item:
        problems.append(f"{where}: levels on a {kind}")
    if kind == "rating":
        low, high = item.get("min"), item.get("max")
        if not (is_int(low) and is_int(high) and low < high):
            problems.append(f"{where}: rating min {low!r} max {high!r}")
    return problems


def template_problems(template):
    """Every way a template breaks docs/domain.md's format (empty list: none)."""
    problems = []
    extra = set(template) - TEMPLATE_KEYS
    if extra:
        problems.append(f"unknown template keys {sorted(extra)}")
    kind = template.get("kind")
    if kind not in ("assessment", "agreement"):
        problems.append(f"kind {kind!r}")
    if not is_text(template.get("key"), 200):
        problems.append("key")
    if not (is_int(template.get("version")) and template["version"] >= 1):
        problems.append(f"version {template.get('version')!r}")
    if not is_text(template.get("title"), 200):
        problems.append("title")
    if not is_text(template.get("source"), 500):
        problems.append("source")
    if kind == "agreement":
        roles = template.get("roles")
        if not isinstance(roles, list):
            problems.append("agreement without roles")
        else:
            names = [r.get("role") for r in roles]
            if len(set(names)) != len(names):
                problems.append("duplicate roles")
            if {r.get("role"): r.get("required") for r in roles} != EXPECTED_ROLES:
                problems.append(f"roles {roles}")
    elif "roles" in template:
        problems.append("roles on an assessment")
    sections = (template.get("definition") or {}).get("sections")
    if not isinstance(sections, list) or not sections:
        return problems + ["no sections"]
    ids = []
    for section in sections:
        ids.append(section.get("id"))
        if not is_text(section.get("title"), 200):
            problems.append(f"section {section.get('id')}: title")
        if not isinstance(section.get("items"), list) or not section["items"]:
            problems.append(f"section {section.get('id')}: no items")
            continue
        for item in section["items"]:
            problems += field_problems(item, f"{section.get('id')}/{item.get('id')}", False)
        ids += [i.get("id") for i in walk(section["items"])]
    for id_ in ids:
        if not isinstance(id_, str) or not ID_RE.fullmatch(id_):
            problems.append(f"bad id {id_!r}")
    duplicates = sorted({i for i in ids if ids.count(i) > 1}, key=repr)
    if duplicates:
        problems.append(f"duplicate ids {duplicates}")
    return problems


TEMPLATES = load_builtin_templates()
BY_KEY = {t["key"]: t for t in TEMPLATES}


def items_of_type(template, kind):
    """Every item of one type in a template."""
    return [i for i in all_items(template) if i.get("type") == kind]


def test_all_five_templates_load_sorted_by_key():
    assert [t["key"] for t in TEMPLATES] == sorted(EXPECTED_KINDS)


def test_every_json_file_is_loaded():
    files = sorted(p.stem for p in TEMPLATE_DIR.glob("*.json"))
    assert files == sorted(EXPECTED_KINDS)
    for path in TEMPLATE_DIR.glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["key"] == path.stem


@pytest.mark.parametrize("key", sorted(EXPECTED_KINDS))
def test_template_obeys_format(key):
    template = BY_KEY[key]
    assert template["kind"] == EXPECTED_KINDS[key]
    assert template["version"] == 1
    assert template_problems(template) == []


def first_item(t):
    """The first item of the first section."""
    return t["definition"]["sections"][0]["items"][0]


def first_repeat(t):
    """The first repeat group of a template."""
    return next(i for i in all_items(t) if i["type"] == "repeat")


def first_rating(t):
    """The first rating item of a template."""
    return next(i for i in all_items(t) if i["type"] == "rating")


def nested_repeat():
    """A repeat group to put inside another one."""
    return {"id": "inner", "type": "repeat", "over": "rows", "label": "x",
            "items": [{"id": "inner_text", "type": "text", "label": "x", "required": False}]}


KORT, MOD_JOB = "progressionskort", "progression-mod-job"
MUTATIONS = [
    ("kind", KORT, lambda t: t.update(kind="form")),
    ("version zero", KORT, lambda t: t.update(version=0)),
    ("version bool", KORT, lambda t: t.update(version=True)),
    ("empty title", KORT, lambda t: t.update(title=" ")),
    ("no source", KORT, lambda t: t.pop("source")),
    ("unknown key", KORT, lambda t: t.update(extra=1)),
    ("roles on assessment", KORT, lambda t: t.update(roles=[])),
    ("unknown type", KORT, lambda t: first_item(t).update(type="slider")),
    ("upper-case id", KORT, lambda t: first_item(t).update(id="Punctuality")),
    ("duplicate id", KORT, lambda t: first_item(t).update(
        id=t["definition"]["sections"][1]["items"][0]["id"])),
    ("section id clashes with item", KORT, lambda t:
        t["definition"]["sections"][0].update(id=first_item(t)["id"])),
    ("level without points", KORT, lambda t: first_item(t)["levels"][0].pop("points")),
    ("level empty label", KORT, lambda t: first_item(t)["levels"][0].update(label="")),
    ("level duplicate value", KORT, lambda t: first_item(t)["levels"][1].update(value=5)),
    ("required not bool", KORT, lambda t: first_item(t).update(required="yes")),
    ("control character", KORT, lambda t: first_item(t).update(label="a\x07")),
    ("empty section", KORT, lambda t: t["definition"]["sections"][0].update(items=[])),
    ("no sections", KORT, lambda t: t["definition"].update(sections=[])),
    ("rating min == max", MOD_JOB, lambda t: first_rating(t).update(min=10)),
    ("rating float", MOD_JOB, lambda t: first_rating(t).update(max=10.0)),
    ("rating without max", MOD_JOB, lambda t: first_rating(t).pop("max")),
    ("repeat over bad", MOD_JOB, lambda t: first_repeat(t).update(over="tasks")),
    ("nested repeat", MOD_JOB, lambda t: first_repeat(t)["items"].append(nested_repeat())),
    ("duplicate id in repeat", MOD_JOB, lambda t:
        first_repeat(t)["items"][1].update(id=first_repeat(t)["id"])),
    ("choice without options", MOD_JOB, lambda t:
        first_repeat(t)["items"][0].update(type="choice")),
    ("agreement without roles", "praktikaftale", lambda t: t.pop("roles")),
    ("optional citizen", "praktikaftale", lambda t: t["roles"][0].update(required=False)),
    ("missing caseworker", "opstartsaftale", lambda t: t["roles"].pop()),
    ("duplicate role", "opstartsaftale", lambda t: t["roles"].append(t["roles"][0])),
]


@pytest.mark.parametrize("name,key,mutate", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_checker_catches_broken_template(name, key, mutate):
    template = copy.deepcopy(BY_KEY[key])
    assert template_problems(template) == []
    mutate(template)
    assert template_problems(template) != [], name


# ------------------------------------------------------------------ progressionskort

def test_progressionskort_has_13_criteria_in_three_groups():
    template = BY_KEY["progressionskort"]
    groups = [
        (s["title"], [i["id"] for i in s["items"] if i["type"] == "level"])
        for s in template["definition"]["sections"]
    ]
    with_levels = [(title, ids) for title, ids in groups if ids]
    assert [title for title, _ in with_levels] == [
        "Personlige kompetencer", "Faglige kompetencer", "Sociale kompetencer",
    ]
    assert [len(ids) for _, ids in with_levels] == [4, 6, 3]
    assert len(items_of_type(template, "level")) == 13


def test_progressionskort_levels_are_five_to_one_with_points():
    for item in items_of_type(BY_KEY["progressionskort"], "level"):
        assert [lv["value"] for lv in item["levels"]] == [5, 4, 3, 2, 1], item["id"]
        points = [lv["points"] for lv in item["levels"]]
        assert all(0 <= p <= 5 for p in points), item["id"]
        # points never rise as the level falls
        assert points == sorted(points, reverse=True), item["id"]


def test_progressionskort_anchor_texts_from_source():
    levels = {i["id"]: i["levels"] for i in items_of_type(BY_KEY["progressionskort"], "level")}
    assert levels["punctuality"][0]["label"] == "Overholder altid mødetider"
    assert levels["attendance"][1]["label"] == "Sygefravær mellem 5 – 10 %"
    assert levels["work_interest"][4]["label"] == "Ønsker ikke arbejde."
    # seed 000 L2370-2390: "Arbejdsydelse" weights 5, 5, 2, 1, 0
    assert [lv["points"] for lv in levels["work_output"]] == [5, 5, 2, 1, 0]
    # seed 000 L2509-2529: Danish weights 5, 4, 3, 3, 0
    assert [lv["points"] for lv in levels["danish"]] == [5, 4, 3, 3, 0]


def test_progressionskort_criteria_are_required():
    levels = items_of_type(BY_KEY["progressionskort"], "level")
    assert [i["id"] for i in levels if not i["required"]] == []


def test_progressionskort_has_special_information_comment():
    comments = items_of_type(BY_KEY["progressionskort"], "longtext")
    assert [c["label"] for c in comments] == ["Særlige oplysninger/hensyn"]
    assert comments[0]["required"] is False


# ------------------------------------------------------------- progressionsvaerktoej

def test_progressionsvaerktoej_repeats_over_work_functions():
    template = BY_KEY["progressionsvaerktoej"]
    repeats = items_of_type(template, "repeat")
    assert len(repeats) == 1
    assert repeats[0]["over"] == "work_functions"
    child_ids = [i["id"] for i in repeats[0]["items"]]
    for id_ in ("start_level", "target_1_level", "target_1_date", "target_2_level",
                "target_2_date", "target_3_level", "target_3_date"):
        assert id_ in child_ids
    # every field of the template is per work function
    assert len(all_items(template)) == 1 + len(repeats[0]["items"])


def test_progressionsvaerktoej_staircase_five_steps_in_order():
    levels = items_of_type(BY_KEY["progressionsvaerktoej"], "level")
    assert [i["id"] for i in levels] == [
        "start_level", "target_1_level", "target_2_level", "target_3_level",
    ]
    for item in levels:
        assert [lv["label"] for lv in item["levels"]] == STAIRCASE
        assert [lv["value"] for lv in item["levels"]] == [1, 2, 3, 4, 5]
        assert all(is_text(lv.get("description"), 500) for lv in item["levels"])
    assert levels[0]["required"] is True
    assert not any(i["required"] for i in levels[1:])


def test_progressionsvaerktoej_has_three_dated_targets():
    dates = [i["id"] for i in items_of_type(BY_KEY["progressionsvaerktoej"], "date")]
    assert [d for d in dates if d.startswith("target_")] == [
        "target_1_date", "target_2_date", "target_3_date",
    ]


# --------------------------------------------------------------- progression-mod-job

def test_progression_mod_job_row_items():
    template = BY_KEY["progression-mod-job"]
    repeats = items_of_type(template, "repeat")
    assert len(repeats) == 1 and repeats[0]["over"] == "rows"
    types = {i["id"]: i["type"] for i in repeats[0]["items"]}
    assert types == {
        "task": "text",
        "employer_rating": "rating",
        "new_hire_rating": "rating",
        "time_spent": "text",
        "needed_for_pay": "longtext",
        "citizen_rating": "rating",
        "agreement": "longtext",
    }
    assert {i["id"] for i in repeats[0]["items"] if i["required"]} == {
        "task", "employer_rating",
    }


def test_progression_mod_job_has_three_ratings_one_to_ten():
    ratings = items_of_type(BY_KEY["progression-mod-job"], "rating")
    assert [r["id"] for r in ratings] == ["employer_rating", "new_hire_rating", "citizen_rating"]
    assert all((r["min"], r["max"]) == (1, 10) for r in ratings)
    assert all("10-pointsskalaen" in r["label"] for r in ratings[:2])


# --------------------------------------------------------------------- agreements

@pytest.mark.parametrize("key,expected", [
    ("opstartsaftale", {
        "start_date": "date", "start_time": "time", "contact_person": "text",
        "tasks_progression": "longtext", "special_considerations": "longtext",
        "illness_contact": "text", "longer_term_plan": "longtext",
        "next_follow_up": "date",
    }),
    ("praktikaftale", {
        "purpose": "longtext", "goal": "longtext", "sub_goals": "longtext",
        "period_start": "date", "period_end": "date", "weekly_schedule": "text",
        "work_functions": "longtext", "special_considerations": "longtext",
        "responsibilities": "longtext", "follow_up_plan": "longtext",
        "next_follow_up": "date", "contingency": "longtext",
        "ordinary_hours": "longtext",
    }),
])
def test_agreement_has_the_domain_fields(key, expected):
    types = {i["id"]: i["type"] for i in all_items(BY_KEY[key])}
    for id_, kind in expected.items():
        assert types.get(id_) == kind, id_
    required = {i["id"] for i in all_items(BY_KEY[key]) if i.get("required")}
    assert "next_follow_up" in required
    assert "special_considerations" not in required


# ---------------------------------------------------------------------- find_template

def test_find_template_matches_kind_key_and_version():
    found = find_template(TEMPLATES, "assessment", "progressionskort", 1)
    assert found is BY_KEY["progressionskort"]
    assert find_template(TEMPLATES, "agreement", "praktikaftale", 1) is BY_KEY["praktikaftale"]


@pytest.mark.parametrize("kind,key,version", [
    ("agreement", "progressionskort", 1),
    ("assessment", "progressionskort", 2),
    ("assessment", "progressionskort", True),
    ("assessment", "progressionskort", "1"),
    ("assessment", "nope", 1),
])
def test_find_template_misses(kind, key, version):
    assert find_template(TEMPLATES, kind, key, version) is None


def test_load_returns_fresh_copies():
    first = load_builtin_templates()
    first[0]["title"] = "changed"
    assert load_builtin_templates()[0]["title"] != "changed"
