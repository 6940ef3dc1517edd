"""``trusted()``: build a model from values the pipeline produced itself, without re-validation.

Pydantic validation costs ~1.2 µs per small model and an article has ~100 of them (paragraphs,
mentions, entities, numbers, quotes, keywords); setting the instance state directly costs ~0.7 µs.
Callers pass every field, with the exact types of the schema (``float`` for float fields, fresh
lists); the tests re-validate ``model_dump()`` output against the models on the whole dev corpus.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

# the slot descriptors BaseModel instances keep their state in, called directly (no MRO lookups)
_slots = BaseModel.__dict__
_set_dict = set_dict = _slots["__dict__"].__set__
_set_fields = set_fields = _slots["__pydantic_fields_set__"].__set__
_set_extra = set_extra = _slots["__pydantic_extra__"].__set__
_set_private = set_private = _slots["__pydantic_private__"].__set__
_new = object.__new__


def trusted(cls: type[M], values: dict[str, Any], fields_set: frozenset[str] | None = None) -> M:
    """``cls(**values)`` without validation.  ``values`` names every field of ``cls`` in declaration
    order; ``fields_set`` is the set of fields the validating call would have been given (default all)."""
    m: M = _new(cls)
    _set_dict(m, values)
    _set_fields(m, set(values if fields_set is None else fields_set))
    _set_extra(m, None)
    _set_private(m, None)
    return m
