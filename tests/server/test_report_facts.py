"""The report facts a record write extracts (server/services/report_facts.py), as a table."""
import uuid
from datetime import date

import pytest

from server.services.report_facts import EMPTY, company_key, facts_for

KEY_OF_E88359DB = "021df3e69d0f29db"  # hashlib.blake2b(id, digest_size=8), computed once

TODAY = date(2026, 3, 10)
ANNE, LIS = "anne-id", "lis-id"

# (type, data, facts before, writer, the facts that are set)
CASES = [
    ("meeting", {"status": "final", "held_at": "2026-03-01T23:30:00Z", "kind": "phone",
                 "company_id": "c"}, {}, ANNE,
     {"rpt_day": date(2026, 3, 2), "rpt_week": "2026-W10", "rpt_kind": "phone",
      "rpt_company_id": "c", "rpt_user_id": ANNE}),
    ("meeting", {"status": "final", "held_at": "2026-03-01T10:00:00+01:00"},
     {"rpt_user_id": ANNE}, LIS,
     {"rpt_day": date(2026, 3, 1), "rpt_week": "2026-W09", "rpt_user_id": ANNE}),
    ("meeting", {"status": "draft", "held_at": "2026-03-01T10:00:00+01:00"},
     {"rpt_user_id": ANNE}, LIS, {}),
    ("meeting", {"status": "final"}, {}, LIS, {"rpt_user_id": LIS}),
    ("company_contact", {"contacted_on": "2026-03-09", "result": "internship",
                         "job_function": "koekken", "positions": 2, "filled": 1,
                         "company_id": "c"}, {}, ANNE,
     {"rpt_day": date(2026, 3, 9), "rpt_week": "2026-W11", "rpt_kind": "internship",
      "rpt_group": "koekken", "rpt_company_id": "c", "rpt_positions": 2, "rpt_filled": 1}),
    ("job_order", {"positions": 3}, {}, ANNE,
     {"rpt_day": TODAY, "rpt_week": "2026-W11", "rpt_kind": "open", "rpt_positions": 3}),
    ("job_order", {"status": "filled", "positions": 3, "filled": 3},
     {"rpt_day": date(2026, 1, 5)}, ANNE,
     {"rpt_day": date(2026, 1, 5), "rpt_week": "2026-W02", "rpt_end_day": TODAY,
      "rpt_kind": "filled", "rpt_positions": 3, "rpt_filled": 3}),
    ("job_order", {"status": "closed"}, {"rpt_day": date(2026, 1, 5),
                                         "rpt_end_day": date(2026, 2, 1)}, ANNE,
     {"rpt_day": date(2026, 1, 5), "rpt_week": "2026-W02", "rpt_end_day": date(2026, 2, 1),
      "rpt_kind": "closed"}),
    ("placement", {"kind": "internship", "start_date": "2026-03-02", "end_date": "2026-03-20",
                   "status": "ended", "outcome": "education"}, {}, ANNE,
     {"rpt_day": date(2026, 3, 2), "rpt_week": "2026-W10", "rpt_kind": "internship",
      "rpt_end_day": date(2026, 3, 20), "rpt_group": "education"}),
    ("placement", {"kind": "internship", "start_date": "2026-03-02", "end_date": "2026-03-20",
                   "status": "active", "outcome": "education"}, {}, ANNE,
     {"rpt_day": date(2026, 3, 2), "rpt_week": "2026-W10", "rpt_kind": "internship"}),
    ("company", {"name": "X", "company_type": "db07_f"}, {}, ANNE, {"rpt_group": "db07_f"}),
    ("job_order", {}, {"rpt_day": date(2026, 1, 5)}, ANNE, {}),
    ("task", {"title": "x"}, {}, ANNE, {}),
]


@pytest.mark.parametrize(("record_type", "data", "before", "writer", "expected"), CASES)
def test_facts_of_a_write(record_type, data, before, writer, expected):
    keyed = ({"rpt_company_key": company_key(expected["rpt_company_id"])}
             if "rpt_company_id" in expected else {})
    assert facts_for(record_type, data, before, writer, TODAY) == {**EMPTY, **expected, **keyed}


def test_the_company_key_is_a_stable_signed_64_bit_blake2b_of_the_id():
    # Stored keys must not change between releases: this is BLAKE2b-64 of the UUID's text.
    assert company_key("e88359db-ea5a-473d-bf6a-e3857d7c6113") == int.from_bytes(
        bytes.fromhex(KEY_OF_E88359DB), "big", signed=True)
    keys = {company_key(str(uuid.UUID(int=n))) for n in range(10_000)}
    assert len(keys) == 10_000
    assert all(-2**63 <= key < 2**63 for key in keys)
