"""``trusted()``: build a pydantic model from already-typed values without re-validation."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_setattr = object.__setattr__


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """Like ``cls.model_construct(**values)`` for values naming EVERY field of ``cls``, minus its
    per-field alias/default loop (~6 µs per small model, which dominated the parser's hot path).

    The caller guarantees types; tests re-validate ``model_dump()`` output against the models.
    """
    m = cls.__new__(cls)
    _setattr(m, "__dict__", values)
    _setattr(m, "__pydantic_fields_set__", set(values))
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m
