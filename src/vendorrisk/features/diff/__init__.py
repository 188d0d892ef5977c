"""The semantic diff of two versions of an assessment: what a reviewer needs to see in a
pull request, with each changed answer beside its question. Core code: no UI, no HTTP."""

from vendorrisk.features.diff.compare import (
    AnswerChange,
    AssessmentDiff,
    Change,
    ItemChange,
    compare,
)

__all__ = [
    "AnswerChange",
    "AssessmentDiff",
    "Change",
    "ItemChange",
    "compare",
]
