"""The quick record check says "valid" exactly when the marshmallow schema does."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.schemas.jsontree import strip_nulls
from server.schemas.records import _QUICK, _SCHEMAS, RECORD_SCHEMAS
from tests.server.test_validation_records import FULL, JSON, SAMPLES, _records
from tests.server.validation_fixtures import MINIMAL, put


def _agrees(record_type: str, data: object) -> None:
    """Assert that the quick check and the schema give the same verdict."""
    if not isinstance(data, dict):
        return
    data = strip_nulls(data)
    assert _QUICK[record_type](data) == (not _SCHEMAS[record_type].validate(data)), data


def test_every_record_type_is_compiled():
    assert all(_QUICK[name] is not None for name in RECORD_SCHEMAS)


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
def test_the_full_and_minimal_records_pass_both(record_type):
    for data in (FULL[record_type], MINIMAL[record_type]):
        assert _QUICK[record_type](strip_nulls(data))
        _agrees(record_type, data)


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_random_records_get_the_same_verdict(record_type, data):
    _agrees(record_type, data.draw(_records(record_type)))


def _paths(value: object, prefix: str = "") -> list[str]:
    """Every dotted path into a record (object keys and list indexes)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else []
    found = []
    for key, child in items:
        path = f"{prefix}{key}"
        found += [path] + _paths(child, path + ".")
    return found


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_full_record_with_one_value_replaced_gets_the_same_verdict(record_type, data):
    full = FULL[record_type]
    path = data.draw(st.sampled_from(_paths(full)))
    _agrees(record_type, put(full, path, data.draw(JSON | SAMPLES)))
