"""Built-in assessment and agreement templates (docs/domain.md, "Templates")."""

from __future__ import annotations

import json
from importlib import resources


def load_builtin_templates() -> list[dict]:
    """Read every built-in template JSON file next to this module, sorted by key."""
    folder = resources.files(__name__)
    templates = []
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            templates.append(json.loads(entry.read_text(encoding="utf-8")))
    return sorted(templates, key=lambda t: (t["key"], t["version"]))


def find_template(templates: list[dict], kind: str, key: str, version: int) -> dict | None:
    """Return the template with this kind, key and version, or None."""
    if isinstance(version, bool) or not isinstance(version, int):
        return None
    for template in templates:
        if (
            template.get("kind") == kind
            and template.get("key") == key
            and template.get("version") == version
        ):
            return template
    return None
