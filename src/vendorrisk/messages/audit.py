"""Texts of the approval checks added by the audit of issue 9: approvals the history never
recorded, lost bases, plain approvals with findings that need conditions.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "approval.plain-refused": (
        "承認の条件で扱うべき指摘があるため、条件を付けない承認はできません（{ids}）。条件付き承認にしてください",
        "findings need conditions of approval ({ids}), so approval without conditions is not possible: approve with conditions",
    ),
    "approval.conditions-needed": (
        "条件を付けずに承認されていますが、承認の条件で扱うべき指摘があります（{ids}）。条件付き承認にしてください",
        "approved without conditions, but findings need conditions of approval ({ids}): approve with conditions",
    ),
    "approval.unrecorded": (
        "履歴にこの承認への移行の記録がありません（審査の操作ではなく手で書かれた状態です）",
        "the history records no move to this approval (it was typed into the file, not decided through review)",
    ),
    "approval.basis-missing": (
        "承認した内容の記録（review.basis）がありません。2026-12-02 以降の承認には必ず記録されます",
        "no record of what was approved (review.basis), which every approval since 2026-12-02 has",
    ),
    "audit.verify-no-answer": (
        "{ids}: 確認する回答がありません（回答のある項目だけを市が確認できます）",
        "{ids}: no answer to verify (city staff verify answers that exist)",
    ),
    "audit.comment-too-long": (
        "コメントが長すぎます（履歴に残せるのは {limit} 文字までです）",
        "the comment is too long for the history (at most {limit} characters)",
    ),
    "audit.approval-reopens": ("承認: {reason}", "approval: {reason}"),
}
