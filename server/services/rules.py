"""The record rules the sync engine asks for, backed by the marshmallow schemas and templates."""
from typing import Any

from server.builtin_templates import find_template, load_builtin_templates
from server.default_lists import DEFAULT_LISTS
from server.schemas.records import (
    canonical_sha256,
    record_references,
    user_references,
    validate_record_data,
)
from sync.units import template_text_units

COVERED_KEYS = ("template_key", "template_version", "content")
TEMPLATE_FIELDS = {"assessment": ("assessment", "answers"), "agreement": ("agreement", "content")}
# Fields whose value is an id of one of the job centre's lists (docs/domain.md "Lists"); an
# empty value means "not given". Retired ids stay valid: old records keep their label.
LIST_FIELDS = {("company", "company_type"): "company_types",
               ("company_contact", "job_function"): "job_functions"}


class SchemaRules:
    """RecordRules over the record schemas, a fixed list of templates and the job centre's lists."""

    def __init__(self, templates: list[dict] | None = None,
                 lists: dict[str, list[dict]] | None = None):
        self.templates = templates if templates is not None else load_builtin_templates()
        self.list_ids = {key: {item["id"] for item in items}
                         for key, items in (lists if lists is not None else DEFAULT_LISTS).items()}
        self._text_units: dict[tuple, frozenset[str]] = {}
        self.templates_etag = canonical_sha256(self.templates)[:32]

    def find(self, kind: str, key: str, version: int) -> dict | None:
        """The template of this kind, key and version."""
        return find_template(self.templates, kind, key, version)

    def validate(self, record_type: str, data: dict[str, Any]) -> dict[str, list[str]]:
        """Errors keyed `data.<path>`."""
        errors = validate_record_data(record_type, data, find_template=self.find)
        for (list_type, field), key in LIST_FIELDS.items():
            value = data.get(field) if list_type == record_type else None
            if value and isinstance(value, str) and value not in self.list_ids.get(key, ()):
                errors.setdefault(f"data.{field}", []).append(
                    f"must be an id of the job centre's {key} list")
        return errors

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
