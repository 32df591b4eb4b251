"""The server's fast fingerprint encoder writes exactly the bytes of the engine's own."""
from hypothesis import given, settings
from hypothesis import strategies as st

from server.jsoncodec import sorted_json
from sync.engine import fingerprint
from sync.engine import sorted_json as exact_sorted_json
from sync.types import Change

TEXT = st.text(st.characters(codec=None))  # lone surrogates and control characters too
FLOATS = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [1e-7, 5e-05, 0.0001, 0.00012, 1e15, 1e16, 1.5e300, -0.0, 3.0])
SCALARS = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | FLOATS | TEXT
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(TEXT, inner, max_size=4), max_leaves=20)


@settings(max_examples=500, deadline=None)
@given(value=JSON)
def test_random_json_values_are_written_byte_for_byte_alike(value):
    assert sorted_json(value) == exact_sorted_json(value)


def test_the_numbers_and_texts_where_orjson_writes_otherwise_are_written_alike():
    for value in (1e-7, -5e-05, 1e16, 2**64, float("nan"), float("inf"), "\ud800", "a\x00b",
                  {"null": "nullstilling", "b": [1e-05, {"c": 12.5}]}, {"é": 1, "e": 2}):
        assert sorted_json({"data": value}) == exact_sorted_json({"data": value}), value


def test_a_meetings_fingerprint_is_the_same_with_either_encoder():
    change = Change("m-1", "meeting", "a" * 8, "upsert", 0,
                    {"company_id": "c", "notes_company": "Møde kl. 10:30, æøå ✓",
                     "follow_up": {"attendance": {"attended_hours": 37.5, "norm_hours": 74}}})
    assert fingerprint(change, sorted_json) == fingerprint(change)
    assert sorted_json(change.data) == exact_sorted_json(change.data)
