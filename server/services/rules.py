"""The record rules the sync engine asks for, backed by the marshmallow schemas and templates."""
from typing import Any

from server.builtin_templates import find_template, load_builtin_templates
from server.schemas.records import (
    canonical_sha256,
    record_references,
    user_references,
    validate_record_data,
)
from sync.units import template_text_units

COVERED_KEYS = ("template_key", "template_version", "content")
TEMPLATE_FIELDS = {"assessment": ("assessment", "answers"), "agreement": ("agreement", "content")}


class SchemaRules:
    """RecordRules over the record schemas and a fixed list of templates."""

    def __init__(self, templates: list[dict] | None = None):
        self.templates = templates if templates is not None else load_builtin_templates()
        self._text_units: dict[tuple, frozenset[str]] = {}
        self.templates_etag = canonical_sha256(self.templates)[:32]

    def find(self, kind: str, key: str, version: int) -> dict | None:
        """The template of this kind, key and version."""
        return find_template(self.templates, kind, key, version)

    def validate(self, record_type: str, data: dict[str, Any]) -> dict[str, list[str]]:
        """Errors keyed `data.<path>`."""
        return validate_record_data(record_type, data, find_template=self.find)

    def references(self, record_type: str, data: dict[str, Any]) -> list[tuple[str, str, str]]:
        """Record references in the data."""
        return record_references(record_type, data)

    def user_references(self, record_type: str, data: dict[str, Any]) -> list[tuple[str, str]]:
        """User references in the data."""
        return user_references(record_type, data)

    def covered_hash(self, agreement_data: dict[str, Any]) -> str:
        """SHA-256 of the canonical covered object {template_key, template_version, content}."""
        covered = {key: agreement_data[key] for key in COVERED_KEYS if key in agreement_data}
        return canonical_sha256(covered)

    def text_units(self, record_type: str, data: dict[str, Any]) -> frozenset[str]:
        """The template longtext units of an assessment or agreement."""
        if record_type not in TEMPLATE_FIELDS:
            return frozenset()
        kind, field = TEMPLATE_FIELDS[record_type]
        template_key, version = data.get("template_key"), data.get("template_version")
        key = (kind, template_key, version)
        if key not in self._text_units:
            template = self.find(kind, template_key, version) \
                if isinstance(template_key, str) and isinstance(version, int) else None
            self._text_units[key] = template_text_units(
                field, template["definition"]) if template else frozenset()
        return self._text_units[key]
