"""Texts for codes of the rules, workflow and evidence that had no key of their own.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "rules.ids-more": ("{shown} ほか {count} 件", "{shown} and {count} more"),
    # A move in the review history: the statuses are codes, the same in both languages.
    # A status in words, then the code ``review --to`` takes.
    "workflow.status-with-code": ("{word} ({code})", "{word} ({code})"),
    # A file of a batch and why it failed.
    "evolution.at-path": ("{path}: {reason}", "{path}: {reason}"),
    "migrate.summary-format": (
        "ファイル形式を版 {old} から版 {new} に更新",
        "file format upgraded from version {old} to {new}",
    ),
    # A vendor file refused for what reading its bytes found (the problems, already worded).
    "import.file-problems": ("{problems}", "{problems}"),
    "history.moved": ("{old} → {new}", "{old} → {new}"),
    "history.moved-comment": ("{old} → {new}: {comment}", "{old} → {new}: {comment}"),
}
