"""Texts about vendor text that is refused or shown encoded (controls, bidi, raw files).

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "problem.schema-control-character": (
        "{field} に使えない文字 {char} が {position} 文字目にあります。制御文字と文字の向きを変える文字（bidi 制御文字）は端末の表示を書き換えたり文字列を偽装したりできるため受け付けません{allowed}。",
        "{field} holds the character {char} at position {position}: control characters and bidi controls can rewrite a terminal's display or disguise text, so they are refused{allowed}",
    ),
    "problem.schema-control-character.multiline": (
        "（改行とタブは使えます）",
        " (line breaks and tabs are allowed here)",
    ),
    "problem.schema-control-character.line": (
        "（この項目は1行で、改行とタブも使えません）",
        " (this field is one line: no line breaks or tabs either)",
    ),
    "textconv.raw-note": (
        "# vendorrisk textconv: 評価ファイルとして読めないため、そのまま表示します（{reason}）",
        "# vendorrisk textconv: not readable as an assessment, shown as it is ({reason})",
    ),
    "textconv.raw-reason-catalogue": (
        "評価項目カタログを読めません",
        "the catalogue cannot be read",
    ),
}
