"""Field rules of record data (docs/domain.md "Values" and "Record types"), one table per rule."""
from __future__ import annotations

from datetime import date
from itertools import chain

import pytest

from server.schemas.formats import cpr_birth_date
from tests.server.validation_fixtures import ITEM_IDS, MINIMAL, U1, check, put, rule

STRING = "must be a string"
DATE = "must be a real date written YYYY-MM-DD"
DATE_TIME = "must be an RFC 3339 date-time with an offset (Z or +hh:mm)"
UUID = "must be a lower-case UUID"
CVR = "must be 8 digits with a valid check digit"
CPR = "must be DDMMYY-SSSS with a real date of birth"
POSTCODE = "must be 4 digits"
EMAIL = "must be an e-mail address"
PHONE = "must be a phone number: digits, spaces, +, - and parentheses, at most 30 characters"
WEBSITE = "must be a web address such as https://example.dk"
INTEGER = "must be an integer"
NUMBER = "must be a number"
FINITE = "must be a finite number"
SAFE = "must be between -9007199254740991 and 9007199254740991"
DECIMALS = "must have at most 2 decimals"
BOOLEAN = "must be true or false"
ONE_OF = "must be one of: "
CONTROL = "must not contain control characters other than tab, line feed and carriage return"
SURROGATE = "must not contain lone surrogates"
REQUIRED = "is required"
EMPTY = "must not be empty"
LIST = "must be a list"
OBJECT = "must be an object"
REPEATS = "must not repeat a value"
UNIQUE = "must be unique in the list"
NULL = "must not be null"
MAX_SAFE = 2**53 - 1


def longer(limit: int) -> str:
    """The message for a string over `limit` characters."""
    return f"must be at most {limit} characters"


def compact(record_type, path, good, bad, message):
    """One valid and one invalid value for a field that shares a rule tabled in full elsewhere."""
    return rule(record_type, path, {"sample": good}, {"sample": (bad, message)})


def lengths(fields: list[str], limit: int):
    """The length boundary of each field: `limit` characters pass, one more fails."""
    for field in fields:
        record_type, path = field.split(".", 1)
        yield from rule(record_type, path, {f"{limit}-chars": "æ" * limit},
                        {f"{limit + 1}-chars": ("æ" * (limit + 1), longer(limit))})


VALID_CVRS = {"novo-nordisk": "24256790", "computed-12345674": "12345674",
              "computed-10150817": "10150817", "computed-10000009": "10000009"}
CVRS = rule("company", "cvr", VALID_CVRS, {
    "wrong-check-digit": ("24256791", CVR), "off-by-one-digit": ("12345675", CVR),
    "7-digits": ("1234567", CVR), "9-digits": ("242567900", CVR),
    "letter": ("2425679A", CVR), "country-prefix": ("DK24256790", CVR),
    "spaces": ("24 25 67 90", CVR), "as-number": (24256790, STRING), "empty": ("", CVR),
})

CPRS = rule("citizen", "cpr", {
    "1990": "010190-1234", "leap-1996": "290296-1234", "leap-2000-by-4": "290200-4321",
    "leap-2000-by-9": "290200-9321", "leap-2000-by-5": "290200-5321",
    "leap-1860-by-6": "290260-6321", "leap-2036-by-4": "290236-4321",
    "leap-2056-by-7": "290256-7321", "30-april": "300490-1234", "31-december": "311299-3999",
    "no-modulus-11": "010101-0001",
}, {
    "non-leap-1997": ("290297-1234", CPR), "1900-not-leap-by-2": ("290200-2321", CPR),
    "1937-not-leap-by-4": ("290237-4321", CPR), "1997-not-leap-by-9": ("290297-9321", CPR),
    "1858-not-leap-by-5": ("290258-5321", CPR), "31-april": ("310490-1234", CPR),
    "31-june": ("310690-1234", CPR), "31-september": ("310990-1234", CPR),
    "31-november": ("311190-1234", CPR), "day-32": ("320190-1234", CPR),
    "month-13": ("011390-1234", CPR), "day-0": ("000190-1234", CPR),
    "no-dash": ("0101901234", CPR), "space": ("010190 1234", CPR),
    "3-digit-serial": ("010190-123", CPR), "5-digit-serial": ("010190-12345", CPR),
    "letters": ("ab0190-1234", CPR), "as-number": (101901234, STRING),
})

POSTCODES = rule("company", "postcode", {"copenhagen": "2100", "leading-zero": "0800"}, {
    "3-digits": ("210", POSTCODE), "5-digits": ("21000", POSTCODE),
    "prefixed": ("DK-2100", POSTCODE), "space": ("21 00", POSTCODE),
    "as-number": (2100, STRING), "empty": ("", POSTCODE),
})

EMAILS = chain(rule("company", "email", {
    "plain": "anne@example.dk", "plus-and-dots": "anne.hansen+job@kommune.dk",
    "danish-letters": "søren@æble.dk", "254-chars": "a" * 243 + "@example.dk",
}, {
    "no-at": ("anne", EMAIL), "no-domain": ("anne@", EMAIL), "no-local": ("@example.dk", EMAIL),
    "space": ("anne hansen@example.dk", EMAIL), "no-dot": ("anne@example", EMAIL),
    "two-ats": ("anne@@example.dk", EMAIL), "255-chars": ("a" * 244 + "@example.dk", longer(254)),
}), compact("contact", "email", "m@b.dk", "m.b.dk", EMAIL),
    compact("citizen", "email", "ali@mail.dk", "ali@", EMAIL),
    compact("citizen", "caseworker_email", "sb@kommune.dk", "kommune.dk", EMAIL))

PHONES = chain(rule("company", "phone", {
    "spaced": "+45 12 34 56 78", "parentheses": "(+45) 1234-5678", "plain": "12345678",
    "30-chars": "1" * 30,
}, {
    "31-chars": ("1" * 31, PHONE), "letters": ("12 34 ab", PHONE), "no-digit": ("+", PHONE),
    "dots": ("12.34.56.78", PHONE), "as-number": (12345678, STRING),
}), compact("contact", "phone", "33 12 34 56", "tlf 33", PHONE),
    compact("contact", "mobile", "+4520304050", "20/30/40/50", PHONE),
    compact("citizen", "phone", "20 30 40 50", "ring", PHONE))

WEBSITES = rule("company", "website", {
    "https": "https://bager-hansen.dk", "www": "www.bager-hansen.dk",
    "path-and-query": "bager-hansen.dk/job?id=1", "port-and-idn": "HTTP://bøger.dk:8080/",
}, {
    "words": ("bager hansen", WEBSITE), "scheme-only": ("https://", WEBSITE),
    "no-dot": ("localhost", WEBSITE), "ftp": ("ftp://bager.dk", WEBSITE),
    "mailto": ("mailto:a@b.dk", WEBSITE),
})

DATES = chain(rule("placement", "start_date", {
    "plain": "2025-01-05", "leap-day": "2024-02-29", "leap-2000": "2000-02-29",
}, {
    "30-february": ("2025-02-30", DATE), "29-february-non-leap": ("2023-02-29", DATE),
    "29-february-1900": ("1900-02-29", DATE), "31-april": ("2025-04-31", DATE),
    "month-13": ("2025-13-01", DATE), "year-0": ("0000-01-01", DATE),
    "one-digit-month": ("2025-1-05", DATE), "danish-order": ("05-01-2025", DATE),
    "date-time": ("2025-01-05T10:00:00Z", DATE), "slashes": ("2025/01/05", DATE),
    "fullwidth-digits": ("２０２５-０１-０５", DATE), "as-number": (20250105, STRING),
}), *(compact(t, p, "2025-06-30", "2025-06-31", DATE) for t, p in [
    ("placement", "end_date"), ("placement", "hours.0.from_date"),
    ("meeting", "next_follow_up"), ("meeting", "agreements.0.due_date"),
    ("meeting", "follow_up.attendance.period_start"), ("assessment", "assessed_on"),
    ("job_order", "start_date"), ("job_order", "deadline"), ("job_order", "log.0.date"),
    ("task", "due_date"), ("company_contact", "contacted_on")]))

DATE_TIMES = chain(rule("meeting", "held_at", {
    "utc": "2025-03-01T09:30:00Z", "offset": "2025-03-01T09:30:00+01:00",
    "fraction-negative-offset": "2025-03-01T09:30:00.123-05:30",
    "lower-case-t-and-z": "2025-03-01t09:30:00z", "leap-day": "2024-02-29T23:59:59+02:00",
}, {
    "no-offset": ("2025-03-01T09:30:00", DATE_TIME),
    "space-separator": ("2025-03-01 09:30:00Z", DATE_TIME),
    "no-seconds": ("2025-03-01T09:30Z", DATE_TIME),
    "date-only": ("2025-03-01", DATE_TIME),
    "30-february": ("2025-02-30T09:30:00Z", DATE_TIME),
    "hour-24": ("2025-03-01T24:00:00Z", DATE_TIME),
    "minute-60": ("2025-03-01T09:60:00Z", DATE_TIME),
    "second-60": ("2025-03-01T09:30:60Z", DATE_TIME),
    "offset-without-colon": ("2025-03-01T09:30:00+0100", DATE_TIME),
    "offset-24-hours": ("2025-03-01T09:30:00+24:00", DATE_TIME),
    "epoch-number": (1740821400, STRING),
}), *(compact(t, p, "2025-03-01T09:30:00+01:00", "2025-03-01T09:30:00", DATE_TIME)
      for t, p in [("meeting", "scheduled_at"), ("signature", "signed_at"),
                   ("conflict", "resolved_at")]))

UUIDS = chain(rule("contact", "company_id", {
    "v4": U1, "nil": "00000000-0000-0000-0000-000000000000",
}, {
    "upper-case": (U1.upper(), UUID), "braces": ("{" + U1 + "}", UUID),
    "no-dashes": (U1.replace("-", ""), UUID), "urn": ("urn:uuid:" + U1, UUID),
    "short": (U1[:-1], UUID), "as-number": (42, STRING), "empty": ("", UUID),
}), *(compact(t, p, ITEM_IDS[2], ITEM_IDS[2].upper(), UUID) for t, p in [
    ("company", "responsible_user_id"), ("placement", "citizen_id"),
    ("placement", "company_id"), ("placement", "contact_id"), ("placement", "mentor_id"),
    ("meeting", "company_id"), ("meeting", "placement_id"),
    ("meeting", "participants.0.contact_id"), ("assessment", "placement_id"),
    ("agreement", "placement_id"), ("agreement", "replaces_id"),
    ("signature", "agreement_id"), ("job_order", "company_id"), ("job_order", "contact_id"),
    ("job_order", "log.0.user_id"), ("task", "assignee_id"), ("conflict", "record_id"),
    ("conflict", "client_user_id")]))

INTEGERS = chain(rule("company", "employees", {
    "zero": 0, "some": 12, "integral-float": 3.0, "max-safe": MAX_SAFE,
}, {
    "negative": (-1, "must be at least 0"), "fraction": (1.5, INTEGER),
    "true": (True, INTEGER), "false": (False, INTEGER), "string": ("12", INTEGER),
    "above-safe": (MAX_SAFE + 1, SAFE), "below-safe": (-MAX_SAFE - 1, SAFE),
    "huge-float": (1e20, SAFE), "nan": (float("nan"), INTEGER),
    "infinity": (float("inf"), INTEGER),
}), compact("meeting", "duration_minutes", 90, -5, "must be at least 0"),
    rule("job_order", "positions", {"one": 1, "many": 40},
         {"zero": (0, "must be at least 1"), "bool": (True, INTEGER)}),
    compact("job_order", "filled", 0, -1, "must be at least 0"),
    compact("company_contact", "filled", 0, 1.5, INTEGER),
    compact("team_goal", "target", 400, -1, "must be at least 0"),
    compact("assessment", "template_version", 1, 0, "must be at least 1"),
    compact("conflict", "server_rev", 7, 2.5, INTEGER),
    compact("conflict", "client_base_rev", 0, -1, "must be at least 0"))

HOURS = chain(rule("job_order", "hours_per_week", {
    "whole": 37, "half": 37.5, "quarter": 7.25, "zero": 0, "cent": 0.01, "max-safe": MAX_SAFE,
}, {
    "3-decimals": (7.125, DECIMALS), "tiny": (0.001, DECIMALS),
    "negative": (-1, "must be at least 0"), "negative-half": (-0.5, "must be at least 0"),
    "true": (True, NUMBER), "string": ("37", NUMBER), "nan": (float("nan"), FINITE),
    "infinity": (float("inf"), FINITE), "above-safe": (MAX_SAFE + 1, SAFE),
}), *(compact(t, p, 12.5, 12.505, DECIMALS) for t, p in [
    ("meeting", "follow_up.attendance.attended_hours"),
    ("meeting", "follow_up.attendance.norm_hours"),
    ("placement", "hours.0.internship_hours"), ("placement", "hours.0.paid_hours")]),
    compact("signature", "width", 320.125, -1, "must be at least 0"),
    compact("signature", "height", 0, "240", NUMBER))

BOOLEANS = chain(rule("contact", "is_primary", {"true": True, "false": False}, {
    "one": (1, BOOLEAN), "zero": (0, BOOLEAN), "string": ("true", BOOLEAN),
    "danish": ("ja", BOOLEAN),
}), *(compact(t, p, False, 1, BOOLEAN) for t, p in [
    ("task", "done"), ("meeting", "follow_up.ordinary_hours_discussed"),
    ("meeting", "agreements.0.done"), ("conflict", "resolved")]))

ENUMS = chain.from_iterable(
    rule(t, p, {word: word}, {"capitalised": (word.capitalize(), ONE_OF),
                              "danish": (danish, ONE_OF), "empty": ("", ONE_OF),
                              "number": (1, STRING)})
    for t, p, word, danish in [
        ("company", "status", "active", "aktiv"), ("contact", "role", "hr", "personale"),
        ("citizen", "target_group", "kontanthjaelp", "kontanthjælp"),
        ("placement", "kind", "igu", "praktik"), ("placement", "status", "ended", "afsluttet"),
        ("placement", "outcome", "ordinary_job", "job"),
        ("meeting", "kind", "tripartite", "trepart"), ("meeting", "status", "draft", "kladde"),
        ("assessment", "assessor_role", "mentor", "virksomhed"),
        ("assessment", "status", "draft", "udkast"), ("agreement", "status", "void", "annulleret"),
        ("signature", "role", "caseworker", "borger"), ("signature", "method", "typed", "skrevet"),
        ("job_order", "hours_type", "shift", "fuldtid"),
        ("job_order", "candidate_delivery", "via_jobcentre", "cv-er"),
        ("job_order", "status", "filled", "besat"),
        ("task", "related_type", "placement", "forløb"),
        ("company_contact", "result", "internship", "praktikplads"),
        ("company_contact", "channel", "phone", "telefon"),
        ("team_goal", "indicator", "company_contacts", "kontakter"),
        ("conflict", "reason", "deleted", "slettet"), ("conflict", "record_type", "task", "sag"),
    ])

WORD_LISTS = chain.from_iterable(
    rule(t, p, {"two": words, "empty": []}, {
        "repeated": ([words[0], words[0]], REPEATS), "string": (words[0], LIST),
        "object": ({"a": words[0]}, LIST),
    }) for t, p, words in [
        ("company", "interests", ["mentor", "flex_job"]),
        ("meeting", "themes_covered", ["company", "campaigns"]),
        ("job_order", "offers", ["ordinary", "internship"])])
WORD_ITEMS = chain.from_iterable(
    rule(t, p, {}, {"unknown-word": ([word, "other"], ONE_OF), "null": ([word, None], NULL)},
         at=f"{p}.1") for t, p, word in [
        ("company", "interests", "mentor"), ("meeting", "themes_covered", "offers"),
        ("job_order", "offers", "flex_job")])

ITEM_LISTS = chain.from_iterable(chain(
    rule(t, p, {"two-items": [{"id": ITEM_IDS[0]}, {"id": ITEM_IDS[1]}], "empty": []},
         {"not-a-list": ({"id": ITEM_IDS[0]}, LIST)}),
    rule(t, p, {}, {"duplicate-id": ([{"id": ITEM_IDS[0]}, {"id": ITEM_IDS[0]}], UNIQUE)},
         at=f"{p}.1.id"),
    rule(t, p, {}, {"number-id": ([{"id": "1"}], UUID), "upper-case-id": (
        [{"id": ITEM_IDS[0].upper()}], UUID), "missing-id": ([{"text": "x"}], REQUIRED)},
         at=f"{p}.0.id"),
    rule(t, p, {}, {"string-item": (["x"], OBJECT), "null-item": ([None], NULL)}, at=f"{p}.0"),
) for t, p in [("meeting", "participants"), ("meeting", "agreements"),
               ("placement", "work_functions"), ("placement", "hours"), ("job_order", "log")])

TEXTS = chain(rule("company", "name", {
    "plain": "Bager Hansen ApS", "danish": "Ærø Æbleri & Søn", "emoji": "Kaffe ☕ 😀",
    "tab": "a\tb",
}, {
    "nul": ("a\x00b", CONTROL), "bell": ("a\x07b", CONTROL), "escape": ("\x1b[31m", CONTROL),
    "delete": ("a\x7fb", CONTROL), "c1-next-line": ("a\x85b", CONTROL),
    "lone-high-surrogate": ("a\ud800b", SURROGATE),
    "lone-low-surrogate": ("\udc00", SURROGATE), "empty": ("", EMPTY),
    "number": (5, STRING), "list": (["a"], STRING),
}), rule("company", "knowledge", {"line-ends-and-tabs": "linje 1\nlinje 2\r\n\tindrykket"},
         {"nul": ("a\x00", CONTROL), "vertical-tab": ("a\x0bb", CONTROL),
          "surrogate": ("\udfff", SURROGATE)}),
    compact("company", "city", "", "\x00", CONTROL),
    compact("meeting", "agreements.0.text", "Ali ringer", "\ud83d", SURROGATE),
    rule("job_order", "requirements_nice", {"sample": ["Kørekort B"]},
         {"nul": (["Kørekort\x00"], CONTROL)}, at="requirements_nice.0"))

LENGTHS = chain(
    lengths(["company.name", "contact.name", "contact.title", "citizen.name",
             "citizen.caseworker_name", "job_order.title", "task.title", "signature.signer_name",
             "meeting.participants.0.name", "placement.work_functions.0.name"], 200),
    lengths(["company.address", "company.city", "company.industry", "meeting.location",
             "meeting.participants.0.role", "meeting.agreements.0.responsible",
             "citizen.job_goals.a", "citizen.job_goals.b", "citizen.job_goals.c"], 500),
    rule("job_order", "requirements_must", {"500-chars": ["x" * 500]},
         {"501-chars": (["x" * 501], longer(500))}, at="requirements_must.0"),
    lengths(["company.knowledge", "citizen.special_considerations", "placement.purpose",
             "placement.goals", "placement.work_functions.0.tasks", "meeting.purpose",
             "meeting.agenda", "meeting.notes_citizen", "meeting.notes_company",
             "meeting.follow_up.tasks", "meeting.follow_up.works_well",
             "meeting.follow_up.difficult", "meeting.follow_up.adjustments",
             "meeting.agreements.0.text", "assessment.comment", "job_order.description",
             "job_order.professional_qualifications", "job_order.personal_qualifications",
             "job_order.log.0.text"], 100_000))

NESTED_OBJECTS = chain.from_iterable(
    rule(t, p, {"empty": {}}, {"string": ("x", OBJECT), "list": ([], OBJECT)})
    for t, p in [("citizen", "job_goals"), ("meeting", "follow_up"),
                 ("meeting", "follow_up.attendance"), ("assessment", "answers"),
                 ("agreement", "content"), ("conflict", "base")])

FIELD_RULES = list(chain(CVRS, CPRS, POSTCODES, EMAILS, PHONES, WEBSITES, DATES, DATE_TIMES,
                         UUIDS, INTEGERS, HOURS, BOOLEANS, ENUMS, WORD_LISTS, WORD_ITEMS,
                         ITEM_LISTS, TEXTS, LENGTHS, NESTED_OBJECTS))


@pytest.mark.parametrize("record_type, path, value, at, message", FIELD_RULES)
def test_field_rule(record_type, path, value, at, message):
    """Each value passes or fails its field's rule with exactly one plain-English message."""
    errors = check(record_type, put(MINIMAL[record_type], path, value))
    if message is None:
        assert errors == {}
    else:
        assert list(errors) == [f"data.{at}"]
        assert len(errors[f"data.{at}"]) == 1
        assert errors[f"data.{at}"][0].startswith(message)


@pytest.mark.parametrize("cvr", VALID_CVRS.values(), ids=VALID_CVRS.keys())
def test_valid_cvr_examples_have_a_weighted_sum_divisible_by_11(cvr):
    """The valid CVR numbers of the table are computed, not guessed."""
    assert sum(int(d) * w for d, w in zip(cvr, (2, 7, 6, 5, 4, 3, 2, 1))) % 11 == 0


@pytest.mark.parametrize("cpr, born", [
    pytest.param("010190-0123", date(1990, 1, 1), id="0-1900s"),
    pytest.param("010190-3123", date(1990, 1, 1), id="3-1900s"),
    pytest.param("010136-4123", date(2036, 1, 1), id="4-yy36-2000s"),
    pytest.param("010137-4123", date(1937, 1, 1), id="4-yy37-1900s"),
    pytest.param("010136-9123", date(2036, 1, 1), id="9-yy36-2000s"),
    pytest.param("010137-9123", date(1937, 1, 1), id="9-yy37-1900s"),
    pytest.param("010157-5123", date(2057, 1, 1), id="5-yy57-2000s"),
    pytest.param("010158-5123", date(1858, 1, 1), id="5-yy58-1800s"),
    pytest.param("010100-6123", date(2000, 1, 1), id="6-yy00-2000s"),
    pytest.param("010157-8123", date(2057, 1, 1), id="8-yy57-2000s"),
    pytest.param("010158-8123", date(1858, 1, 1), id="8-yy58-1800s"),
    pytest.param("290200-2123", None, id="29-feb-1900"),
    pytest.param("290200-4123", date(2000, 2, 29), id="29-feb-2000"),
    pytest.param("0101901234", None, id="no-dash"),
])
def test_cpr_century_follows_the_seventh_digit(cpr, born):
    """The century of a CPR number follows its 7th digit and its year."""
    assert cpr_birth_date(cpr) == born


REQUIRED_FIELDS = {
    "company": ["name"], "contact": ["company_id", "name"], "citizen": ["name"],
    "placement": ["citizen_id", "company_id", "kind", "start_date"],
    "meeting": ["company_id", "kind"],
    "assessment": ["placement_id", "template_key", "template_version", "assessed_on"],
    "agreement": ["placement_id", "template_key", "template_version"],
    "signature": ["agreement_id", "role", "signer_name", "signed_at", "content",
                  "content_sha256"],
    "job_order": ["company_id", "title"], "task": ["title"],
    "conflict": ["record_type", "record_id", "reason", "fields", "server_rev"],
}


@pytest.mark.parametrize("record_type, field, absent", [
    pytest.param(t, f, absent, id=f"{t}.{f}-{'missing' if absent else 'null'}")
    for t, fields in REQUIRED_FIELDS.items() for f in fields for absent in (True, False)])
def test_required_field(record_type, field, absent):
    """A `*` field that is missing, or null (which means absent), is required."""
    data = dict(MINIMAL[record_type])
    if absent:
        del data[field]
    else:
        data[field] = None
    assert check(record_type, data) == {f"data.{field}": [REQUIRED]}


@pytest.mark.parametrize("record_type", sorted(MINIMAL))
def test_minimal_record_is_valid_and_optional_nulls_mean_absent(record_type):
    """Only `*` fields are required; null for an optional field is no value."""
    assert check(record_type, MINIMAL[record_type]) == {}
    assert check(record_type, {**MINIMAL[record_type], "status": None, "extra": None}) == {}


def test_required_fields_of_nested_items_are_only_their_ids():
    """An item of a list needs only its id; every other item field is optional."""
    data = put(MINIMAL["meeting"], "agreements", [{"id": U1}])
    assert check("meeting", data) == {}
