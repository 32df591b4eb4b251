"""Generic demo answers for an assessment template (docs/domain.md, "Templates").

Rules: `quality` (0 worst … 1 best) picks a level or rating, with a little noise; a
benchmark rating (T.BENCHMARK_WORDS in its label) is rated high instead. Level
items of one group that share the same scale are read as a sequence (start level, then
targets) and climb one step each; date items of one group climb four weeks each from the
assessment date. A `work_functions` group is keyed by the placement's work-function ids,
a `rows` group by ids the caller gives, and the first text item of a row names the row.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from server.demo import text as T


def build_answers(
    definition: dict,
    rng: random.Random,
    quality: float,
    *,
    on: date,
    work_functions: list[dict],
    row_ids: list[str],
    words: dict[str, str],
) -> dict:
    """Answers for every item of `definition`, at the given quality."""
    ctx = _Context(rng, quality, on, work_functions, row_ids, words)
    answers: dict = {}
    for section in definition["sections"]:
        answers.update(ctx.group(section["items"], row_name=None))
    return answers


class _Context:
    """What one assessment's answers are made from."""

    def __init__(self, rng, quality, on, work_functions, row_ids, words):
        self.rng, self.quality, self.on = rng, quality, on
        self.work_functions, self.row_ids, self.words = work_functions, row_ids, words

    def group(self, items: list[dict], row_name: str | None) -> dict:
        """Answers for the items of a section or of one row of a repeating group."""
        answers: dict = {}
        previous_levels: dict[str, int] = {}
        dates_seen = 0
        for item in items:
            kind = item["type"]
            if kind == "repeat":
                answers[item["id"]] = self.repeat(item)
            elif kind == "level":
                answers[item["id"]] = self.level(item["levels"], previous_levels)
            elif kind == "date":
                answers[item["id"]] = (self.on + timedelta(weeks=4 * dates_seen)).isoformat()
                dates_seen += 1
            elif kind in ("text", "longtext") and row_name is not None:
                # The first text item of a row names what the row is about.
                answers[item["id"]], row_name = row_name, None
            else:
                answers[item["id"]] = self.simple(item)
        return answers

    def repeat(self, item: dict) -> dict:
        """A repeating group: one row per work function, or per given row id."""
        if item["over"] == "work_functions":
            return {wf["id"]: self.group(item["items"], row_name=None)
                    for wf in self.work_functions}
        names = [wf["name"] for wf in self.work_functions] or ["Daglige opgaver"]
        return {row_id: self.group(item["items"], row_name=names[i % len(names)])
                for i, row_id in enumerate(self.row_ids)}

    def level(self, levels: list[dict], previous: dict[str, int]):
        """A level's value: by quality, or one step above the last one on the same scale."""
        ranked = sorted(
            range(len(levels)),
            key=lambda i: (levels[i]["points"], _number(levels[i]["value"], i)),
        )
        scale = repr(levels)
        if scale in previous:
            step = min(previous[scale] + 1, len(ranked) - 1)
        else:
            step = self.scaled(0, len(ranked) - 1)
        previous[scale] = step
        return levels[ranked[step]]["value"]

    def scaled(self, low: int, high: int, quality: float | None = None) -> int:
        """A whole number in low..high that follows the quality, give or take one."""
        quality = self.quality if quality is None else quality
        guess = round(low + quality * (high - low)) + self.rng.choice((-1, 0, 0, 1))
        return max(low, min(high, guess))

    def simple(self, item: dict):
        """An answer of the item's type."""
        kind = item["type"]
        if kind == "rating":
            label = item.get("label", "").lower()
            benchmark = any(word in label for word in T.BENCHMARK_WORDS)
            return self.scaled(item["min"], item["max"], 0.75 if benchmark else None)
        if kind in ("text", "longtext"):
            return self.text(item.get("label", ""))
        if kind == "integer":
            return self.rng.randint(1, 10)
        if kind == "number":
            return self.rng.randint(10, 100) / 10
        if kind == "time":
            return self.rng.choice(("08:00", "09:00", "12:30"))
        if kind == "boolean":
            return self.rng.random() < 0.7
        values = [o["value"] if isinstance(o, dict) else o for o in item["options"]]
        if kind == "choice":
            return self.rng.choice(values)
        return values[: self.rng.randint(1, len(values))]

    def text(self, label: str) -> str:
        """A Danish sentence that suits the item's label."""
        lowered = label.lower()
        for word, answer in T.TEXT_BY_LABEL:
            if word in lowered:
                chosen = self.rng.choice(answer) if isinstance(answer, list) else answer
                return chosen.format(**self.words)
        return self.rng.choice(T.TEXT_FALLBACK).format(**self.words)


def _number(value, fallback: int):
    """A level's value when it is a number, else its position (to break ties in points)."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else fallback
