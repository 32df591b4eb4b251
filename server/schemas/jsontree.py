"""Walks over arbitrary JSON values: value rules, null stripping, canonical hashing.

The walks use an explicit stack, never recursion, so no nesting depth makes them raise.
Null stripping drops object keys only: null list elements stay (dropping them would
shift the other elements), and the rules of the list decide whether they are allowed.
"""
from __future__ import annotations

import hashlib
from typing import Any

import rfc8785
from marshmallow.exceptions import SCHEMA

from server.schemas.values import FREE, SHORT, number_problem, text_problem

MAX_DEPTH = 32


def json_problems(value: object) -> dict[str, list[str]]:
    """Where a JSON value breaks the string and number rules, keyed by dotted path ("" = itself)."""
    problems: dict[str, list[str]] = {}
    stack: list[tuple[tuple, object]] = [((), value)]
    while stack:
        path, item = stack.pop()
        problem: str | None
        if len(path) > MAX_DEPTH:
            problem = f"must not be nested more than {MAX_DEPTH} levels deep"
        elif isinstance(item, (dict, list)):
            stack.extend(reversed(_children(item, path, problems)))
            continue
        elif isinstance(item, str):
            problem = text_problem(item, FREE)
        elif item is None or isinstance(item, bool):
            continue
        elif isinstance(item, (int, float)):
            problem = number_problem(item)
        else:
            problem = "must be a JSON value"
        if problem:
            problems[dotted(path)] = [problem]
    return problems


def _children(item: dict | list, path: tuple, problems: dict) -> list[tuple[tuple, object]]:
    """The (path, value) of each element of a list or object; bad keys go to `problems`."""
    if isinstance(item, list):
        return [(path + (index,), child) for index, child in enumerate(item)]
    children = []
    for key, child in item.items():
        key_problem = text_problem(key, SHORT) if isinstance(key, str) else "is not text"
        if key_problem:
            problems[dotted(path + (key,))] = ["key " + key_problem]
        else:
            children.append((path + (key,), child))
    return children


def dotted(path: tuple) -> str:
    """A path as the dotted name errors use; text that cannot be UTF-8 is escaped."""
    return ".".join(str(part).encode("utf-8", "backslashreplace").decode("utf-8")
                    for part in path)


def flatten_errors(messages: object, path: tuple) -> dict[str, list[str]]:
    """Marshmallow's nested error messages as {dotted path: [message, ...]}, in order."""
    flat: dict[str, list[str]] = {}

    def walk(here: tuple, node: object) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                walk(here if key == SCHEMA else here + (key,), child)
        elif isinstance(node, list):
            for child in node:
                walk(here, child)
        else:
            flat.setdefault(dotted(here), []).append(str(node))

    walk(path, messages)
    return flat


def strip_nulls(data):
    """A copy of `data` without the object keys whose value is null, at any depth."""
    root = _shell(data)
    stack = [(data, root)] if root is not data else []
    while stack:
        source, target = stack.pop()
        pairs = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in pairs:
            if value is None and isinstance(source, dict):
                continue
            copy = _shell(value)
            if isinstance(target, dict):
                target[key] = copy
            else:
                target.append(copy)
            if copy is not value:
                stack.append((value, copy))
    return root


def _shell(value):
    """An empty container of the same kind as `value`, or `value` itself for a scalar."""
    if isinstance(value, dict):
        return {}
    if isinstance(value, list):
        return []
    return value


def canonical_sha256(obj: Any) -> str:
    """Hex SHA-256 of the RFC 8785 canonical JSON of `obj` (raises on values JSON cannot hold)."""
    return hashlib.sha256(rfc8785.dumps(obj)).hexdigest()
