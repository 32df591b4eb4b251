"""The RecordStore contract (sync/ports.py), run on MemoryStore and on SqlStore alike.

The cases live in StoreContract; one subclass per store gives a harness: the ids the store
knows (anne and lis in `team`, bo in `other_team`, one device each) and its commit step.
The memory store commits with `store.commit()`; the SQL store stamps the feed, commits,
begins the next write transaction and takes a new SqlStore, as server/services/sync.py
does. The SQL cases run on SQLite and, with FELTMAPPE_TEST_PG_URL set, on PostgreSQL. The
last test pushes one script through sync.engine on both stores and compares the answers.
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy.exc import IntegrityError

from server.extensions import db
from server.models import Device, User
from server.services.rules import SchemaRules
from sync import engine
from sync.memory_store import MemoryStore
from sync.types import CONFLICT_TYPE, DELETE, UPSERT, Actor, Change, StoredRecord
from tests.server.sync_helpers import company
from tests.sync.model_servers import WriteTransactions

NAMES = ("anne", "lis", "bo")
ENVELOPE_KEYS = ("type", "id", "rev", "deleted", "data", "team_id")
SCRIPT_NAMESPACE = uuid.UUID("5b1f0c3e-2d4a-4e8b-9c7d-1a2b3c4d5e6f")


class ConflictReferencingRules(SchemaRules):
    """SchemaRules that also name a conflict's record as a reference.

    The schemas give conflicts no references; with these rules it is the store itself that
    must leave conflicts out of live_referrers.
    """

    def references(self, record_type, data):
        """The schema's references, plus a conflict's record."""
        refs = super().references(record_type, data)
        if record_type == CONFLICT_TYPE:
            refs.append(("data.record_id", data["record_type"], data["record_id"]))
        return refs


RULES = SchemaRules()
CONTRACT_RULES = ConflictReferencingRules(RULES.templates)


def new_id() -> str:
    """A fresh lower-case UUID."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Ids:
    """The teams, users (by name) and devices (by user name) a store knows."""

    team: str
    other_team: str
    users: dict[str, str]
    devices: dict[str, str]

    def team_of(self, name: str) -> str:
        """bo is in the other team, everyone else in `team`."""
        return self.other_team if name == "bo" else self.team

    def actor(self, name: str) -> Actor:
        """The user acting on their device."""
        return Actor(self.users[name], self.devices[name], self.team_of(name), "consultant")


class MemoryHarness:
    """A MemoryStore; the commit step gives the touched records the next feed number."""

    def __init__(self, ids: Ids, rules: SchemaRules):
        self.ids = ids
        self.store = MemoryStore({ids.users[name]: ids.team_of(name) for name in NAMES})
        self.store.use_references(rules.references)

    def commit(self) -> None:
        """End the transaction."""
        self.store.commit()


class SqlHarness(WriteTransactions):
    """A SqlStore in a write transaction of the app's session, on real users and devices."""

    def __init__(self, users: dict[str, str], rules: SchemaRules):
        self.rules = rules
        teams = {name: db.session.get(User, users[name]).team_id for name in NAMES}
        devices = {name: add_device(users[name]) for name in NAMES}
        db.session.commit()
        self.ids = Ids(teams["anne"], teams["bo"], {n: users[n] for n in NAMES}, devices)
        self.store = self._begin()



def add_device(user_id: str) -> str:
    """A device row for the user (mutation ids belong to devices)."""
    device_id = new_id()
    db.session.add(Device(id=device_id, user_id=user_id, name="contract tablet",
                          token_hash=hashlib.sha256(device_id.encode()).hexdigest()))
    return device_id


def put(h, record_type: str, data: dict, record_id: str | None = None, rev: int = 1,
        deleted: bool = False, name: str = "anne") -> StoredRecord:
    """Write one revision as `name` in their team and return it."""
    record = StoredRecord(record_id or new_id(), record_type, h.ids.team_of(name), rev, deleted,
                          data)
    h.store.write(record, h.ids.actor(name))
    return record


def tombstone(h, record: StoredRecord, rev: int) -> StoredRecord:
    """Write a tombstone of a record at `rev`."""
    return put(h, record.type, {}, record.id, rev, deleted=True)


def meeting(company_id: str) -> dict:
    """Meeting data pointing at a company."""
    return {"company_id": company_id, "kind": "follow_up"}


def pick(envelope: dict) -> dict:
    """The envelope keys both stores give."""
    return {key: envelope[key] for key in ENVELOPE_KEYS}


def feed(h, team: str, seq: int = 0, last_id: str = "", limit: int = 100) -> list[tuple]:
    """(seq, id, rev, deleted, data) of changes_after."""
    return [(s, e["id"], e["rev"], e["deleted"], e["data"])
            for s, e in h.store.changes_after(team, seq, last_id, limit)]


class StoreContract:
    """The contract cases; a subclass gives the `harness` fixture of one store."""

    def test_write_creates_rev_1_that_get_record_returns(self, harness):
        record = put(harness, "company", company())
        assert harness.store.get_record(record.id) == record
        assert harness.store.get_revision(record.id, 1) == (False, company())
        assert harness.store.get_record(new_id()) is None
        harness.commit()
        assert harness.store.get_record(record.id) == record

    def test_rev_2_keeps_rev_1(self, harness):
        first = put(harness, "company", company())
        harness.commit()
        second = put(harness, "company", company(city="Vejle"), first.id, rev=2)
        assert harness.store.get_record(first.id) == second
        assert harness.store.get_revision(first.id, 1) == (False, company())
        assert harness.store.get_revision(first.id, 2) == (False, company(city="Vejle"))
        assert harness.store.get_revision(first.id, 3) is None

    def test_tombstone_keeps_the_newest_live_data(self, harness):
        record = put(harness, "company", company())
        put(harness, "company", company(city="Vejle"), record.id, rev=2)
        harness.commit()
        assert harness.store.last_live_data(record.id) == company(city="Vejle")
        tombstone(harness, record, 3)
        harness.commit()
        assert harness.store.get_record(record.id) == StoredRecord(
            record.id, "company", harness.ids.team, 3, True, {})
        assert harness.store.get_revision(record.id, 3) == (True, {})
        assert harness.store.last_live_data(record.id) == company(city="Vejle")

    def test_prepare_loads_the_named_records_and_notes_the_absent_ones(self, harness):
        kept = put(harness, "company", company())
        harness.commit()
        fresh_id = new_id()
        harness.store.prepare(sorted([kept.id, fresh_id]), [])
        assert harness.store.get_record(kept.id) == kept
        assert harness.store.get_record(fresh_id) is None
        fresh = put(harness, "company", company(name="Ny ApS"), fresh_id)
        edited = put(harness, "company", company(city="Vejle"), kept.id, rev=2)
        assert harness.store.get_record(fresh_id) == fresh
        assert harness.store.get_record(kept.id) == edited
        harness.commit()
        assert [harness.store.get_record(i) for i in (kept.id, fresh_id)] == [edited, fresh]

    def test_known_mutations_are_the_kept_ids_of_that_device(self, harness):
        anne, lis = harness.ids.devices["anne"], harness.ids.devices["lis"]
        result = {"status": "applied", "id": new_id(), "rev": 1}
        assert harness.store.known_mutations(anne, ["m-1", "m-2"]) == {}
        harness.store.record_mutation(anne, "m-1", "fp-1", result)
        assert harness.store.known_mutations(anne, ["m-1", "m-2"]) == {"m-1": ("fp-1", result)}
        assert harness.store.known_mutations(lis, ["m-1"]) == {}, "ids are per device"
        harness.commit()
        assert harness.store.known_mutations(anne, ["m-1"]) == {"m-1": ("fp-1", result)}
        assert harness.store.known_mutations(anne, ["m-2"]) == {}

    def test_a_kept_mutation_id_cannot_be_kept_again(self, harness):
        anne = harness.ids.devices["anne"]
        harness.store.record_mutation(anne, "m-1", "fp-1", {"status": "applied"})
        harness.commit()
        with pytest.raises((ValueError, IntegrityError)):
            harness.store.record_mutation(anne, "m-1", "fp-2", {"status": "merged"})
            harness.commit()

    def test_exists_is_per_team_and_type_and_counts_deleted_records(self, harness):
        ids = harness.ids
        record = put(harness, "company", company())
        assert harness.store.exists(ids.team, "company", record.id)
        assert not harness.store.exists(ids.other_team, "company", record.id)
        assert not harness.store.exists(ids.team, "contact", record.id)
        assert not harness.store.exists(ids.team, "company", new_id())
        tombstone(harness, record, 2)
        harness.commit()
        assert harness.store.exists(ids.team, "company", record.id)

    def test_exists_answers_alike_for_the_records_prepare_looked_up(self, harness):
        ids = harness.ids
        record = put(harness, "company", company())
        theirs = put(harness, "company", company(), name="bo")
        harness.commit()
        absent, created = new_id(), new_id()
        harness.store.prepare([], sorted([record.id, theirs.id, absent, created]))
        assert harness.store.exists(ids.team, "company", record.id)
        assert not harness.store.exists(ids.team, "contact", record.id)
        assert not harness.store.exists(ids.team, "company", theirs.id)
        assert harness.store.exists(ids.other_team, "company", theirs.id)
        assert not harness.store.exists(ids.team, "company", absent)
        assert not harness.store.exists(ids.team, "company", created)
        put(harness, "company", company(), created)
        assert harness.store.exists(ids.team, "company", created)

    def test_user_in_team(self, harness):
        ids = harness.ids
        assert harness.store.user_in_team(ids.team, ids.users["anne"])
        assert harness.store.user_in_team(ids.team, ids.users["lis"])
        assert not harness.store.user_in_team(ids.team, ids.users["bo"])
        assert harness.store.user_in_team(ids.other_team, ids.users["bo"])
        assert not harness.store.user_in_team(ids.team, new_id())

    def test_live_referrers_are_live_team_records_other_than_tasks_and_conflicts(self, harness):
        ids, target = harness.ids, put(harness, "company", company()).id
        live = put(harness, "meeting", meeting(target))
        contact = put(harness, "contact", {"company_id": target, "name": "Mette Holm"})
        tombstone(harness, put(harness, "meeting", meeting(target)), 2)
        put(harness, "task", {"title": "Ring", "related_type": "company", "related_id": target})
        put(harness, CONFLICT_TYPE, {"record_type": "company", "record_id": target,
                                     "reason": "edit", "fields": ["city"], "server_rev": 1})
        theirs = put(harness, "meeting", meeting(target), name="bo")
        put(harness, "meeting", meeting(new_id()))
        harness.commit()
        assert harness.store.live_referrers(ids.team, target) == sorted(
            [("meeting", live.id), ("contact", contact.id)])
        assert harness.store.live_referrers(ids.other_team, target) == [("meeting", theirs.id)]
        tombstone(harness, live, 2)
        assert harness.store.live_referrers(ids.team, target) == [("contact", contact.id)]

    def test_signature_hashes_are_those_of_the_agreement(self, harness):
        agreement = {"placement_id": new_id(), "template_key": "mini", "template_version": 1}
        signed, other = (put(harness, "agreement", agreement).id for _ in range(2))
        for agreement_id, digest in ((signed, "a" * 64), (signed, "b" * 64), (other, "c" * 64)):
            put(harness, "signature", {"agreement_id": agreement_id, "role": "citizen",
                                       "content_sha256": digest})
        harness.commit()
        assert harness.store.signature_hashes(signed) == {"a" * 64, "b" * 64}
        assert harness.store.signature_hashes(other) == {"c" * 64}
        assert harness.store.signature_hashes(new_id()) == set()

    def test_changes_after_pages_the_committed_feed_in_seq_and_id_order(self, harness):
        ids = harness.ids
        early_id, moved_id, late_id = ("f" + new_id()[1:], "8" + new_id()[1:], "0" + new_id()[1:])
        moved = put(harness, "company", company(), moved_id)
        early = put(harness, "company", company(), early_id)
        harness.commit()
        put(harness, "company", company(city="Vejle"), moved_id, rev=2)
        late = put(harness, "company", company(name="Sen ApS"), late_id)
        harness.commit()
        theirs = put(harness, "company", company(), name="bo")
        harness.commit()
        rows = feed(harness, ids.team)
        assert [row[1:] for row in rows] == [
            (early.id, 1, False, company()), (late.id, 1, False, late.data),
            (moved.id, 2, False, company(city="Vejle"))], "by feed number, then id; once each"
        assert rows[0][0] < rows[1][0] == rows[2][0], "one feed number per commit"
        assert feed(harness, ids.team, limit=2) == rows[:2]
        for index, (seq, last_id, *_) in enumerate(rows):
            assert feed(harness, ids.team, seq, last_id) == rows[index + 1:]
        assert [row[1] for row in feed(harness, ids.other_team)] == [theirs.id]

    def test_each_team_numbers_its_own_commits(self, harness):
        ids = harness.ids
        first = put(harness, "company", company(), name="bo")
        harness.commit()
        for _ in range(3):
            put(harness, "company", company())
            harness.commit()
        both = [put(harness, "company", company()), put(harness, "company", company(), name="bo")]
        harness.commit()
        later = put(harness, "company", company(), name="bo")
        harness.commit()
        theirs = {row[1]: row[0] for row in feed(harness, ids.other_team)}
        ours = {row[1]: row[0] for row in feed(harness, ids.team)}
        assert [theirs[first.id], theirs[both[1].id], theirs[later.id]] == [
            theirs[first.id], theirs[first.id] + 1, theirs[first.id] + 2], \
            "the other team's commits take none of this team's numbers"
        assert ours[both[0].id] == max(ours.values()) and len(set(ours.values())) == 4

    def test_envelope_gives_any_kept_revision(self, harness):
        record = put(harness, "company", company())
        put(harness, "company", company(city="Vejle"), record.id, rev=2)
        harness.commit()
        tombstone(harness, record, 3)
        harness.commit()
        first = {"type": "company", "id": record.id, "rev": 1, "deleted": False,
                 "data": company(), "team_id": harness.ids.team}
        assert pick(harness.store.envelope(record.id, 1)) == first
        assert pick(harness.store.envelope(record.id, 2)) == {
            **first, "rev": 2, "data": company(city="Vejle")}
        assert pick(harness.store.envelope(record.id)) == {
            **first, "rev": 3, "deleted": True, "data": {}}

    def test_feed_identity_is_a_stable_pair_and_no_purge_is_known_at_first(self, harness):
        identity = harness.store.feed_identity()
        assert [type(part) for part in identity] == [str, str]
        assert identity[0] and identity[1]
        harness.commit()
        assert harness.store.feed_identity() == identity
        assert harness.store.purges(harness.ids.team, 0) == (0, None)


class TestMemoryStore(StoreContract):
    """The contract on MemoryStore."""

    @pytest.fixture
    def harness(self) -> MemoryHarness:
        """A memory store with made-up teams, users and devices."""
        ids = Ids(new_id(), new_id(), {n: new_id() for n in NAMES}, {n: new_id() for n in NAMES})
        return MemoryHarness(ids, CONTRACT_RULES)


class TestSqlStore(StoreContract):
    """The contract on SqlStore, on every database backend."""

    @pytest.fixture
    def harness(self, users) -> SqlHarness:
        """A SQL store on the test database's users."""
        return SqlHarness(users, CONTRACT_RULES)


def uid(label: str) -> str:
    """A fixed UUID for a name in the script, the same on every store."""
    return str(uuid.uuid5(SCRIPT_NAMESPACE, label))


def upsert(record_type: str, record_id: str, data: dict, base_rev: int, mutation: str) -> Change:
    """An upsert change."""
    return Change(uid(mutation), record_type, record_id, UPSERT, base_rev, data)


def delete(record_type: str, record_id: str, base_rev: int, mutation: str) -> Change:
    """A delete change."""
    return Change(uid(mutation), record_type, record_id, DELETE, base_rev)


CO, MEET = uid("company"), uid("meeting")
SCRIPT = [  # (who pushes, changes, expected (status, rev, fields, problem slug) per change)
    # create, edit, merge, conflict on the same field
    ("anne", [upsert("company", CO, company(), 0, "m1")], [("applied", 1, None, None)]),
    ("anne", [upsert("company", CO, company(city="Vejle"), 1, "m2")],
     [("applied", 2, None, None)]),
    ("lis", [upsert("company", CO, company(phone="11 22 33 44"), 1, "m3"),
             upsert("company", CO, company(city="Kolding"), 1, "m4")],
     [("merged", 3, None, None), ("conflict", 3, ("city",), None)]),
    # a referenced delete; a delete conflict; a tombstone; an edit of the deleted record
    ("anne", [upsert("meeting", MEET, meeting(CO), 0, "m5"), delete("company", CO, 3, "m6")],
     [("applied", 1, None, None), ("rejected", None, None, "referenced")]),
    ("anne", [delete("meeting", MEET, 1, "m7")], [("applied", 2, None, None)]),
    ("lis", [delete("company", CO, 1, "m8")], [("conflict", 3, ("city", "phone"), None)]),
    ("anne", [delete("company", CO, 3, "m9")], [("applied", 4, None, None)]),
    ("lis", [upsert("company", CO, company(city="Odense", phone="11 22 33 44"), 3, "m10")],
     [("conflict", 4, ("city",), None)]),
    # restore from the tombstone, a replay, a reused mutation id, a dangling reference
    ("anne", [upsert("company", CO, company(name="Igen ApS"), 4, "m11"),
              upsert("company", CO, company(), 0, "m1"),
              upsert("company", CO, company(name="Andet ApS"), 0, "m1"),
              upsert("meeting", uid("meeting-2"), meeting(uid("nowhere")), 0, "m12")],
     [("applied", 5, None, None), ("applied", 1, None, None),
      ("rejected", None, None, "mutation-reused"), ("rejected", None, None, "reference")]),
    # one new mutation twice in a push; a record of another team
    ("lis", [upsert("task", uid("task"), {"title": "Ring"}, 0, "m13")] * 2,
     [("applied", 1, None, None), ("applied", 1, None, None)]),
    ("bo", [upsert("company", CO, company(), 5, "m14")],
     [("rejected", None, None, "not-found")]),
]


def records_of(store, result) -> list[dict]:
    """The record at the result's rev and the conflict it made, as the answer shows them."""
    shown = [] if result.rev is None else [pick(store.envelope(result.id, result.rev))]
    if result.conflict_id:
        shown.append(pick(store.envelope(result.conflict_id)))
    return shown


def run_script(h) -> tuple[list, list]:
    """Push the script (one transaction per push): each result with its records, and the feed."""
    answers = []
    for name, changes, _ in SCRIPT:
        answers += [(result, records_of(h.store, result))
                    for result in engine.push(h.store, RULES, h.ids.actor(name), changes)]
        h.commit()
    return answers, feed(h, h.ids.team)


def test_the_engine_answers_the_same_on_both_stores(users):
    sql = SqlHarness(users, RULES)
    memory = MemoryHarness(sql.ids, RULES)
    answers, final_feed = run_script(memory)
    expected = [outcome for _, _, outcomes in SCRIPT for outcome in outcomes]
    assert [(r.status, r.rev, r.fields, r.error and r.error.slug)
            for r, _ in answers] == expected
    assert run_script(sql) == (answers, final_feed)
