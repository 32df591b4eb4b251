"""Examples of the reference client: coalescing, frozen changes, rebasing, kept rejections."""
from __future__ import annotations

import itertools

from tests.sync.reference_client import Device

COMPANY = "00000000-0000-0000-0000-0000000000c1"


def envelope(rev: int, data: dict, deleted: bool = False) -> dict:
    """A company envelope as the server sends it."""
    return {"type": "company", "id": COMPANY, "rev": rev, "deleted": deleted, "data": data}


def device_with(rev: int, data: dict) -> Device:
    """A device that pulled the company at `rev`."""
    numbers = itertools.count(1)
    device = Device(lambda: f"m{next(numbers)}")
    device.apply_page({"changes": [envelope(rev, data)], "checkpoint": "c1"})
    return device


def result(change: dict, status: str, rev: int, data: dict) -> dict:
    """A push result for a sent change."""
    return {"mutation_id": change["mutation_id"], "id": change["id"], "status": status,
            "rev": rev, "record": envelope(rev, data)}


def test_unsent_edits_coalesce_and_keep_the_first_base_rev():
    device = device_with(2, {"name": "A", "city": "X"})
    device.edit(COMPANY, "city", "Y")
    device.edit(COMPANY, "name", "B")
    device.edit(COMPANY, "city", "Z")
    assert device.outgoing() == [{"mutation_id": "m1", "type": "company", "id": COMPANY,
                                  "op": "upsert", "base_rev": 2,
                                  "data": {"name": "B", "city": "Z"}}]


def test_a_frozen_change_is_resent_unchanged_and_edits_wait_behind_it():
    device = device_with(1, {"name": "A"})
    device.edit(COMPANY, "name", "B")
    sent = device.outgoing()
    device.edit(COMPANY, "city", "Y")
    assert device.outgoing() == sent
    device.receive([result(sent[0], "applied", 2, {"name": "B"})])
    assert device.outgoing() == [{"mutation_id": "m2", "type": "company", "id": COMPANY,
                                  "op": "upsert", "base_rev": 2,
                                  "data": {"name": "B", "city": "Y"}}]


def test_edits_made_while_frozen_rebase_onto_a_merged_result():
    device = device_with(1, {"name": "A", "knowledge": "a\nb\nc\n"})
    device.edit(COMPANY, "knowledge", "A\nb\nc\n")
    sent = device.outgoing()
    device.edit(COMPANY, "knowledge", "A2\nb\nc\n")
    device.receive([result(sent[0], "merged", 3, {"name": "N", "knowledge": "A\nb\nC\n"})])
    [change] = device.outgoing()
    assert (change["base_rev"], change["data"]) == (3, {"name": "N", "knowledge": "A2\nb\nC\n"})


def test_a_pulled_revision_moves_the_base_when_the_edits_rebase_cleanly():
    device = device_with(1, {"name": "A", "city": "X"})
    device.edit(COMPANY, "city", "Y")
    device.apply_page({"changes": [envelope(2, {"name": "B", "city": "X"})], "checkpoint": "c2"})
    [change] = device.outgoing()
    assert (change["base_rev"], change["data"]) == (2, {"name": "B", "city": "Y"})
    assert device.view(COMPANY).data == {"name": "B", "city": "Y"}


def test_a_unit_that_does_not_rebase_keeps_the_older_base_rev():
    device = device_with(1, {"name": "A", "city": "X"})
    device.edit(COMPANY, "city", "Y")
    device.apply_page({"changes": [envelope(2, {"name": "B", "city": "Z"})], "checkpoint": "c2"})
    [change] = device.outgoing()
    assert (change["base_rev"], change["data"]) == (1, {"name": "A", "city": "Y"})


def test_unsent_edits_are_not_rebased_onto_a_tombstone():
    device = device_with(1, {"name": "A"})
    device.edit(COMPANY, "name", "B")
    device.apply_page({"changes": [envelope(2, {}, deleted=True)], "checkpoint": "c2"})
    [change] = device.outgoing()
    assert (change["base_rev"], change["data"]) == (1, {"name": "B"})


def test_a_pulled_revision_that_is_not_newer_changes_nothing():
    device = device_with(3, {"name": "A"})
    device.apply_page({"changes": [envelope(2, {"name": "old"})], "checkpoint": "c2"})
    assert (device.known[COMPANY].rev, device.view(COMPANY).data) == (3, {"name": "A"})
    assert device.checkpoint == "c2"


def test_a_rejected_delete_is_kept_unsent_until_discarded():
    device = device_with(1, {"name": "A"})
    device.delete(COMPANY)
    [sent] = device.outgoing()
    device.receive([{"mutation_id": sent["mutation_id"], "id": COMPANY, "status": "rejected",
                     "error": {"type": "/problems/referenced", "status": 409}}])
    assert (device.outgoing(), device.view(COMPANY).deleted) == ([], True)
    device.discard(COMPANY)
    assert (device.outbox, device.view(COMPANY).deleted) == ([], False)


def test_deleting_a_record_that_was_never_sent_drops_it():
    device = device_with(1, {"name": "A"})
    device.create("00000000-0000-0000-0000-0000000000c2", "company", {"name": "New"})
    device.delete("00000000-0000-0000-0000-0000000000c2")
    assert (device.outgoing(), list(device.live())) == ([], [COMPANY])


def test_a_delete_goes_behind_the_changes_made_before_it():
    device = device_with(1, {"name": "A"})
    device.edit(COMPANY, "name", "B")
    meeting = {"company_id": COMPANY, "kind": "follow_up"}
    device.create("00000000-0000-0000-0000-0000000000e1", "meeting", meeting)
    device.delete(COMPANY)
    assert [(c["op"], c["type"]) for c in device.outgoing()] == [("upsert", "meeting"),
                                                                  ("delete", "company")]


def test_a_create_stays_before_the_changes_that_reference_it():
    numbers = itertools.count(1)
    device = Device(lambda: f"m{next(numbers)}")
    device.create(COMPANY, "company", {"name": "A"})
    device.create("00000000-0000-0000-0000-0000000000e1", "meeting", {"company_id": COMPANY})
    device.edit(COMPANY, "name", "B")
    assert [c["type"] for c in device.outgoing()] == ["company", "meeting"]
