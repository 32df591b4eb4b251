"""An agreement's content as flowables: each template section with its labels and values.

Fields are a two-column table (label, value); a repeating group is a table with one row per
work function (in the placement's order) or per row (in stored order). Values the template
does not know are listed at the end, so nothing signed is left off the paper.
"""
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from server.pdf.page import RULE, SHADE, TEXT_WIDTH
from server.pdf.values import EMPTY, format_value, is_empty

LABEL_WIDTH = 58 * mm


def text(value: str, style) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def _field_table(rows: list[tuple[str, str]], styles: dict) -> Table:
    """Label and value rows with light rules."""
    data = [[text(label, styles["label"]), text(value, styles["body"])] for label, value in rows]
    table = Table(data, colWidths=[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return table


def _group_table(item: dict, rows: dict, work_functions: dict[str, str], styles: dict) -> Table:
    """A repeating group: a header of the item labels, one row per entry."""
    items = item.get("items", [])
    by_work_function = item.get("over") == "work_functions"
    keys = list(rows)
    if by_work_function:
        keys = [k for k in work_functions if k in rows] + [k for k in rows
                                                           if k not in work_functions]
    header = [i.get("label", i.get("id")) for i in items]
    if by_work_function:
        header.insert(0, "Arbejdsfunktion")
    data = [[text(label, styles["label"]) for label in header]]
    for key in keys:
        row = rows[key] if isinstance(rows[key], dict) else {}
        cells = [format_value(i, row.get(i.get("id"))) for i in items]
        if by_work_function:
            cells.insert(0, work_functions.get(key, "Arbejdsfunktion uden navn"))
        data.append([text(cell, styles["body"]) for cell in cells])
    table = Table(data, colWidths=[TEXT_WIDTH / len(header)] * len(header), repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ]))
    return table


def content_flowables(template: dict | None, content: dict, work_functions: dict[str, str],
                      styles: dict) -> list:
    """Every section of the template with the content's values, then any unknown values."""
    story, known = [], set()
    sections = (template or {}).get("definition", {}).get("sections", [])
    for section in sections:
        story.append(text(section.get("title", ""), styles["section"]))
        fields = []
        for item in section.get("items", []):
            known.add(item.get("id"))
            value = content.get(item.get("id"))
            if item.get("type") != "repeat":
                fields.append((item.get("label", item.get("id")), format_value(item, value)))
                continue
            if fields:
                story.append(_field_table(fields, styles))
                fields = []
            story.append(text(item.get("label", item.get("id")), styles["label"]))
            story.append(_group_table(item, value, work_functions, styles)
                         if isinstance(value, dict) and value else text(EMPTY, styles["body"]))
        if fields:
            story.append(_field_table(fields, styles))
    extra = [(key, format_value({}, value)) for key, value in content.items()
             if key not in known and not is_empty(value)]
    if extra:
        story.append(text("Øvrige felter", styles["section"]))
        story.append(_field_table(extra, styles))
    return story
