"""Reading a case-system CSV export (docs/protocol.md section 9) into typed cells per row.

Rules: UTF-8 with or without BOM, else Windows-1252; `;` or `,` as separator, whichever the
header row holds more of; header names case-insensitive, in any order, unknown ones ignored.
Dates are `DD-MM-YYYY`, `DD.MM.YYYY` or `YYYY-MM-DD`; hours take a decimal comma or point;
enumerations take the DOMAIN word or its Danish label. An empty cell gives no value. Every
problem is kept with its row (1 = the first row after the header) and the column as the file
spells it; nothing here touches the database.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

COLUMNS = ("cpr", "navn", "telefon", "email", "maalgruppe", "sagsbehandler",
           "sagsbehandler_email", "cvr", "virksomhed", "forloebstype", "startdato", "slutdato",
           "praktiktimer", "loentimer")
REQUIRED = ("navn", "cvr", "virksomhed", "forloebstype", "startdato")
TARGET_GROUPS = {
    "dagpenge": "Dagpenge", "kontanthjaelp": "Kontanthjælp",
    "uddannelseshjaelp": "Uddannelseshjælp", "ressourceforloeb": "Ressourceforløb",
    "jobafklaring": "Jobafklaringsforløb", "sygedagpenge": "Sygedagpenge",
    "ledighedsydelse": "Ledighedsydelse", "integration": "Integrationsydelse", "other": "Andet",
}
PLACEMENT_KINDS = {
    "internship": "Virksomhedspraktik", "wage_subsidy": "Løntilskud", "flex_job": "Fleksjob",
    "igu": "IGU", "ordinary": "Ordinære timer", "mentor": "Mentor",
    "job_rotation": "Jobrotation", "adult_apprentice": "Voksenlærling", "other": "Andet",
}
DATE_FORMS = (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"),
              re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"))
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
HOURS = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


@dataclass
class ImportProblem:
    """One problem of the file: its row (0 = the header), column and message."""

    row: int
    column: str
    message: str

    def to_dict(self) -> dict:
        """The problem as the answer lists it."""
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Row:
    """One data row: its number, its parsed values by column key, and the file's spellings."""

    number: int
    values: dict[str, object] = field(default_factory=dict)


@dataclass
class ParsedFile:
    """The rows of a file, the header spelling of each known column, and the problems."""

    rows: list[Row]
    spelling: dict[str, str]
    problems: list[ImportProblem]


def decode(body: bytes) -> str:
    """The file's text: UTF-8 (a BOM is dropped), else Windows-1252."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252")


def separator(header_line: str) -> str:
    """`;` or `,`, whichever the header row holds more of (`;` on a tie)."""
    return "," if header_line.count(",") > header_line.count(";") else ";"


def parse_file(body: bytes) -> ParsedFile:
    """Decode, split and parse every row; problems are collected, never raised."""
    try:
        text = decode(body)
    except UnicodeDecodeError:
        return ParsedFile([], {}, [ImportProblem(0, "", "the file is not UTF-8 or Windows-1252")])
    if "\x00" in text:
        return ParsedFile([], {}, [ImportProblem(0, "", "the file is not a text file")])
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return ParsedFile([], {}, [ImportProblem(0, "", "the file has no header row")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(lines[0]))
    rows: list[Row] = []
    spelling: dict[str, str] = {}
    problems: list[ImportProblem] = []
    try:
        header = next(reader)
        spelling, problems = _header(header)
        positions = {key: header.index(name) for key, name in spelling.items()}
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if problems and problems[0].row == 0:
                rows.append(Row(number))
                continue
            raw = {key: cells[i].strip() if i < len(cells) else "" for key, i in positions.items()}
            rows.append(_parse_row(number, raw, spelling, problems))
    except csv.Error as error:
        problems.append(ImportProblem(max(reader.line_num - 1, 0), "", f"not a CSV row: {error}"))
    return ParsedFile(rows, spelling, problems)


def _header(header: list[str]) -> tuple[dict[str, str], list[ImportProblem]]:
    """The file's spelling of each known column, and problems with the header row."""
    spelling: dict[str, str] = {}
    problems = []
    for name in header:
        key = name.strip().lower()
        if key in COLUMNS:
            if key in spelling:
                problems.append(ImportProblem(0, name, "the column appears twice"))
            spelling[key] = name
    for key in REQUIRED:
        if key not in spelling:
            problems.append(ImportProblem(0, key, "the required column is missing"))
    return spelling, problems


def _parse_row(number: int, raw: dict[str, str], spelling: dict[str, str],
               problems: list[ImportProblem]) -> Row:
    """One row's values; each wrong cell adds a problem and gives no value."""
    row = Row(number)
    for key, cell in raw.items():
        if not cell:
            if key in REQUIRED:
                problems.append(ImportProblem(number, spelling[key], "a value is required"))
            continue
        try:
            row.values[key] = PARSERS.get(key, _text)(cell)
        except ValueError as error:
            problems.append(ImportProblem(number, spelling[key], str(error)))
    return row


def _text(cell: str) -> str:
    """A text cell as it is (surrounding spaces dropped)."""
    return cell


def parse_date(cell: str) -> str:
    """`DD-MM-YYYY`, `DD.MM.YYYY` or `YYYY-MM-DD` as `YYYY-MM-DD`; a day that is not fails."""
    if match := ISO_DATE.fullmatch(cell):
        year, month, day = map(int, match.groups())
    elif match := next((m for form in DATE_FORMS if (m := form.fullmatch(cell))), None):
        day, month, year = map(int, match.groups())
    else:
        raise ValueError("must be a date written DD-MM-YYYY, DD.MM.YYYY or YYYY-MM-DD")
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"{cell} is not a real date") from None


def parse_hours(cell: str) -> int | float:
    """Hours per week with a decimal comma or point, at most two decimals."""
    if not HOURS.fullmatch(cell):
        raise ValueError("must be hours per week, e.g. 37 or 18,5")
    value = float(cell.replace(",", "."))
    if value > 168:
        raise ValueError("must be at most 168 hours per week")
    return int(value) if value.is_integer() else value


def parse_cpr(cell: str) -> str:
    """A CPR number written `DDMMYY-SSSS` or as ten digits, as `DDMMYY-SSSS`."""
    digits = cell.replace("-", "").replace(" ", "")
    if not re.fullmatch(r"\d{10}", digits):
        raise ValueError("must be a CPR number written DDMMYY-SSSS")
    return f"{digits[:6]}-{digits[6:]}"


def parse_cvr(cell: str) -> str:
    """A CVR number without spaces (the record rules check its digits)."""
    return cell.replace(" ", "")


def _word(words: dict[str, str], what: str):
    """A parser taking an enumeration word or its Danish label, case-insensitive."""
    lookup = {}
    for word, label in words.items():
        for spelling in (word, label.lower(), label.lower().translate(FOLD)):
            lookup[spelling] = word

    def parse(cell: str) -> str:
        """The word a cell names, or a ValueError naming the accepted labels."""
        found = lookup.get(cell.lower()) or lookup.get(cell.lower().translate(FOLD))
        if found is None:
            raise ValueError(f"unknown {what}; use one of: {', '.join(words.values())}")
        return found
    return parse


PARSERS = {
    "cpr": parse_cpr, "cvr": parse_cvr, "startdato": parse_date, "slutdato": parse_date,
    "praktiktimer": parse_hours, "loentimer": parse_hours,
    "maalgruppe": _word(TARGET_GROUPS, "target group"),
    "forloebstype": _word(PLACEMENT_KINDS, "placement kind"),
}
