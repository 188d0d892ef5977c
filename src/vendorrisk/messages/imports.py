"""Texts of the import safeguards (applicability changes, hostile cells) and of the
cross-checks and consistency checks ``validate`` runs on an assessment's facts.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- import-answers: cells ----------------------------------------------------------
    "import.control": (
        "{field} に制御文字または双方向制御文字 {char} が含まれています。取り除いてください",
        "the {field} contains the control or bidi character {char}; remove it",
    ),
    "import.control-line": (
        "{field} に制御文字または双方向制御文字 {char} が含まれています（改行とタブを使えるのは note・reason・記述式の回答だけです）。取り除いてください",
        "the {field} contains the control or bidi character {char} (line breaks and tabs are allowed only in notes, reasons and text answers); remove it",
    ),
    "import.not-text": (
        "{field} は文字列で記入してください（{found} が記入されています）",
        "the {field} must be text, not a {found}",
    ),
    "import.evidence-not-list": (
        "evidence は資料名の一覧（文字列の配列）で記入してください（{found} が記入されています）",
        "evidence must be a list of document names (texts), not a {found}",
    ),
    "import.evidence-not-text": (
        "evidence の各項目は資料名（文字列）で記入してください（{found} が含まれています）",
        "each evidence entry must be a document name (text), not a {found}",
    ),
    "import.evidence-too-long": (
        "evidence の資料名が長すぎます（{size} 文字、上限 {limit} 文字）",
        "an evidence entry is too long ({size} characters; the limit is {limit})",
    ),
    "import.note-too-long": (
        "note が長すぎます（{size} 文字）。取込元の記録を添えるため、{limit} 文字以内にしてください",
        "the note is too long ({size} characters): with the line that records where it came from, it must be at most {limit} characters",
    ),
    "import.not-finite": (
        "数値として使えない値です（{value}）。有限の数を記入してください",
        "'{value}' is not a usable number; give a finite number",
    ),
    "import.name-control": (
        "ファイル名に制御文字または双方向制御文字 {char} が含まれています。名前を変えてから取り込んでください",
        "the file name contains the control or bidi character {char}; rename the file and import it again",
    ),
    "import.line-blank": ("空です", "it is blank"),
    "import.line-too-long": (
        "長すぎます（{size} 文字、上限 {limit} 文字）",
        "it is too long ({size} characters; the limit is {limit})",
    ),
    "import.line-control": (
        "制御文字または双方向制御文字 {char} が含まれています",
        "it contains the control or bidi character {char}",
    ),
    "import.bad-by": (
        "--by の名前は回答者として記録できません: {reason}",
        "the --by name cannot be recorded as who answered: {reason}",
    ),
    # --- import-answers: what applies ---------------------------------------------------
    "import.opt_accept": (
        "回答によって該当する設問が変わる場合も取り込みます（変わる設問は一覧で示します）",
        "import even when the answers change which questions apply (the changes are listed)",
    ),
    "import.line-stops": (
        "該当しなくなる: {id}（回答は残り、評価の対象外になります）",
        "stops applying: {id} (its answer stays but is no longer assessed)",
    ),
    "import.line-stops-unanswered": ("該当しなくなる: {id}", "stops applying: {id}"),
    "import.line-starts": ("新たに該当する: {id}", "starts applying: {id}"),
    "import.city-verified-stop": (
        "取込を拒否しました。{causes} の回答によって、市職員が確認済みの回答がある設問 {ids} が該当しなくなるためです。事業者の申告で市の確認結果を外すことはできません。何も取り込んでいません。回答の内容を事業者に確認し、変更が正しければ市職員が評価画面で回答を直してください",
        "import refused: the answers to {causes} would make {ids} stop applying, and city staff verified the answers to those questions. A vendor's statement cannot remove the city's findings. Nothing was imported. Check the answers with the vendor; if the change is right, city staff change the answers themselves",
    ),
    "import.needs-acceptance": (
        "取込を保留しました。{causes} の回答によって、該当する設問が変わります（上の一覧）。何も取り込んでいません。変更を確認したうえで --accept-applicability-changes を付けて実行してください",
        "import held back: the answers to {causes} change which questions apply (listed above). Nothing was imported. Check the changes, then run again with --accept-applicability-changes",
    ),
    "import.nothing-imported": ("何も取り込んでいません。", "nothing imported"),
}
