"""Styles and the page frame: the job centre's name on top, 'Side X af Y' and the time below."""
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from server.pdf.fonts import Fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12  # less the frame's 6 pt padding each side
ACCENT = Color(0.11, 0.29, 0.45)
MUTED = Color(0.38, 0.38, 0.38)
RULE = Color(0.8, 0.82, 0.85)
SHADE = Color(0.95, 0.96, 0.97)
WARNING = Color(0.62, 0.16, 0.08)


def styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    """The paragraph styles of the document."""
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=13.5)
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontName=fonts.bold, fontSize=20, leading=24,
                                textColor=ACCENT, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", body, textColor=MUTED, spaceAfter=5 * mm),
        "section": ParagraphStyle("section", body, fontName=fonts.bold, fontSize=12.5, leading=16,
                                  textColor=ACCENT, spaceBefore=5 * mm, spaceAfter=2 * mm),
        "label": ParagraphStyle("label", body, fontName=fonts.bold, fontSize=9, leading=12),
        "small": ParagraphStyle("small", body, fontSize=8.5, leading=11, textColor=MUTED,
                                spaceAfter=2 * mm),
        "note": ParagraphStyle("note", body, fontName=fonts.italic, fontSize=9, leading=12),
        "warning": ParagraphStyle("warning", body, fontName=fonts.bold, fontSize=9.5, leading=12.5,
                                  textColor=WARNING),
        "hash": ParagraphStyle("hash", body, fontName=fonts.mono, fontSize=7.6, leading=10),
        "typed": ParagraphStyle("typed", body, fontName=fonts.italic, fontSize=15, leading=18),
    }


def page_frame(fonts: Fonts, jobcenter: str, heading: str, footer: str):
    """A canvas class that draws the page frame and knows the page count when it saves."""

    class FramedCanvas(Canvas):
        """Keeps every page until the end so each can say 'Side X af Y'."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802  (reportlab's name)
            """Hold the finished page back until the page count is known."""
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            """Draw the frame on every held page, then write the file."""
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_frame(number, len(self._pages))
                super().showPage()
            super().save()

        def _draw_frame(self, number: int, total: int) -> None:
            """Header and footer of one page."""
            self.saveState()
            top = PAGE_HEIGHT - 12 * mm
            self.setFont(fonts.bold, 9.5)
            self.setFillColor(ACCENT)
            self.drawString(MARGIN, top, jobcenter)
            self.setFont(fonts.regular, 8.5)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - MARGIN, top, heading)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN, top - 2.5 * mm, PAGE_WIDTH - MARGIN, top - 2.5 * mm)
            self.line(MARGIN, 15 * mm, PAGE_WIDTH - MARGIN, 15 * mm)
            self.drawString(MARGIN, 10 * mm, footer)
            self.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"Side {number} af {total}")
            self.restoreState()

    return FramedCanvas
