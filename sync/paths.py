"""Reading and writing one merge unit of a record's data by its dotted name."""
from __future__ import annotations

import copy
from typing import Any

from sync.units import MISSING, unit_value

__all__ = ["set_unit", "unit_value", "units_values"]


def set_unit(data: dict[str, Any], unit: str, value: Any) -> dict[str, Any]:
    """A copy of `data` with the named unit set to `value` (MISSING removes it)."""
    result = copy.deepcopy(data)
    keys = unit.split(".")
    holder: Any = result
    for depth, key in enumerate(keys[:-1]):
        child = _child(holder, key)
        if child is MISSING:
            if value is MISSING:
                return result
            child = {"id": key} if isinstance(holder, list) else {}
            _put(holder, key, child)
        elif not isinstance(child, (dict, list)):
            raise ValueError(f"{'.'.join(keys[:depth + 1])} holds no units")
        holder = child
    _put(holder, keys[-1], value)
    return result


def units_values(data: dict[str, Any], units: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """{unit: value} of the named units that have a value in `data`."""
    return {unit: value for unit in units if (value := unit_value(data, unit)) is not MISSING}


def _child(holder: Any, key: str) -> Any:
    """The value under a dict key, or the list item with that id."""
    if isinstance(holder, dict):
        return holder.get(key, MISSING)
    return next((item for item in holder if isinstance(item, dict) and item.get("id") == key),
                MISSING)


def _put(holder: Any, key: str, value: Any) -> None:
    """Set (or with MISSING remove) a dict key or the list item with that id."""
    if isinstance(holder, dict):
        if value is MISSING:
            holder.pop(key, None)
        else:
            holder[key] = value
        return
    index = next((i for i, item in enumerate(holder)
                  if isinstance(item, dict) and item.get("id") == key), None)
    if value is MISSING:
        if index is not None:
            del holder[index]
    elif index is None:
        holder.append(value)
    else:
        holder[index] = value
