"""The template format of docs/domain.md "Templates"; every problem is named by its dotted path.

A path starts at the template's root, list positions counted from 0:
`definition.sections.0.items.3.levels.1.colour`. Only the keys the format names are
allowed (at the top, in a section, an item, a level, an option, a signer role). Ids of
sections, items and groups are lower-case ASCII (`[a-z0-9_]+`) and unique in the template;
a repeating group holds fields, never another group; an agreement names its signer roles.
Messages are Danish: the administrator reads them on the upload screen.
"""
import re
from typing import TypeGuard

KINDS = ("assessment", "agreement")
FIELD_TYPES = ("text", "longtext", "date", "time", "integer", "number", "boolean", "choice",
               "multichoice", "level", "rating")
REPEAT_OVER = ("work_functions", "rows")
SIGNER_ROLES = ("citizen", "company", "consultant", "mentor", "caseworker")
ID = re.compile(r"[a-z0-9_]+")
KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TOP_KEYS = {"kind", "key", "version", "title", "definition", "source", "roles"}
SECTION_KEYS = {"id", "title", "items"}
ITEM_KEYS = {"id", "type", "label", "required", "help"}
TYPE_KEYS = {"choice": {"options"}, "multichoice": {"options"}, "level": {"levels"},
             "rating": {"min", "max"}, "repeat": {"over", "items"}}
LEVEL_KEYS = {"value", "label", "points", "description"}
OPTION_KEYS = {"value", "label"}
ROLE_KEYS = {"role", "required"}
MAX_VERSION = 1_000_000


class _Problems:
    """Collects messages by path, and the first path of every id."""

    def __init__(self):
        self.errors: dict[str, list[str]] = {}
        self.ids: dict[str, str] = {}

    def add(self, path: str, message: str) -> None:
        """Record a problem at a path."""
        self.errors.setdefault(path, []).append(message)

    def keys(self, value: dict, allowed: set, path: str) -> None:
        """A problem for every key the format does not name."""
        for key in sorted(set(value) - allowed, key=str):
            self.add(_join(path, key), "er ikke en nøgle, skabelonformatet kender")

    def text(self, value: object, path: str, limit: int, required: bool = True) -> None:
        """A non-empty text within the limit and without control characters."""
        if value is None and not required:
            return
        if not isinstance(value, str) or not value.strip():
            self.add(path, "skal være en tekst, der ikke er tom")
        elif len(value) > limit:
            self.add(path, f"må højst have {limit} tegn")
        elif BAD_CHARS.search(value):
            self.add(path, "indeholder kontroltegn")

    def ident(self, value: object, path: str) -> None:
        """An id that is lower-case ASCII and not used before in the template."""
        if not isinstance(value, str) or ID.fullmatch(value) is None:
            self.add(path, "skal være små bogstaver a–z, cifre eller _")
        elif value in self.ids:
            self.add(path, f"«{value}» er allerede brugt ({self.ids[value]})")
        else:
            self.ids[value] = path


def _join(path: str, part: object) -> str:
    """A child path."""
    return f"{path}.{part}" if path else str(part)


def _is_int(value: object) -> TypeGuard[int]:
    """An integer that is not a boolean."""
    return isinstance(value, int) and not isinstance(value, bool)


def _list(p: _Problems, value: object, path: str) -> list:
    """The value when it is a non-empty list; otherwise a problem and []."""
    if not isinstance(value, list) or not value:
        p.add(path, "skal være en liste, der ikke er tom")
        return []
    return value


def template_problems(template: object) -> dict[str, list[str]]:
    """Every problem of an uploaded template, keyed by path; {} when it is valid."""
    p = _Problems()
    if not isinstance(template, dict):
        return {"body": ["skal være et JSON-objekt"]}
    p.keys(template, TOP_KEYS, "")
    if template.get("kind") not in KINDS:
        p.add("kind", "skal være assessment eller agreement")
    key = template.get("key")
    if not isinstance(key, str) or KEY.fullmatch(key) is None:
        p.add("key", "skal være små bogstaver a–z, cifre, - eller _ (højst 100 tegn)")
    version = template.get("version")
    if not _is_int(version) or not 1 <= version <= MAX_VERSION:
        p.add("version", "skal være et helt tal fra 1")
    p.text(template.get("title"), "title", 200)
    p.text(template.get("source"), "source", 500, required=False)
    _definition(p, template.get("definition"))
    _roles(p, template.get("kind"), template.get("roles"))
    return p.errors


def _definition(p: _Problems, definition: object) -> None:
    """The sections of a definition and their items."""
    if not isinstance(definition, dict):
        p.add("definition", "skal være et objekt med sections")
        return
    p.keys(definition, {"sections"}, "definition")
    for index, section in enumerate(_list(p, definition.get("sections"), "definition.sections")):
        path = f"definition.sections.{index}"
        if not isinstance(section, dict):
            p.add(path, "skal være et objekt")
            continue
        p.keys(section, SECTION_KEYS, path)
        p.ident(section.get("id"), f"{path}.id")
        p.text(section.get("title"), f"{path}.title", 200)
        _items(p, section.get("items"), f"{path}.items", in_group=False)


def _items(p: _Problems, items: object, path: str, in_group: bool) -> None:
    """Each item of a list: a field, or (outside a group) a repeating group."""
    for index, item in enumerate(_list(p, items, path)):
        here = f"{path}.{index}"
        if not isinstance(item, dict):
            p.add(here, "skal være et objekt")
            continue
        kind = item.get("type")
        if kind == "repeat" and in_group:
            p.add(f"{here}.type", "en gentaget gruppe kan ikke ligge i en gentaget gruppe")
        elif kind != "repeat" and kind not in FIELD_TYPES:
            p.add(f"{here}.type", f"«{kind}» er ikke en felttype; brug en af "
                  + ", ".join(FIELD_TYPES + ("repeat",)))
            continue
        p.keys(item, ITEM_KEYS | TYPE_KEYS.get(kind, set()), here)
        p.ident(item.get("id"), f"{here}.id")
        p.text(item.get("label"), f"{here}.label", 1000)
        p.text(item.get("help"), f"{here}.help", 4000, required=False)
        if "required" in item and not isinstance(item["required"], bool):
            p.add(f"{here}.required", "skal være true eller false")
        _typed(p, kind, item, here)


def _typed(p: _Problems, kind: str, item: dict, path: str) -> None:
    """The members a field type needs: options, levels, a range, or a group's items."""
    if kind in ("choice", "multichoice"):
        _choices(p, item.get("options"), f"{path}.options", OPTION_KEYS, points=False)
    elif kind == "level":
        _choices(p, item.get("levels"), f"{path}.levels", LEVEL_KEYS, points=True)
    elif kind == "rating":
        low, high = item.get("min"), item.get("max")
        for name, value in (("min", low), ("max", high)):
            if not _is_int(value):
                p.add(f"{path}.{name}", "skal være et helt tal")
        if _is_int(low) and _is_int(high) and low >= high:
            p.add(f"{path}.max", "skal være større end min")
    elif kind == "repeat":
        if item.get("over") not in REPEAT_OVER:
            p.add(f"{path}.over", "skal være work_functions eller rows")
        _items(p, item.get("items"), f"{path}.items", in_group=True)


def _choices(p: _Problems, choices: object, path: str, allowed: set, points: bool) -> None:
    """Options (plain values or {value, label}) or levels ({value, label, points})."""
    seen = set()
    for index, choice in enumerate(_list(p, choices, path)):
        here = f"{path}.{index}"
        if not isinstance(choice, dict):
            if points or not isinstance(choice, str | int) or isinstance(choice, bool):
                p.add(here, "skal være et objekt med value og label" if points
                      else "skal være en tekst, et tal eller et objekt med value og label")
                continue
            choice = {"value": choice, "label": str(choice)}
        p.keys(choice, allowed, here)
        value = choice.get("value")
        if not isinstance(value, str | int) or isinstance(value, bool):
            p.add(f"{here}.value", "skal være en tekst eller et helt tal")
        elif value in seen:
            p.add(f"{here}.value", f"«{value}» er allerede brugt")
        else:
            seen.add(value)
        p.text(choice.get("label"), f"{here}.label", 1000)
        p.text(choice.get("description"), f"{here}.description", 4000, required=False)
        score = choice.get("points", 0)
        if not isinstance(score, int | float) or isinstance(score, bool):
            p.add(f"{here}.points", "skal være et tal")


def _roles(p: _Problems, kind: object, roles: object) -> None:
    """An agreement's signer roles; an assessment has none."""
    if kind != "agreement":
        if roles is not None:
            p.add("roles", "kun en aftale har underskrivere")
        return
    seen = set()
    for index, role in enumerate(_list(p, roles, "roles")):
        here = f"roles.{index}"
        if not isinstance(role, dict):
            p.add(here, "skal være et objekt med role og required")
            continue
        p.keys(role, ROLE_KEYS, here)
        if role.get("role") not in SIGNER_ROLES or role.get("role") in seen:
            p.add(f"{here}.role", "skal være en af " + ", ".join(SIGNER_ROLES) + ", én gang")
        seen.add(str(role.get("role")))
        if not isinstance(role.get("required"), bool):
            p.add(f"{here}.required", "skal være true eller false")
