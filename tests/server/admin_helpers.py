"""Helpers for the administration tests: an admin's calls and a valid template."""
import copy
import json

from server.builtin_templates import load_builtin_templates
from tests.server.sync_helpers import Device

STRONG = "blå-hest-cykler-hjem"


class Admin(Device):
    """The admin's device, with the admin API's calls."""

    def call(self, method: str, path: str, body=None, status: int | None = None, **query):
        """Call /api/v1/admin/<path>; check the status when given; return the JSON."""
        response = getattr(self.client, method)(f"/api/v1/admin/{path}", json=body,
                                                headers=self.headers, query_string=query)
        if status is not None:
            assert response.status_code == status, response.get_json()
        return response.get_json()

    def change(self, user_id: str, status: int = 200, **changes) -> dict:
        """PATCH a user."""
        return self.call("patch", f"users/{user_id}", changes, status)


def every_item_type() -> dict:
    """A valid assessment template with one item of every type and a repeating group."""
    items = [{"id": kind, "type": kind, "label": f"Felt {kind}", "required": False}
             for kind in ("text", "longtext", "date", "time", "integer", "number", "boolean")]
    items += [
        {"id": "choice", "type": "choice", "label": "Valg", "options": ["ja", "nej"]},
        {"id": "multichoice", "type": "multichoice", "label": "Flere",
         "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]},
        {"id": "level", "type": "level", "label": "Niveau",
         "levels": [{"value": 1, "label": "Lav", "points": 1},
                    {"value": 2, "label": "Høj", "points": 2}]},
        {"id": "rating", "type": "rating", "label": "Karakter", "min": 1, "max": 10},
        {"id": "tasks", "type": "repeat", "label": "Opgaver", "over": "rows",
         "items": [{"id": "task_note", "type": "text", "label": "Note"}]},
    ]
    return {"kind": "assessment", "key": "proeve", "version": 1, "title": "Prøveskema",
            "definition": {"sections": [{"id": "main", "title": "Afsnit", "items": items}]}}


def builtin(key: str, version: int = 1) -> dict:
    """A deep copy of a built-in template."""
    found = next(t for t in load_builtin_templates() if (t["key"], t["version"]) == (key, version))
    return copy.deepcopy(found)


def as_text(value) -> str:
    """JSON text of a value, for searching it."""
    return json.dumps(value, ensure_ascii=False)
