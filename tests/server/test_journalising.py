"""Journalising (DOMAIN "Journalising"): journalized_at and journalized_by on meetings,
assessments and agreements are checked like any field; the user must be of the team."""
import pytest

from tests.server.sync_helpers import Device, company, new_id

NOW = "2026-11-23T10:00:00Z"


@pytest.fixture
def meeting(client, users):
    """anne's company and a final meeting there; (device, meeting id, data)."""
    anne = Device(client, "anne")
    company_id = new_id()
    anne.upsert("company", company_id, company())
    data = {"company_id": company_id, "kind": "phone", "status": "final",
            "held_at": NOW, "next_follow_up": "2026-12-01"}
    meeting_id = new_id()
    assert anne.upsert("meeting", meeting_id, data)["status"] == "applied"
    return anne, meeting_id, data


# (journalized_at, journalized_by as a user name or a literal, expected status, wrong field)
CASES = [
    (NOW, "anne", "applied", None),
    (NOW, "lis", "applied", None),
    ("2026-11-23 10:00", "anne", "rejected", "data.journalized_at"),
    (NOW, "bo", "rejected", "data.journalized_by"),
    (NOW, "NOT-A-UUID", "rejected", "data.journalized_by"),
]


@pytest.mark.parametrize(("at", "by", "status", "field"), CASES)
def test_the_mark_is_checked_like_any_field(meeting, users, at, by, status, field):
    anne, meeting_id, data = meeting
    result = anne.upsert("meeting", meeting_id,
                         {**data, "journalized_at": at, "journalized_by": users.get(by, by)},
                         base_rev=1)
    assert result["status"] == status, result
    if field:
        assert field in result["error"]["errors"], result
