"""Between the TOML document (plain dicts) and the typed Assessment, driven by the model.

Nothing here is written field by field: each dataclass's fields, file keys
(``schemas.shape.FileKey``) and types are read once, at first use, into a plan of small
converters (``fields``), so a field added to the model is read and written with no change
here.

``to_document`` (``writing``) fixes the canonical layout: the key order a class states in
``FILE_ORDER`` (other fields follow in declaration order), answers in catalogue order,
nothing written for absent or empty values, nor for a value at its default when the field
is marked ``OMITTED_AT_DEFAULT``. ``from_document`` (``reading``) expects a document that
passed the JSON Schema, and adds the checks the schema cannot make on TOML: dates must be
TOML dates, not quoted strings, because JSON Schema sees both as the same string; integers
must not be floats.
"""

from __future__ import annotations

from vendorrisk.core.codec.reading import FIRST_YEAR, LAST_YEAR, from_document
from vendorrisk.core.codec.writing import answer_sort_key, normalize_text, to_document

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "answer_sort_key",
    "from_document",
    "normalize_text",
    "to_document",
]
