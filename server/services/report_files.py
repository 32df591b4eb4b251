"""The activity report as a file: CSV (one section per block) or XLSX (one sheet per block).

Danish headers; the figures are exactly those of the JSON answer. CSV uses `;` and a BOM,
as Danish Excel expects.
"""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook

FIGURES = [
    ("meetings_held", "Møder holdt"), ("companies_visited", "Virksomheder besøgt"),
    ("company_contacts", "Virksomhedskontakter"), ("job_orders_created", "Jobordrer oprettet"),
    ("positions_open", "Åbne pladser"), ("positions_filled", "Besatte pladser"),
]
WORDS = {
    "contacts_by_result": ("Kontakt", {
        "no_opening": "Ingen åbning", "ordinary_opening": "Ordinær åbning",
        "internship": "Praktikplads", "wage_subsidy": "Løntilskud", "flex_job": "Fleksjob",
        "other_opening": "Anden åbning"}),
    "placements_started": ("Startet", {
        "internship": "Virksomhedspraktik", "wage_subsidy": "Løntilskud", "flex_job": "Fleksjob",
        "igu": "IGU", "ordinary": "Ordinære timer", "mentor": "Mentor",
        "job_rotation": "Jobrotation", "adult_apprentice": "Voksenlærling", "other": "Andet"}),
    "placements_ended": ("Afsluttet", {
        "ordinary_job": "Ordinært job", "education": "Uddannelse", "extended": "Forlænget",
        "flex_job": "Fleksjob", "ended_no_job": "Afsluttet uden job", "other": "Andet"}),
}


def _header() -> list[str]:
    """The Danish column names of a block's figures."""
    names = [label for _, label in FIGURES]
    for prefix, labels in WORDS.values():
        names += [f"{prefix}: {label}" for label in labels.values()]
    return names


def _values(figures: dict) -> list[int]:
    """A block row's figures in header order."""
    values = [figures[key] for key, _ in FIGURES]
    for key, (_, labels) in WORDS.items():
        values += [figures[key].get(word, 0) for word in labels]
    return values


def _sheets(report: dict, names: dict[str, str]) -> list[tuple[str, list[list]]]:
    """(title, rows with header) of each block."""
    period = f"{report['from']} – {report['to']}"
    return [
        ("Totaler", [["Periode", *_header()], [period, *_values(report["totals"])]]),
        ("Pr. medarbejder", [["Medarbejder", *_header()]] + [
            [names.get(row["user_id"], row["user_id"]), *_values(row)]
            for row in report["by_user"]]),
        ("Pr. uge", [["Uge", *_header()]] + [[row["week"], *_values(row)]
                                             for row in report["by_week"]]),
    ]


def as_csv(report: dict, names: dict[str, str]) -> bytes:
    """The report as CSV: the blocks one after the other, each under its title."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for index, (title, rows) in enumerate(_sheets(report, names)):
        if index:
            writer.writerow([])
        writer.writerow([title])
        writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(report: dict, names: dict[str, str]) -> bytes:
    """The report as an Excel workbook, one sheet per block."""
    book = Workbook(write_only=True)
    for title, rows in _sheets(report, names):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
