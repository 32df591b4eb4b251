"""Template versions uploaded by an admin: the format check with paths, immutability,
retirement (docs/protocol.md 7, docs/domain.md "Templates")."""
import copy

import pytest

from server.builtin_templates import load_builtin_templates
from server.schemas.template_format import template_problems
from tests.server.admin_helpers import Admin, builtin, every_item_type
from tests.server.sync_helpers import Device, company, new_id


@pytest.fixture
def admin(client, users):
    """The admin's device."""
    return Admin(client, "admin")


ITEMS = "definition.sections.0.items"
ITEM_TYPES = [item["type"] for item in every_item_type()["definition"]["sections"][0]["items"]]


def _without_label(index: int):
    def change(t):
        del t["definition"]["sections"][0]["items"][index]["label"]
    return change


def _set(path: tuple, value):
    def change(t):
        node = t
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return change


SECTION = ("definition", "sections", 0, "items")
# (what is wrong, how to make it wrong, the path the answer names)
BROKEN = [
    *[(f"{kind} without a label", _without_label(i), f"{ITEMS}.{i}.label")
      for i, kind in enumerate(ITEM_TYPES)],
    ("a bad type", _set((*SECTION, 0, "type"), "slider"), f"{ITEMS}.0.type"),
    ("duplicate ids", _set((*SECTION, 1, "id"), "text"), f"{ITEMS}.1.id"),
    ("a group item reusing an id", _set((*SECTION, 11, "items", 0, "id"), "main"),
     f"{ITEMS}.11.items.0.id"),
    ("an unknown key in a level", _set((*SECTION, 9, "levels", 1, "colour"), "rød"),
     f"{ITEMS}.9.levels.1.colour"),
    ("an unknown key in an item", _set((*SECTION, 0, "hint"), "x"), f"{ITEMS}.0.hint"),
    ("a level without a value", _set((*SECTION, 9, "levels", 0), {"label": "Lav"}),
     f"{ITEMS}.9.levels.0.value"),
    ("a choice without options", _set((*SECTION, 7, "options"), []), f"{ITEMS}.7.options"),
    ("a rating whose max is not above min", _set((*SECTION, 10, "max"), 1), f"{ITEMS}.10.max"),
    ("a repeat over something else", _set((*SECTION, 11, "over"), "days"), f"{ITEMS}.11.over"),
    ("a repeat inside a repeat", _set((*SECTION, 11, "items", 0),
                                      {"id": "inner", "type": "repeat", "label": "Indre",
                                       "over": "rows", "items": []}),
     f"{ITEMS}.11.items.0.type"),
    ("an id with capitals", _set(("definition", "sections", 0, "id"), "Main"),
     "definition.sections.0.id"),
    ("no sections", _set(("definition", "sections"), []), "definition.sections"),
    ("version 0", _set(("version",), 0), "version"),
    ("a bad kind", _set(("kind",), "survey"), "kind"),
    ("an agreement without roles", _set(("kind",), "agreement"), "roles"),
    ("an unknown top-level key", _set(("owner",), "x"), "owner"),
]


@pytest.mark.parametrize(("what", "breaks", "path"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_template_is_refused_naming_the_path(admin, what, breaks, path):
    template = every_item_type()
    breaks(template)
    for query in ({"dry_run": "1"}, {}):
        answer = admin.call("post", "templates", template, 400, **query)
        assert answer["type"].endswith("/validation")
        assert path in answer["errors"], (what, answer["errors"])
    assert all(v["key"] != "proeve" for v in admin.call("get", "templates")["versions"])


def test_a_valid_template_with_every_type_is_checked_then_published(admin):
    template = every_item_type()
    assert admin.call("post", "templates", template, 200, dry_run="1")["template"] == template
    assert all(v["key"] != "proeve" for v in admin.call("get", "templates")["versions"])
    assert admin.call("post", "templates", template, 201)["template"] == template
    listed = {(v["key"], v["version"]): v for v in admin.call("get", "templates")["versions"]}
    assert listed[("proeve", 1)]["builtin"] is False
    assert listed[("progressionskort", 1)]["builtin"] is True


@pytest.mark.parametrize("key", ["proeve", "progressionskort"])
def test_an_existing_version_is_never_replaced(admin, key):
    template = every_item_type() if key == "proeve" else builtin(key)
    if key == "proeve":
        admin.call("post", "templates", template, 201)
    changed = {**template, "title": "Ændret"}
    answer = admin.call("post", "templates", changed, 409)
    assert answer["type"].endswith("/validation") and "version" in answer["errors"]


def test_a_key_keeps_its_kind(admin):
    template = {**every_item_type(), "key": "progressionskort", "version": 9}
    template["kind"] = "agreement"
    template["roles"] = [{"role": "citizen", "required": True}]
    assert "kind" in admin.call("post", "templates", template, 400)["errors"]


def _assessment(version: int, placement: str) -> dict:
    return {"placement_id": placement, "template_key": "progressionskort",
            "template_version": version, "assessed_on": "2026-12-01",
            "answers": {"punctuality": 4}}


def test_a_published_version_is_used_and_a_retired_one_still_opens(client, users, admin):
    anne = Device(client, "anne")
    ids = {name: new_id() for name in ("company", "citizen", "placement", "old", "new")}
    anne.upsert("company", ids["company"], company())
    anne.upsert("citizen", ids["citizen"], {"name": "Mette Hansen"})
    anne.upsert("placement", ids["placement"], {
        "citizen_id": ids["citizen"], "company_id": ids["company"], "kind": "internship",
        "start_date": "2026-11-02"})
    assert anne.upsert("assessment", ids["old"], _assessment(1, ids["placement"]))["rev"] == 1
    assert anne.upsert("assessment", ids["new"], _assessment(2, ids["placement"]))[
        "status"] == "rejected"
    second = copy.deepcopy(builtin("progressionskort"))
    second.update(version=2, title="F. Progressionskort (2027)")
    admin.call("post", "templates", second, 201)
    admin.call("patch", "templates/progressionskort/1", {"retired": True}, 200)
    served = client.get("/api/v1/templates", headers=anne.headers).get_json()["templates"]
    state = {t["version"]: t["retired"] for t in served if t["key"] == "progressionskort"}
    assert state == {1: True, 2: False}
    assert anne.upsert("assessment", ids["new"], _assessment(2, ids["placement"]))["rev"] == 1
    old = anne.upsert("assessment", ids["old"], {**_assessment(1, ids["placement"]),
                                                  "answers": {"punctuality": 5}}, base_rev=1)
    assert (old["status"], old["rev"]) == ("applied", 2)
    assert anne.get("assessment", ids["old"]).get_json()["data"]["template_version"] == 1
    admin.call("patch", "templates/progressionskort/1", {"retired": False}, 200)
    admin.call("patch", "templates/progressionskort/7", {"retired": True}, 404)
    actions = [e["action"] for e in admin.call("get", "log")["entries"]]
    assert actions == ["template.restore", "template.retire", "template.publish"]


@pytest.mark.parametrize("template", load_builtin_templates(), ids=lambda t: t["key"])
def test_every_built_in_template_passes_the_upload_check(template):
    assert template_problems(template) == {}
