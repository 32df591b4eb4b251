"""A drawn signature from its stroke vectors: scaled into a box and drawn as smooth lines.

Strokes are lists of [x, y, t] points in the signing pad's coordinates (y grows downwards,
`width` × `height` the pad's size). They are scaled uniformly to fit the box, centred, and
flipped to PDF coordinates (y grows upwards). Each stroke is drawn through the midpoints
of its segments with the points as Bézier controls, which smooths the polyline without
moving its ends; a stroke of one point is a dot.
"""
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

INK = Color(0.08, 0.13, 0.35)
Point = tuple[float, float]


def _extent(strokes: list, width: float | None, height: float | None) -> tuple[float, ...]:
    """(left, top, width, height) of the drawing area: the pad, or the points' bounds."""
    points = [p for stroke in strokes for p in stroke]
    if width and height:
        return 0.0, 0.0, float(width), float(height)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)


def fit_strokes(strokes: list, width: float | None, height: float | None,
                box_width: float, box_height: float) -> list[list[Point]]:
    """The strokes' points in box coordinates (origin bottom left), aspect ratio kept."""
    strokes = [[p for p in stroke if len(p) >= 2] for stroke in strokes or []]
    strokes = [stroke for stroke in strokes if stroke]
    if not strokes:
        return []
    left, top, span_x, span_y = _extent(strokes, width, height)
    scale = min(box_width / span_x, box_height / span_y)
    pad_x = (box_width - span_x * scale) / 2
    pad_y = (box_height - span_y * scale) / 2
    return [[(pad_x + (p[0] - left) * scale, box_height - pad_y - (p[1] - top) * scale)
             for p in stroke] for stroke in strokes]


def _towards(point: Point, control: Point) -> Point:
    """Two thirds of the way from a point to a quadratic control (quadratic → cubic)."""
    return (point[0] + 2 / 3 * (control[0] - point[0]), point[1] + 2 / 3 * (control[1] - point[1]))


def smooth_segments(points: list[Point]) -> list[tuple[Point, Point, Point]]:
    """Cubic Bézier segments (control 1, control 2, end) through the points' midpoints."""
    if len(points) < 3:
        return [(points[0], points[-1], points[-1])] if len(points) == 2 else []
    mids = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(points, points[1:])]
    segments = [(points[0], mids[0], mids[0])]
    for corner, start, end in zip(points[1:-1], mids, mids[1:]):
        first = _towards(start, corner)
        second = _towards(end, corner)
        segments.append((first, second, end))
    segments.append((mids[-1], points[-1], points[-1]))
    return segments


class SignatureDrawing(Flowable):
    """A drawn signature in a box of the given size (points), with a signing line under it."""

    def __init__(self, strokes: list, width: float | None, height: float | None,
                 box_width: float, box_height: float):
        super().__init__()
        self.paths = fit_strokes(strokes, width, height, box_width, box_height - 4)
        self.box_width, self.box_height = box_width, box_height

    def wrap(self, available_width, available_height):
        """The box's size."""
        return self.box_width, self.box_height

    def draw(self):
        """Draw every stroke, then the signing line."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        canvas.setLineWidth(1.3)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for points in self.paths:
            shifted = [(x, y + 4) for x, y in points]
            if len(shifted) == 1:
                canvas.circle(shifted[0][0], shifted[0][1], 0.9, stroke=0, fill=1)
                continue
            path = canvas.beginPath()
            path.moveTo(*shifted[0])
            for first, second, end in smooth_segments(shifted):
                path.curveTo(*first, *second, *end)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setStrokeColor(Color(0.55, 0.55, 0.55))
        canvas.setLineWidth(0.5)
        canvas.line(0, 1, self.box_width, 1)
        canvas.restoreState()
