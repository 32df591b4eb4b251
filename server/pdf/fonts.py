"""The PDF's fonts: DejaVu Sans from the configured folder, else reportlab's Bitstream Vera.

Both are embedded TrueType fonts with Unicode maps, so Danish letters print and can be
copied and searched in the file. DejaVu also covers the names of citizens from most of
Europe (Vera lacks letters such as Ż), so production servers should have it installed.
Each font set is registered once per process under its own names.
"""
from pathlib import Path
from typing import NamedTuple

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
           "DejaVuSansMono.ttf")
_VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "Vera.ttf")


class Fonts(NamedTuple):
    """The registered names of the four faces the document uses."""

    regular: str
    bold: str
    italic: str
    mono: str


def _files(font_dir: str) -> tuple[Path, ...]:
    """The four font files: DejaVu in `font_dir` when all are there, else Vera."""
    dejavu = tuple(Path(font_dir or "/nonexistent") / name for name in _DEJAVU)
    if all(path.is_file() for path in dejavu):
        return dejavu
    return tuple(Path(reportlab.__file__).parent / "fonts" / name for name in _VERA)


def register_fonts(font_dir: str) -> Fonts:
    """Register the font set of `font_dir` (once per process) and name its faces."""
    files = _files(font_dir)
    fonts = Fonts(*(f"Feltmappe-{path.stem}" for path in files))
    if fonts.regular not in pdfmetrics.getRegisteredFontNames():
        for name, path in zip(fonts, files):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(fonts.regular, 0, 0, fonts.regular)
        addMapping(fonts.regular, 1, 0, fonts.bold)
        addMapping(fonts.regular, 0, 1, fonts.italic)
        addMapping(fonts.regular, 1, 1, fonts.bold)
    return fonts
